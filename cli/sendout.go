package cli

import (
	"encoding/json"
	"io"
	"time"

	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/jsonsafe"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/ui"
)

// jsonTiming is the "timing_ms" object: each phase in milliseconds.
type jsonTiming struct {
	DNS      float64 `json:"dns"`
	Connect  float64 `json:"connect"`
	TLS      float64 `json:"tls"`
	TTFB     float64 `json:"ttfb"`
	Transfer float64 `json:"transfer"`
	Total    float64 `json:"total"`
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func newJSONTiming(t requests.Timing) jsonTiming {
	return jsonTiming{ms(t.DNS), ms(t.Connect), ms(t.TLS), ms(t.TTFB), ms(t.Transfer), ms(t.Total)}
}

// jsonSend is the top level of `send --json`: the contract's request, response,
// timing and explain objects, plus the redirects followed and the error, if any.
type jsonSend struct {
	Request  *jsonRequest    `json:"request"`
	Response *jsonResponse   `json:"response,omitempty"`
	Hops     []requests.Hop  `json:"hops,omitempty"`
	TimingMS jsonTiming      `json:"timing_ms"`
	Explain  *explain.Report `json:"explain,omitempty"`
	Error    string          `json:"error,omitempty"`
}

// writeJSON prints the exchange and its report as the JSON contract of DESIGN.md.
func writeJSON(out io.Writer, x requests.Exchange) error {
	in := ui.ExplainInput(x, time.Now())
	doc := jsonSend{Request: newJSONRequest(in.Request), Hops: x.Hops, TimingMS: newJSONTiming(x.Timing)}
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
		doc.Explain = newJSONReport(explain.Analyze(in))
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
	in := ui.ExplainInput(x, time.Now())
	io.WriteString(out, "\n")
	return writeReportNotes(out, in.Response, explain.Analyze(in), explain.HeaderNotes(in))
}

// visibleText makes network bytes safe to print to a terminal.
func visibleText(b []byte) string { return ui.VisibleText(b) }
