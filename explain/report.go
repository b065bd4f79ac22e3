// Package explain analyses one HTTP exchange — the request as sent and the response
// as received — and says what the response means: its status for this method, framing
// errors, validators, what the request's preconditions did, and the caching verdict,
// each finding with the RFC sections it rests on.
//
// It is pure: no network, no files, no clock. The caller passes the times in.
package explain

import (
	"time"

	"github.com/httplens/httplens/headers"
)

// Field is one header field as it appeared on the wire: name in its original case.
// It is headers.Field, the same type requests and h1 use.
type Field = headers.Field

// Request is the request as sent. Method is case-sensitive (RFC 9110 §9.1).
// FieldsUnknown says only the method and URL are known (e.g. `httplens explain
// --method PUT`): then no check concludes anything from a field being absent.
type Request struct {
	Method        string
	URL           string
	Fields        []Field
	FieldsUnknown bool
}

// Response is the response as received. Body holds the bytes received after the
// header section (possibly cut at a cap: then Truncated is set and BodyBytes is what
// was read). Status 0 means unknown.
type Response struct {
	Proto     string
	Status    int
	Reason    string
	Fields    []Field
	Body      []byte
	BodyBytes int64
	Truncated bool
	// KeptBy names the record that kept fewer body bytes than the response had
	// ("the HAR file"), when it was not the client's own size limit: the findings
	// then blame the record, not the size limit. BodyBytes is the response's size.
	KeptBy string
	// Problems are what the reader found wrong with the head and its framing, in
	// the words of package h1 (the same for `send` and `explain`).
	Problems []string
}

// Exchange is the input of Analyze. Request may be nil when unknown (a raw response
// read from a file). Sent and Received are when the request left and the response
// head arrived; Now is the moment the verdict is for. Zero times mean unknown: Analyze
// then uses Received for Sent, and Received for Now.
type Exchange struct {
	Request  *Request
	Response Response
	Sent     time.Time
	Received time.Time
	Now      time.Time
}

// Severity ranks a finding.
type Severity string

// Severities, most serious first.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
)

// Finding is one thing Analyze has to say. ID is stable across versions; Refs are
// section references such as "RFC 9110 §15.3.5".
type Finding struct {
	ID       string   `json:"id"`
	Severity Severity `json:"severity"`
	Title    string   `json:"title"`
	Detail   string   `json:"detail"`
	Refs     []string `json:"refs"`
	// Obvious marks what a reader who knows the basics can skip (a safe method's
	// note, age arithmetic of zeros): views fold it by default, --verbose shows it.
	Obvious bool `json:"obvious,omitempty"`
}

// Status is the meaning of the status code, for the method that produced it.
type Status struct {
	Code    int      `json:"code"`
	Class   string   `json:"class"`
	Meaning string   `json:"meaning"`
	Refs    []string `json:"refs"`
}

// Validators are the response's validators as parsed.
type Validators struct {
	ETag         string `json:"etag"`
	ETagWeak     bool   `json:"etag_weak"`
	ETagValid    bool   `json:"etag_valid"`
	LastModified string `json:"last_modified"`
}

// CacheView is the verdict of one kind of cache (private or shared).
type CacheView struct {
	Storable           bool   `json:"storable"`
	Reason             string `json:"reason"`
	FreshnessLifetimeS int64  `json:"freshness_lifetime_s"`
	FreshnessSource    string `json:"freshness_source"` // s-maxage|max-age|expires|heuristic|none
	Fresh              bool   `json:"fresh"`
	FreshForS          int64  `json:"fresh_for_s"` // negative: stale by that many seconds
	// MustRevalidate says this cache must not serve the response stale: must-revalidate
	// binds every cache, proxy-revalidate and s-maxage shared ones only (RFC 9111
	// §5.2.2.2, §5.2.2.8, §5.2.2.10).
	MustRevalidate bool `json:"must_revalidate"`
	// Refreshes says the response is a 304 that refreshes a response this cache
	// may have stored (RFC 9111 §4.3.4): Storable is false, as a 304 is not stored
	// itself, and the freshness fields are those it gives the stored response.
	Refreshes bool `json:"refreshes"`
}

// Cache is the caching verdict. The flat fields speak for a shared cache when one may
// store the response and for a private cache otherwise; Private and Shared give each
// view in full.
type Cache struct {
	StorablePrivate    bool      `json:"storable_private"`
	StorableShared     bool      `json:"storable_shared"`
	FreshnessLifetimeS int64     `json:"freshness_lifetime_s"`
	FreshnessSource    string    `json:"freshness_source"`
	AgeS               int64     `json:"age_s"`
	Fresh              bool      `json:"fresh"`
	FreshForS          int64     `json:"fresh_for_s"`
	MustRevalidate     bool      `json:"must_revalidate"`
	Vary               []string  `json:"vary"`
	Invalidates        []string  `json:"invalidates"`
	Private            CacheView `json:"private"`
	Shared             CacheView `json:"shared"`
}

// Report is what Analyze returns.
type Report struct {
	Status     Status     `json:"status"`
	Findings   []Finding  `json:"findings"`
	Validators Validators `json:"validators"`
	Cache      Cache      `json:"cache"`
	// CORS is what a browser would do for the request's Origin; nil without one.
	CORS *CORS `json:"cors,omitempty"`
	// Cookies are the response's Set-Cookie lines as a browser stores them.
	Cookies []Cookie `json:"cookies,omitempty"`
}
