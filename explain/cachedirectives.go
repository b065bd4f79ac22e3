package explain

import (
	"fmt"
	"net/url"
	"strings"
)

// directiveFindings explains the directives about reuse and the obsolete fields.
// flat is the view the flat Cache fields speak for.
func (f *cacheFacts) directiveFindings(flat CacheView) []Finding {
	var out []Finding
	if f.noStoreWins() {
		// The directive list is kept (cc-conflict, the parsed field); advice about
		// reusing a response no cache may store is moot.
		return append(out, f.obsoleteFieldFindings()...)
	}
	if f.cc.has("no-cache") {
		out = append(out, f.noCacheFinding())
	}
	if f.cc.has("must-revalidate") {
		detail := "Once stale, the response must not be reused without a successful check with the origin; if the origin cannot be reached, the cache answers 504 Gateway Timeout instead of serving the stale copy."
		if f.auth {
			detail += " It also lets a shared cache store this answer to a request with Authorization."
		}
		out = append(out, newFinding("must-revalidate", Info, "must-revalidate: never served stale", detail, "RFC 9111 §5.2.2.2"))
	}
	if f.cc.has("proxy-revalidate") {
		out = append(out, newFinding("proxy-revalidate", Info, "proxy-revalidate: shared caches never serve it stale",
			"Like must-revalidate, but for shared caches only; a private cache may still serve it stale when it cannot reach the origin. It does not make the response storable by itself.",
			"RFC 9111 §5.2.2.8"))
	}
	if f.cc.has("immutable") {
		out = append(out, f.immutableFinding(flat))
	}
	if n, ok := f.cc.delta("stale-while-revalidate"); ok {
		out = append(out, newFinding("stale-while-revalidate", Info, fmt.Sprintf("stale-while-revalidate: %d s", n),
			fmt.Sprintf("After it goes stale, a cache may keep serving it for %d s more while it revalidates in the background.", n)+f.staleYields(),
			"RFC 5861 §3", "RFC 9111 §4.2.4"))
	}
	if n, ok := f.cc.delta("stale-if-error"); ok {
		out = append(out, newFinding("stale-if-error", Info, fmt.Sprintf("stale-if-error: %d s", n),
			fmt.Sprintf("If the origin fails (a 5xx or no answer), a cache may serve it for up to %d s after it went stale.", n)+f.staleYields(),
			"RFC 5861 §4", "RFC 9111 §4.2.4"))
	}
	return append(out, f.obsoleteFieldFindings()...)
}

// noStoreWins reports a response no cache may store because of its own no-store
// (RFC 9111 §5.2.2.5); must-understand lets caches that know the status ignore it.
func (f *cacheFacts) noStoreWins() bool {
	return f.cc.has("no-store") && !f.cc.has("must-understand")
}

// mootUnderNoStore lists the reuse directives present that no-store makes moot.
func (f *cacheFacts) mootUnderNoStore() []string {
	var moot []string
	for _, d := range []string{"no-cache", "must-revalidate", "proxy-revalidate", "max-age", "s-maxage", "immutable", "stale-while-revalidate", "stale-if-error"} {
		if f.cc.has(d) {
			moot = append(moot, d)
		}
	}
	return moot
}

// obsoleteFieldFindings flags Pragma and Warning in the response.
func (f *cacheFacts) obsoleteFieldFindings() []Finding {
	var out []Finding
	if has(f.resp, "Pragma") {
		out = append(out, newFinding("pragma", Warning, "Pragma is deprecated",
			"Pragma is deprecated, and Pragma: no-cache is defined only in requests; in a response it is no reliable substitute for Cache-Control. Send Cache-Control (for example no-cache) instead.",
			"RFC 9111 §5.4"))
	}
	if has(f.resp, "Warning") {
		out = append(out, newFinding("warning-obsolete", Info, "The Warning field is obsolete",
			"Warning is obsolete: caches no longer generate it and clients ignore it. Remove it.", "RFC 9111 §5.5"))
	}
	return out
}

// noCacheFinding explains no-cache (RFC 9111 §5.2.2.4); a warning without a validator,
// since then every revalidation is a full download.
func (f *cacheFacts) noCacheFinding() Finding {
	refs := []string{"RFC 9111 §5.2.2.4", "RFC 9111 §4.3"}
	if names := f.cc.fields("no-cache"); len(names) > 0 && !f.cc.unqualified("no-cache") {
		return newFinding("cache-no-cache", Info, "no-cache for some fields",
			fmt.Sprintf("no-cache=\"%s\": a cache may reuse the response without checking with the origin, but not the named fields. Many caches treat it as plain no-cache.", strings.Join(names, ", ")),
			refs...)
	}
	detail := "no-cache lets caches store the response but never reuse it without a successful check with the origin (a conditional request), not even when they are set to serve stale responses."
	if f.hasValid {
		return newFinding("cache-no-cache", Info, "no-cache: revalidate before every reuse",
			detail+" The response has a validator, so that check is a cheap conditional request answered by 304.", refs...)
	}
	return newFinding("cache-no-cache", Warning, "no-cache without ETag or Last-Modified",
		detail+" The response has neither ETag nor Last-Modified, so the check cannot be conditional: every reuse downloads it in full. Send an ETag or Last-Modified, or use no-store if reuse is pointless.",
		refs...)
}

// immutableFinding explains immutable (RFC 8246 §2): it adds no freshness.
func (f *cacheFacts) immutableFinding(flat CacheView) Finding {
	if flat.FreshnessLifetimeS > 0 {
		return newFinding("immutable", Info, "immutable: no revalidation while fresh",
			fmt.Sprintf("The response will not change while fresh (lifetime %d s), so clients need not revalidate it even when the user reloads.", flat.FreshnessLifetimeS),
			"RFC 8246 §2")
	}
	return newFinding("immutable", Info, "immutable does nothing without a lifetime",
		"immutable promises the response will not change while fresh, but it has no freshness lifetime, so the promise covers nothing. Add max-age.",
		"RFC 8246 §2")
}

// staleYields notes that must-revalidate and no-cache override the stale allowances
// of RFC 5861.
func (f *cacheFacts) staleYields() string {
	if f.cc.has("must-revalidate") || f.cc.unqualified("no-cache") {
		return " must-revalidate or no-cache is also present and wins, so this allowance is unused."
	}
	return ""
}

// cacheVary lists the Vary members, first spelling kept, and explains them
// (RFC 9110 §12.5.5; RFC 9111 §4.1).
func cacheVary(fs []Field) ([]string, []Finding) {
	var list, dups, odd []string
	star := false
	var buf [8]string
	for _, v := range appendValues(buf[:0], fs, "Vary") {
		if cacheContainsFold(list, v) {
			dups = append(dups, v)
			continue
		}
		list = append(list, v)
		star = star || v == "*"
		switch strings.ToLower(v) {
		case "user-agent":
			odd = append(odd, "User-Agent has thousands of values, so a cache keeps a copy per browser version and rarely reuses one")
		case "host":
			odd = append(odd, "Host is part of the cache key already, so listing it does nothing")
		}
	}
	if len(dups) > 0 {
		odd = append(odd, fmt.Sprintf("%s listed more than once", strings.Join(dups, ", ")))
	}
	var out []Finding
	// Each finding gets its own refs, made only when there is one.
	refs := func() []string { return []string{"RFC 9110 §12.5.5", "RFC 9111 §4.1"} }
	switch {
	case star:
		out = append(out, newFinding("cache-vary-star", Warning, "Vary: * never matches",
			"Vary: * says the response depends on things outside the request, so a stored copy never matches a later request: every reuse needs the origin. List the request fields that matter instead.",
			refs()...))
	case len(list) > 0:
		names := strings.Join(list, ", ") // one name is not copied
		out = append(out, newFinding("vary", Info, "Vary: "+names,
			"A cache may reuse this response only for a request whose "+names+" match the request that produced it (a field absent in one must be absent in the other).",
			refs()...))
	}
	if len(odd) > 0 {
		out = append(out, newFinding("vary-quality", Warning, "Questionable Vary", cacheSentence(strings.Join(odd, "; "))+".", refs()...))
	}
	return list, out
}

// invalidation lists the URIs whose stored responses a 2xx or 3xx to an unsafe method
// invalidates (RFC 9111 §4.4): the target URI always, Location and Content-Location
// only when they share the target's origin.
func (f *cacheFacts) invalidation() ([]string, []Finding) {
	if !f.known || f.target == "" || cacheSafeMethod(f.method) || f.status < 200 || f.status > 399 {
		return nil, nil
	}
	target := f.targetURL()
	list := []string{f.target}
	if target != nil {
		list[0] = target.String()
	}
	var other []string
	for _, name := range []string{"Location", "Content-Location"} {
		v, ok := first(f.resp, name)
		if !ok || target == nil {
			continue
		}
		u, ok := cacheResolve(target, v)
		switch {
		case !ok:
		case !cacheSameOrigin(u, target):
			other = append(other, fmt.Sprintf("%s %s", name, u))
		case !cacheContains(list, u.String()):
			list = append(list, u.String())
		}
	}
	kind := "an unsafe method"
	if !cacheKnownMethod(f.method) {
		kind = "a method not known to be safe"
	}
	detail := fmt.Sprintf("A %d to %s (%s) makes every cache it passed through invalidate what it stored for %s",
		f.status, f.method, kind, strings.Join(list, " and "))
	detail += " (remove it or mark it as needing validation), so the next GET reaches the origin."
	if len(other) > 0 {
		detail += fmt.Sprintf(" %s is on another origin, so caches must not invalidate it.", strings.Join(other, " and "))
	}
	return list, []Finding{newFinding("cache-invalidation", Info, "Stored copies invalidated", detail, "RFC 9111 §4.4")}
}

// cacheSameOrigin compares scheme, host and port (RFC 9110 §4.3.1), with the
// default port of the scheme filled in.
func cacheSameOrigin(a, b *url.URL) bool {
	port := func(u *url.URL) string {
		if p := u.Port(); p != "" {
			return p
		}
		switch strings.ToLower(u.Scheme) {
		case "http":
			return "80"
		case "https":
			return "443"
		}
		return ""
	}
	return strings.EqualFold(a.Scheme, b.Scheme) && strings.EqualFold(a.Hostname(), b.Hostname()) && port(a) == port(b)
}

// cacheContainsFold reports whether s holds v, ignoring case.
func cacheContainsFold(s []string, v string) bool {
	for _, x := range s {
		if strings.EqualFold(x, v) {
			return true
		}
	}
	return false
}
