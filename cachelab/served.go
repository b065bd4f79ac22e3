package cachelab

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/headers"
	"github.com/httplens/httplens/requests"
)

// served is the stored response as the client gets it: with an Age field giving its
// current age (RFC 9111 §5.1), its head rebuilt from the stored fields. The caller
// holds mu (e is read).
func served(e *entry, r requests.Request, ageS int64, took time.Duration) requests.Exchange {
	resp := e.resp
	resp.Headers = withField(e.resp.Headers, "Age", strconv.FormatInt(max(0, ageS), 10))
	if r.Method == "HEAD" {
		resp.Body, resp.Decoded, resp.BodyBytes = nil, nil, 0
	}
	resp.RawHead = buildHead(resp)
	resp.Reconstructed = true
	resp.Extra = nil
	return requests.Exchange{
		Request:  requests.SentRequest{Method: r.Method, URL: r.URL, Proto: "HTTP/1.1", Headers: r.Headers, Body: r.Body},
		Response: &resp,
		Timing:   requests.Timing{Total: took},
	}
}

// explainServed is the served response with lab times for explain: received now,
// its age carried by the Age field.
func (l *Lab) explainServed(x requests.Exchange, now time.Time) explain.Exchange {
	return explainOf(x, now, now)
}

// explainOf is x as explain reads it, with the lab's sent and received times.
func explainOf(x requests.Exchange, sent, received time.Time) explain.Exchange {
	e := explain.Exchange{Sent: sent, Received: received, Now: received}
	e.Request = &explain.Request{Method: x.Request.Method, URL: x.Request.URL, Fields: toExplainFields(x.Request.Headers)}
	if r := x.Response; r != nil {
		e.Response = explain.Response{Proto: r.Proto, Status: r.Status, Reason: r.Reason,
			Fields: toExplainFields(r.Headers), Body: r.Body, BodyBytes: r.BodyBytes, Truncated: r.Truncated}
	}
	return e
}

// gatewayTimeout answers only-if-cached when nothing stored may be used (RFC 9111
// §5.2.1.7): a 504, without contacting the origin.
func (l *Lab) gatewayTimeout(r requests.Request, res Result, why string) Result {
	res.Label = OnlyIfCached
	res.Why = append(res.Why, why)
	resp := requests.Response{Proto: "HTTP/1.1", Status: 504, Reason: "Gateway Timeout",
		Headers: []requests.Header{{Name: "Content-Length", Value: "0"}}, Reconstructed: true,
		Complete: true} // whole as built: Content-Length 0 and no body
	resp.RawHead = buildHead(resp)
	now := l.base()
	res.Response = requests.Exchange{
		Request:  requests.SentRequest{Method: r.Method, URL: r.URL, Proto: "HTTP/1.1", Headers: r.Headers},
		Response: &resp,
		Sent:     now, Received: now, // answered at once, by the cache
	}
	res.Explain = explainOf(res.Response, now, now)
	return res
}

// updateFields applies a 304's fields to a stored response (RFC 9111 §4.3.4): each
// field the 304 carries replaces the stored field of that name, except the framing
// fields that describe the 304 itself. It returns the names updated.
func updateFields(stored *requests.Response, fresh []requests.Header) []string {
	var names []string
	for _, h := range fresh {
		switch strings.ToLower(h.Name) {
		case "content-length", "transfer-encoding", "connection", "keep-alive", "content-range":
			continue
		}
		if !containsFold(names, h.Name) {
			names = append(names, h.Name)
		}
	}
	var out []requests.Header
	for _, h := range stored.Headers {
		if !containsFold(names, h.Name) {
			out = append(out, h)
		}
	}
	for _, h := range fresh {
		if containsFold(names, h.Name) {
			out = append(out, h)
		}
	}
	stored.Headers = out
	return names
}

// withField returns hs with every line of name replaced by one name: value.
func withField(hs []requests.Header, name, value string) []requests.Header {
	return append(headers.List(hs).Without(name), requests.Header{Name: name, Value: value})
}

// buildHead writes the status line and fields of a response the lab serves itself.
func buildHead(r requests.Response) []byte {
	var b bytes.Buffer
	reason := r.Reason
	if reason == "" {
		reason = http.StatusText(r.Status)
	}
	b.WriteString("HTTP/1.1 " + strconv.Itoa(r.Status) + " " + reason + "\r\n")
	for _, h := range r.Headers {
		b.WriteString(h.Name + ": " + h.Value + "\r\n")
	}
	b.WriteString("\r\n")
	return b.Bytes()
}

func containsFold(s []string, v string) bool {
	for _, x := range s {
		if strings.EqualFold(x, v) {
			return true
		}
	}
	return false
}
