package demo

import (
	"net/http"
	"strings"
	"time"
)

// heuristicAge is how old the heuristic scenario's Last-Modified is; a cache may then
// guess a lifetime of a tenth of it, one day (RFC 9111 §4.2.2).
const heuristicAge = 10 * 24 * time.Hour

// scenario is one caching lesson: the fields that teach it and a sentence about them.
type scenario struct {
	summary  string
	cache    [][2]string // Cache-Control, Expires, Vary
	etag     bool        // send a strong ETag so the response can be revalidated
	modified time.Time   // Last-Modified, when the lesson needs one
}

// scenarioNames lists the scenarios in the order the docs give them.
func scenarioNames() []string {
	return []string{"no-store", "no-cache", "private", "max-age", "s-maxage", "expires",
		"heuristic", "vary", "immutable", "must-revalidate"}
}

// lookupScenario builds a scenario for a response sent at now by a handler made at start.
func lookupScenario(name string, now, start time.Time) (scenario, bool) {
	cc := func(v string) [][2]string { return [][2]string{{"Cache-Control", v}} }
	switch name {
	case "no-store":
		return scenario{summary: "Cache-Control: no-store: no cache, private or shared, may keep any part of this response",
			cache: cc("no-store")}, true
	case "no-cache":
		return scenario{summary: "Cache-Control: no-cache: caches may store this, but must revalidate it with the ETag " +
			"(If-None-Match) before every reuse; a match answers 304", cache: cc("no-cache"), etag: true}, true
	case "private":
		return scenario{summary: "Cache-Control: private, max-age=60: only a private (browser) cache may store this, " +
			"fresh for 60 seconds; shared caches must not", cache: cc("private, max-age=60")}, true
	case "max-age":
		return scenario{summary: "Cache-Control: max-age=60: any cache may reuse this for 60 seconds after Date",
			cache: cc("max-age=60")}, true
	case "s-maxage":
		return scenario{summary: "Cache-Control: max-age=60, s-maxage=300: private caches keep it fresh for 60 seconds, " +
			"shared caches for 300, because s-maxage overrides max-age for them", cache: cc("max-age=60, s-maxage=300")}, true
	case "expires":
		return scenario{summary: "Expires one hour after Date, and no Cache-Control: fresh for 3600 seconds",
			cache: [][2]string{{"Expires", now.Add(time.Hour).Format(http.TimeFormat)}}}, true
	case "heuristic":
		return scenario{summary: "only Last-Modified, ten days old, and no Cache-Control or Expires: a cache may guess " +
			"a freshness lifetime, typically 10% of the age, one day", modified: start.Add(-heuristicAge)}, true
	case "vary":
		return scenario{summary: "Cache-Control: max-age=60 with Vary: Accept: this body echoes your Accept field, " +
			"so a cache keeps one copy per Accept value", cache: [][2]string{{"Cache-Control", "max-age=60"}, {"Vary", "Accept"}},
			etag: true}, true
	case "immutable":
		return scenario{summary: "Cache-Control: public, max-age=31536000, immutable: fresh for a year, and a cache " +
			"need not revalidate it even when the user reloads", cache: cc("public, max-age=31536000, immutable")}, true
	case "must-revalidate":
		return scenario{summary: "Cache-Control: max-age=60, must-revalidate: fresh for 60 seconds; once stale, a " +
			"cache must not serve it without revalidating, even when disconnected", cache: cc("max-age=60, must-revalidate"),
			etag: true}, true
	}
	return scenario{}, false
}

// scenarioBody is the JSON that explains a scenario.
type scenarioBody struct {
	Scenario string `json:"scenario"`
	Summary  string `json:"summary"`
	Accept   string `json:"accept,omitempty"` // the vary scenario's echo
}

// cache answers GET /cache/{scenario}.
func (h *handler) cache(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("scenario")
	sc, ok := lookupScenario(name, h.now(), h.start)
	if !ok {
		writeProblem(w, r, &problem{status: http.StatusNotFound,
			detail: "no such caching scenario; try one of: " + strings.Join(scenarioNames(), ", ")})
		return
	}
	doc := scenarioBody{Scenario: name, Summary: sc.summary}
	if name == "vary" {
		doc.Accept = r.Header.Get("Accept")
	}
	rep := representation{body: marshalBody(doc), contentType: jsonType, cache: sc.cache}
	rep.modified = sc.modified
	if sc.etag {
		rep.etag = strongETag(rep.body)
	}
	serve(w, r, rep)
}
