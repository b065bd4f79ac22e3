package explain

import "strings"

// This file exports the pieces of the caching verdict that a cache needs to act on
// one exchange, so that the cache lab decides with the very code Analyze explains
// with (one source of truth).

// CacheVerdict is the verdict of a private (shared false) or shared cache on x at
// x.Now: may it store the response, for how long is it fresh, is it fresh now. It is
// the same view Analyze reports in Report.Cache.Private or Report.Cache.Shared, made
// without the findings, so it is cheap enough to call on every cache lookup.
func CacheVerdict(x Exchange, shared bool) CacheView {
	if x.Sent.IsZero() {
		x.Sent = x.Received
	}
	if x.Now.IsZero() {
		x.Now = x.Received
	}
	f := newCacheFacts(x)
	return f.view(shared)
}

// CacheReuse is what a response's Cache-Control says about reusing a stored copy
// (RFC 9111 §4.2.4, §5.2.2): read it once when the response is stored.
type CacheReuse struct {
	// NoCache: unqualified no-cache, every reuse needs a successful validation
	// (RFC 9111 §5.2.2.4).
	NoCache bool
	// MustRevalidate: once stale, never served without validation, by this kind
	// of cache: must-revalidate for all, and proxy-revalidate or s-maxage for a
	// shared one (RFC 9111 §5.2.2.2, §5.2.2.8, §5.2.2.10).
	MustRevalidate bool
	// Vary lists the request fields that select the response; "*" never matches
	// (RFC 9110 §12.5.5).
	Vary []string
	// PrivateFields are the fields a qualified private="..." names, lower case: a
	// shared cache stores the response without them (RFC 9111 §5.2.2.7).
	PrivateFields []string
}

// ResponseReuse reads the reuse rules from the fields of a stored response.
func ResponseReuse(fields []Field, shared bool) CacheReuse {
	cc := parseCacheControl(fields, false)
	vary, _ := cacheVary(fields)
	return CacheReuse{
		NoCache:        cc.unqualified("no-cache"),
		MustRevalidate: cc.has("must-revalidate") || (shared && (cc.has("proxy-revalidate") || cc.has("s-maxage"))),
		Vary:           vary,
		PrivateFields:  cc.fields("private"),
	}
}

// CacheRequest is what a request's Cache-Control asks of a cache (RFC 9111 §5.2.1).
// A delta that is absent is -1.
type CacheRequest struct {
	NoCache      bool  // validate before reuse, even when fresh (also Pragma: no-cache without Cache-Control, §5.4)
	NoStore      bool  // do not store the response
	OnlyIfCached bool  // answer from the cache or 504, never from the origin
	MaxAge       int64 // reuse only a response no older than this
	MaxStale     int64 // accept a response stale by up to this; MaxStaleAny for any
	MinFresh     int64 // reuse only a response fresh for at least this much longer
}

// MaxStaleAny is CacheRequest.MaxStale when max-stale has no argument: any staleness.
const MaxStaleAny = int64(1) << 40

// RequestDirectives reads a request's Cache-Control (and Pragma) fields.
func RequestDirectives(fields []Field) CacheRequest {
	cc := parseCacheControl(fields, true)
	r := CacheRequest{MaxAge: -1, MaxStale: -1, MinFresh: -1}
	r.NoCache = cc.has("no-cache")
	if !has(fields, "Cache-Control") {
		for _, v := range values(fields, "Pragma") {
			r.NoCache = r.NoCache || strings.EqualFold(v, "no-cache")
		}
	}
	r.NoStore = cc.has("no-store")
	r.OnlyIfCached = cc.has("only-if-cached")
	if n, ok := cc.delta("max-age"); ok {
		r.MaxAge = n
	}
	if d, ok := cc.get("max-stale"); ok {
		r.MaxStale = MaxStaleAny
		if d.hasArg {
			r.MaxStale, _ = cc.delta("max-stale")
		}
	}
	if n, ok := cc.delta("min-fresh"); ok {
		r.MinFresh = n
	}
	return r
}

// CacheInvalidates lists the URIs whose stored responses the exchange invalidates
// (RFC 9111 §4.4): none unless an unsafe method got a 2xx or 3xx. It is
// Report.Cache.Invalidates without the findings.
func CacheInvalidates(x Exchange) []string {
	f := newCacheFacts(x)
	list, _ := f.invalidation()
	return list
}
