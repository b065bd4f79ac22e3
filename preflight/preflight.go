// Package preflight plays a browser's part in CORS for one request: it sends the
// OPTIONS preflight a page would send first (when one is needed), then — when the
// browser would go on — the request itself, and explains both as the browser's
// CORS check sees them. The TUI's preflight action runs it in a command.
package preflight

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/explaininput"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/termtext"
)

// Step is one exchange the browser makes and what explain found in it.
type Step struct {
	Exchange requests.Exchange
	Report   *explain.Report // nil when no response arrived
}

// Result is what happened: the plan, the preflight (nil when none is needed or
// the request has no Origin) and the actual request (nil when the browser stops
// before sending it).
type Result struct {
	Plan      explain.Preflight
	Request   requests.Request
	Preflight *Step
	Actual    *Step
}

// Sender sends one request, e.g. a requests.Client's Send.
type Sender func(context.Context, requests.Request) requests.Exchange

// Run sends what a browser page at r's Origin would send for r, in order. now is
// the clock the explanations are for.
func Run(ctx context.Context, send Sender, r requests.Request, now func() time.Time) Result {
	fields := make([]explain.Field, len(r.Headers))
	for i, h := range r.Headers {
		fields[i] = explain.Field{Name: h.Name, Value: h.Value}
	}
	res := Result{Plan: explain.PreflightFor(r.Method, fields), Request: r}
	if res.Plan.Origin == "" {
		return res
	}
	if res.Plan.Needed {
		opt := requests.Request{Method: "OPTIONS", URL: r.URL}
		for _, f := range res.Plan.Fields() {
			opt.Headers = append(opt.Headers, requests.Header{Name: f.Name, Value: f.Value})
		}
		res.Preflight = step(send(ctx, opt), now)
		if !passed(res.Preflight) || ctx.Err() != nil {
			return res
		}
	}
	res.Actual = step(send(ctx, r), now)
	return res
}

func step(x requests.Exchange, now func() time.Time) *Step {
	s := &Step{Exchange: x}
	if x.Response != nil && x.Err == nil {
		rep := explain.Analyze(explaininput.From(x, now()))
		s.Report = &rep
	}
	return s
}

// passed says the browser goes on after the preflight: a 2xx whose CORS check
// passes (Fetch Standard #cors-preflight-fetch).
func passed(s *Step) bool {
	return s.Report != nil && s.Report.CORS != nil && s.Report.CORS.Allowed
}

// Lines tells the story for a text view, one line each, safe to print: every
// value that came from the request or the network is sanitised.
func (r Result) Lines() []string {
	s := termtext.String
	var out []string
	p := r.Plan
	if p.Origin == "" {
		return append(out, p.Why...)
	}
	head := fmt.Sprintf("A page at %s sends %s %s", s(p.Origin), s(p.Method), s(r.Request.URL))
	if p.Needed {
		out = append(out, head+": a browser asks first with a preflight, because")
		for _, w := range p.Why {
			out = append(out, "  • "+s(w))
		}
	} else {
		out = append(out, head+": "+s(p.Why[0]))
	}
	if r.Preflight != nil {
		out = append(out, "", "Preflight: OPTIONS "+s(r.Request.URL))
		for _, f := range p.Fields() {
			out = append(out, "  "+s(f.Name)+": "+s(f.Value))
		}
		out = append(out, r.Preflight.lines()...)
		if r.Actual == nil {
			out = append(out, "", fmt.Sprintf("The browser stops here: the %s is never sent.", s(p.Method)))
			return out
		}
	}
	if r.Actual != nil {
		out = append(out, "", "Request: "+s(r.Request.Method)+" "+s(r.Request.URL))
		out = append(out, r.Actual.lines()...)
	}
	return out
}

// lines is one step's answer: the status, the CORS verdict and its reasons, and
// the CORS findings with their references.
func (st *Step) lines() []string {
	s := termtext.String
	x := st.Exchange
	if x.Response == nil || x.Err != nil {
		why := "no response"
		if x.Err != nil {
			why = x.Err.Error()
		}
		return []string{"→ failed: " + s(why), "  A browser treats a failed request as a network error: the page sees nothing."}
	}
	out := []string{fmt.Sprintf("→ %d %s", x.Response.Status, s(x.Response.Reason))}
	for _, h := range x.Response.Headers {
		if strings.HasPrefix(strings.ToLower(h.Name), "access-control-") || h.Is("Vary") {
			out = append(out, "  "+s(h.Name)+": "+s(h.Value))
		}
	}
	rep := st.Report
	if rep.CORS == nil {
		return append(out, "  No CORS verdict: the request carried no Origin.")
	}
	for _, f := range rep.Findings {
		if !strings.HasPrefix(f.ID, "cors-") {
			continue
		}
		line := fmt.Sprintf("  %s %s", mark(f.Severity), s(f.Title))
		if len(f.Refs) > 0 {
			line += " (" + s(strings.Join(f.Refs, ", ")) + ")"
		}
		out = append(out, line, "      "+s(f.Detail))
	}
	return out
}

func mark(sev explain.Severity) string {
	switch sev {
	case explain.Error:
		return "✗"
	case explain.Warning:
		return "!"
	}
	return "·"
}
