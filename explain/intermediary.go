package explain

import (
	"fmt"
	"strconv"
	"strings"
)

// intermediaryFindings explain what caches and CDNs on the path said about this
// response: Cache-Status (RFC 9211), an Age added by a cache (RFC 9111 §5.1), Via
// (RFC 9110 §7.6.3), targeted cache-control fields (RFC 9213) and the common,
// unstandardised X-Cache and X-Cache-Status fields.
func intermediaryFindings(x Exchange) []Finding {
	fs := x.Response.Fields
	var out []Finding
	if vs := lines(fs, "Cache-Status"); len(vs) > 0 {
		out = append(out, cacheStatusFindings(strings.Join(vs, ", "))...)
	}
	if f, ok := ageFinding(fs); ok {
		out = append(out, f)
	}
	if vs := values(fs, "Via"); len(vs) > 0 {
		out = append(out, newFinding("via", Info, fmt.Sprintf("Via: %d intermediar%s on the path", len(vs), plural(len(vs), "y", "ies")),
			"Each proxy, gateway or CDN that forwarded the message added itself, nearest the origin first: "+strings.Join(vs, "; ")+
				". A cache in that list may have served this response from storage; Age and Cache-Status say whether it did.",
			"RFC 9110 §7.6.3"))
	}
	out = append(out, targetedFindings(fs)...)
	if f, ok := xCacheFinding(fs); ok {
		out = append(out, f)
	}
	return out
}

// hasSuffixFold reports whether s ends with suffix, ignoring ASCII case.
func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}

// cacheStatusFindings reads Cache-Status: a list of caches, the one nearest the
// origin first, each with parameters hit, fwd, fwd-status, ttl, stored, collapsed,
// key, detail (RFC 9211 §2).
func cacheStatusFindings(v string) []Finding {
	var lines, problems []string
	for _, m := range splitList(v) {
		parts := splitParams(m)
		name := strings.TrimSpace(parts[0])
		if name == "" {
			problems = append(problems, fmt.Sprintf("member %q has no cache name", m))
			continue
		}
		var what []string
		hit, fwd := false, ""
		for _, p := range parts[1:] {
			k, val, _ := strings.Cut(p, "=")
			k, val = strings.ToLower(strings.TrimSpace(k)), strings.Trim(strings.TrimSpace(val), `"`)
			switch k {
			case "hit":
				hit = true
				what = append(what, "a hit: served from storage without going to the next hop")
			case "fwd":
				fwd = val
				why, ok := fwdMeaning(val)
				if !ok {
					problems = append(problems, fmt.Sprintf("%s: fwd=%s is not a registered reason", name, val))
				}
				what = append(what, "forwarded to the next hop because "+why)
			case "fwd-status":
				what = append(what, "the next hop answered "+val)
			case "ttl":
				if n, err := strconv.Atoi(val); err == nil && n < 0 {
					what = append(what, fmt.Sprintf("stale by %d s", -n))
				} else {
					what = append(what, "fresh for "+val+" s more")
				}
			case "stored":
				what = append(what, "it stored the response")
			case "collapsed":
				what = append(what, "the request was collapsed with another one for the same response")
			case "key":
				what = append(what, "cache key "+val)
			case "detail":
				what = append(what, "detail: "+val)
			}
		}
		if hit && fwd != "" {
			problems = append(problems, fmt.Sprintf("%s says both hit and fwd=%s; a hit is not forwarded", name, fwd))
		}
		if !hit && fwd == "" {
			what = append(what, "neither hit nor fwd: it does not say whether it served the response")
		}
		lines = append(lines, name+": "+strings.Join(what, "; "))
	}
	refs := []string{"RFC 9211 §2"}
	out := []Finding{newFinding("cache-status", Info, "Cache-Status: what each cache did",
		"Caches on the path reported, nearest the origin first: "+strings.Join(lines, ". ")+".", refs...)}
	if len(problems) > 0 {
		out = append(out, newFinding("cache-status-invalid", Warning, "Questionable Cache-Status",
			cacheSentence(strings.Join(problems, "; "))+". Recipients ignore members and parameters they cannot parse.", refs...))
	}
	return out
}

// fwdMeaning explains a registered fwd reason (RFC 9211 §2.2).
func fwdMeaning(v string) (string, bool) {
	switch strings.ToLower(v) {
	case "bypass":
		return "it was configured not to use its storage for this request", true
	case "method":
		return "the request method is not cacheable", true
	case "uri-miss":
		return "nothing was stored for the URI", true
	case "vary-miss":
		return "responses were stored for the URI, but none matched the request's Vary fields", true
	case "miss":
		return "nothing stored matched (reason unspecified)", true
	case "request":
		return "the request asked for it (no-cache, max-age=0...)", true
	case "stale":
		return "the stored response was stale and had to be validated", true
	case "partial":
		return "only part of the response was stored", true
	}
	return "of " + v + " (unknown reason)", false
}

// ageFinding explains an Age field: a cache, not the origin, served the response.
func ageFinding(fs []Field) (Finding, bool) {
	v, ok := first(fs, "Age")
	if !ok {
		return Finding{}, false
	}
	n, valid := ccDeltaSeconds(strings.TrimSpace(strings.SplitN(v, ",", 2)[0]))
	if !valid {
		return Finding{}, false // age-field says what is wrong with it
	}
	detail := fmt.Sprintf("Age: %d says a cache on the path served this response %d s after the origin made or last validated it. "+
		"An origin does not send Age; its presence means the response came from storage (or was revalidated) somewhere between here and the origin.", n, n)
	if n == 0 {
		detail = "Age: 0 says a cache handled this response, but it is brand new: just fetched or validated with the origin."
	}
	return newFinding("cache-age-intermediary", Info, fmt.Sprintf("Served by a cache, %d s old", n), detail, "RFC 9111 §5.1", "RFC 9111 §4.2.3"), true
}

// targetedFindings explain targeted cache-control fields (RFC 9213): a field such as
// CDN-Cache-Control applies only to the caches it targets, which then ignore
// Cache-Control; every other cache ignores it.
func targetedFindings(fs []Field) []Finding {
	var out []Finding
	seen := map[string]bool{}
	for _, f := range fs {
		name := strings.TrimSpace(f.Name)
		// Most fields are no *-Cache-Control: they are passed over before a
		// lower-case copy of their name is made.
		if len(name) == len("cache-control") || !hasSuffixFold(name, "cache-control") {
			continue
		}
		l := strings.ToLower(name)
		if seen[l] {
			continue
		}
		seen[l] = true
		cc := parseCacheControl([]Field{{Name: "Cache-Control", Value: strings.Join(lines(fs, name), ", ")}}, false)
		life := "no lifetime of its own"
		if n, ok := cc.delta("s-maxage"); ok {
			life = fmt.Sprintf("fresh for %d s (s-maxage)", n)
		} else if n, ok := cc.delta("max-age"); ok {
			life = fmt.Sprintf("fresh for %d s (max-age)", n)
		}
		who := "the caches this field targets"
		if l == "cdn-cache-control" {
			who = "CDN caches"
		}
		detail := fmt.Sprintf("%s: %s is Cache-Control for %s only: they follow it and ignore Cache-Control; browsers and other caches ignore it. For them: %s",
			name, strings.Join(lines(fs, name), ", "), who, life)
		if cc.has("no-store") {
			detail += "; no-store: they must not store it"
		} else if cc.has("private") {
			detail += "; private: they must not store it"
		}
		out = append(out, newFinding("targeted-cache-control", Info, name+": directives for "+who, detail+".", "RFC 9213 §2", "RFC 9213 §3.1"))
	}
	return out
}

// xCacheFinding reads X-Cache (Squid, Varnish, CloudFront) and X-Cache-Status (nginx):
// unstandardised, but common. Cache-Status replaces them.
func xCacheFinding(fs []Field) (Finding, bool) {
	var parts []string
	for _, name := range []string{"X-Cache", "X-Cache-Status"} {
		for _, v := range lines(fs, name) {
			parts = append(parts, fmt.Sprintf("%s: %s means %s", name, v, xCacheMeaning(v)))
		}
	}
	if len(parts) == 0 {
		return Finding{}, false
	}
	return newFinding("x-cache", Info, "X-Cache: a cache's own report",
		strings.Join(parts, "; ")+". These fields are not standardised: each product uses its own words. Cache-Status (RFC 9211) says the same in a common form.",
		"RFC 9211 §1"), true
}

// xCacheMeaning explains the usual X-Cache words; nginx's $upstream_cache_status
// values first.
func xCacheMeaning(v string) string {
	l := strings.ToLower(v)
	switch {
	case strings.HasPrefix(l, "hit"):
		return "served from storage (a hit)"
	case strings.HasPrefix(l, "miss"):
		return "not found in storage, fetched from the origin (a miss)"
	case l == "expired":
		return "stored but stale, so fetched from the origin again"
	case l == "revalidated":
		return "stored but stale, validated with a conditional request (a 304 refreshed it)"
	case l == "stale":
		return "served stale (the origin failed or stale serving is configured)"
	case l == "updating":
		return "served stale while another request updates it"
	case l == "bypass":
		return "the cache was bypassed for this request"
	case strings.Contains(l, "refreshhit"):
		return "stored but stale, validated with the origin, then served (a refresh hit)"
	}
	return "what that product means by it"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
