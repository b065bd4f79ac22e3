package check

import (
	"fmt"
	"strings"

	"github.com/httplens/httplens/requests"
)

const (
	staleTitle = "Write with a stale validator (If-Match) gets 412"
	writeTitle = "Write with the current validator succeeds and its validator holds"
)

// writes runs the write checks, which change server state: only for PUT and DELETE,
// and only when the caller allowed writes.
func (r *runner) writes(opts Options) []Result {
	staleRefs := []string{"RFC 9110 §13.1.1", "RFC 9110 §15.5.13"}
	writeRefs := []string{"RFC 9110 §13.1.1", "RFC 9110 §9.3.4", "RFC 9110 §9.3.5", "RFC 9110 §8.8.3.2"}
	skip := ""
	switch m := r.req.Method; {
	case m != "PUT" && m != "DELETE":
		skip = m + " is not PUT or DELETE; give -X PUT or -X DELETE to test conditional writes"
	case !opts.Writes:
		skip = "writes change the resource, so they are sent only when asked for (--writes)"
	}
	if skip != "" {
		return []Result{result(StaleWrite, staleTitle, Skipped, skip, nil, staleRefs...),
			result(ConditionalWrite, writeTitle, Skipped, skip, nil, writeRefs...)}
	}
	return []Result{r.staleWrite(staleRefs), r.conditionalWrite(writeRefs)}
}

// writeRequest is the caller's write with its own preconditions removed.
func (r *runner) writeRequest() requests.Request {
	out := requests.Request{Method: r.req.Method, URL: r.req.URL, Body: r.req.Body}
	for _, h := range r.req.Headers {
		if !isPrecondition(h.Name) {
			out.Headers = append(out.Headers, h)
		}
	}
	return out
}

// staleTag is an entity tag that cannot be the current one: the current tag's
// opaque part with a suffix, or a made-up tag when the resource has none.
func (r *runner) staleTag() string {
	tag, _ := field(r.first, "ETag")
	opaque := strings.Trim(strings.TrimPrefix(tag, "W/"), `"`)
	if opaque == "" {
		return `"httplens-stale"`
	}
	return `"` + opaque + `-httplens-stale"`
}

// staleWrite sends the write with If-Match naming a tag that cannot match: the
// server must refuse with 412 and change nothing (RFC 9110 §13.1.1).
func (r *runner) staleWrite(refs []string) Result {
	tag := r.staleTag()
	x, ev := r.send(with(r.writeRequest(), "If-Match", tag))
	if x.Response == nil {
		return result(StaleWrite, staleTitle, Failed, failedSend(x), []Evidence{ev}, refs...)
	}
	ev1 := []Evidence{ev}
	switch s := x.Response.Status; {
	case s == 412:
		return result(StaleWrite, staleTitle, Passed, "If-Match: "+tag+" does not match the current representation, and the server refused the write with 412", ev1, refs...)
	case s >= 200 && s < 300:
		return result(StaleWrite, staleTitle, Failed, fmt.Sprintf("the server applied the %s (%d) although If-Match: %s matches nothing: it ignores If-Match, so concurrent writers overwrite each other", r.req.Method, s, tag), ev1, refs...)
	case s == 428:
		return result(StaleWrite, staleTitle, Failed, "428 Precondition Required although the request carried If-Match", ev1, refs...)
	case s == 404 || s == 410:
		return result(StaleWrite, staleTitle, Skipped, fmt.Sprintf("the resource does not exist (%d), and that answer comes before preconditions (RFC 9110 §13.2.1)", s), ev1, refs...)
	}
	return result(StaleWrite, staleTitle, Failed, fmt.Sprintf("expected 412 Precondition Failed, got %d", x.Response.Status), ev1, refs...)
}

// conditionalWrite sends the caller's write guarded by the current validator (unless
// the caller gave a precondition), then checks what the answer promises: for PUT, a
// strong ETag that a GET confirms; for DELETE, that the resource is gone.
func (r *runner) conditionalWrite(refs []string) Result {
	req, guard := r.guardedWrite()
	x, ev := r.send(req)
	evs := []Evidence{ev}
	if x.Response == nil {
		return result(ConditionalWrite, writeTitle, Failed, failedSend(x), evs, refs...)
	}
	tag, _ := field(r.first, "ETag")
	weak := strings.HasPrefix(tag, "W/")
	s := x.Response.Status
	switch {
	case weak && s >= 200 && s < 300:
		return result(ConditionalWrite, writeTitle, Failed, "the server accepted If-Match: "+tag+", but a weak tag never matches under the strong comparison If-Match uses; it will also accept stale weak tags", evs, refs...)
	case weak:
		return result(ConditionalWrite, writeTitle, Failed, fmt.Sprintf("the resource's ETag %s is weak, and If-Match uses strong comparison, so no conditional write can succeed (got %d); the server must give a strong ETag", tag, s), evs, refs...)
	case s == 412 || s == 428:
		return result(ConditionalWrite, writeTitle, Failed, fmt.Sprintf("%s with %s was refused with %d", r.req.Method, guard, s), evs, refs...)
	case s < 200 || s >= 300:
		return result(ConditionalWrite, writeTitle, Failed, fmt.Sprintf("expected a 2xx to the %s with %s, got %d", r.req.Method, guard, s), evs, refs...)
	}
	if r.req.Method == "DELETE" {
		return r.confirmDeleted(guard, s, evs, refs)
	}
	return r.confirmValidator(x, guard, evs, refs)
}

// guardedWrite is the caller's write as given when it has a precondition, else with
// If-Match set to the current ETag (or If-Unmodified-Since to Last-Modified).
func (r *runner) guardedWrite() (requests.Request, string) {
	for _, h := range r.req.Headers {
		if isPrecondition(h.Name) {
			return r.req, h.Name + ": " + h.Value
		}
	}
	if tag, ok := field(r.first, "ETag"); ok {
		return with(r.writeRequest(), "If-Match", tag), "If-Match: " + tag
	}
	if lm, ok := field(r.first, "Last-Modified"); ok {
		return with(r.writeRequest(), "If-Unmodified-Since", lm), "If-Unmodified-Since: " + lm
	}
	return r.writeRequest(), "no precondition (the resource has no validator)"
}

// confirmDeleted GETs the resource after a successful DELETE: it must be gone.
func (r *runner) confirmDeleted(guard string, status int, evs []Evidence, refs []string) Result {
	g, ev := r.send(r.base)
	evs = append(evs, ev)
	switch {
	case g.Response == nil:
		return result(ConditionalWrite, writeTitle, Failed, failedSend(g), evs, refs...)
	case g.Response.Status == 404 || g.Response.Status == 410:
		return result(ConditionalWrite, writeTitle, Passed, fmt.Sprintf("DELETE with %s got %d, and a GET now gets %d", guard, status, g.Response.Status), evs, refs...)
	}
	return result(ConditionalWrite, writeTitle, Failed, fmt.Sprintf("DELETE got %d, but a GET still gets %d", status, g.Response.Status), evs, refs...)
}

// confirmValidator checks the validator in a successful PUT's response: a strong
// ETag that a GET then returns (RFC 9110 §9.3.4: it describes the stored state).
func (r *runner) confirmValidator(x requests.Exchange, guard string, evs []Evidence, refs []string) Result {
	tag, ok := field(x, "ETag")
	switch {
	case !ok:
		return result(ConditionalWrite, writeTitle, Passed, fmt.Sprintf("%s with %s got %d; it carries no ETag, which tells the client to GET before its next conditional write", r.req.Method, guard, x.Response.Status), evs, refs...)
	case strings.HasPrefix(tag, "W/"):
		return result(ConditionalWrite, writeTitle, Failed, fmt.Sprintf("the %d to %s carries the weak ETag %s: the client cannot use it in its next If-Match, which needs a strong tag", x.Response.Status, r.req.Method, tag), evs, refs...)
	}
	g, ev := r.send(r.base)
	evs = append(evs, ev)
	if g.Response == nil {
		return result(ConditionalWrite, writeTitle, Failed, failedSend(g), evs, refs...)
	}
	if now, _ := field(g, "ETag"); now != tag {
		return result(ConditionalWrite, writeTitle, Failed, fmt.Sprintf("the %s answered ETag %s, but a GET right after returns %s: the validator does not describe what was stored", r.req.Method, tag, quoteOrAbsent(now, now != "")), evs, refs...)
	}
	return result(ConditionalWrite, writeTitle, Passed, fmt.Sprintf("%s with %s got %d with the strong ETag %s, and a GET confirms it", r.req.Method, guard, x.Response.Status, tag), evs, refs...)
}
