// Package traffic turns exchanges a client made without httplens (the entries of
// a HAR file, the records of the recording proxy) into one shape the TUI lists,
// shows and explains, and into .http requests a person can keep and send again.
//
// It does no terminal work: heads and bodies stay bytes, for the caller to show
// through termtext.
package traffic

import (
	"fmt"
	"strings"
	"time"

	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/explaininput"
	"github.com/httplens/httplens/har"
	"github.com/httplens/httplens/proxy"
)

// Exchange is one request and its response as another client made them, with
// what explain says of it.
type Exchange struct {
	Method, URL string
	// Status is 0 when no response arrived; Proto and Reason are as received.
	Status        int
	Proto, Reason string
	// RequestHead and ResponseHead are the heads (start line and fields). When
	// Rebuilt is set they were written back from parsed fields (a HAR keeps no
	// bytes) and are not what crossed the wire.
	RequestHead, ResponseHead []byte
	Rebuilt                   bool
	RequestFields             []explain.Field
	ResponseFields            []explain.Field
	RequestBody, ResponseBody []byte
	// BodyBytes is the response body's size as known; BodyCut says ResponseBody
	// holds only its start (or nothing), the rest not kept.
	BodyBytes int64
	BodyCut   bool
	// BodyKeptBy names the record that left the body out or cut it ("the HAR
	// file"); empty when the cap of the proxy or the client did.
	BodyKeptBy string
	// Phases are the timing phases known, in order; Total is the whole exchange,
	// negative when unknown.
	Phases []Phase
	Total  time.Duration
	// Report is explain's analysis, nil without a response (and for a tunnel).
	Report *explain.Report
	// Notes say what the record lacked or adds ("response body not saved",
	// "tunnel: 3 KiB up ...", "decrypted (intercepted)"), one phrase each.
	Notes []string
	// Err is the failure, when the exchange failed.
	Err string
	// Tunnel says it is a CONNECT tunnel, which has no request to save.
	Tunnel bool
}

// Phase is one timed phase of an exchange.
type Phase struct {
	Name string
	D    time.Duration
}

// FromHAR is a HAR entry with its heads rebuilt from the fields the log kept.
func FromHAR(e har.Entry) Exchange {
	x := Exchange{Method: e.Request.Method, URL: e.Request.URL, Status: e.Response.Status,
		Proto: e.Response.Proto, Reason: e.Response.Reason, Rebuilt: true,
		RequestFields: e.Request.Fields, ResponseFields: e.Response.Fields,
		RequestBody: e.RequestBody, ResponseBody: e.Response.Body, BodyBytes: e.Size(), BodyCut: e.Response.Truncated,
		BodyKeptBy: e.Response.KeptBy,
		Total:      ms(e.TimeMS), Err: e.Error, Notes: append([]string(nil), e.Lacks...)}
	x.RequestHead = requestHead(x.Method, x.URL, protoOr(e.HTTPVersion, "HTTP/1.1"), e.Request.Fields)
	if e.FromCache != "" {
		x.Notes = append(x.Notes, "served from the browser's "+e.FromCache+" cache")
	} else if e.TransferSize == 0 && e.Response.Status != 0 {
		x.Notes = append(x.Notes, "served from the browser cache (0 bytes transferred)")
	}
	if x.Status != 0 {
		x.ResponseHead = responseHead(x.Proto, x.Status, x.Reason, e.Response.Fields)
		rep := explain.Analyze(e.Exchange())
		x.Report = &rep
	}
	t := e.Timings
	for _, p := range []struct {
		name string
		v    float64
	}{{"blocked", t.Blocked}, {"dns", t.DNS}, {"connect", t.Connect}, {"tls", t.SSL},
		{"send", t.Send}, {"wait", t.Wait}, {"receive", t.Receive}} {
		if p.v >= 0 {
			x.Phases = append(x.Phases, Phase{p.name, ms(p.v)})
		}
	}
	return x
}

// FromProxy is a record of the proxy, explained as if httplens had sent the
// client's request (its own If-None-Match, Origin, ... count).
func FromProxy(p proxy.Exchange) Exchange {
	e := p.Entry()
	x := Exchange{Method: p.Request.Method, URL: p.Request.URL, RequestHead: p.Request.RawHead,
		RequestBody: p.Request.Body, RequestFields: fieldsOf(e.Request.Headers), Total: -1}
	if !p.Done.IsZero() && !p.Sent.IsZero() {
		x.Total = p.Done.Sub(p.Sent)
	}
	if p.Err != nil {
		x.Err = p.Err.Error()
	}
	if p.RequestBodyBytes > int64(len(p.Request.Body)) {
		x.Notes = append(x.Notes, fmt.Sprintf("request body cut: %d of %d bytes kept", len(p.Request.Body), p.RequestBodyBytes))
		if p.RequestSpoolPath != "" {
			x.Notes = append(x.Notes, fmt.Sprintf("whole request body in %s until the proxy stops", p.RequestSpoolPath))
		}
	}
	if p.Tunnel != nil {
		x.Tunnel = true
		x.Notes = append(x.Notes, fmt.Sprintf("tunnel to %s: %d bytes up, %d bytes down, %s",
			p.Tunnel.Host, p.Tunnel.Up, p.Tunnel.Down, p.Tunnel.Duration.Round(time.Millisecond)))
	}
	if p.Intercepted {
		x.Notes = append(x.Notes, "decrypted (intercepted)")
	}
	if !p.Received.IsZero() && !p.Sent.IsZero() {
		x.Phases = append(x.Phases, Phase{"wait", p.Received.Sub(p.Sent)})
		if !p.Done.IsZero() {
			x.Phases = append(x.Phases, Phase{"receive", p.Done.Sub(p.Received)})
		}
	}
	r := p.Response
	if r == nil {
		return x
	}
	x.Status, x.Proto, x.Reason = r.Status, r.Proto, r.Reason
	x.ResponseHead, x.ResponseFields, x.ResponseBody = r.RawHead, fieldsOf(r.Headers), r.Body
	x.BodyBytes, x.BodyCut = p.ResponseBodyBytes, r.Truncated
	if r.Truncated {
		x.Notes = append(x.Notes, fmt.Sprintf("response body cut: %d of %d bytes kept", len(r.Body), p.ResponseBodyBytes))
	}
	if r.SpoolPath != "" {
		x.Notes = append(x.Notes, fmt.Sprintf("whole response body (%d bytes) in %s until the proxy stops", r.SpooledBytes, r.SpoolPath))
	}
	if p.SpoolErr != nil {
		x.Notes = append(x.Notes, p.SpoolErr.Error())
	}
	if p.Tunnel == nil {
		rep := explain.Analyze(explaininput.From(e.Exchange(), p.Received))
		x.Report = &rep
	}
	return x
}

func ms(v float64) time.Duration {
	if v < 0 {
		return -1
	}
	return time.Duration(v * float64(time.Millisecond))
}

func protoOr(v, fallback string) string {
	switch strings.ToLower(v) {
	case "":
		return fallback
	case "h2", "http/2", "http/2.0":
		return "HTTP/2"
	case "h3", "http/3", "http/3.0":
		return "HTTP/3"
	}
	return strings.ToUpper(v)
}

// requestHead writes a request head from its parts, the target in origin form.
func requestHead(method, rawURL, proto string, fields []explain.Field) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %s\r\n", method, originForm(rawURL), proto)
	writeFields(&b, fields)
	return []byte(b.String())
}

func responseHead(proto string, status int, reason string, fields []explain.Field) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %d %s\r\n", protoOr(proto, "HTTP/1.1"), status, reason)
	writeFields(&b, fields)
	return []byte(b.String())
}

func writeFields(b *strings.Builder, fields []explain.Field) {
	for _, f := range fields {
		fmt.Fprintf(b, "%s: %s\r\n", f.Name, f.Value)
	}
	b.WriteString("\r\n")
}

// originForm is the path and query of an absolute URL; anything else as given.
func originForm(u string) string {
	i := strings.Index(u, "://")
	if i < 0 {
		return u
	}
	rest := u[i+3:]
	if j := strings.IndexAny(rest, "/?"); j >= 0 {
		if rest[j] == '?' {
			return "/" + rest[j:]
		}
		return rest[j:]
	}
	return "/"
}
