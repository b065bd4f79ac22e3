package explain

import (
	"strings"
	"testing"
)

func TestNoteCacheControl(t *testing.T) {
	runNoteCases(t, []noteCase{
		{name: "one directive per line", field: "Cache-Control", value: "public, max-age=3600, must-revalidate",
			parsed: []string{"public: any cache", "max-age=3600: fresh for 3600 s (1 h)", "must-revalidate: once stale"}, noWarn: true},
		{name: "no-cache and no-store", field: "Cache-Control", value: "no-cache, no-store",
			parsed: []string{"no-cache: may be stored, but must be revalidated", "no-store: no cache may store"}},
		{name: "qualified private", field: "Cache-Control", value: `private="Set-Cookie"`, parsed: []string{"shared caches must not store the fields Set-Cookie"}},
		{name: "s-maxage and immutable", field: "Cache-Control", value: "s-maxage=60, immutable",
			parsed: []string{"shared caches: fresh for 60 s", "will not change while fresh"}},
		{name: "stale extensions", field: "Cache-Control", value: "max-age=1, stale-while-revalidate=30, stale-if-error=600",
			parsed: []string{"while a revalidation runs", "600 s (10 min) if the origin answers with an error"}},
		{name: "invalid max-age", field: "Cache-Control", value: "max-age=soon", parsed: []string{"invalid number"},
			warn: []string{"not a whole number"}},
		{name: "quoted max-age", field: "Cache-Control", value: `max-age="60"`, warn: []string{"must be sent as a token"}},
		{name: "duplicate max-age", field: "Cache-Control", value: "max-age=60, max-age=120", warn: []string{"counts as stale"}},
		{name: "contradiction", field: "Cache-Control", value: "public, private", warn: []string{"private wins"}},
		{name: "request directive", field: "Cache-Control", value: "only-if-cached", parsed: []string{"request directive"},
			warn: []string{"request directive"}},
		{name: "unknown directive", field: "Cache-Control", value: "frobnicate", parsed: []string{"not a registered directive"}},
		{name: "IE extension", field: "Cache-Control", value: "pre-check=0", warn: []string{"Internet Explorer"}},
		{name: "garbage", field: "Cache-Control", value: `max-age=60 "x", =, "`, warn: []string{"not a directive"}},
		{name: "empty", field: "Cache-Control", value: "", parsed: []string{"no directives"}},
		{name: "cdn cache control", field: "CDN-Cache-Control", value: "max-age=600", parsed: []string{"600 s (10 min)"}},
		{name: "pragma beside cache-control", field: "Pragma", value: "no-cache", others: []string{"Cache-Control: no-store"},
			parsed: []string{"caches follow it instead"}, warn: []string{"deprecated"}},
		{name: "warning is obsolete", field: "Warning", value: `110 - "Response is Stale"`, warn: []string{"obsolete"}},
		{name: "cache-status", field: "Cache-Status", value: `ExampleCache; hit; ttl=30, OriginCache; fwd=uri-miss; stored`,
			parsed: []string{"ExampleCache: hit: served from the cache; fresh for 30 s more", "OriginCache: forwarded to the next hop (uri-miss); stored"}},
	})
}

func TestNoteSetCookie(t *testing.T) {
	runNoteCases(t, []noteCase{
		{name: "well-guarded cookie", field: "Set-Cookie", value: "__Host-sid=abc; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=3600",
			url: "https://h/login", parsed: []string{"cookie: __Host-sid = abc", "Max-Age=3600: kept for 3600 s (1 h)",
				"Domain: not set", "Path=/", "Secure:", "HttpOnly:", "SameSite=Lax"}, noWarn: true},
		{name: "bare cookie is risky", field: "Set-Cookie", value: "sid=abc", url: "https://h/",
			parsed: []string{"session cookie", "SameSite: not set"}, warn: []string{"No Secure", "No HttpOnly"}},
		{name: "samesite none without secure", field: "Set-Cookie", value: "a=b; HttpOnly; SameSite=None",
			warn: []string{"own CSRF defence", "SameSite=None without Secure"}},
		{name: "invalid samesite", field: "Set-Cookie", value: "a=b; Secure; HttpOnly; SameSite=Sometimes", warn: []string{"not Strict, Lax or None"}},
		{name: "secure set over http", field: "Set-Cookie", value: "a=b; Secure; HttpOnly", url: "http://h/", warn: []string{"browsers refuse it"}},
		{name: "domain widens scope", field: "Set-Cookie", value: "a=b; Domain=.example.com; Secure; HttpOnly", url: "https://api.example.com/",
			parsed: []string{"Domain=example.com: sent to example.com and every subdomain"}, warn: []string{"widens the cookie"}},
		{name: "foreign domain rejected", field: "Set-Cookie", value: "a=b; Domain=evil.test; Secure; HttpOnly", url: "https://api.example.com/",
			warn: []string{"does not cover the host"}},
		{name: "max-age wins over expires", field: "Set-Cookie", value: "a=b; Expires=Wed, 01 May 2024 13:00:00 GMT; Max-Age=60; Secure; HttpOnly",
			parsed: []string{"ignored, Max-Age wins", "kept for 60 s"}, noWarn: true},
		{name: "expires in the future", field: "Set-Cookie", value: "a=b; Expires=Thu, 02 May 2024 12:00:00 GMT; Secure; HttpOnly",
			parsed: []string{"Expires: 2024-05-02 12:00:00 UTC (in 23 h 59 min)"}, noWarn: true},
		{name: "expires in the past deletes", field: "Set-Cookie", value: "a=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Secure; HttpOnly",
			parsed: []string{"deletes the cookie"}},
		{name: "max-age zero deletes", field: "Set-Cookie", value: "a=; Max-Age=0; Secure; HttpOnly", parsed: []string{"deletes the cookie now"}},
		{name: "negative max-age deletes", field: "Set-Cookie", value: "a=; Max-Age=-1; Secure; HttpOnly", parsed: []string{"deletes the cookie now"}},
		{name: "bad max-age", field: "Set-Cookie", value: "a=b; Max-Age=1h; Secure; HttpOnly", warn: []string{"not a whole number"},
			parsed: []string{"session cookie"}},
		{name: "bad expires", field: "Set-Cookie", value: "a=b; Expires=tomorrow; Secure; HttpOnly", warn: []string{"not a date"}},
		{name: "no equals sign", field: "Set-Cookie", value: "justtext; Secure", warn: []string{"ignores the whole line"}},
		{name: "empty name", field: "Set-Cookie", value: "=v", warn: []string{"no name"}},
		{name: "secure prefix without secure", field: "Set-Cookie", value: "__Secure-a=b; HttpOnly", warn: []string{"__Secure- cookie must have Secure"}},
		{name: "host prefix with domain", field: "Set-Cookie", value: "__Host-a=b; Secure; HttpOnly; Path=/; Domain=h", warn: []string{"__Host- cookie needs"}},
		{name: "unknown attribute", field: "Set-Cookie", value: "a=b; Secure; HttpOnly; Colour=blue", parsed: []string{"colour: not an attribute"}},
		{name: "long value clipped", field: "Set-Cookie", value: "a=" + strings.Repeat("é", 50) + "; Secure; HttpOnly", parsed: []string{"é… (100 bytes)"}},
	})
}

func TestNoteCORSAndSecurity(t *testing.T) {
	runNoteCases(t, []noteCase{
		{name: "any origin", field: "Access-Control-Allow-Origin", value: "*", parsed: []string{"any origin"}, noWarn: true},
		{name: "any origin with credentials", field: "Access-Control-Allow-Origin", value: "*",
			others: []string{"Access-Control-Allow-Credentials: true"}, warn: []string{"refuse to expose"}},
		{name: "null origin", field: "Access-Control-Allow-Origin", value: "null", warn: []string{"risky"}},
		{name: "origin list", field: "Access-Control-Allow-Origin", value: "https://a.test, https://b.test", warn: []string{"Only one origin"}},
		{name: "origin without vary", field: "Access-Control-Allow-Origin", value: "https://a.test", warn: []string{"Vary: Origin"}},
		{name: "origin with vary", field: "Access-Control-Allow-Origin", value: "https://a.test", others: []string{"Vary: Origin"},
			parsed: []string{"only pages from https://a.test"}, noWarn: true},
		{name: "not an origin", field: "Access-Control-Allow-Origin", value: "a.test/path", warn: []string{"not an origin"}},
		{name: "credentials true", field: "Access-Control-Allow-Credentials", value: "true", noWarn: true},
		{name: "credentials false", field: "Access-Control-Allow-Credentials", value: "false", warn: []string{"only the exact value true"}},
		{name: "preflight max age", field: "Access-Control-Max-Age", value: "600", parsed: []string{"600 s (10 min)"}},
		{name: "preflight max age bad", field: "Access-Control-Max-Age", value: "-1", warn: []string{"not a whole number"}},
		{name: "allow methods", field: "Access-Control-Allow-Methods", value: "GET, PUT", parsed: []string{"method: PUT"}},
		{name: "hsts full", field: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains; preload", url: "https://h/",
			parsed: []string{"63072000 s (2 y)", "every subdomain", "preload"}, noWarn: true},
		{name: "hsts without max-age", field: "Strict-Transport-Security", value: "includeSubDomains", warn: []string{"No valid max-age"}},
		{name: "hsts zero", field: "Strict-Transport-Security", value: "max-age=0", parsed: []string{"forget the policy"}},
		{name: "hsts over http", field: "Strict-Transport-Security", value: "max-age=60", url: "http://h/", warn: []string{"plain http"}},
		{name: "hsts preload too short", field: "Strict-Transport-Security", value: "max-age=60; preload", warn: []string{"at least a year"}},
		{name: "hsts duplicate", field: "Strict-Transport-Security", value: "max-age=60; max-age=70", warn: []string{"appears twice"}},
		{name: "hsts bad max-age", field: "Strict-Transport-Security", value: "max-age=forever", warn: []string{"not a number of seconds"}},
		{name: "csp directives", field: "Content-Security-Policy", value: "default-src 'self'; img-src *; frame-ancestors 'none'",
			parsed: []string{"default-src: 'self'", "img-src: *", "frame-ancestors: 'none'"}, noWarn: true},
		{name: "csp unsafe", field: "Content-Security-Policy", value: "script-src 'self' 'unsafe-inline' 'unsafe-eval' https:",
			warn: []string{"'unsafe-inline'", "'unsafe-eval'", "allows https:"}},
		{name: "csp two policies", field: "Content-Security-Policy", value: "default-src 'self', script-src 'none'", parsed: []string{"another policy"}},
		{name: "csp report only", field: "Content-Security-Policy-Report-Only", value: "default-src 'self'", parsed: []string{"nothing is blocked"}},
		{name: "nosniff", field: "X-Content-Type-Options", value: "nosniff", noWarn: true},
		{name: "nosniff typo", field: "X-Content-Type-Options", value: "no-sniff", warn: []string{"only value is nosniff"}},
		{name: "frame deny", field: "X-Frame-Options", value: "deny", parsed: []string{"DENY"}},
		{name: "frame allow-from", field: "X-Frame-Options", value: "ALLOW-FROM https://a", warn: []string{"not supported"}},
		{name: "frame junk", field: "X-Frame-Options", value: "maybe", warn: []string{"not DENY or SAMEORIGIN"}},
		{name: "xss protection", field: "X-XSS-Protection", value: "1; mode=block", warn: []string{"obsolete"}},
		{name: "referrer policy fallback list", field: "Referrer-Policy", value: "no-referrer, strict-origin-when-cross-origin",
			parsed: []string{"no-referrer: never", "strict-origin-when-cross-origin: the full URL"}, noWarn: true},
		{name: "referrer unsafe", field: "Referrer-Policy", value: "unsafe-url", warn: []string{"leaks the full URL"}},
		{name: "referrer unknown", field: "Referrer-Policy", value: "whatever", parsed: []string{"unknown; skipped"}},
	})
}

func TestNoteTransportAndTiming(t *testing.T) {
	runNoteCases(t, []noteCase{
		{name: "server timing", field: "Server-Timing", value: `db;dur=53.2;desc="Postgres", cache;desc=hit, total;dur=80`,
			parsed: []string{"metric db: 53.2 ms (Postgres)", "metric cache (hit)", "metric total: 80 ms"}, noWarn: true},
		{name: "alt-svc h3", field: "Alt-Svc", value: `h3=":443"; ma=86400, h2="alt.example:443"`,
			parsed: []string{`h3 at :443, for 86400 s (1 d)`, "h2 at alt.example:443, for 24 h (the default)"}, noWarn: true},
		{name: "alt-svc clear", field: "Alt-Svc", value: "clear", parsed: []string{"forget every alternative"}},
		{name: "alt-svc malformed", field: "Alt-Svc", value: "h3", warn: []string{"not protocol="}},
		{name: "via hops", field: "Via", value: "1.1 varnish, 1.1 cdn", parsed: []string{"hop: 1.1 varnish", "hop: 1.1 cdn"}},
		{name: "connection close", field: "Connection", value: "close", parsed: []string{"option: close"}},
	})
}
