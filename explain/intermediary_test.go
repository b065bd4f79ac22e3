package explain

import (
	"strings"
	"testing"
)

func TestWhatCachesOnThePathSaid(t *testing.T) {
	cases := []struct {
		name   string
		fields []Field
		id     string
		sev    Severity
		detail []string
	}{
		{"Cache-Status hit with ttl", cacheFields("Cache-Status", "ExampleCDN; hit; ttl=30"),
			"cache-status", Info, []string{"ExampleCDN: a hit", "fresh for 30 s more"}},
		{"Cache-Status two caches, origin side first", cacheFields("Cache-Status", `OriginCache; fwd=uri-miss; stored; key="/a", EdgeCache; fwd=stale; fwd-status=304; ttl=-5`),
			"cache-status", Info, []string{"OriginCache: forwarded to the next hop because nothing was stored for the URI; it stored the response; cache key /a", "EdgeCache: forwarded", "stored response was stale", "next hop answered 304", "stale by 5 s"}},
		{"Cache-Status hit and fwd together", cacheFields("Cache-Status", "C; hit; fwd=miss"),
			"cache-status-invalid", Warning, []string{"both hit and fwd=miss"}},
		{"Cache-Status unknown fwd reason", cacheFields("Cache-Status", "C; fwd=whim"),
			"cache-status-invalid", Warning, []string{"fwd=whim is not a registered reason"}},
		{"Age from a cache", cacheFields("Age", "30"),
			"cache-age-intermediary", Info, []string{"served this response 30 s after"}},
		{"Age 0", cacheFields("Age", "0"),
			"cache-age-intermediary", Info, []string{"brand new"}},
		{"Via two hops", cacheFields("Via", "1.1 varnish, 1.1 cdn.example (edge)"),
			"via", Info, []string{"1.1 varnish; 1.1 cdn.example (edge)"}},
		{"CDN-Cache-Control", cacheFields("Cache-Control", "max-age=60", "CDN-Cache-Control", "max-age=600"),
			"targeted-cache-control", Info, []string{"CDN caches only", "ignore Cache-Control", "fresh for 600 s (max-age)"}},
		{"vendor targeted field", cacheFields("Cloudflare-CDN-Cache-Control", "no-store"),
			"targeted-cache-control", Info, []string{"the caches this field targets", "must not store"}},
		{"nginx X-Cache-Status", cacheFields("X-Cache-Status", "REVALIDATED"),
			"x-cache", Info, []string{"X-Cache-Status: REVALIDATED means stored but stale, validated", "Cache-Status (RFC 9211)"}},
		{"CloudFront X-Cache", cacheFields("X-Cache", "Hit from cloudfront"),
			"x-cache", Info, []string{"served from storage (a hit)"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x := Exchange{Request: &Request{Method: "GET", URL: "http://a.test/a"},
				Response: Response{Proto: "HTTP/1.1", Status: 200, Fields: c.fields}, Received: cacheT0()}
			var got *Finding
			for _, f := range Analyze(x).Findings {
				if f.ID == c.id {
					got = &f
				}
			}
			if got == nil {
				t.Fatalf("no %s finding", c.id)
			}
			if got.Severity != c.sev {
				t.Errorf("severity %s, want %s", got.Severity, c.sev)
			}
			for _, w := range c.detail {
				if !strings.Contains(got.Detail, w) {
					t.Errorf("detail %q lacks %q", got.Detail, w)
				}
			}
		})
	}
}

func TestNoIntermediaryFindingsWithoutTheirFields(t *testing.T) {
	x := Exchange{Response: Response{Status: 200, Fields: cacheFields("Cache-Control", "max-age=60", "Age", "x")}, Received: cacheT0()}
	if fs := intermediaryFindings(x); len(fs) != 0 {
		t.Errorf("findings %+v for a response no cache reported on (an invalid Age is age-field's)", fs)
	}
}
