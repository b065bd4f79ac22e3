package runner

import (
	"time"

	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/requests"
)

// explainInput converts an exchange into the input of explain.Analyze, as
// ui.ExplainInput does (runner may not import ui); bytes past the end of the message
// are handed to explain as body bytes so it can name the framing error.
// TODO(after the merge): move ui.ExplainInput to a small shared package and use it here.
func explainInput(x requests.Exchange, now time.Time) explain.Exchange {
	e := explain.Exchange{Sent: x.Sent, Received: x.Received, Now: now}
	if x.Request.Method != "" {
		e.Request = &explain.Request{Method: x.Request.Method, URL: x.Request.URL, Fields: fields(x.Request.Headers)}
	}
	if r := x.Response; r != nil {
		body := r.Body
		if len(r.Extra) > 0 {
			body = append(append(make([]byte, 0, len(r.Body)+len(r.Extra)), r.Body...), r.Extra...)
		}
		e.Response = explain.Response{Proto: r.Proto, Status: r.Status, Reason: r.Reason,
			Fields: fields(r.Headers), Body: body, BodyBytes: int64(len(body)), Truncated: r.Truncated}
	}
	return e
}

func fields(hs []requests.Header) []explain.Field {
	out := make([]explain.Field, len(hs))
	for i, h := range hs {
		out[i] = explain.Field{Name: h.Name, Value: h.Value}
	}
	return out
}
