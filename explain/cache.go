package explain

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
)

// cacheFacts is what the caching rules read from one exchange, parsed once.
type cacheFacts struct {
	method   string // as sent, case-sensitive; GET when the request is unknown
	known    bool   // the request is known
	target   string // the target URI as sent; "" when unknown
	status   int
	resp     []Field
	cc       cacheControl // the response's Cache-Control
	reqCC    cacheControl // the request's Cache-Control
	auth     bool         // the request carried Authorization
	hasDate  bool         // the response has a valid Date
	date     time.Time    // Date, or the receive time when it has none (RFC 9110 §6.6.1)
	expires  cacheExpires
	lastMod  time.Time
	hasLM    bool
	hasValid bool // an ETag or a Last-Modified to revalidate with
	age      cacheAge
}

// analyzeCache gives the caching verdict on x (RFC 9111) and the findings behind it.
// It reads no clock: a zero x.Sent means x.Received, a zero x.Now means x.Received,
// and a zero x.Received means the response's Date (so the age is the Age field alone).
// A nil x.Request is read as a GET to an unknown URI.
func analyzeCache(x Exchange) (Cache, []Finding) {
	f := newCacheFacts(x)
	private, shared := f.view(false), f.view(true)
	flat, forShared := private, false
	if shared.Storable {
		flat, forShared = shared, true
	}
	c := Cache{
		StorablePrivate:    private.Storable,
		StorableShared:     shared.Storable,
		FreshnessLifetimeS: flat.FreshnessLifetimeS,
		FreshnessSource:    flat.FreshnessSource,
		AgeS:               f.age.seconds(),
		Fresh:              flat.Fresh,
		FreshForS:          flat.FreshForS,
		MustRevalidate:     flat.MustRevalidate,
		Private:            private,
		Shared:             shared,
	}
	// The parts are copied once into a slice of their total size (slices.Concat).
	parts := [6][]Finding{f.syntaxFindings(), f.storeFindings(private, shared),
		f.freshnessFindings(private, shared, forShared), f.directiveFindings(flat)}
	c.Vary, parts[4] = cacheVary(f.resp)
	if c.Vary == nil {
		c.Vary = []string{} // JSON shows [] rather than null
	}
	c.Invalidates, parts[5] = f.invalidation()
	if c.Invalidates == nil {
		c.Invalidates = []string{}
	}
	return c, slices.Concat(parts[:]...)
}

// newCacheFacts parses what the caching rules need from x. It returns a value, so
// that the facts stay on the caller's stack.
func newCacheFacts(x Exchange) cacheFacts {
	f := cacheFacts{method: "GET", status: x.Response.Status, resp: x.Response.Fields}
	if r := x.Request; r != nil {
		f.method, f.known, f.target = r.Method, true, r.URL
		f.reqCC = parseCacheControl(r.Fields, true)
		f.auth = has(r.Fields, "Authorization")
	}
	f.cc = parseCacheControl(f.resp, false)
	if v, ok := first(f.resp, "Last-Modified"); ok {
		f.lastMod, _, f.hasLM = parseHTTPDate(v)
	}
	f.hasValid = has(f.resp, "ETag") || has(f.resp, "Last-Modified")
	if v, ok := first(f.resp, "Date"); ok {
		f.date, _, f.hasDate = parseHTTPDate(v)
	}
	received := x.Received
	if received.IsZero() && f.hasDate {
		received = f.date
	}
	if !f.hasDate {
		f.date = received
	}
	f.expires = parseCacheExpires(f.resp)
	f.age = newCacheAge(x, received, f.date, f.resp)
	return f
}

// targetURL is the target URI parsed, without its fragment; nil when unknown or
// unparsable. Only POST, PATCH and unsafe methods need it, so it is parsed on demand.
func (f *cacheFacts) targetURL() *url.URL {
	if !f.known {
		return nil
	}
	u, err := url.Parse(f.target)
	if err != nil {
		return nil
	}
	u.Fragment, u.RawFragment = "", ""
	return u
}

// view is the verdict of a private (shared false) or shared cache.
func (f *cacheFacts) view(shared bool) CacheView {
	ok, reason := f.storable(shared)
	v := CacheView{Storable: ok, Reason: reason, FreshnessSource: "none"}
	if ok || f.refreshes(shared) {
		v.FreshnessLifetimeS, v.FreshnessSource = f.lifetime(shared)
	}
	v.FreshForS = v.FreshnessLifetimeS - f.age.seconds()
	v.Fresh = v.FreshForS > 0 // fresh iff lifetime > current age (RFC 9111 §4.2)
	v.Refreshes = f.refreshes(shared)
	v.MustRevalidate = ok && (f.cc.has("must-revalidate") || (shared && (f.cc.has("proxy-revalidate") || f.cc.has("s-maxage"))))
	return v
}

// Verdict is the caching verdict in a word or two, private cache first:
// "store/store", "store/no", "no/no"; for a 304, which is not stored itself but
// refreshes the response a cache holds (RFC 9111 §4.3.4), "refreshes" when both
// kinds of cache may hold it, else "refresh/no" or "no/refresh".
func (c Cache) Verdict() string {
	word := func(v CacheView) string {
		switch {
		case v.Storable:
			return "store"
		case v.Refreshes:
			return "refresh"
		}
		return "no"
	}
	if c.Private.Refreshes && c.Shared.Refreshes {
		return "refreshes"
	}
	return word(c.Private) + "/" + word(c.Shared)
}

// Reusable says a cache may reuse the response, or the stored one it refreshes,
// so the freshness fields mean something.
func (c Cache) Reusable() bool {
	return c.StorablePrivate || c.StorableShared || c.Private.Refreshes || c.Shared.Refreshes
}

// refreshes reports whether the response is a 304 whose fields refresh a stored 200
// that this kind of cache may keep (RFC 9111 §4.3.4). A 304 is not stored itself, but
// the freshness it gives the stored response is worth telling.
func (f *cacheFacts) refreshes(shared bool) bool {
	if f.status != 304 {
		return false
	}
	g := *f
	g.status = 200
	ok, _ := g.storable(shared)
	return ok
}

// storable applies RFC 9111 §3 for one kind of cache and says why, for a learner.
func (f *cacheFacts) storable(shared bool) (bool, string) {
	methodNote, ok := f.methodStorable(shared)
	if !ok {
		return false, "must not store: " + methodNote
	}
	if why, ok := f.statusStorable(); !ok {
		return false, "must not store: " + why
	}
	switch {
	case f.cc.has("no-store") && !f.cc.has("must-understand"):
		return false, "must not store: no-store in the response forbids every cache to store it"
	case f.reqCC.has("no-store"):
		return false, "must not store: no-store in the request forbids caches to store the response"
	case shared && f.cc.unqualified("private"):
		return false, "must not store: private reserves it for the user's own (private) cache"
	case shared && f.auth && !f.sharedMayKeepAuth():
		return false, "must not store: the request carried Authorization, and the response has none of public, s-maxage, must-revalidate"
	}
	why, ok := f.permission(shared)
	if !ok {
		return false, "must not store: " + why
	}
	// why already starts with "may store: ": without a note or qualifiers, the
	// reason is that constant, not a new string.
	return true, why + methodNote + f.qualifiers(shared)
}

// methodStorable says whether responses to the method may be stored (RFC 9110 §9.3;
// RFC 5789 §2 for PATCH). Methods are case-sensitive (RFC 9110 §9.1).
func (f *cacheFacts) methodStorable(shared bool) (string, bool) {
	switch m := f.method; m {
	case "GET", "HEAD":
		return "", true
	case "POST", "PATCH":
		_, maxAge := f.cc.get("max-age")
		explicit := maxAge || f.expires.present || (shared && f.cc.has("s-maxage"))
		same, where := f.contentLocationIsTarget()
		switch {
		case !explicit:
			return fmt.Sprintf("a response to %s is stored only with explicit freshness (max-age or Expires) and a Content-Location equal to the target URI; it has no explicit freshness", m), false
		case !same:
			return fmt.Sprintf("a response to %s is stored only with explicit freshness and a Content-Location equal to the target URI; %s", m, where), false
		}
		return fmt.Sprintf("; as a response to %s with explicit freshness and Content-Location equal to the target URI, it can answer a later GET of that URI", m), true
	case "PUT", "DELETE", "OPTIONS", "TRACE", "CONNECT":
		return fmt.Sprintf("responses to %s are never stored", m), false
	default:
		if u := strings.ToUpper(m); u != m && cacheKnownMethod(u) {
			return fmt.Sprintf("methods are case-sensitive: %q is not %s, and responses to an unknown method are not stored", m, u), false
		}
		return fmt.Sprintf("responses to %s are not known to be cacheable", m), false
	}
}

// contentLocationIsTarget compares Content-Location, resolved against the target URI,
// with the target URI (RFC 9110 §9.3.3, §8.7). where says what was found.
func (f *cacheFacts) contentLocationIsTarget() (bool, string) {
	cl, ok := first(f.resp, "Content-Location")
	switch {
	case !ok:
		return false, "it has no Content-Location"
	}
	target := f.targetURL()
	if target == nil {
		return false, "the target URI is unknown"
	}
	u, ok := cacheResolve(target, cl)
	if !ok || u.String() != target.String() {
		return false, fmt.Sprintf("its Content-Location %s is not the target URI %s", cl, f.target)
	}
	return true, ""
}

// statusStorable applies the status rules: final, understood, not forbidden.
func (f *cacheFacts) statusStorable() (string, bool) {
	s := f.status
	switch {
	case s == 0:
		return "the status code is unknown", false
	case s < 200:
		return fmt.Sprintf("%d is an interim (1xx) response; only final responses are stored (RFC 9111 §3)", s), false
	case s == 304:
		return "a 304 is not stored by itself: a cache uses it to refresh the response it already holds (RFC 9111 §4.3.4)", false
	case cacheNeverStored(s):
		return fmt.Sprintf("RFC 6585 forbids caches to store a %d, whatever its fields say", s), false
	case f.cc.has("must-understand") && !cacheUnderstood(s):
		return fmt.Sprintf("must-understand allows only caches that know the caching rules of status %d, and it is not a status RFC 9110 defines", s), false
	}
	return "", true
}

// sharedMayKeepAuth: after a request with Authorization a shared cache may store the
// response only if it says public, s-maxage or must-revalidate (RFC 9111 §3.5).
func (f *cacheFacts) sharedMayKeepAuth() bool {
	return f.cc.has("public") || f.cc.has("s-maxage") || f.cc.has("must-revalidate")
}

// permission finds what allows storing at all (RFC 9111 §3, last condition). When
// something does, the reason is a whole sentence starting "may store: ".
func (f *cacheFacts) permission(shared bool) (string, bool) {
	_, maxAge := f.cc.get("max-age")
	switch {
	case f.cc.has("public"):
		return "may store: public allows any cache to store it", true
	case !shared && f.cc.has("private"):
		return "may store: private allows the user's own cache to store it", true
	case shared && f.cc.has("s-maxage"):
		return "may store: s-maxage gives shared caches an explicit lifetime", true
	case maxAge:
		return "may store: max-age gives an explicit lifetime", true
	case f.expires.present:
		return "may store: Expires gives an explicit expiry time", true
	case cacheHeuristicStatus(f.status):
		return heuristicPermission(f.status), true
	}
	also := "public, max-age, Expires"
	if shared {
		also += " or s-maxage"
	} else {
		also += " or private"
	}
	return fmt.Sprintf("nothing allows it: no %s, and status %d is not heuristically cacheable", also, f.status), false
}

// heuristicPermission is the reason a heuristically cacheable status may be
// stored, a constant for each (most responses are stored for this reason alone).
func heuristicPermission(s int) string {
	switch s {
	case 200:
		return "may store: status 200 is heuristically cacheable"
	case 203:
		return "may store: status 203 is heuristically cacheable"
	case 204:
		return "may store: status 204 is heuristically cacheable"
	case 206:
		return "may store: status 206 is heuristically cacheable"
	case 300:
		return "may store: status 300 is heuristically cacheable"
	case 301:
		return "may store: status 301 is heuristically cacheable"
	case 308:
		return "may store: status 308 is heuristically cacheable"
	case 404:
		return "may store: status 404 is heuristically cacheable"
	case 405:
		return "may store: status 405 is heuristically cacheable"
	case 410:
		return "may store: status 410 is heuristically cacheable"
	case 414:
		return "may store: status 414 is heuristically cacheable"
	case 501:
		return "may store: status 501 is heuristically cacheable"
	}
	return fmt.Sprintf("may store: status %d is heuristically cacheable", s)
}

// qualifiers adds the conditions under which a storable response is stored.
func (f *cacheFacts) qualifiers(shared bool) string {
	var s string
	if f.status == 206 {
		s += "; a 206 only by a cache that can store partial content (RFC 9111 §3.3)"
	}
	if names := f.cc.fields("private"); shared && len(names) > 0 {
		s += fmt.Sprintf("; without the fields named by private (%s)", strings.Join(names, ", "))
	}
	if f.cc.has("must-understand") && f.cc.has("no-store") {
		s += fmt.Sprintf("; only a cache that implements must-understand and knows status %d (it ignores no-store; older caches obey it)", f.status)
	}
	return s
}

// cacheResolve resolves a reference found in a field against the target URI.
func cacheResolve(base *url.URL, ref string) (*url.URL, bool) {
	r, err := url.Parse(strings.TrimSpace(ref))
	if err != nil {
		return nil, false
	}
	u := base.ResolveReference(r)
	u.Fragment, u.RawFragment = "", ""
	return u, true
}

// cacheKnownMethod reports whether m is a method RFC 9110 or RFC 5789 defines.
func cacheKnownMethod(m string) bool {
	switch m {
	case "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH":
		return true
	}
	return false
}

// cacheSafeMethod reports whether m is known to be safe (RFC 9110 §9.2.1).
func cacheSafeMethod(m string) bool {
	switch m {
	case "GET", "HEAD", "OPTIONS", "TRACE":
		return true
	}
	return false
}

// cacheHeuristicStatus reports whether a status is heuristically cacheable
// (RFC 9110 §15.1).
func cacheHeuristicStatus(s int) bool {
	switch s {
	case 200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 501:
		return true
	}
	return false
}

// cacheNeverStored reports the statuses RFC 6585 forbids caches to store
// (§3 428, §4 429, §5 431, §6 511).
func cacheNeverStored(s int) bool {
	switch s {
	case 428, 429, 431, 511:
		return true
	}
	return false
}

// cacheUnderstood reports whether RFC 9110 defines the final status s, so that a
// cache implementing must-understand knows its caching rules (RFC 9111 §5.2.2.3).
func cacheUnderstood(s int) bool {
	switch {
	case s >= 200 && s <= 206, s >= 300 && s <= 305, s == 307, s == 308:
		return true
	case s >= 400 && s <= 417, s == 421, s == 422, s == 426:
		return true
	case s >= 500 && s <= 505:
		return true
	}
	return false
}
