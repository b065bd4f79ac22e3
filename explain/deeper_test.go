package explain

import (
	"net/url"
	"strings"
	"testing"
)

// areaCase is one row of the table tests of the deeper checks.
type areaCase struct {
	name   string
	method string
	req    []string
	raw    string
	want   []string
}

func runArea(t *testing.T, cases []areaCase, area func(Exchange) []Finding) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assertFindings(t, area(exchange(t, c.method, c.req, c.raw)), c.want)
		})
	}
}

func TestFieldRuleFindings(t *testing.T) {
	runArea(t, []areaCase{
		{"plain 200 with a type", "GET", nil, "HTTP/1.1 200 OK\nContent-Type: text/plain\nContent-Length: 2\n\nhi", nil},
		{"Content-Length 5, 5 on one line", "GET", nil, "HTTP/1.1 200 OK\nContent-Type: text/plain\nContent-Length: 5, 5\n\nhello", []string{"W content-length-repeated"}},
		{"Content-Length on two lines", "GET", nil, "HTTP/1.1 200 OK\nContent-Type: text/plain\nContent-Length: 5\nContent-Length: 5\n\nhello", []string{"W content-length-repeated"}},
		{"differing Content-Length is another finding", "GET", nil, "HTTP/1.1 200 OK\nContent-Type: text/plain\nContent-Length: 5, 6\n\nhello", nil},
		{"Content-Encoding identity", "GET", nil, "HTTP/1.1 200 OK\nContent-Type: text/plain\nContent-Encoding: identity\n\nhi", []string{"W content-encoding-identity"}},
		{"Content-Encoding gzip, IDENTITY", "GET", nil, "HTTP/1.1 200 OK\nContent-Type: text/plain\nContent-Encoding: gzip, IDENTITY\n\nhi", []string{"W content-encoding-identity"}},
		{"content without Content-Type", "GET", nil, "HTTP/1.1 200 OK\nContent-Length: 2\n\nhi", []string{"W content-type-missing"}},
		{"no content needs no Content-Type", "GET", nil, "HTTP/1.1 200 OK\nContent-Length: 0\n\n", nil},
		{"HEAD needs no Content-Type check", "HEAD", nil, "HTTP/1.1 200 OK\nContent-Length: 2\n\n", nil},
		{"Location on a 200", "GET", nil, "HTTP/1.1 200 OK\nContent-Type: text/plain\nLocation: /x\n\nhi", []string{"I location-undefined"}},
		{"Location on a 201 is defined", "POST", nil, "HTTP/1.1 201 Created\nLocation: /x\n\n", nil},
		{"Location on a 404", "GET", nil, "HTTP/1.1 404 Not Found\nLocation: /x\n\n", []string{"I location-undefined"}},
		{"304 with Content-Type", "GET", []string{`If-None-Match: "a"`}, "HTTP/1.1 304 Not Modified\nETag: \"a\"\nContent-Type: text/html\n\n", []string{"W not-modified-metadata"}},
		{"304 with only cache fields", "GET", []string{`If-None-Match: "a"`}, "HTTP/1.1 304 Not Modified\nETag: \"a\"\nCache-Control: max-age=5\n\n", nil},
		{"503 without Retry-After", "GET", nil, "HTTP/1.1 503 Service Unavailable\n\n", []string{"I retry-after"}},
		{"429 with seconds", "GET", nil, "HTTP/1.1 429 Too Many Requests\nRetry-After: 90\n\n", []string{"I retry-after"}},
		{"429 with a date", "GET", nil, "HTTP/1.1 429 Too Many Requests\nRetry-After: Wed, 01 May 2024 12:10:00 GMT\n\n", []string{"I retry-after"}},
		{"503 with a malformed value", "GET", nil, "HTTP/1.1 503 Service Unavailable\nRetry-After: soon\n\n", []string{"W retry-after"}},
		{"503 with a negative value", "GET", nil, "HTTP/1.1 503 Service Unavailable\nRetry-After: -5\n\n", []string{"W retry-after"}},
	}, fieldRuleFindings)
}

func TestRetryAfterInWords(t *testing.T) {
	for raw, want := range map[string]string{
		"HTTP/1.1 429 Too Many Requests\nRetry-After: 90\n\n":                              "Retry after 90 s (1 min 30 s)",
		"HTTP/1.1 429 Too Many Requests\nRetry-After: 30\n\n":                              "Retry after 30 s",
		"HTTP/1.1 503 Service Unavailable\nRetry-After: Wed, 01 May 2024 13:00:00 GMT\n\n": "Retry in 3600 s (1 h) (Wed, 01 May 2024 13:00:00 UTC)",
	} {
		f := retryAfterFinding(exchange(t, "GET", nil, raw))
		if f.Title != want {
			t.Errorf("%q: title %q, want %q", raw, f.Title, want)
		}
	}
}

func TestCORSFindings(t *testing.T) {
	const page = "Origin: https://app.example"
	cors := func(x Exchange) []Finding { _, f := analyzeCORS(x); return f }
	runArea(t, []areaCase{
		{"no Origin, no CORS fields", "GET", nil, "HTTP/1.1 200 OK\n\n", nil},
		{"CORS fields without Origin", "GET", nil, "HTTP/1.1 200 OK\nAccess-Control-Allow-Origin: *\n\n", []string{"I cors-no-origin"}},
		{"request unknown says nothing", "", nil, "HTTP/1.1 200 OK\nAccess-Control-Allow-Origin: *\n\n", nil},
		{"wildcard allows", "GET", []string{page}, "HTTP/1.1 200 OK\nAccess-Control-Allow-Origin: *\n\n", []string{"I cors-verdict"}},
		{"missing ACAO blocks", "GET", []string{page}, "HTTP/1.1 200 OK\n\n", []string{"E cors-origin", "I cors-verdict"}},
		{"mismatched origin blocks", "GET", []string{page}, "HTTP/1.1 200 OK\nAccess-Control-Allow-Origin: https://other.example\nVary: Origin\n\n", []string{"E cors-origin", "I cors-verdict"}},
		{"trailing slash does not match", "GET", []string{page}, "HTTP/1.1 200 OK\nAccess-Control-Allow-Origin: https://app.example/\nVary: Origin\n\n", []string{"E cors-origin", "I cors-verdict"}},
		{"a list of origins blocks", "GET", []string{page}, "HTTP/1.1 200 OK\nAccess-Control-Allow-Origin: https://app.example, https://b.example\nVary: Origin\n\n", []string{"E cors-origin", "I cors-verdict"}},
		{"echoed origin without Vary", "GET", []string{page}, "HTTP/1.1 200 OK\nAccess-Control-Allow-Origin: https://app.example\n\n", []string{"W cors-vary-origin", "I cors-verdict"}},
		{"echoed origin with Vary", "GET", []string{page}, "HTTP/1.1 200 OK\nAccess-Control-Allow-Origin: https://app.example\nVary: Accept, Origin\n\n", []string{"I cors-verdict"}},
		{"wildcard with cookies", "GET", []string{page, "Cookie: s=1"}, "HTTP/1.1 200 OK\nAccess-Control-Allow-Origin: *\nAccess-Control-Allow-Credentials: true\n\n", []string{"E cors-credentials-wildcard", "I cors-verdict"}},
		{"credentials without ACAC", "GET", []string{page, "Authorization: Bearer x"}, "HTTP/1.1 200 OK\nAccess-Control-Allow-Origin: https://app.example\nVary: Origin\n\n", []string{"E cors-credentials", "I cors-verdict"}},
		{"credentials with ACAC: True is not true", "GET", []string{page, "Cookie: s=1"}, "HTTP/1.1 200 OK\nAccess-Control-Allow-Origin: https://app.example\nAccess-Control-Allow-Credentials: True\nVary: Origin\n\n", []string{"E cors-credentials", "I cors-verdict"}},
		{"credentials allowed", "GET", []string{page, "Cookie: s=1"}, "HTTP/1.1 200 OK\nAccess-Control-Allow-Origin: https://app.example\nAccess-Control-Allow-Credentials: true\nVary: Origin\n\n", []string{"I cors-verdict"}},
		{"preflight allowed", "OPTIONS", []string{page, "Access-Control-Request-Method: PUT", "Access-Control-Request-Headers: content-type, if-match"},
			"HTTP/1.1 204 No Content\nAccess-Control-Allow-Origin: https://app.example\nAccess-Control-Allow-Methods: GET, PUT, DELETE\nAccess-Control-Allow-Headers: Content-Type, If-Match\nAccess-Control-Max-Age: 600\nVary: Origin\n\n",
			[]string{"I cors-max-age", "I cors-verdict"}},
		{"preflight method not allowed", "OPTIONS", []string{page, "Access-Control-Request-Method: DELETE"},
			"HTTP/1.1 204 No Content\nAccess-Control-Allow-Origin: *\nAccess-Control-Allow-Methods: GET, PUT\n\n",
			[]string{"E cors-preflight-method", "I cors-max-age", "I cors-verdict"}},
		{"preflight methods compare case-sensitively", "OPTIONS", []string{page, "Access-Control-Request-Method: PATCH"},
			"HTTP/1.1 204 No Content\nAccess-Control-Allow-Origin: *\nAccess-Control-Allow-Methods: patch\n\n",
			[]string{"E cors-preflight-method", "I cors-max-age", "I cors-verdict"}},
		{"preflight header not allowed", "OPTIONS", []string{page, "Access-Control-Request-Method: PUT", "Access-Control-Request-Headers: if-match"},
			"HTTP/1.1 204 No Content\nAccess-Control-Allow-Origin: *\nAccess-Control-Allow-Methods: PUT\nAccess-Control-Allow-Headers: Content-Type\n\n",
			[]string{"E cors-preflight-headers", "I cors-max-age", "I cors-verdict"}},
		{"* never covers Authorization", "OPTIONS", []string{page, "Access-Control-Request-Method: GET", "Access-Control-Request-Headers: authorization, x-trace"},
			"HTTP/1.1 204 No Content\nAccess-Control-Allow-Origin: *\nAccess-Control-Allow-Headers: *\n\n",
			[]string{"E cors-preflight-headers", "I cors-max-age", "I cors-verdict"}},
		{"preflight answered 401", "OPTIONS", []string{page, "Access-Control-Request-Method: GET"},
			"HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer\nAccess-Control-Allow-Origin: *\n\n",
			[]string{"E cors-preflight-status", "I cors-max-age", "I cors-verdict"}},
		{"preflight with a malformed max-age", "OPTIONS", []string{page, "Access-Control-Request-Method: GET"},
			"HTTP/1.1 204 No Content\nAccess-Control-Allow-Origin: *\nAccess-Control-Max-Age: ten\n\n",
			[]string{"I cors-max-age", "I cors-verdict"}},
	}, cors)
}

func TestCORSReport(t *testing.T) {
	x := exchange(t, "GET", []string{"Origin: https://app.example"},
		"HTTP/1.1 200 OK\nAccess-Control-Allow-Origin: *\nAccess-Control-Expose-Headers: ETag, X-Total\nETag: \"a\"\n\n")
	c := Analyze(x).CORS
	if c == nil || !c.Allowed || c.Preflight || strings.Join(c.Exposed, ",") != "ETag,X-Total" || c.MaxAgeS != -1 {
		t.Fatalf("CORS = %+v", c)
	}
	if c := Analyze(exchange(t, "GET", []string{"Origin: https://app.example"}, "HTTP/1.1 200 OK\nAccess-Control-Allow-Origin: *\n\n")).CORS; c == nil || c.Exposed == nil || c.Reasons == nil {
		t.Fatalf("lists must be empty, not nil, for --json: %+v", c)
	}
	x = exchange(t, "GET", []string{"Origin: https://app.example"},
		"HTTP/1.1 200 OK\nAccess-Control-Allow-Origin: *\nETag: \"a\"\n\n")
	if f := findingByID(Analyze(x).Findings, "cors-verdict"); f == nil || !strings.Contains(f.Detail, "ETag is not exposed") {
		t.Errorf("unexposed ETag not told: %+v", f)
	}
	x = exchange(t, "OPTIONS", []string{"Origin: https://app.example", "Access-Control-Request-Method: DELETE"},
		"HTTP/1.1 204 No Content\nAccess-Control-Allow-Origin: *\nAccess-Control-Allow-Methods: GET\n\n")
	c = Analyze(x).CORS
	if c == nil || c.Allowed || !c.Preflight || c.MaxAgeS != 5 || len(c.Reasons) != 1 || !strings.Contains(c.Reasons[0], "DELETE") {
		t.Fatalf("preflight CORS = %+v", c)
	}
}

func TestCookieFindings(t *testing.T) {
	cookies := func(x Exchange) []Finding { _, f := cookieFindings(x); return f }
	runArea(t, []areaCase{
		{"no Set-Cookie", "GET", nil, "HTTP/1.1 200 OK\n\n", nil},
		{"session cookie", "GET", nil, "HTTP/1.1 200 OK\nSet-Cookie: sid=1; Path=/; HttpOnly\n\n", []string{"I cookie"}},
		{"no = is rejected", "GET", nil, "HTTP/1.1 200 OK\nSet-Cookie: justaname\n\n", []string{"W cookie-rejected"}},
		{"empty name is rejected", "GET", nil, "HTTP/1.1 200 OK\nSet-Cookie: =v\n\n", []string{"W cookie-rejected"}},
		{"SameSite=None without Secure", "GET", nil, "HTTP/1.1 200 OK\nSet-Cookie: t=1; SameSite=None\n\n", []string{"W cookie-rejected"}},
		{"SameSite=None with Secure", "GET", nil, "HTTP/1.1 200 OK\nSet-Cookie: t=1; SameSite=None; Secure\n\n", []string{"I cookie"}},
		{"__Secure- without Secure", "GET", nil, "HTTP/1.1 200 OK\nSet-Cookie: __Secure-t=1\n\n", []string{"W cookie-rejected"}},
		{"__Host- with Domain", "GET", nil, "HTTP/1.1 200 OK\nSet-Cookie: __Host-t=1; Secure; Path=/; Domain=127.0.0.1\n\n", []string{"W cookie-rejected"}},
		{"__Host- with another Path", "GET", nil, "HTTP/1.1 200 OK\nSet-Cookie: __Host-t=1; Secure; Path=/items\n\n", []string{"W cookie-rejected"}},
		{"__Host- done right", "GET", nil, "HTTP/1.1 200 OK\nSet-Cookie: __Host-t=1; Secure; Path=/\n\n", []string{"I cookie"}},
		{"Domain that does not cover the host", "GET", nil, "HTTP/1.1 200 OK\nSet-Cookie: a=1; Domain=example.com\n\n", []string{"W cookie-rejected"}},
		{"Partitioned without Secure", "GET", nil, "HTTP/1.1 200 OK\nSet-Cookie: a=1; Partitioned\n\n", []string{"W cookie-rejected"}},
		{"two cookies, one bad", "GET", nil, "HTTP/1.1 200 OK\nSet-Cookie: a=1\nSet-Cookie: b=2; SameSite=None\n\n", []string{"I cookie", "W cookie-rejected"}},
	}, cookies)
}

func TestParseSetCookie(t *testing.T) {
	set, _ := url.Parse("https://shop.example/account/login")
	cases := []struct {
		value string
		want  Cookie
	}{
		{"sid=1", Cookie{Name: "sid", Domain: "shop.example", HostOnly: true, Path: "/account", Lifetime: "session", MaxAgeS: -1}},
		{"sid=1; Max-Age=60; Expires=Wed, 01 May 2024 14:00:00 GMT", Cookie{Name: "sid", Domain: "shop.example", HostOnly: true, Path: "/account", Lifetime: "persistent", MaxAgeS: 60}},
		{"sid=1; Expires=Wed, 01 May 2024 13:00:00 GMT", Cookie{Name: "sid", Domain: "shop.example", HostOnly: true, Path: "/account", Lifetime: "persistent", MaxAgeS: 3600}},
		{"sid=1; Max-Age=0", Cookie{Name: "sid", Domain: "shop.example", HostOnly: true, Path: "/account", Lifetime: "delete", MaxAgeS: 0}},
		{"sid=1; Max-Age=ten", Cookie{Name: "sid", Domain: "shop.example", HostOnly: true, Path: "/account", Lifetime: "session", MaxAgeS: -1}},
		{"sid=1; Domain=.Example; Path=/; Secure; HttpOnly; SameSite=strict; Partitioned", Cookie{Name: "sid", Domain: "example", Path: "/", Lifetime: "session", MaxAgeS: -1, Secure: true, HTTPOnly: true, SameSite: "Strict", Partitioned: true}},
	}
	for _, c := range cases {
		got := ParseSetCookie(c.value, set, received)
		if got != c.want {
			t.Errorf("%q:\n got  %+v\n want %+v", c.value, got, c.want)
		}
	}
}

func TestCookieSentTo(t *testing.T) {
	set, _ := url.Parse("https://shop.example/account/login")
	cases := []struct {
		cookie, next          string
		crossSite, topLevelOK bool
		sent                  bool
		why                   string
	}{
		{"a=1; Path=/", "https://shop.example/cart", false, false, true, "match"},
		{"a=1", "https://shop.example/cart", false, false, false, "outside Path=/account"},
		{"a=1", "https://shop.example/accounts", false, false, false, "outside Path=/account"},
		{"a=1", "https://shop.example/account/x", false, false, true, "match"},
		{"a=1; Path=/", "https://www.shop.example/", false, false, false, "host-only"},
		{"a=1; Path=/; Domain=shop.example", "https://www.shop.example/", false, false, true, "match"},
		{"a=1; Path=/; Secure", "http://shop.example/", false, false, false, "not over https"},
		{"a=1; Path=/; SameSite=Strict", "https://shop.example/", true, true, false, "SameSite=Strict"},
		{"a=1; Path=/", "https://shop.example/", true, false, false, "Lax (the default)"},
		{"a=1; Path=/", "https://shop.example/", true, true, true, "match"},
		{"a=1; Path=/; SameSite=None; Secure", "https://shop.example/", true, false, true, "match"},
		{"a=1; Path=/; Max-Age=-1", "https://shop.example/", false, false, false, "deleted"},
		{"a=1; Path=/; SameSite=None", "https://shop.example/", false, false, false, "never stored"},
	}
	for _, c := range cases {
		next, _ := url.Parse(c.next)
		sent, why := ParseSetCookie(c.cookie, set, received).SentTo(next, c.crossSite, c.topLevelOK)
		if sent != c.sent || !strings.Contains(why, c.why) {
			t.Errorf("%q to %s (cross-site %v): sent %v (%s), want %v containing %q", c.cookie, c.next, c.crossSite, sent, why, c.sent, c.why)
		}
	}
}

func TestRedirectFindings(t *testing.T) {
	runArea(t, []areaCase{
		{"not a redirect", "GET", nil, "HTTP/1.1 200 OK\n\n", nil},
		{"redirect without Location is another finding", "GET", nil, "HTTP/1.1 302 Found\n\n", nil},
		{"301 absolute elsewhere", "GET", nil, "HTTP/1.1 301 Moved Permanently\nLocation: http://127.0.0.1/v2/items/1\n\n", []string{"I redirect-cache"}},
		{"302 relative", "POST", nil, "HTTP/1.1 302 Found\nLocation: ../done\n\n", []string{"I redirect-cache", "I redirect-relative"}},
		{"303 after PUT, relative", "PUT", nil, "HTTP/1.1 303 See Other\nLocation: /items/1/result\n\n", []string{"I redirect-cache", "I redirect-relative"}},
		{"307 to itself", "DELETE", nil, "HTTP/1.1 307 Temporary Redirect\nLocation: /items/1\n\n", []string{"E redirect-loop", "I redirect-cache"}},
		{"308 to itself, absolute", "GET", nil, "HTTP/1.1 308 Permanent Redirect\nLocation: http://127.0.0.1/items/1\n\n", []string{"E redirect-loop", "I redirect-cache"}},
		{"request unknown, relative", "", nil, "HTTP/1.1 302 Found\nLocation: /x\n\n", []string{"I redirect-cache"}},
	}, redirectFindings)
}

func TestRedirectNextRequest(t *testing.T) {
	cases := []struct {
		method, raw, title, detail string
	}{
		{"PUT", "HTTP/1.1 303 See Other\nLocation: /r\n\n", "Follow 303 to /r with GET", "PUT content is dropped"},
		{"DELETE", "HTTP/1.1 307 Temporary Redirect\nLocation: /r\n\n", "Follow 307 to /r with DELETE", "DELETE is sent again"},
		{"PUT", "HTTP/1.1 308 Permanent Redirect\nLocation: /r\n\n", "Follow 308 to /r with PUT", "PUT is sent again, with its content"},
		{"POST", "HTTP/1.1 302 Found\nLocation: /r\n\n", "Follow 302 to /r with GET (most clients) or POST", "Browsers turn the POST into a GET"},
		{"get", "HTTP/1.1 303 See Other\nLocation: /r\n\n", "Follow 303 to /r with GET", "get content is dropped"},
	}
	for _, c := range cases {
		fs := statusFieldFindings(exchange(t, c.method, nil, c.raw))
		if len(fs) != 1 || fs[0].Title != c.title || !strings.Contains(fs[0].Detail, c.detail) {
			t.Errorf("%s %q: %s", c.method, c.raw, describe(fs))
		}
	}
}

func TestRangeFindings(t *testing.T) {
	runArea(t, []areaCase{
		{"no Range, no range fields", "GET", nil, "HTTP/1.1 200 OK\n\nabc", nil},
		{"206 as asked", "GET", []string{"Range: bytes=0-1"}, "HTTP/1.1 206 Partial Content\nContent-Range: bytes 0-1/10\n\nab", []string{"I range-partial"}},
		{"206 open-ended as asked", "GET", []string{"Range: bytes=8-"}, "HTTP/1.1 206 Partial Content\nContent-Range: bytes 8-9/10\n\nij", []string{"I range-partial"}},
		{"206 suffix as asked", "GET", []string{"Range: bytes=-2"}, "HTTP/1.1 206 Partial Content\nContent-Range: bytes 8-9/10\n\nij", []string{"I range-partial"}},
		{"206 other bytes", "GET", []string{"Range: bytes=0-1"}, "HTTP/1.1 206 Partial Content\nContent-Range: bytes 4-5/10\n\nef", []string{"E range-mismatch"}},
		{"206 length disagrees", "GET", []string{"Range: bytes=0-3"}, "HTTP/1.1 206 Partial Content\nContent-Range: bytes 0-3/10\n\nab", []string{"E range-length"}},
		{"206 Content-Range malformed", "GET", []string{"Range: bytes=0-1"}, "HTTP/1.1 206 Partial Content\nContent-Range: 0-1/10\n\nab", []string{"E range-content-range"}},
		{"206 last beyond length", "GET", []string{"Range: bytes=0-1"}, "HTTP/1.1 206 Partial Content\nContent-Range: bytes 0-10/10\n\nab", []string{"E range-content-range"}},
		{"206 last before first", "GET", []string{"Range: bytes=0-1"}, "HTTP/1.1 206 Partial Content\nContent-Range: bytes 5-1/10\n\nab", []string{"E range-content-range"}},
		{"206 unknown length", "GET", []string{"Range: bytes=0-1"}, "HTTP/1.1 206 Partial Content\nContent-Range: bytes 0-1/*\n\nab", []string{"I range-partial"}},
		{"multipart without boundary", "GET", []string{"Range: bytes=0-1,4-5"}, "HTTP/1.1 206 Partial Content\nContent-Type: multipart/byteranges\n\n", []string{"E range-multipart"}},
		{"multipart with Content-Range", "GET", []string{"Range: bytes=0-1,4-5"}, "HTTP/1.1 206 Partial Content\nContent-Type: multipart/byteranges; boundary=x\nContent-Range: bytes 0-1/10\n\n", []string{"E range-multipart"}},
		{"416 with */length", "GET", []string{"Range: bytes=50-"}, "HTTP/1.1 416 Range Not Satisfiable\nContent-Range: bytes */10\n\n", nil},
		{"416 without Content-Range", "GET", []string{"Range: bytes=50-"}, "HTTP/1.1 416 Range Not Satisfiable\n\n", []string{"W range-unsatisfiable"}},
		{"416 with a range", "GET", []string{"Range: bytes=50-"}, "HTTP/1.1 416 Range Not Satisfiable\nContent-Range: bytes 0-1/10\n\n", []string{"W range-unsatisfiable"}},
		{"200 to Range", "GET", []string{"Range: bytes=0-1"}, "HTTP/1.1 200 OK\n\nabcdefghij", []string{"I range-ignored"}},
		{"If-Range with a weak tag", "GET", []string{"Range: bytes=0-1", `If-Range: W/"a"`}, "HTTP/1.1 200 OK\n\nabcdefghij", []string{"E range-if-range-weak", "I range-ignored"}},
		{"Accept-Ranges bytes", "GET", nil, "HTTP/1.1 200 OK\nAccept-Ranges: bytes\n\nabc", []string{"I accept-ranges"}},
		{"Accept-Ranges none", "GET", nil, "HTTP/1.1 200 OK\nAccept-Ranges: none\n\nabc", []string{"I accept-ranges"}},
	}, rangeFindings)
}

func TestSecurityFindings(t *testing.T) {
	runArea(t, []areaCase{
		{"plain API response says nothing", "GET", nil, "HTTP/1.1 200 OK\nContent-Type: application/json\n\n{}", nil},
		{"HTML page without defences", "GET", nil, "HTTP/1.1 200 OK\nContent-Type: text/html\n\n<p>", []string{"I security-missing"}},
		{"HTML page with all three", "GET", nil, "HTTP/1.1 200 OK\nContent-Type: text/html\nX-Content-Type-Options: nosniff\nContent-Security-Policy: default-src 'self'; frame-ancestors 'none'\n\n<p>", []string{"I nosniff", "I csp"}},
		{"HSTS over https", "GET", nil, "HTTP/1.1 200 OK\nStrict-Transport-Security: max-age=31536000; includeSubDomains; preload\n\n", []string{"I hsts"}},
		{"HSTS malformed", "GET", nil, "HTTP/1.1 200 OK\nStrict-Transport-Security: max-age=soon\n\n", []string{"I hsts"}},
		{"CSP with unsafe-inline", "GET", nil, "HTTP/1.1 200 OK\nContent-Security-Policy: script-src 'self' 'unsafe-inline'\n\n", []string{"I csp"}},
		{"framing and referrer", "GET", nil, "HTTP/1.1 200 OK\nX-Frame-Options: DENY\nReferrer-Policy: no-referrer\n\n", []string{"I framing", "I referrer-policy"}},
	}, securityFindings)
}

func TestSecurityDetails(t *testing.T) {
	x := exchange(t, "GET", nil, "HTTP/1.1 200 OK\nStrict-Transport-Security: max-age=600\nContent-Security-Policy: script-src 'unsafe-eval'\n\n")
	x.Request.URL = "http://127.0.0.1/"
	fs := securityFindings(x)
	if len(fs) != 2 || !strings.Contains(fs[0].Detail, "plain http") || !strings.Contains(fs[1].Detail, "'unsafe-eval'") {
		t.Fatalf("security findings:\n%s", describe(fs))
	}
}

func TestNegotiationFindings(t *testing.T) {
	runArea(t, []areaCase{
		{"Vary on a field that was sent", "GET", []string{"Accept-Language: fr"}, "HTTP/1.1 200 OK\nVary: Accept-Language\nContent-Language: fr\n\n", nil},
		{"Vary on a field not sent", "GET", nil, "HTTP/1.1 200 OK\nVary: Accept-Language\n\n", []string{"I vary-not-sent"}},
		{"Vary: * is another finding", "GET", nil, "HTTP/1.1 200 OK\nVary: *\n\n", nil},
		{"gzip for Accept-Encoding without Vary", "GET", []string{"Accept-Encoding: gzip"}, "HTTP/1.1 200 OK\nContent-Encoding: gzip\n\n", []string{"I vary-missing"}},
		{"gzip with Vary", "GET", []string{"Accept-Encoding: gzip"}, "HTTP/1.1 200 OK\nContent-Encoding: gzip\nVary: Accept-Encoding\n\n", nil},
		{"language without Vary", "GET", []string{"Accept-Language: de"}, "HTTP/1.1 200 OK\nContent-Language: de\n\n", []string{"I vary-missing"}},
		{"request fields unknown", "", nil, "HTTP/1.1 200 OK\nVary: Accept-Language\n\n", nil},
		{"not on errors", "GET", nil, "HTTP/1.1 404 Not Found\nVary: Accept-Language\n\n", nil},
	}, negotiationFindings)
}

// TestPutRight covers the corrections to earlier verdicts, through Analyze.
func TestPutRight(t *testing.T) {
	t.Run("whitespace around = is invalid syntax", func(t *testing.T) {
		r := Analyze(exchange(t, "GET", nil, "HTTP/1.1 200 OK\nDate: Wed, 01 May 2024 12:00:00 GMT\nCache-Control: max-age = 60\n\n"))
		f := findingByID(r.Findings, "cc-syntax")
		if f == nil || !strings.Contains(f.Detail, `whitespace around "="`) || !strings.Contains(f.Detail, "lenient ones read it as max-age=60") {
			t.Fatalf("no cc-syntax for max-age = 60:\n%s", describe(r.Findings))
		}
		if r.Cache.FreshnessLifetimeS == 60 || r.Cache.Fresh {
			t.Errorf("max-age = 60 taken as 60 s: %+v", r.Cache)
		}
	})
	t.Run("no-store wins over no-cache and must-revalidate", func(t *testing.T) {
		r := Analyze(exchange(t, "GET", nil, "HTTP/1.1 200 OK\nDate: Wed, 01 May 2024 12:00:00 GMT\nETag: \"a\"\nCache-Control: no-store, no-cache, must-revalidate\n\n"))
		for _, moot := range []string{"cache-no-cache", "must-revalidate"} {
			if findingByID(r.Findings, moot) != nil {
				t.Errorf("%s given under no-store", moot)
			}
		}
		if f := findingByID(r.Findings, "cache-no-store"); f == nil || !strings.Contains(f.Detail, "no-store wins over no-cache, must-revalidate") {
			t.Errorf("no-store does not say it wins:\n%s", describe(r.Findings))
		}
		if r.Cache.MustRevalidate {
			t.Errorf("must_revalidate under no-store")
		}
	})
	t.Run("proxy-revalidate and s-maxage bind shared caches only", func(t *testing.T) {
		for _, cc := range []string{"max-age=60, proxy-revalidate", "max-age=60, s-maxage=30"} {
			r := Analyze(exchange(t, "GET", nil, "HTTP/1.1 200 OK\nDate: Wed, 01 May 2024 12:00:00 GMT\nCache-Control: "+cc+"\n\n"))
			if r.Cache.Private.MustRevalidate || !r.Cache.Shared.MustRevalidate {
				t.Errorf("%s: private %v, shared %v", cc, r.Cache.Private.MustRevalidate, r.Cache.Shared.MustRevalidate)
			}
		}
		r := Analyze(exchange(t, "GET", nil, "HTTP/1.1 200 OK\nDate: Wed, 01 May 2024 12:00:00 GMT\nCache-Control: max-age=60, must-revalidate\n\n"))
		if !r.Cache.Private.MustRevalidate || !r.Cache.Shared.MustRevalidate {
			t.Errorf("must-revalidate binds both: %+v", r.Cache)
		}
	})
	t.Run("204 with Content-Length: 0 does not wait for bytes", func(t *testing.T) {
		f := findingByID(noContentFindings(rawResponse(t, "HTTP/1.1 204 No Content\nContent-Length: 0\n\n"), 0), "no-content-length")
		if f == nil || strings.Contains(f.Detail, "never come") {
			t.Fatalf("detail: %+v", f)
		}
		f = findingByID(noContentFindings(rawResponse(t, "HTTP/1.1 204 No Content\nContent-Length: 5\n\n"), 0), "no-content-length")
		if f == nil || !strings.Contains(f.Detail, "never come") {
			t.Fatalf("detail for 5: %+v", f)
		}
	})
	t.Run("the method keeps its case", func(t *testing.T) {
		r := Analyze(exchange(t, "get", nil, "HTTP/1.1 303 See Other\nLocation: /r\n\n"))
		for _, f := range r.Findings {
			if strings.Contains(f.Title+f.Detail, "GET /") || (f.ID == "method-safety" && !strings.Contains(f.Title, "get is")) {
				t.Errorf("%s: %s — %s", f.ID, f.Title, f.Detail)
			}
		}
	})
}

func findingByID(fs []Finding, id string) *Finding {
	for i := range fs {
		if fs[i].ID == id {
			return &fs[i]
		}
	}
	return nil
}

// BenchmarkAnalyzeCORSCookies is a busier exchange than BenchmarkAnalyze: a
// credentialed CORS read that sets three cookies.
func BenchmarkAnalyzeCORSCookies(b *testing.B) {
	x := exchange(b, "GET", []string{"Origin: https://app.example", "Cookie: a=1", "Accept: application/json"},
		"HTTP/1.1 200 OK\nDate: Wed, 01 May 2024 12:00:00 GMT\nContent-Type: application/json\nContent-Length: 2\n"+
			"Access-Control-Allow-Origin: https://app.example\nAccess-Control-Allow-Credentials: true\nVary: Origin\n"+
			"Set-Cookie: session=1; Path=/; HttpOnly; SameSite=Lax\nSet-Cookie: __Host-t=2; Path=/; Secure\n"+
			"Set-Cookie: theme=dark; Max-Age=3600\nCache-Control: private, max-age=0\n\n{}")
	b.ReportAllocs()
	for b.Loop() {
		Analyze(x)
	}
}

// FuzzAnalyze checks that no response, and no request carrying the same fields
// (Origin, Range, If-Range, Cookie...), makes Analyze panic, and that every finding
// it emits cites only catalogued references.
func FuzzAnalyze(f *testing.F) {
	f.Add([]byte("HTTP/1.1 206 Partial Content\nRange: bytes=0-1,-5\nContent-Range: bytes 0-1/2\nIf-Range: W/\"a\"\n\nab"))
	f.Add([]byte("HTTP/1.1 200 OK\nOrigin: https://a.example\nAccess-Control-Allow-Origin: https://a.example\nSet-Cookie: __Host-a=1; Secure; Path=/; Max-Age=-1\nSet-Cookie: b\n\n"))
	f.Add([]byte("HTTP/1.1 308 Permanent Redirect\nLocation: //other/../x\nRetry-After: 99999999999999999999\n\n"))
	f.Add([]byte("HTTP/1.1 416 Range Not Satisfiable\nContent-Range: bytes */99999999999999999999999\nRange: bytes=-\n\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		resp, err := ReadResponse(raw)
		if err != nil {
			return
		}
		for _, method := range []string{"GET", "OPTIONS", "PUT"} {
			x := Exchange{Request: &Request{Method: method, URL: "https://a.example/p/q", Fields: resp.Fields}, Response: resp, Received: received}
			assertRefsCatalogued(t, Analyze(x).Findings)
		}
	})
}

// TestCookieAttrNameIsToLower: the constant attribute names are what
// strings.ToLower gives, and any other name is lowered as before.
func TestCookieAttrNameIsToLower(t *testing.T) {
	for _, k := range []string{"", "Path", "PATH", "domain", "Max-Age", "HttpOnly", "SameSite", "Partitioned", "Expires", "Secure",
		"X-Custom", "ſecure", "Ｐath", "averyveryverylongattributename", "Priority", "max-age "} {
		if got, want := cookieAttrName(k), strings.ToLower(k); got != want {
			t.Errorf("cookieAttrName(%q) = %q, want %q", k, got, want)
		}
	}
}
