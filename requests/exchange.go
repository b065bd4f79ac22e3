package requests

import (
	"time"

	"github.com/httplens/httplens/headers"
)

// Header is one header field; Name keeps the letter case it was sent or received in.
// It marshals to JSON as a [name, value] pair. It is headers.Field, so a []Header
// converts to a headers.List for look-ups.
type Header = headers.Field

// Request is a fully resolved request: no variables left. Headers are sent in the
// letter case given. Body may be nil.
type Request struct {
	Method  string
	URL     string
	Headers []Header
	Body    []byte
}

// SentRequest is the request as it went out on the final hop.
type SentRequest struct {
	Method  string   `json:"method"`
	URL     string   `json:"url"`
	Proto   string   `json:"proto"`
	Headers []Header `json:"headers"`
	Body    []byte   `json:"-"`
	// RawHead is the request line and header section exactly as written to the
	// connection (HTTP/1.x), or a reconstruction when Reconstructed is set.
	RawHead []byte `json:"-"`
	// Added marks, index by index with Headers, the fields httplens added to the
	// user's own: Host, User-Agent, Content-Length, Cookie from the jar,
	// Authorization from user:password in the URL, Proxy-Authorization. A
	// Content-Length the user wrote with a wrong value is sent corrected and marked.
	Added []bool `json:"-"`
}

// Response is the final response as received.
type Response struct {
	Proto   string   `json:"proto"`
	Status  int      `json:"status"`
	Reason  string   `json:"reason"`
	Headers []Header `json:"headers"`
	// RawHead is the status line and header section exactly as read from the
	// connection, including any interim (1xx) heads before it. For HTTP/2 it is
	// rebuilt from the parsed fields and Reconstructed is set.
	RawHead       []byte `json:"-"`
	Reconstructed bool   `json:"-"`
	// Body is the message body as received after transfer decoding (chunked),
	// still content-coded (e.g. gzip) if the server compressed it.
	Body []byte `json:"-"`
	// Decoded is Body with its Content-Encoding (gzip, deflate) removed, when
	// there was one and it could be decoded; nil otherwise.
	Decoded []byte `json:"-"`
	// DecodedTruncated says the decoded body went on past the cap (a small
	// compressed body can inflate to any size) and Decoded was cut there.
	DecodedTruncated bool `json:"-"`
	// Extra holds bytes the server sent after the end of the message: content on
	// a 204, 304 or HEAD response, or bytes past Content-Length. Normally nil.
	Extra []byte `json:"-"`
	// ExtraNote says why Extra is not part of the message, in words (content
	// after a 204, bytes past Content-Length, what followed broken chunked
	// framing). Empty when Extra is.
	ExtraNote string `json:"-"`
	// Complete says the message ended as its framing says it should. It is false
	// when the connection closed, reset or timed out before the end (Err says
	// which) and for a reply with no status line.
	Complete bool `json:"-"`
	// Problems lists, in words, what the lenient reader found wrong with the head
	// (a control character in a field, conflicting Content-Length values, no
	// status line) and how it read the message anyway.
	Problems []string `json:"-"`
	// Trailers are the fields of a chunked body's trailer section.
	Trailers []Header `json:"-"`
	bodyErr  error    // what cut the body short, while reading
	// SpoolPath names a temporary file holding the whole body when it went on
	// past the cap and Options.SpoolDir was set; SpooledBytes is its size. The
	// caller owns the file and removes it. Body still holds the first bytes.
	SpoolPath    string `json:"-"`
	SpooledBytes int64  `json:"-"`
	// BodyBytes is the number of body bytes read: len(Body), unless the body was
	// streamed with Options.StreamKeep keeping fewer. Truncated says the body
	// went on past the cap.
	BodyBytes int64 `json:"body_bytes"`
	Truncated bool  `json:"truncated"`
}

// Hop is one redirect followed on the way to the final response.
type Hop struct {
	Method   string `json:"method"`
	URL      string `json:"url"`
	Status   int    `json:"status"`
	Location string `json:"location"`
	// Request and Response are the hop's request as written and its response as
	// it arrived (head, body bytes, problems), kept so a chain can be shown hop by
	// hop even when a later hop fails. Received is when its head arrived. They
	// are not part of the JSON form (history keeps the four fields above only).
	// Over HTTP/2 (net/http follows the redirects) they are zero.
	Request  SentRequest `json:"-"`
	Response *Response   `json:"-"`
	Received time.Time   `json:"-"`
}

// Timing is the duration of each phase. Phases that did not happen (no DNS for an IP
// address, no TLS for http, no connect on a reused connection) are zero and missing
// from Happened; List gives them in order, for a table.
type Timing struct {
	DNS      time.Duration
	Connect  time.Duration
	TLS      time.Duration
	TTFB     time.Duration // from the request written to the first response byte
	Transfer time.Duration // from the first response byte to the end of the body
	Total    time.Duration
	// Write is the time spent writing the request; Redirects the time spent on
	// the hops before the final one.
	Write     time.Duration
	Redirects time.Duration
	// Happened says which phases took place.
	Happened Phases
}

// Exchange is the result of Send. Response is nil when Err is set and no response
// head arrived; Err may also be set with a Response when the body failed mid-way.
type Exchange struct {
	Request  SentRequest
	Response *Response
	Hops     []Hop
	Timing   Timing
	Sent     time.Time // when sending began
	Received time.Time // when the final response head arrived
	Err      error
}

// Incomplete reports whether the exchange fell short: no response, or a response
// that did not reach its end (Err says why; the bytes that came are kept).
func (x Exchange) Incomplete() bool {
	return x.Err != nil || x.Response == nil || !x.Response.Complete
}
