package history

import (
	"errors"
	"time"

	"github.com/httplens/httplens/headers"
	"github.com/httplens/httplens/requests"
)

// Entry is one stored exchange: the request as sent, the response as received (its
// body possibly cut at Options.MaxBody), the redirects, the timing, and where the
// request came from.
type Entry struct {
	// ID is assigned by Add; it grows with every exchange stored, across processes.
	ID int64
	// File and Name identify the saved request (collection file and request name);
	// both are empty for an ad-hoc request.
	File string
	Name string
	// Request is the request as it went out on the final hop.
	Request requests.SentRequest
	// Response is nil when no response arrived. Its Body holds at most
	// Options.MaxBody bytes; Truncated is set when anything was cut, here or by
	// requests, and BodyBytes is len(Body) as in requests.
	Response *requests.Response
	// BodyBytes is the length of the body as received (before the history cap).
	BodyBytes int64
	Hops      []requests.Hop
	Timing    requests.Timing
	Sent      time.Time
	Received  time.Time // zero when unknown or no response
	// Err is the text of the exchange's error, empty when there was none.
	Err string
	// Redacted reports that secret header values were replaced with Redacted
	// before the exchange was stored.
	Redacted bool
	// StreamedBody, when set, holds the response body as it streamed in
	// (requests.Options.StreamKeepTo), and Response.Body is empty. Add stores
	// it as it would the same bytes in Response.Body.
	StreamedBody *BodyWriter `json:"-"`
}

// FromExchange makes an Entry from what requests.Send returned, for the saved
// request name in file (both empty for an ad-hoc request). Nothing is redacted or
// cut here; Add does that according to the Store's Options.
func FromExchange(x requests.Exchange, file, name string) Entry {
	e := Entry{
		File:     file,
		Name:     name,
		Request:  x.Request,
		Hops:     x.Hops,
		Timing:   x.Timing,
		Sent:     x.Sent,
		Received: x.Received,
	}
	if x.Response != nil {
		r := *x.Response
		e.Response = &r
		// A streamed body may have been kept only in part (StreamKeep).
		e.BodyBytes = max(int64(len(r.Body)), r.BodyBytes)
	}
	if x.Err != nil {
		e.Err = x.Err.Error()
	}
	return e
}

// Exchange turns the entry back into an Exchange, so that a stored response can be
// shown and explained like a fresh one. Err carries the stored error text.
func (e Entry) Exchange() requests.Exchange {
	x := requests.Exchange{
		Request:  e.Request,
		Hops:     e.Hops,
		Timing:   e.Timing,
		Sent:     e.Sent,
		Received: e.Received,
	}
	if e.Response != nil {
		r := *e.Response
		// Completeness is not stored; an exchange that fell short was stored with
		// the error that cut it.
		r.Complete = e.Err == ""
		x.Response = &r
	}
	if e.Err != "" {
		x.Err = errors.New(e.Err)
	}
	return x
}

// ETag returns the response's first ETag value, or "".
func (e Entry) ETag() string {
	if e.Response == nil {
		return ""
	}
	return headers.List(e.Response.Headers).Get("ETag")
}

// Summary is one row of a listing: enough to show and pick an exchange without
// loading its heads and body.
type Summary struct {
	ID     int64
	File   string
	Name   string
	Method string
	URL    string
	// Status is 0 when no response arrived.
	Status    int
	Reason    string
	BodyBytes int64
	ETag      string
	Total     time.Duration
	Sent      time.Time
	Err       string
}

// Filter selects exchanges. An empty File or Name matches any; Limit caps the rows
// returned, zero or negative meaning all.
type Filter struct {
	File  string
	Name  string
	Limit int
}
