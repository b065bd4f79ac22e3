// Package conditional is the TUI's conditional-request workflow as a small type
// the root holds: what the session knows about resource versions (ETags and the
// bodies read, by URL; validators with where they came from), which requests
// last got 412 or 428, and what R does about it (re-read, then the three-way
// view; or drop the precondition that cannot hold). It is logic over exchanges:
// the root sends, shows and routes; nothing here draws or does I/O. It imports
// explain, preconditions and requests, never the root ui package.
package conditional

import (
	"fmt"
	"maps"
	"strings"
	"time"

	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/explaininput"
	"github.com/httplens/httplens/preconditions"
	"github.com/httplens/httplens/requests"
)

// maxBase is the largest body kept as the version a later write was based on.
const maxBase = 1 << 20

// Failure is the 412 or 428 a request's last exchange got, with what the
// re-read and the three-way view need.
type Failure struct {
	Key      string            // the request's key
	URL      string            // as sent
	Headers  []requests.Header // as sent
	Mine     []byte            // the body as sent: your change
	Base     []byte            // the last body read of the URL before the write: where your change started
	What     explain.Failure   // which precondition failed (412)
	Required bool              // 428 Precondition Required rather than 412
	Note     string            // the banner and the next step, for the Explain pane
}

// Workflow is the session's conditional state. Build it with New; copies share
// their maps, as the root model's copies do.
type Workflow struct {
	etags  map[string]string // the last ETag seen, by resolved URL
	known  *preconditions.Known
	bodies map[string][]byte // the last 2xx GET body, by URL
	// failed is, by request key, whose last exchange was 412/428. A re-read
	// leaves the failure in place until its own answer arrives, so one that is
	// cancelled or superseded by another send leaves R offered for the request.
	failed map[string]Failure
}

// New returns a workflow that knows nothing yet.
func New() Workflow {
	return Workflow{etags: map[string]string{}, known: &preconditions.Known{}, bodies: map[string][]byte{},
		failed: map[string]Failure{}}
}

// Known is the validators seen so far, by URL, with their sources.
func (w Workflow) Known() preconditions.Known { return *w.known }

// ETag is the last ETag seen for url ("" for none).
func (w Workflow) ETag(url string) string { return w.etags[url] }

// ETags is a copy of the known ETags a command may keep.
func (w Workflow) ETags() map[string]string { return maps.Clone(w.etags) }

// Failed returns the 412 or 428 that request key's last exchange got.
func (w Workflow) Failed(key string) (Failure, bool) {
	f, ok := w.failed[key]
	return f, ok && key != ""
}

// Observe learns from an exchange: a successful response's ETag becomes the one
// known for its URL; a successful DELETE, 404 or 410 forgets it; a 2xx GET body
// is kept as the version a later write to the URL is based on.
func (w Workflow) Observe(x requests.Exchange) {
	r := x.Response
	if r == nil {
		return
	}
	tag := header(r.Headers, "ETag")
	w.known.Observe(x.Request.Method, x.Request.URL, r.Status, tag, header(r.Headers, "Last-Modified"), x.Received)
	url := x.Request.URL
	switch {
	case r.Status == 404 || r.Status == 410 || x.Request.Method == "DELETE" && r.Status/100 == 2:
		delete(w.etags, url)
	case tag != "" && (r.Status/100 == 2 || r.Status == 304):
		w.etags[url] = tag
	}
	if x.Request.Method == "GET" && r.Status/100 == 2 && !r.Truncated && len(r.Body) < maxBase {
		w.bodies[url] = r.Body
	}
}

// Outcome is what an answer means for the workflow; the root shows it.
type Outcome struct {
	// Failed is set when the answer was 412 or 428: its Note goes above the
	// explanation and its first line on the status line.
	Failed *Failure
	// After a re-read, For is the request it was for and Status what to say.
	For    string
	Status string
	IsErr  bool
	// IfMatch, after a 428's re-read, is the value to put in If-Match (a
	// Suggestion whose Message says where it came from).
	IfMatch *preconditions.Suggestion
	// Merge, after a 412's re-read, is the three-way view to show.
	Merge *Merge
	// was is the failure a re-read answered, kept in case its outcome cannot
	// be applied now (the request is no longer shown).
	was *Failure
}

// Merge is the three-way view after a 412's re-read: where your change started,
// the server's version now (with its ETag) and your change, merged member by
// member when all three are JSON objects.
type Merge struct {
	Key  string
	Seen preconditions.Seen // the re-read: the server's current ETag and where it came from
	preconditions.ThreeWay
}

// Answered updates the workflow with the answer x to request key (""
// for an ad-hoc send); rereadOf names the request a re-read was for. reread is
// the key that re-reads, for the advice.
func (w Workflow) Answered(key string, x requests.Exchange, rereadOf, reread string) Outcome {
	w.Observe(x)
	if x.Response == nil {
		// A re-read that failed or was cancelled leaves the 412 as it was: R again.
		return Outcome{}
	}
	if st := x.Response.Status; (st == 412 || st == 428) && key != "" {
		f := Failure{Key: key, URL: x.Request.URL, Headers: x.Request.Headers, Mine: x.Request.Body,
			Base: w.bodies[x.Request.URL], Required: st == 428}
		ex := explaininput.From(x, time.Now())
		f.What = explain.PreconditionFailure(ex.Request, ex.Response)
		f.Note = Note(f.What, f.Required, reread)
		w.failed[key] = f
		return Outcome{Failed: &f}
	}
	// Any other answer ends that request's 412/428 episode.
	delete(w.failed, key)
	if rereadOf == "" {
		return Outcome{}
	}
	f, ok := w.failed[rereadOf]
	if !ok {
		return Outcome{}
	}
	delete(w.failed, rereadOf)
	out := afterReread(f, x)
	out.was = &f
	return out
}

// afterReread is what the re-read x means for failure f.
func afterReread(f Failure, x requests.Exchange) Outcome {
	out := Outcome{For: f.Key}
	tag := header(x.Response.Headers, "ETag")
	if x.Response.Status/100 != 2 || tag == "" {
		out.Status, out.IsErr = fmt.Sprintf("Re-read gave %d without an ETag: nothing to retry with.", x.Response.Status), true
		return out
	}
	seen := preconditions.Seen{ETag: tag, LastModified: header(x.Response.Headers, "Last-Modified"),
		Method: "GET", URL: x.Request.URL, Status: x.Response.Status, At: x.Received}
	if f.Required {
		s := preconditions.AfterRequired(seen)
		out.IfMatch, out.Status, out.IsErr = &s, s.Message, !s.OK
		return out
	}
	out.Merge = &Merge{Key: f.Key, Seen: seen, ThreeWay: preconditions.Merge3(f.Base, x.Response.Body, f.Mine)}
	return out
}

// Reread is what R does for request key: Read is the GET to send (the failure
// stays until its answer arrives), else Drop says which precondition to remove
// (and the failure is over). ok is false when the request's last exchange was
// no 412 or 428.
func (w Workflow) Reread(key string) (read *requests.Request, drop preconditions.Suggestion, ok bool) {
	f, ok := w.Failed(key)
	if !ok {
		return nil, drop, false
	}
	if !f.Required && f.What.Next != explain.StepMerge {
		delete(w.failed, key)
		return nil, preconditions.AfterFailure(f.What, preconditions.Seen{}), true
	}
	var hs []requests.Header
	for _, h := range f.Headers {
		n := strings.ToLower(h.Name)
		if strings.HasPrefix(n, "if-") || strings.HasPrefix(n, "content-") || n == "host" || n == "x-current-etag" {
			continue
		}
		hs = append(hs, h)
	}
	return &requests.Request{Method: "GET", URL: f.URL, Headers: hs}, drop, true
}

// AutoIfMatch gives a PUT, PATCH or DELETE without If-Match the last ETag seen
// for its URL in etags (a command's copy).
func AutoIfMatch(req requests.Request, etags map[string]string) requests.Request {
	if req.Method != "PUT" && req.Method != "PATCH" && req.Method != "DELETE" {
		return req
	}
	tag, ok := etags[req.URL]
	if !ok || header(req.Headers, "If-Match") != "" {
		return req
	}
	req.Headers = append(req.Headers, requests.Header{Name: "If-Match", Value: tag})
	return req
}

// Note says what a 412 or 428 means for the request that got it, naming the
// precondition that failed, and what the re-read key does next.
func Note(f explain.Failure, required bool, reread string) string {
	if required {
		return "428 Precondition Required: the server changes this resource only with If-Match.\n" +
			"Nothing was changed. Press " + reread + " to read the resource and add If-Match with its ETag; then ctrl+r sends it."
	}
	next := "Press " + reread + " to re-read it: you will see the version you started from, the server's version and your change, and choose what to send."
	switch f.Next {
	case explain.StepDropIfNoneMatch:
		next = "Press " + reread + " to drop If-None-Match: * from the request (it will then overwrite); ctrl+r sends it."
	case explain.StepCreate:
		next = "Press " + reread + " to drop If-Match: * (it will then create the resource); ctrl+r sends it."
	case explain.StepReread:
		next = "Press " + reread + " to drop If-None-Match (it will then apply whatever the current version is)."
	case explain.StepServer:
		next = ""
	}
	return f.Banner + "\n" + f.Why + " " + f.Advice + " " + next
}

// header is the first value of the field name, case-insensitively.
func header(hs []requests.Header, name string) string {
	for _, h := range hs {
		if strings.EqualFold(h.Name, name) {
			return h.Value
		}
	}
	return ""
}
