package cli

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/explaininput"
	"github.com/httplens/httplens/requests"
)

// jsonHop is one entry of send --json's "hops": the redirect followed (method,
// URL, status, Location, as history keeps them) plus the response head as it
// arrived and its explain report, when the hop's response was kept (HTTP/1.1).
type jsonHop struct {
	Method       string          `json:"method"`
	URL          string          `json:"url"`
	Status       int             `json:"status"`
	Location     string          `json:"location"`
	Reason       string          `json:"reason,omitempty"`
	ResponseHead string          `json:"response_head,omitempty"`
	Explain      *explain.Report `json:"explain,omitempty"`
}

func newJSONHops(x requests.Exchange, now time.Time) []jsonHop {
	if len(x.Hops) == 0 {
		return nil
	}
	out := make([]jsonHop, len(x.Hops))
	for i, h := range x.Hops {
		out[i] = jsonHop{Method: h.Method, URL: h.URL, Status: h.Status, Location: h.Location}
		if h.Response != nil {
			out[i].Reason = h.Response.Reason
			out[i].ResponseHead, _ = jsonBody(h.Response.RawHead)
			out[i].Explain = newJSONReport(explain.Analyze(hopInput(x, h, now)))
		}
	}
	return out
}

// hopInput is the explain input for one hop: its own request and response.
func hopInput(x requests.Exchange, h requests.Hop, now time.Time) explain.Exchange {
	return explaininput.From(requests.Exchange{Request: h.Request, Response: h.Response, Sent: x.Sent, Received: h.Received}, now)
}

// chainLoop names a redirect loop in the chain followed, if there is one.
func chainLoop(x requests.Exchange) *explain.Finding {
	if len(x.Hops) == 0 {
		return nil
	}
	urls := make([]string, 0, len(x.Hops)+1)
	for _, h := range x.Hops {
		urls = append(urls, h.URL)
	}
	// The last request is a further one unless the chain stopped at its limit,
	// when the final response is the last hop itself.
	if last := x.Hops[len(x.Hops)-1]; last.Response == nil || last.Response != x.Response {
		urls = append(urls, x.Request.URL)
	}
	f, ok := explain.RedirectLoop(urls)
	if !ok {
		return nil
	}
	return &f
}

// writeHops tells on errOut, in order, each redirect followed before the final
// response: what was asked, what came back, and its explanation (the finding
// titles; the whole report when full, for --explain). Stdout keeps the final
// response only, so a pipe still gets exactly its bytes. A hop whose response
// is the final one (the chain stopped at its limit) is left to the final print.
func writeHops(errOut io.Writer, x requests.Exchange, full bool) {
	now := time.Now()
	for i, h := range x.Hops {
		if h.Response != nil && h.Response == x.Response {
			break
		}
		var b strings.Builder
		status := fmt.Sprint(h.Status)
		if h.Response != nil {
			status = strings.TrimSpace(status + " " + h.Response.Reason)
		}
		fmt.Fprintf(&b, "* redirect %d: %s %s → %s, Location: %s\n", i+1, printableText(h.Method),
			printableText(h.URL), printableText(status), printableText(h.Location))
		if h.Response == nil {
			io.WriteString(errOut, b.String())
			continue
		}
		in := hopInput(x, h, now)
		r := explain.Analyze(in)
		if full {
			io.WriteString(errOut, b.String())
			io.WriteString(errOut, visibleText(h.Response.RawHead)+"\n")
			writeReportNotes(errOut, in.Response, r, explain.HeaderNotes(in))
			io.WriteString(errOut, "\n")
			continue
		}
		for _, f := range r.Findings {
			fmt.Fprintf(&b, "*   %s %s: %s\n", f.Severity, f.ID, printableText(f.Title))
		}
		io.WriteString(errOut, b.String())
	}
	if f := chainLoop(x); f != nil {
		fmt.Fprintf(errOut, "* %s: %s\n*   %s\n", f.ID, printableText(f.Title), printableText(f.Detail))
	}
}
