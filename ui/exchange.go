package ui

import (
	"strings"
	"time"

	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/requests"
)

// ExplainInput converts an exchange as sent and received into the input of
// explain.Analyze; now is the moment the caching verdict is for. Bytes the server
// sent past the end of the message (content on a 204, 304 or HEAD response, or past
// Content-Length) are handed to explain as body bytes, so it can name the error.
func ExplainInput(x requests.Exchange, now time.Time) explain.Exchange {
	e := explain.Exchange{Sent: x.Sent, Received: x.Received, Now: now}
	if x.Request.Method != "" {
		e.Request = &explain.Request{Method: x.Request.Method, URL: x.Request.URL, Fields: explainFields(x.Request.Headers)}
	}
	if r := x.Response; r != nil {
		body := r.Body
		if len(r.Extra) > 0 {
			body = append(append(make([]byte, 0, len(r.Body)+len(r.Extra)), r.Body...), r.Extra...)
		}
		e.Response = explain.Response{
			Proto: r.Proto, Status: r.Status, Reason: r.Reason, Fields: explainFields(r.Headers),
			Body: body, BodyBytes: int64(len(body)), Truncated: r.Truncated,
		}
	}
	return e
}

func explainFields(hs []requests.Header) []explain.Field {
	out := make([]explain.Field, len(hs))
	for i, h := range hs {
		out[i] = explain.Field{Name: h.Name, Value: h.Value}
	}
	return out
}

// VisibleText returns bytes from the network as text that is safe to print to a
// terminal, line by line, through the same sanitiser the panes use.
func VisibleText(b []byte) string {
	return strings.Join(displayLines(b), "\n")
}

// VisibleLine is VisibleText for one line of text held as a string (a header value,
// an error message): control characters, escape sequences and invalid UTF-8 are
// made visible, never passed on.
func VisibleLine(s string) string { return sanitizeString(s) }
