package explain

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
)

// Comparison says why two exchanges of the same request differ: the causes the
// headers show (a validator that matched, an ETag that changed, a DELETE, a response
// that went stale) and every header field that differs.
type Comparison struct {
	StatusA    int    `json:"status_a"`
	StatusB    int    `json:"status_b"`
	SameStatus bool   `json:"same_status"`
	ETagA      string `json:"etag_a"`
	ETagB      string `json:"etag_b"`
	// Body is "same", "changed", or "not compared: " and the reason (a 304 or 204
	// has no content, a HEAD response none either, a truncated body cannot be judged).
	Body        string `json:"body"`
	BodyChanged bool   `json:"body_changed"`
	// Causes are the reasons found, most specific first. Empty when the exchanges
	// agree, or when nothing in the headers explains a difference (then a cause
	// with id "status-changed" or "body-changed" says so).
	Causes  []Cause        `json:"causes"`
	Headers []HeaderChange `json:"headers"`
}

// Cause is one reason the second exchange differs from the first, with the rule it
// rests on. IDs are stable: not-modified-match, validator-changed, etag-changed,
// precondition-failed-changed, precondition-required, gone, created, became-stale,
// became-fresh, etag-reused, etag-weak-changed, content-coding-differs,
// vary-request-differs, body-changed, last-modified-changed, status-changed,
// method-differs, precondition-differs, precondition-met.
type Cause struct {
	ID       string   `json:"id"`
	Severity Severity `json:"severity"`
	Title    string   `json:"title"`
	Detail   string   `json:"detail"`
	Refs     []string `json:"refs"`
}

// newCause builds a cause.
func newCause(id string, sev Severity, title, detail string, refs ...string) Cause {
	if refs == nil {
		refs = []string{}
	}
	return Cause{id, sev, title, detail, refs}
}

// HeaderChange is one response field whose lines differ between A and B. Change is
// "added" (only in B), "removed" (only in A) or "changed".
type HeaderChange struct {
	Name   string   `json:"name"`
	Change string   `json:"change"`
	A      []string `json:"a"`
	B      []string `json:"b"`
}

// Compare explains how b, a later exchange of the same request, differs from a.
// between are exchanges sent in between, oldest first (for example a DELETE or a PUT
// from the session history); they let Compare name a write as the cause. It is pure:
// freshness is judged at each exchange's own Now (or Received), never the clock.
func Compare(a, b Exchange, between ...Exchange) Comparison {
	c := Comparison{
		StatusA: a.Response.Status, StatusB: b.Response.Status,
		SameStatus: a.Response.Status == b.Response.Status,
		Causes:     []Cause{}, Headers: diffHeaders(a.Response.Fields, b.Response.Fields),
	}
	c.ETagA, _ = first(a.Response.Fields, "ETag")
	c.ETagB, _ = first(b.Response.Fields, "ETag")
	c.Body, c.BodyChanged = compareBodies(a, b)
	p := pair{a: a, b: b, between: between}
	c.Causes = append(c.Causes, p.methodCause()...)
	c.Causes = append(c.Causes, p.statusCauses()...)
	c.Causes = append(c.Causes, p.freshnessCauses()...)
	c.Causes = append(c.Causes, p.validatorCauses(c.BodyChanged && c.SameStatus)...)
	c.Causes = append(c.Causes, p.bodyCauses(c)...)
	c.Causes = append(c.Causes, p.preconditionCauses(c.SameStatus)...)
	slices.SortStableFunc(c.Causes, func(x, y Cause) int { return causeRank(x.ID) - causeRank(y.ID) })
	return c
}

// causeRank orders causes by how well they explain the difference: what the
// requests did differently first (method, preconditions as sent, fields the
// response varies on), then what the server decided from it (the status), then
// what follows from that (freshness, new validators), and "nothing seen" last.
func causeRank(id string) int {
	switch id {
	case "method-differs", "vary-request-differs", "content-coding-differs", "precondition-differs":
		return 0
	case "etag-changed", "etag-reused", "etag-weak-changed", "last-modified-changed":
		return 3
	case "became-stale", "became-fresh":
		return 2
	case "body-changed", "status-changed":
		return 4
	}
	return 1
}

// compareBodies says whether both responses carry content and whether it differs.
func compareBodies(a, b Exchange) (string, bool) {
	for _, side := range []struct {
		name string
		x    Exchange
	}{{"A", a}, {"B", b}} {
		if why := noContentReason(side.x); why != "" {
			return "not compared: " + side.name + " " + why, false
		}
	}
	if bytes.Equal(a.Response.Body, b.Response.Body) {
		return "same", false
	}
	return "changed", true
}

// noContentReason says why a response's body cannot be compared, or "".
func noContentReason(x Exchange) string {
	r := x.Response
	switch {
	case r.Status == 304:
		return "is a 304 Not Modified, which has no content"
	case r.Status == 204:
		return "is a 204 No Content"
	case r.Status >= 100 && r.Status < 200:
		return "is an interim response"
	case methodOf(x) == "HEAD":
		return "answers a HEAD, which has no content"
	case r.Truncated && r.KeptBy != "":
		return "was not kept whole by " + r.KeptBy
	case r.Truncated:
		return "was cut at the size limit"
	}
	return ""
}

// diffHeaders lists the fields whose lines differ, by name case-insensitively, in
// the order they first appear in a, then in b.
func diffHeaders(a, b []Field) []HeaderChange {
	out := []HeaderChange{}
	seen := map[string]bool{}
	for _, fs := range [][]Field{a, b} {
		for _, f := range fs {
			key := strings.ToLower(f.Name)
			if seen[key] {
				continue
			}
			seen[key] = true
			la, lb := lines(a, f.Name), lines(b, f.Name)
			switch {
			case len(la) == 0:
				out = append(out, HeaderChange{Name: f.Name, Change: "added", A: []string{}, B: lb})
			case len(lb) == 0:
				out = append(out, HeaderChange{Name: f.Name, Change: "removed", A: la, B: []string{}})
			case strings.Join(la, "\n") != strings.Join(lb, "\n"):
				out = append(out, HeaderChange{Name: f.Name, Change: "changed", A: la, B: lb})
			}
		}
	}
	return out
}

// pair holds the two exchanges being compared and what happened between them.
type pair struct {
	a, b    Exchange
	between []Exchange
}

// methodCause notes that the two requests used different methods.
func (p pair) methodCause() []Cause {
	ma, mb := methodOf(p.a), methodOf(p.b)
	if ma == "" || mb == "" || ma == mb {
		return nil
	}
	return []Cause{newCause("method-differs", Info, fmt.Sprintf("A was %s, B was %s", ma, mb),
		"These are not two sends of the same request: the method alone can explain a different status and body.",
		"RFC 9110 §9.1")}
}

// tagOf reads a response's ETag when it is one valid entity tag.
func tagOf(x Exchange) (ETag, bool) { return responseETag(x.Response) }

// writeBetween returns the first successful unsafe request in between whose target
// is the same URL as b's, for naming it as the cause.
func (p pair) writeBetween() (Exchange, bool) {
	target := ""
	if p.b.Request != nil {
		target = p.b.Request.URL
	}
	for _, x := range p.between {
		m := methodOf(x)
		if m == "" || cacheSafeMethod(m) || x.Response.Status < 200 || x.Response.Status >= 400 {
			continue
		}
		if target == "" || x.Request.URL == target {
			return x, true
		}
	}
	return Exchange{}, false
}

// describeExchange names an exchange briefly: "DELETE → 204".
func describeExchange(x Exchange) string {
	m := methodOf(x)
	if m == "" {
		m = "a request"
	}
	return fmt.Sprintf("%s → %d", m, x.Response.Status)
}
