package explain

import (
	"fmt"
	"strings"
)

// syntaxFindings reports Cache-Control that is malformed, repeated, contradictory or
// unknown, in the response and in the request.
func (f *cacheFacts) syntaxFindings() []Finding {
	var syntax, dups, unknown []string
	syntax = append(syntax, f.cc.problems...)
	for _, p := range f.reqCC.problems {
		syntax = append(syntax, "request: "+p)
	}
	dups = append(dups, f.cc.duplicates()...)
	for _, p := range f.reqCC.duplicates() {
		dups = append(dups, "request: "+p)
	}
	if f.expires.differs {
		dups = append(dups, "Expires is given more than once with different values: the response counts as stale")
	}
	unknown = append(unknown, f.cc.unknown...)
	unknown = append(unknown, f.reqCC.unknown...)
	var out []Finding
	if len(syntax) > 0 {
		out = append(out, newFinding("cc-syntax", Warning, "Invalid Cache-Control directives",
			strings.Join(syntax, "; ")+".", "RFC 9111 §5.2", "RFC 9111 §1.2.2", "RFC 9111 §4.2.1", "RFC 9110 §5.6.2"))
	}
	if len(dups) > 0 {
		out = append(out, newFinding("cc-duplicate", Warning, "Caching directive given more than once",
			strings.Join(dups, "; ")+". Send each directive once.", "RFC 9111 §4.2.1"))
	}
	if c := f.cc.conflicts(); len(c) > 0 {
		out = append(out, newFinding("cc-conflict", Warning, "Contradictory Cache-Control directives",
			strings.Join(c, "; ")+". Caches honour the most restrictive directive; drop the one that does not apply.", "RFC 9111 §4.2.1"))
	}
	if len(unknown) > 0 {
		out = append(out, newFinding("cc-unknown", Info, "Unknown Cache-Control directives",
			fmt.Sprintf("Caches ignore directives they do not know: %s. Check the spelling if one was meant to do something.", strings.Join(unknown, ", ")),
			"RFC 9111 §5.2.3"))
	}
	return out
}

// storeFindings explains the directives and request fields that decide storability.
func (f *cacheFacts) storeFindings(private, shared CacheView) []Finding {
	var out []Finding
	if f.method != "GET" && f.method != "HEAD" {
		why, ok := f.methodStorable(true)
		title := fmt.Sprintf("This response to %s is not stored", f.method)
		detail := cacheSentence(strings.TrimPrefix(why, "; ")) + "."
		switch {
		case ok:
			title = fmt.Sprintf("This response to %s may be stored", f.method)
		case cacheNeverMethod(f.method):
			title = fmt.Sprintf("Responses to %s are never stored", f.method)
			detail = "Only responses to GET and HEAD (and to POST or PATCH with explicit freshness and Content-Location) may be stored."
			if f.method == "PUT" || f.method == "DELETE" {
				detail += fmt.Sprintf(" %s changes the resource instead: a 2xx to it makes caches drop what they hold for the target URI.", f.method)
			}
		}
		out = append(out, newFinding("cache-method", Info, title, detail, cacheMethodRef(f.method), "RFC 9111 §3"))
	}
	if cacheNeverStored(f.status) {
		out = append(out, newFinding("cache-never-stored", Info, fmt.Sprintf("A %d is never stored", f.status),
			fmt.Sprintf("RFC 6585 says responses with status %d must not be stored by any cache, whatever Cache-Control says.", f.status),
			map[int]string{428: "RFC 6585 §3", 429: "RFC 6585 §4", 431: "RFC 6585 §5", 511: "RFC 6585 §6"}[f.status]))
	}
	if !private.Storable && !shared.Storable && f.lacksPermission() {
		why, _ := f.permission(false)
		out = append(out, newFinding("cache-not-storable", Info, "No cache may store this response",
			cacheSentence(why)+". Send max-age (or public) if it may be reused.", "RFC 9111 §3", "RFC 9110 §15.1"))
	}
	if f.cc.has("no-store") || f.reqCC.has("no-store") {
		out = append(out, f.noStoreFinding())
	}
	if f.cc.has("private") {
		out = append(out, f.privateFinding())
	}
	if f.auth && (private.Storable || shared.Storable) {
		out = append(out, f.authFinding(shared))
	}
	if f.publicUnnecessary() {
		out = append(out, newFinding("cache-public-unnecessary", Info, "public adds nothing here",
			"The response is storable without public (it has explicit freshness or a heuristically cacheable status, and the request had no Authorization). public only matters after a request with Authorization, or for a status that is not heuristically cacheable without max-age or Expires.",
			"RFC 9111 §5.2.2.9"))
	}
	if f.cc.has("must-understand") {
		out = append(out, f.mustUnderstandFinding())
	}
	if shared.Storable && has(f.resp, "Set-Cookie") && !cacheContains(f.cc.fields("private"), "set-cookie") {
		out = append(out, newFinding("set-cookie-shared", Warning, "Set-Cookie on a response shared caches may store",
			"A shared cache may store this response with its Set-Cookie and hand that cookie to other users. Add Cache-Control: private (or private=\"Set-Cookie\"), or no-store, if the cookie belongs to one user.",
			"RFC 9111 §3.1", "RFC 9111 §7.3"))
	}
	return out
}

// noStoreFinding explains no-store, from the response or the request.
func (f *cacheFacts) noStoreFinding() Finding {
	var detail string
	if f.cc.has("no-store") {
		detail = "Cache-Control: no-store in the response forbids every cache, private or shared, to store it (or the request that asked for it). It is not a privacy guarantee: nothing is encrypted, and a cache that ignores it is broken, not blocked. To allow storing but force a check with the origin before each reuse, send no-cache instead."
		if f.cc.has("must-understand") {
			detail += fmt.Sprintf(" Here must-understand goes with it: caches that know the caching rules of status %d ignore no-store; older caches store nothing.", f.status)
		} else if moot := f.mootUnderNoStore(); len(moot) > 0 {
			detail += fmt.Sprintf(" no-store wins over %s: they only matter for a stored response, so they are moot here.", strings.Join(moot, ", "))
		}
	} else {
		detail = "The request said Cache-Control: no-store, so caches must not store this response."
	}
	return newFinding("cache-no-store", Info, "no-store: no cache may keep it", detail, "RFC 9111 §5.2.2.5", "RFC 9111 §5.2.1.5")
}

// privateFinding explains private, plain or with field names.
func (f *cacheFacts) privateFinding() Finding {
	if names := f.cc.fields("private"); len(names) > 0 && !f.cc.unqualified("private") {
		return newFinding("cache-private", Info, "private: some fields stay out of shared caches",
			fmt.Sprintf("private=\"%s\" lets shared caches store the response without the named fields; the user's own cache keeps them. Many caches treat it as plain private.", strings.Join(names, ", ")),
			"RFC 9111 §5.2.2.7")
	}
	return newFinding("cache-private", Info, "private: only the user's own cache may store it",
		"The response is meant for one user. Shared caches (proxies, CDNs) must not store it; the browser's own cache may, even when the status is not heuristically cacheable.",
		"RFC 9111 §5.2.2.7", "RFC 9111 §3")
}

// authFinding explains what Authorization in the request does to shared caches.
func (f *cacheFacts) authFinding(shared CacheView) Finding {
	refs := []string{"RFC 9111 §3.5", "RFC 9110 §11.6.2"}
	if shared.Storable {
		var by []string
		for _, d := range []string{"public", "s-maxage", "must-revalidate"} {
			if f.cc.has(d) {
				by = append(by, d)
			}
		}
		return newFinding("cache-authorization", Info, "Authorized request: shared caches may still store the answer",
			fmt.Sprintf("The request carried Authorization, which normally keeps the answer out of shared caches; %s in the response lets them store it and serve it to other users. Make sure that is intended.", strings.Join(by, ", ")),
			refs...)
	}
	return newFinding("cache-authorization", Info, "Authorized request: shared caches must not store the answer",
		"The request carried Authorization, so a shared cache must not store the answer unless the response says public, s-maxage or must-revalidate. The user's own cache may store it. There is no need to list Authorization in Vary.",
		refs...)
}

// publicUnnecessary: public changes nothing when the response is storable by every
// cache anyway (RFC 9111 §5.2.2.9).
func (f *cacheFacts) publicUnnecessary() bool {
	if !f.cc.has("public") || f.cc.has("private") || f.cc.has("no-store") || f.auth {
		return false
	}
	if f.method != "GET" && f.method != "HEAD" {
		return false
	}
	_, maxAge := f.cc.get("max-age")
	return maxAge || f.expires.present || cacheHeuristicStatus(f.status)
}

// mustUnderstandFinding explains must-understand (RFC 9111 §5.2.2.3).
func (f *cacheFacts) mustUnderstandFinding() Finding {
	detail := fmt.Sprintf("must-understand: only caches that implement the caching rules of status %d may store the response.", f.status)
	if f.cc.has("no-store") {
		detail += " It comes with no-store, as it should: caches that understand the status ignore no-store, older caches store nothing."
	} else {
		detail += " It should come with no-store, so that caches that do not implement must-understand store nothing."
	}
	return newFinding("cache-must-understand", Info, "must-understand", detail, "RFC 9111 §5.2.2.3")
}

// lacksPermission reports that only the storage permission stops every cache from
// storing the response: method, status and directives would all allow it.
func (f *cacheFacts) lacksPermission() bool {
	_, methodOK := f.methodStorable(false)
	_, statusOK := f.statusStorable()
	_, privateOK := f.permission(false)
	_, sharedOK := f.permission(true)
	return methodOK && statusOK && !privateOK && !sharedOK && !f.cc.has("no-store") && !f.reqCC.has("no-store")
}

// cacheMethodRef is the section that says whether responses to m are cacheable.
func cacheMethodRef(m string) string {
	switch m {
	case "POST":
		return "RFC 9110 §9.3.3"
	case "PUT":
		return "RFC 9110 §9.3.4"
	case "DELETE":
		return "RFC 9110 §9.3.5"
	case "CONNECT":
		return "RFC 9110 §9.3.6"
	case "OPTIONS":
		return "RFC 9110 §9.3.7"
	case "TRACE":
		return "RFC 9110 §9.3.8"
	case "PATCH":
		return "RFC 5789 §2"
	}
	return "RFC 9110 §9.1" // unknown method; methods are case-sensitive
}

// cacheSentence capitalises the first letter of s.
func cacheSentence(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// cacheContains reports whether s holds v.
func cacheContains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// cacheNeverMethod reports the methods whose responses no cache stores, whatever
// they say (RFC 9110 §9.3.4-§9.3.8).
func cacheNeverMethod(m string) bool {
	switch m {
	case "PUT", "DELETE", "OPTIONS", "TRACE", "CONNECT":
		return true
	}
	return false
}
