package proxy

import (
	"time"

	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/requests"
)

// Exchange is one request and response that crossed the proxy, or one CONNECT
// tunnel (Tunnel set, Request and Response describing the CONNECT itself).
type Exchange struct {
	// Request is as the client sent it: RawHead byte for byte (absolute-form
	// request line included), URL absolute, Body the first MaxBody bytes.
	Request requests.SentRequest
	// RequestBodyBytes counts the request body's payload bytes.
	RequestBodyBytes int64
	// Response is as the upstream sent it: RawHead holds every head received,
	// interim 1xx ones included, byte for byte; Body is the payload (chunk framing
	// removed, content coding kept), at most MaxBody bytes, Truncated past that.
	// It is nil when no response head arrived.
	Response *requests.Response
	// ResponseBodyBytes counts the response body's payload bytes passed on.
	ResponseBodyBytes int64
	// RequestSpoolPath names a file in Options.SpoolDir holding the whole request
	// body (RequestBodyBytes) when it went on past MaxBody; Response.SpoolPath
	// does the same for the response body. The Record func owns these files.
	RequestSpoolPath string
	// SpoolErr says why a body past the cap could not be spooled; the record
	// then keeps only its first MaxBody bytes.
	SpoolErr error
	// Sent is when the request head arrived from the client, Received when the
	// final response head arrived from the upstream, Done when the exchange ended.
	Sent, Received, Done time.Time
	// Intercepted says the exchange was decrypted from a CONNECT tunnel.
	Intercepted bool
	// Tunnel is set for a CONNECT that was tunnelled, not intercepted.
	Tunnel *Tunnel
	// Err says what went wrong: the upstream unreachable or gone mid-body, the
	// client gone, a message the proxy refused. The client was told when it could be.
	Err error

	rel *releaser
}

// Release gives the memory of the recorded bodies back to the proxy, to hold the
// next large body: call it once nothing reads Request.Body or Response.Body of
// this exchange, or of any copy of it, any more. Calling it again does nothing;
// not calling it leaves the memory to the garbage collector.
func (x Exchange) Release() { x.rel.release() }

// Tunnel is a CONNECT tunnel: its target, the bytes each way and how long it lasted.
type Tunnel struct {
	Host     string
	Up       int64 // client to upstream
	Down     int64 // upstream to client
	Duration time.Duration
}

// Entry returns the exchange as a history entry, file "proxy" and name the method
// and URL, so retention keeps the newest exchanges of each URL.
func (x Exchange) Entry() history.Entry {
	e := history.Entry{
		File:     "proxy",
		Name:     x.Request.Method + " " + x.Request.URL,
		Request:  x.Request,
		Sent:     x.Sent,
		Received: x.Received,
		Timing:   requests.Timing{Total: x.Done.Sub(x.Sent)},
	}
	if x.Response != nil {
		r := *x.Response
		e.Response = &r
		e.BodyBytes = x.ResponseBodyBytes
		e.Timing.TTFB = x.Received.Sub(x.Sent)
		e.Timing.Transfer = x.Done.Sub(x.Received)
	}
	if x.Err != nil {
		e.Err = x.Err.Error()
	}
	return e
}
