package cli

import (
	"encoding/base64"
	"unicode/utf8"

	"github.com/httplens/httplens/explain"
)

// jsonHeaders is a header section as ordered [name, value] pairs, duplicates and
// letter case kept. It is never null in the output.
type jsonHeaders [][2]string

func newJSONHeaders(fs []explain.Field) jsonHeaders {
	out := make(jsonHeaders, 0, len(fs))
	for _, f := range fs {
		out = append(out, [2]string{f.Name, f.Value})
	}
	return out
}

// jsonRequest is the "request" object of the --json output. It is left out when the
// request is unknown.
type jsonRequest struct {
	Method  string      `json:"method"`
	URL     string      `json:"url"`
	Proto   string      `json:"proto"`
	Headers jsonHeaders `json:"headers"`
	Body    string      `json:"body"`
	// BodyEncoding says how Body is written, as for the response; empty when the
	// request body is unknown (explain).
	BodyEncoding string `json:"body_encoding,omitempty"`
}

// newJSONRequest converts a request known to explain; nil gives nil.
func newJSONRequest(r *explain.Request) *jsonRequest {
	if r == nil {
		return nil
	}
	return &jsonRequest{Method: r.Method, URL: r.URL, Headers: newJSONHeaders(r.Fields)}
}

// jsonResponse is the "response" object of the --json output (DESIGN.md): the body
// as UTF-8 text when it is valid UTF-8, else base64.
type jsonResponse struct {
	Proto        string      `json:"proto"`
	Status       int         `json:"status"`
	Reason       string      `json:"reason"`
	Headers      jsonHeaders `json:"headers"`
	Body         string      `json:"body"`
	BodyEncoding string      `json:"body_encoding"`
	BodyBytes    int64       `json:"body_bytes"`
	Truncated    bool        `json:"truncated"`
}

// newJSONResponse converts a response as explain sees it.
func newJSONResponse(r explain.Response) jsonResponse {
	out := jsonResponse{
		Proto:     r.Proto,
		Status:    r.Status,
		Reason:    r.Reason,
		Headers:   newJSONHeaders(r.Fields),
		BodyBytes: r.BodyBytes,
		Truncated: r.Truncated,
	}
	out.Body, out.BodyEncoding = jsonBody(r.Body)
	return out
}

// jsonBody writes a body as UTF-8 text when it is valid UTF-8, else as base64.
func jsonBody(b []byte) (body, encoding string) {
	if utf8.Valid(b) {
		return string(b), "utf-8"
	}
	return base64.StdEncoding.EncodeToString(b), "base64"
}

// jsonExplanation is the top level of `explain --json`: the request (absent when
// unknown), the response and the report. send --json adds its timings around it.
type jsonExplanation struct {
	Request  *jsonRequest    `json:"request,omitempty"`
	Response jsonResponse    `json:"response"`
	Explain  *explain.Report `json:"explain,omitempty"`
}

// newJSONReport returns a copy of r whose lists are empty rather than null, so
// consumers can iterate without checks.
func newJSONReport(r explain.Report) *explain.Report {
	r.Findings = append([]explain.Finding{}, r.Findings...)
	for i, f := range r.Findings {
		if f.Refs == nil {
			r.Findings[i].Refs = []string{}
		}
	}
	if r.Status.Refs == nil {
		r.Status.Refs = []string{}
	}
	if r.Cache.Vary == nil {
		r.Cache.Vary = []string{}
	}
	if r.Cache.Invalidates == nil {
		r.Cache.Invalidates = []string{}
	}
	return &r
}
