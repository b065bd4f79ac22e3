// Package explaininput turns an exchange as requests recorded it into the input of
// explain.Analyze. The TUI and the CLI both explain through it, so they name the
// same findings for the same bytes.
package explaininput

import (
	"time"

	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/requests"
)

// From converts an exchange as sent and received into the input of
// explain.Analyze; now is the moment the caching verdict is for. Bytes the server
// sent past the end of the message (content on a 204, 304 or HEAD response, or past
// Content-Length) are handed to explain as body bytes, so it can name the error.
func From(x requests.Exchange, now time.Time) explain.Exchange {
	e := explain.Exchange{Sent: x.Sent, Received: x.Received, Now: now}
	if x.Request.Method != "" {
		e.Request = &explain.Request{Method: x.Request.Method, URL: x.Request.URL, Fields: fields(x.Request.Headers)}
	}
	if r := x.Response; r != nil {
		body := r.Body
		if len(r.Extra) > 0 {
			body = append(append(make([]byte, 0, len(r.Body)+len(r.Extra)), r.Body...), r.Extra...)
		}
		e.Response = explain.Response{
			Proto: r.Proto, Status: r.Status, Reason: r.Reason, Fields: fields(r.Headers),
			Body: body, BodyBytes: int64(len(body)), Truncated: r.Truncated, Problems: r.Problems,
		}
	}
	return e
}

// fields copies header pairs into explain's field type, order and case kept.
func fields(hs []requests.Header) []explain.Field {
	return append(make([]explain.Field, 0, len(hs)), hs...) // the same type: a copy, never nil
}
