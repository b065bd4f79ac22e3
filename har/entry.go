package har

import (
	"encoding/base64"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/httplens/httplens/explain"
)

// jsonEntry is an entry as the browsers write it; every field optional.
type jsonEntry struct {
	StartedDateTime text `json:"startedDateTime"`
	Time            num  `json:"time"`
	Request         *struct {
		Method      text     `json:"method"`
		URL         text     `json:"url"`
		HTTPVersion text     `json:"httpVersion"`
		Headers     []jsonNV `json:"headers"`
		PostData    *struct {
			Text text `json:"text"`
		} `json:"postData"`
	} `json:"request"`
	Response *struct {
		Status      num      `json:"status"`
		StatusText  text     `json:"statusText"`
		HTTPVersion text     `json:"httpVersion"`
		Headers     []jsonNV `json:"headers"`
		Content     *struct {
			Size     num   `json:"size"`
			Text     *text `json:"text"`
			Encoding text  `json:"encoding"`
			Comment  text  `json:"comment"`
		} `json:"content"`
		BodySize     num  `json:"bodySize"`
		TransferSize num  `json:"_transferSize"`
		Error        text `json:"_error"`
	} `json:"response"`
	Timings *struct {
		Blocked num `json:"blocked"`
		DNS     num `json:"dns"`
		Connect num `json:"connect"`
		SSL     num `json:"ssl"`
		Send    num `json:"send"`
		Wait    num `json:"wait"`
		Receive num `json:"receive"`
	} `json:"timings"`
	TransferSize num  `json:"_transferSize"`
	FromCache    text `json:"_fromCache"`
	Error        text `json:"_error"`
}

// entry converts what was read, noting every gap.
func (je jsonEntry) entry() Entry {
	e := Entry{TransferSize: -1, TimeMS: je.Time.or(-1), FromCache: string(je.FromCache), Error: string(je.Error)}
	if t, err := time.Parse(time.RFC3339Nano, string(je.StartedDateTime)); err == nil {
		e.Started = t
	} else {
		e.lack("start time missing or unreadable")
	}
	je.readRequest(&e)
	je.readResponse(&e)
	je.readTimings(&e)
	e.Received = e.Started
	if t := e.Timings; !e.Started.IsZero() && t.Wait >= 0 {
		// The head arrived at the end of wait; earlier phases count when known.
		ms := max(t.Blocked, 0) + max(t.DNS, 0) + max(t.Connect, 0) + max(t.Send, 0) + t.Wait
		e.Received = e.Started.Add(time.Duration(ms * float64(time.Millisecond)))
	}
	return e
}

func (e *Entry) lack(format string, a ...any) {
	e.Lacks = append(e.Lacks, fmt.Sprintf(format, a...))
}

func (je jsonEntry) readRequest(e *Entry) {
	r := je.Request
	if r == nil {
		e.lack("no request")
		e.Request = explain.Request{Method: "GET", FieldsUnknown: true}
		return
	}
	e.HTTPVersion = string(r.HTTPVersion)
	e.Request.Method = string(r.Method)
	e.Request.URL = string(r.URL)
	if e.Request.Method == "" {
		// Read as GET: the method checks must not see an empty token.
		e.Request.Method = "GET"
		e.lack("request method missing (read as GET)")
	}
	var pseudo bool
	e.Request.Fields, pseudo = fields(r.Headers)
	if pseudo {
		e.lack("HTTP/2-style pseudo-headers left out of the request")
	}
	if r.PostData != nil {
		e.RequestBody = []byte(string(r.PostData.Text))
	}
	if r.Headers == nil {
		e.Request.FieldsUnknown = true
		e.lack("request headers missing")
	}
	if e.Request.URL == "" {
		e.lack("request URL missing")
	} else if _, err := url.Parse(e.Request.URL); err != nil {
		e.lack("request URL unreadable")
	}
}

// keptBy is what a body the log left out, or cut, is blamed on in the findings.
const keptBy = "the HAR file"

func (je jsonEntry) readResponse(e *Entry) {
	r := je.Response
	if r == nil {
		e.lack("no response")
		return
	}
	if e.Error == "" {
		e.Error = string(r.Error)
	}
	e.TransferSize = int64(r.TransferSize.or(je.TransferSize.or(-1)))
	e.Response.Status = int(r.Status.or(0))
	e.Response.Reason = string(r.StatusText)
	e.Response.Proto = protoName(string(r.HTTPVersion), e.HTTPVersion)
	var pseudo bool
	e.Response.Fields, pseudo = fields(r.Headers)
	if pseudo {
		e.lack("HTTP/2-style pseudo-headers left out of the response")
	}
	if e.Response.Status == 0 {
		e.lack("no response status (the request failed or was blocked)")
		return
	}
	c := r.Content
	if c == nil {
		e.lack("response content missing")
		return
	}
	size := int64(c.Size.or(-1))
	switch {
	case c.Text == nil && size > 0:
		// The size is known, the bytes are not: framing checks must not read the
		// absence of a body as an empty one.
		e.Response.BodyBytes, e.Response.Truncated, e.Response.KeptBy = size, true, keptBy
		e.lack("response body not saved (%d bytes)", size)
		return
	case c.Text == nil:
		return
	}
	body := []byte(string(*c.Text))
	if strings.EqualFold(string(c.Encoding), "base64") {
		b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(string(*c.Text)))
		if err != nil {
			e.lack("response body base64 unreadable (kept as text)")
		} else {
			body = b
		}
	}
	e.Response.Body, e.Response.BodyBytes = body, int64(len(body))
	if size > int64(len(body)) {
		e.Response.BodyBytes, e.Response.Truncated, e.Response.KeptBy = size, true, keptBy
		e.lack("response body cut: %d of %d bytes saved", len(body), size)
	}
}

func (je jsonEntry) readTimings(e *Entry) {
	e.Timings = Timings{-1, -1, -1, -1, -1, -1, -1}
	t := je.Timings
	if t == nil {
		e.lack("timings missing")
		return
	}
	e.Timings = Timings{
		Blocked: t.Blocked.or(-1), DNS: t.DNS.or(-1), Connect: t.Connect.or(-1), SSL: t.SSL.or(-1),
		Send: t.Send.or(-1), Wait: t.Wait.or(-1), Receive: t.Receive.or(-1),
	}
	var missing []string
	for _, p := range []struct {
		name string
		v    num
	}{{"send", t.Send}, {"wait", t.Wait}, {"receive", t.Receive}} {
		if !p.v.set {
			missing = append(missing, p.name)
		}
	}
	if len(missing) > 0 {
		e.lack("timings partial: no %s", strings.Join(missing, ", "))
	}
}

// fields keeps the headers in order, leaving out HTTP/2 and HTTP/3 pseudo-headers
// (":status", ":authority"), which are not fields (RFC 9113 §8.3).
func fields(nvs []jsonNV) (out []explain.Field, pseudo bool) {
	out = make([]explain.Field, 0, len(nvs))
	for _, h := range nvs {
		if strings.HasPrefix(string(h.Name), ":") {
			pseudo = true
			continue
		}
		out = append(out, explain.Field{Name: string(h.Name), Value: string(h.Value)})
	}
	return out, pseudo
}

// protoName writes the version the way a status line would: "h2" and "http/2.0"
// become "HTTP/2", "h3" "HTTP/3"; an empty one falls back to the request's.
func protoName(v, fallback string) string {
	if v == "" {
		v = fallback
	}
	switch strings.ToLower(v) {
	case "h2", "http/2", "http/2.0":
		return "HTTP/2"
	case "h3", "http/3", "http/3.0", "h3-29":
		return "HTTP/3"
	case "http/1.1":
		return "HTTP/1.1"
	case "http/1.0":
		return "HTTP/1.0"
	}
	return v
}
