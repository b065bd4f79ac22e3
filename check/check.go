// Package check runs live checks of a resource, the active half of what REDbot does:
// it reads the resource once, then sends follow-up requests that test what the
// server claims — a conditional GET with the ETag and with Last-Modified (expect 304),
// a HEAD (same headers, no body), a Range request, gzip negotiation — and, only when
// the caller allows writes, a conditional PUT or DELETE with a stale validator
// (expect 412) and one with the current validator. Each check reports passed, failed
// or skipped, with the evidence and the reason.
package check

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/httplens/httplens/headers"
	"github.com/httplens/httplens/requests"
)

// Sender sends one request and returns the exchange. *requests.Client satisfies it.
type Sender interface {
	Send(ctx context.Context, r requests.Request) requests.Exchange
}

// Status is the outcome of one check.
type Status string

// The outcomes. Skipped means the check could not apply (no ETag to test, writes not
// allowed, a first response that is not a 200); Reason says which.
const (
	Passed  Status = "passed"
	Failed  Status = "failed"
	Skipped Status = "skipped"
)

// The names of the checks, in the order Run reports them.
const (
	ConditionalETag  = "conditional-etag"
	ConditionalDate  = "conditional-last-modified"
	Head             = "head"
	Range            = "range"
	Gzip             = "gzip"
	StaleWrite       = "stale-write"
	ConditionalWrite = "conditional-write"
)

// Evidence is one follow-up as sent and received: the request fields the check set,
// the status, and the response fields that matter to the check.
type Evidence struct {
	Method    string            `json:"method"`
	URL       string            `json:"url"`
	Sent      []requests.Header `json:"sent"`
	Status    int               `json:"status"`
	Reason    string            `json:"reason"`
	Headers   []requests.Header `json:"headers"`
	BodyBytes int64             `json:"body_bytes"`
	Error     string            `json:"error,omitempty"`
}

// Result is the outcome of one check.
type Result struct {
	Name     string     `json:"name"`
	Title    string     `json:"title"`
	Status   Status     `json:"status"`
	Reason   string     `json:"reason"`
	Evidence []Evidence `json:"evidence"`
	Refs     []string   `json:"refs"`
}

// Options control Run. The zero value sends no writes.
type Options struct {
	// Writes allows the write checks: a PUT or DELETE with a stale If-Match, then
	// the request itself with the current validator. They change server state.
	Writes bool
}

// Report is what Run found. First is the GET of the resource every check starts
// from; Results has one entry per check, always in the same order.
type Report struct {
	Request requests.Request  `json:"-"`
	First   requests.Exchange `json:"-"`
	Results []Result          `json:"results"`
}

// ErrFirstFailed wraps the error of a first request that got no response.
var ErrFirstFailed = errors.New("the first request failed")

// Run checks the resource req names. It first sends a GET of req.URL with req's
// headers (minus preconditions and Range); when that gets no response, Run returns
// an error wrapping ErrFirstFailed and no results. Otherwise it runs every check and
// returns their results, failures included. A method other than GET is used only by
// the write checks, which run only for PUT and DELETE and only with opts.Writes.
// Cancelling ctx ends the follow-ups; those not sent are reported as failed.
func Run(ctx context.Context, s Sender, req requests.Request, opts Options) (Report, error) {
	if req.Method == "" {
		req.Method = "GET"
	}
	r := &runner{ctx: ctx, s: s, req: req, base: readRequest(req)}
	r.first = s.Send(ctx, r.base)
	rep := Report{Request: req, First: r.first}
	if r.first.Response == nil {
		err := r.first.Err
		if err == nil {
			err = errors.New("no response")
		}
		return rep, fmt.Errorf("%w: GET %s: %w", ErrFirstFailed, req.URL, err)
	}
	rep.Results = []Result{r.conditionalETag(), r.conditionalDate(), r.head(), r.rangeCheck(), r.gzip()}
	rep.Results = append(rep.Results, r.writes(opts)...)
	return rep, nil
}

// runner carries what every check needs.
type runner struct {
	ctx   context.Context
	s     Sender
	req   requests.Request // as the caller gave it
	base  requests.Request // the GET every read check varies
	first requests.Exchange
}

// readRequest is the GET of req's URL with req's headers minus preconditions, Range
// and the fields that describe a body.
func readRequest(req requests.Request) requests.Request {
	out := requests.Request{Method: "GET", URL: req.URL}
	for _, h := range req.Headers {
		if isPrecondition(h.Name) || h.Is("Content-Type") || h.Is("Content-Length") {
			continue
		}
		out.Headers = append(out.Headers, h)
	}
	return out
}

// isPrecondition reports whether a request field is stripped from the base request:
// the checks add their own preconditions and Range.
func isPrecondition(name string) bool {
	switch strings.ToLower(name) {
	case "if-match", "if-none-match", "if-modified-since", "if-unmodified-since", "if-range", "range":
		return true
	}
	return false
}

// with returns a copy of r with the header set, replacing any of that name.
func with(r requests.Request, name, value string) requests.Request {
	out := r
	out.Headers = append(headers.List(r.Headers).Without(name), requests.Header{Name: name, Value: value})
	return out
}

// send sends one follow-up and records it as evidence.
func (r *runner) send(req requests.Request) (requests.Exchange, Evidence) {
	x := r.s.Send(r.ctx, req)
	return x, evidenceOf(req, x)
}

// relevant reports whether a response field is shown as evidence.
func relevant(name string) bool {
	switch strings.ToLower(name) {
	case "etag", "last-modified", "cache-control", "vary", "content-length", "content-range", "content-encoding",
		"accept-ranges", "content-type", "expires", "content-location", "location", "transfer-encoding":
		return true
	}
	return false
}

func evidenceOf(req requests.Request, x requests.Exchange) Evidence {
	e := Evidence{Method: req.Method, URL: req.URL, Sent: append([]requests.Header{}, req.Headers...), Headers: []requests.Header{}}
	if x.Err != nil {
		e.Error = x.Err.Error()
	}
	if x.Response == nil {
		return e
	}
	e.Status, e.Reason, e.BodyBytes = x.Response.Status, x.Response.Reason, x.Response.BodyBytes+int64(len(x.Response.Extra))
	for _, h := range x.Response.Headers {
		if relevant(h.Name) {
			e.Headers = append(e.Headers, h)
		}
	}
	return e
}

// field returns the first value of a response field, trimmed.
func field(x requests.Exchange, name string) (string, bool) {
	if x.Response == nil {
		return "", false
	}
	v, ok := headers.List(x.Response.Headers).Lookup(name)
	return strings.TrimSpace(v), ok
}

// result builds a result; the evidence list is never nil.
func result(name, title string, st Status, reason string, ev []Evidence, refs ...string) Result {
	if ev == nil {
		ev = []Evidence{}
	}
	return Result{Name: name, Title: title, Status: st, Reason: reason, Evidence: ev, Refs: refs}
}

// readSkip says why the read checks cannot run on the first response, or "".
func (r *runner) readSkip() string {
	if s := r.first.Response.Status; s != 200 {
		return fmt.Sprintf("the GET answered %d, not 200, so there is no representation to test", s)
	}
	return ""
}

// failedSend is the reason for a follow-up that got no response.
func failedSend(x requests.Exchange) string {
	return "the follow-up request failed: " + x.Err.Error()
}
