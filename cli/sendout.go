package cli

import (
	"encoding/json"
	"io"
	"time"

	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/explaininput"
	"github.com/httplens/httplens/jsonsafe"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/termtext"
)

// jsonTiming is the "timing_ms" object: each phase in milliseconds, null for a
// phase that did not happen (no DNS for an IP address, no TLS for http, no connect
// on a kept-alive connection). The phases add up to total.
type jsonTiming struct {
	DNS       *float64 `json:"dns"`
	Connect   *float64 `json:"connect"`
	TLS       *float64 `json:"tls"`
	Write     *float64 `json:"write"`
	TTFB      *float64 `json:"ttfb"`
	Transfer  *float64 `json:"transfer"`
	Redirects *float64 `json:"redirects,omitempty"`
	Total     float64  `json:"total"`
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func newJSONTiming(t requests.Timing) jsonTiming {
	phase := func(d time.Duration, p requests.Phases) *float64 {
		if !t.Happened.Has(p) {
			return nil
		}
		v := ms(d)
		return &v
	}
	return jsonTiming{DNS: phase(t.DNS, requests.PhaseDNS), Connect: phase(t.Connect, requests.PhaseConnect),
		TLS: phase(t.TLS, requests.PhaseTLS), Write: phase(t.Write, requests.PhaseWrite), TTFB: phase(t.TTFB, requests.PhaseWait),
		Transfer: phase(t.Transfer, requests.PhaseTransfer), Redirects: phase(t.Redirects, requests.PhaseRedirects), Total: ms(t.Total)}
}

// jsonWire is what send --json adds about the wire: the request head as written
// with the names of the fields httplens added, and how the response ended.
type jsonWire struct {
	RequestHead  string   `json:"request_head"`
	Added        []string `json:"added_headers"`
	Complete     bool     `json:"complete"`
	Problems     []string `json:"problems,omitempty"`
	Extra        string   `json:"extra,omitempty"`
	ExtraEncode  string   `json:"extra_encoding,omitempty"`
	ExtraNote    string   `json:"extra_note,omitempty"`
	NotHTTP      string   `json:"not_http,omitempty"` // the explain reader's words for bytes with no status line
	ResponseHead string   `json:"response_head,omitempty"`
}

func newJSONWire(x requests.Exchange) *jsonWire {
	w := &jsonWire{RequestHead: string(x.Request.RawHead), Added: []string{}}
	for i, h := range x.Request.Headers {
		if i < len(x.Request.Added) && x.Request.Added[i] {
			w.Added = append(w.Added, h.Name)
		}
	}
	if r := x.Response; r != nil {
		w.Complete, w.Problems, w.ExtraNote = r.Complete && x.Err == nil, r.Problems, r.ExtraNote
		if len(r.Extra) > 0 {
			w.Extra, w.ExtraEncode = jsonBody(r.Extra)
		}
		w.ResponseHead, _ = jsonBody(r.RawHead)
		if r.Status == 0 {
			w.NotHTTP = rawExplanation(r)
		}
	}
	return w
}

// jsonSend is the top level of `send --json`: the contract's request, response,
// timing and explain objects, plus the redirects followed and the error, if any.
type jsonSend struct {
	Request  *jsonRequest     `json:"request"`
	Response *jsonResponse    `json:"response,omitempty"`
	Hops     []jsonHop        `json:"hops,omitempty"`
	Loop     *explain.Finding `json:"redirect_loop,omitempty"`
	TimingMS jsonTiming       `json:"timing_ms"`
	Explain  *explain.Report  `json:"explain,omitempty"`
	Wire     *jsonWire        `json:"wire"`
	Error    string           `json:"error,omitempty"`
}

// writeJSON prints the exchange and its report as the JSON contract of DESIGN.md.
func writeJSON(out io.Writer, x requests.Exchange) error {
	in := explaininput.From(x, time.Now())
	doc := jsonSend{Request: newJSONRequest(in.Request), Hops: newJSONHops(x, in.Now), Loop: chainLoop(x), TimingMS: newJSONTiming(x.Timing), Wire: newJSONWire(x)}
	if doc.Request != nil {
		doc.Request.Proto = x.Request.Proto
		doc.Request.Body, doc.Request.BodyEncoding = jsonBody(x.Request.Body)
	}
	if x.Response != nil {
		// The body is the message body as received; bytes past its end are not
		// part of it, though the report counts them.
		resp := newJSONResponse(explain.Response{Proto: in.Response.Proto, Status: in.Response.Status,
			Reason: in.Response.Reason, Fields: in.Response.Fields, Body: x.Response.Body,
			BodyBytes: x.Response.BodyBytes, Truncated: x.Response.Truncated})
		doc.Response = &resp
		if x.Response.Status != 0 {
			doc.Explain = newJSONReport(explain.Analyze(in))
		}
	}
	if x.Err != nil {
		doc.Error = x.Err.Error()
	}
	enc := json.NewEncoder(jsonsafe.Writer(out))
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// writeExplanation prints the report after the raw response, for --explain.
func writeExplanation(out io.Writer, x requests.Exchange) error {
	in := explaininput.From(x, time.Now())
	io.WriteString(out, "\n")
	return writeReportNotes(out, in.Response, explain.Analyze(in), explain.HeaderNotes(in))
}

// visibleText makes network bytes safe to print to a terminal.
func visibleText(b []byte) string { return termtext.Text(b) }
