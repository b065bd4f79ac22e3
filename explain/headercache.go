package explain

import (
	"fmt"
	"strings"
)

// noteCacheControl lists each directive on its own line with what it tells a cache,
// then what is malformed, repeated or contradictory (RFC 9111 §5.2, §4.2.1).
// CDN-Cache-Control shares the syntax (RFC 9213 §2).
func noteCacheControl(n *HeaderNote, c noteContext) {
	cc := parseCacheControl([]Field{{Name: "Cache-Control", Value: c.value}}, false)
	for _, d := range cc.list {
		n.Parsed = append(n.Parsed, strings.TrimSpace(d.sent)+": "+directiveMeaning(d))
	}
	if len(cc.list) == 0 && len(cc.problems) == 0 {
		n.Parsed = append(n.Parsed, "no directives")
	}
	n.Warnings = append(n.Warnings, cc.problems...)
	n.Warnings = append(n.Warnings, cc.duplicates()...)
	n.Warnings = append(n.Warnings, cc.conflicts()...)
	for _, d := range cc.list {
		switch d.name {
		case "immutable":
			n.Refs = append(n.Refs, "RFC 8246 §2")
		case "stale-while-revalidate", "stale-if-error":
			n.Refs = append(n.Refs, "RFC 5861 §3")
		}
	}
	n.Refs = uniqueStrings(n.Refs)
}

// directiveMeaning says in a phrase what one response directive asks of caches.
func directiveMeaning(d ccDirective) string {
	secs := func() string {
		v, ok := ccDeltaSeconds(d.arg)
		if !ok {
			return "an invalid number, so the response counts as stale"
		}
		return secondsLine(v)
	}
	switch d.name {
	case "max-age":
		return "fresh for " + secs() + " after it was generated"
	case "s-maxage":
		return "shared caches: fresh for " + secs() + ", overriding max-age and Expires for them"
	case "no-cache":
		if d.hasArg {
			return "the fields " + d.arg + " must not be reused without revalidation"
		}
		return "may be stored, but must be revalidated with the origin before every reuse"
	case "no-store":
		return "no cache may store any part of it"
	case "private":
		if d.hasArg {
			return "shared caches must not store the fields " + d.arg
		}
		return "only a private cache (the browser's) may store it; shared caches must not"
	case "public":
		return "any cache may store it, even with Authorization or a status not cacheable by default"
	case "must-revalidate":
		return "once stale, it must not be used without revalidation; if the origin is unreachable, 504"
	case "proxy-revalidate":
		return "like must-revalidate, for shared caches only"
	case "must-understand":
		return "store it only if the cache knows the caching rules of this status code"
	case "no-transform":
		return "intermediaries must not change the content (recompress, convert images)"
	case "immutable":
		return "it will not change while fresh: no revalidation, even on reload"
	case "stale-while-revalidate":
		return "once stale, may still be served for " + secs() + " while a revalidation runs in the background"
	case "stale-if-error":
		return "once stale, may still be served for " + secs() + " if the origin answers with an error"
	case "max-stale", "min-fresh", "only-if-cached":
		return "a request directive; it means nothing in a response"
	case "pre-check", "post-check":
		return "an old Internet Explorer extension nobody implements"
	}
	return "not a registered directive; caches ignore it"
}

func notePragma(n *HeaderNote, c noteContext) {
	n.Warnings = append(n.Warnings, "Pragma is deprecated; in a response even Pragma: no-cache is undefined. Use Cache-Control.")
	if has(c.x.Response.Fields, "Cache-Control") {
		n.Parsed = append(n.Parsed, "Cache-Control is present, and caches follow it instead")
	}
}

// noteCacheStatus lists each cache's report, nearest the origin first (RFC 9211 §2).
func noteCacheStatus(n *HeaderNote, c noteContext) {
	for _, m := range splitList(c.value) {
		parts := splitParams(m)
		var what []string
		for _, p := range parts[1:] {
			k, v, _ := strings.Cut(p, "=")
			switch strings.ToLower(strings.TrimSpace(k)) {
			case "hit":
				what = append(what, "hit: served from the cache")
			case "fwd":
				what = append(what, "forwarded to the next hop ("+v+")")
			case "fwd-status":
				what = append(what, "next hop answered "+v)
			case "ttl":
				what = append(what, "fresh for "+v+" s more")
			case "stored":
				what = append(what, "stored")
			case "collapsed":
				what = append(what, "collapsed with another request")
			case "key":
				what = append(what, "key "+v)
			case "detail":
				what = append(what, "detail "+v)
			}
		}
		n.Parsed = append(n.Parsed, fmt.Sprintf("%s: %s", parts[0], strings.Join(what, "; ")))
	}
}

// uniqueStrings drops repeats, keeping the first occurrence of each.
func uniqueStrings(s []string) []string {
	out := s[:0]
	seen := map[string]bool{}
	for _, v := range s {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}
