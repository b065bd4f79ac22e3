package explain

import (
	"slices"
	"testing"
	"time"
)

func TestAnalyzeCacheStorability(t *testing.T) {
	maxAge := cacheFields("Date", cacheDate(0), "Cache-Control", "max-age=60")
	fresh60 := cacheWant{true, 60, "max-age", 60}
	no := cacheWant{false, 0, cacheNone, 0}
	runCacheCases(t, []cacheCase{
		{
			name: "no-store in the response: nobody stores", method: "GET", status: 200,
			resp:    cacheFields("Date", cacheDate(0), "Cache-Control", "no-store"),
			private: no, shared: no,
			want: map[string]Severity{"cache-no-store": Info},
		},
		{
			name: "no-store in the request: nobody stores", method: "GET", status: 200,
			req: cacheFields("Cache-Control", "no-store"), resp: maxAge,
			private: no, shared: no,
			want: map[string]Severity{"cache-no-store": Info},
		},
		{
			name: "private: only the private cache stores", method: "GET", status: 200,
			resp:    cacheFields("Date", cacheDate(0), "Cache-Control", "private, max-age=60"),
			private: fresh60, shared: no,
			want: map[string]Severity{"cache-private": Info, "cache-fresh": Info},
		},
		{
			name: "private makes a 500 storable by the private cache", method: "GET", status: 500,
			resp:    cacheFields("Date", cacheDate(0), "Cache-Control", "private"),
			private: cacheWant{true, 0, cacheNone, 0}, shared: no,
			want: map[string]Severity{"cache-private": Info, "cache-stale": Info},
		},
		{
			name: "private=\"Set-Cookie\" lets shared caches store the rest", method: "GET", status: 200,
			resp:    cacheFields("Date", cacheDate(0), "Cache-Control", `private="Set-Cookie", max-age=60`, "Set-Cookie", "id=1"),
			private: fresh60, shared: fresh60,
			want: map[string]Severity{"cache-private": Info, "cache-fresh": Info},
		},
		{
			name: "public and private together: private wins", method: "GET", status: 200,
			resp:    cacheFields("Date", cacheDate(0), "Cache-Control", "public, private, max-age=60"),
			private: fresh60, shared: no,
			want: map[string]Severity{"cc-conflict": Warning, "cache-private": Info, "cache-fresh": Info},
		},
		{
			name: "Authorization without public: shared must not store", method: "GET", status: 200,
			req: cacheFields("Authorization", "Bearer x"), resp: maxAge,
			private: fresh60, shared: no,
			want: map[string]Severity{"cache-authorization": Info, "cache-fresh": Info},
		},
		{
			name: "Authorization with must-revalidate: shared may store", method: "GET", status: 200,
			req:     cacheFields("Authorization", "Bearer x"),
			resp:    cacheFields("Date", cacheDate(0), "Cache-Control", "max-age=60, must-revalidate"),
			private: fresh60, shared: fresh60, mustReval: true,
			want: map[string]Severity{"cache-authorization": Info, "must-revalidate": Info, "cache-fresh": Info},
		},
		{
			name: "Authorization with public: shared may store, public is needed", method: "GET", status: 200,
			req:     cacheFields("Authorization", "Bearer x"),
			resp:    cacheFields("Date", cacheDate(0), "Cache-Control", "public, max-age=60"),
			private: fresh60, shared: fresh60,
			want: map[string]Severity{"cache-authorization": Info, "cache-fresh": Info},
		},
		{
			name: "Authorization and no-store: nothing to say about Authorization", method: "GET", status: 200,
			req:     cacheFields("Authorization", "Bearer x"),
			resp:    cacheFields("Date", cacheDate(0), "Cache-Control", "no-store"),
			private: no, shared: no,
			want: map[string]Severity{"cache-no-store": Info},
		},
		{
			name: "public on a 200 with max-age is unnecessary", method: "GET", status: 200,
			resp:    cacheFields("Date", cacheDate(0), "Cache-Control", "public, max-age=60"),
			private: fresh60, shared: fresh60,
			want: map[string]Severity{"cache-public-unnecessary": Info, "cache-fresh": Info},
		},
		{
			name: "public makes a 302 heuristically cacheable", method: "GET", status: 302,
			resp: cacheFields("Date", cacheDate(0), "Cache-Control", "public", "Location", "/x",
				"Last-Modified", cacheDate(-10*cacheDay)),
			private: cacheWant{true, 86400, "heuristic", 86400}, shared: cacheWant{true, 86400, "heuristic", 86400},
			want: map[string]Severity{"cache-heuristic": Warning, "cache-fresh": Info},
		},
		{
			name: "302 without explicit freshness is not storable", method: "GET", status: 302,
			resp:    cacheFields("Date", cacheDate(0), "Location", "/x"),
			private: no, shared: no,
			want: map[string]Severity{"cache-not-storable": Info},
		},
		{
			name: "404 is heuristically cacheable", method: "GET", status: 404,
			resp:    cacheFields("Date", cacheDate(0), "Last-Modified", cacheDate(-100*time.Second)),
			private: cacheWant{true, 10, "heuristic", 10}, shared: cacheWant{true, 10, "heuristic", 10},
			want: map[string]Severity{"cache-heuristic": Warning, "cache-fresh": Info},
		},
		{
			name: "428 is never stored, whatever max-age says", method: "PUT", url: "http://a.test/strict/1", status: 428,
			resp: maxAge, private: no, shared: no,
			want: map[string]Severity{"cache-method": Info, "cache-never-stored": Info},
		},
		{
			name: "429 to GET is never stored", method: "GET", status: 429,
			resp: maxAge, private: no, shared: no,
			want: map[string]Severity{"cache-never-stored": Info},
		},
		{
			name: "an interim 103 is never stored", method: "GET", status: 103,
			resp: cacheFields("Link", "</s.css>; rel=preload"), private: no, shared: no,
			want: map[string]Severity{},
		},
		{
			name: "206 is storable by a cache that handles partial content", method: "GET", status: 206,
			req:     cacheFields("Range", "bytes=0-9"),
			resp:    cacheFields("Date", cacheDate(0), "Content-Range", "bytes 0-9/100", "Cache-Control", "max-age=60"),
			private: fresh60, shared: fresh60,
			want: map[string]Severity{"cache-fresh": Info},
		},
		{
			name: "must-understand with no-store: stored by caches that know 200", method: "GET", status: 200,
			resp:    cacheFields("Date", cacheDate(0), "Cache-Control", "must-understand, no-store, max-age=60"),
			private: fresh60, shared: fresh60,
			want: map[string]Severity{"cache-no-store": Info, "cache-must-understand": Info, "cache-fresh": Info},
		},
		{
			name: "must-understand on an unregistered status: not stored", method: "GET", status: 299,
			resp:    cacheFields("Date", cacheDate(0), "Cache-Control", "must-understand, no-store, max-age=60"),
			private: no, shared: no,
			want: map[string]Severity{"cache-no-store": Info, "cache-must-understand": Info},
		},
		{
			name: "Set-Cookie on a response shared caches may store", method: "GET", status: 200,
			resp:    cacheFields("Date", cacheDate(0), "Cache-Control", "max-age=60", "Set-Cookie", "id=1"),
			private: fresh60, shared: fresh60,
			want: map[string]Severity{"set-cookie-shared": Warning, "cache-fresh": Info},
		},
	})
}

func TestAnalyzeCacheMethods(t *testing.T) {
	no := cacheWant{false, 0, cacheNone, 0}
	fresh60 := cacheWant{true, 60, "max-age", 60}
	runCacheCases(t, []cacheCase{
		{
			name:   "POST with max-age and Content-Location equal to the target is storable",
			method: "POST", url: "http://a.test/items", status: 200,
			resp:    cacheFields("Date", cacheDate(0), "Cache-Control", "max-age=60", "Content-Location", "/items"),
			private: fresh60, shared: fresh60,
			want: map[string]Severity{"cache-method": Info, "cache-invalidation": Info, "cache-fresh": Info},
		},
		{
			name:   "POST 201 with max-age but no Content-Location is not storable",
			method: "POST", url: "http://a.test/items", status: 201,
			resp:    cacheFields("Date", cacheDate(0), "Cache-Control", "max-age=60", "Location", "/items/7"),
			private: no, shared: no,
			want: map[string]Severity{"cache-method": Info, "cache-invalidation": Info},
		},
		{
			name:   "PATCH with Content-Location but no explicit freshness is not storable",
			method: "PATCH", url: "http://a.test/items/1", status: 200,
			resp:    cacheFields("Date", cacheDate(0), "Content-Location", "/items/1"),
			private: no, shared: no,
			want: map[string]Severity{"cache-method": Info, "cache-invalidation": Info},
		},
		{
			name:   "PUT 204 is never stored and invalidates the target",
			method: "PUT", url: "http://a.test/items/1", status: 204,
			resp:    cacheFields("Date", cacheDate(0), "ETag", `"v2"`),
			private: no, shared: no,
			want: map[string]Severity{"cache-method": Info, "cache-invalidation": Info},
		},
		{
			name:   "DELETE 404 invalidates nothing",
			method: "DELETE", url: "http://a.test/items/9", status: 404,
			resp:    cacheFields("Date", cacheDate(0)),
			private: no, shared: no,
			want: map[string]Severity{"cache-method": Info},
		},
		{
			name:   "lower-case get is not GET: not stored, not known safe",
			method: "get", status: 200, resp: maxAgeFields(),
			private: no, shared: no,
			want: map[string]Severity{"cache-method": Info, "cache-invalidation": Info},
		},
		{
			name:   "HEAD is cacheable like GET",
			method: "HEAD", status: 200, resp: maxAgeFields(),
			private: fresh60, shared: fresh60,
			want: map[string]Severity{"cache-fresh": Info},
		},
	})
}

func maxAgeFields() []Field {
	return cacheFields("Date", cacheDate(0), "Cache-Control", "max-age=60")
}

func TestCacheInvalidates(t *testing.T) {
	cases := []struct {
		name   string
		method string
		url    string
		status int
		resp   []Field
		want   []string
	}{
		{"PUT 204 invalidates the target", "PUT", "http://a.test/items/1", 204, nil, []string{"http://a.test/items/1"}},
		{"POST 201 adds a same-origin Location", "POST", "http://a.test/items", 201,
			cacheFields("Location", "/items/7"), []string{"http://a.test/items", "http://a.test/items/7"}},
		{"another origin is left alone", "POST", "http://a.test/items", 201,
			cacheFields("Location", "https://b.test/items/7", "Content-Location", "http://a.test:80/items/7?v=1#top"),
			[]string{"http://a.test/items", "http://a.test:80/items/7?v=1"}},
		{"https with another port is another origin", "DELETE", "https://a.test/items/1", 200,
			cacheFields("Content-Location", "https://a.test:8443/items/1"), []string{"https://a.test/items/1"}},
		{"Content-Location equal to the target is listed once", "PATCH", "http://a.test/items/1", 200,
			cacheFields("Content-Location", "/items/1"), []string{"http://a.test/items/1"}},
		{"a 303 to POST invalidates too", "POST", "http://a.test/orders", 303,
			cacheFields("Location", "orders/5"), []string{"http://a.test/orders", "http://a.test/orders/5"}},
		{"a 412 invalidates nothing", "PUT", "http://a.test/items/1", 412, nil, nil},
		{"a 500 invalidates nothing", "POST", "http://a.test/items", 500, nil, nil},
		{"GET invalidates nothing", "GET", "http://a.test/items/1", 200, nil, nil},
		{"OPTIONS is safe", "OPTIONS", "http://a.test/items", 204, nil, nil},
		{"an unknown target URI gives nothing to list", "PUT", "", 204, nil, nil},
		{"an unknown method is not known to be safe", "PURGE", "http://a.test/items/1", 200, nil, []string{"http://a.test/items/1"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x := Exchange{
				Request:  &Request{Method: c.method, URL: c.url},
				Response: Response{Status: c.status, Fields: c.resp},
				Received: cacheT0(),
			}
			got, findings := analyzeCache(x)
			if !slices.Equal(got.Invalidates, c.want) {
				t.Fatalf("Invalidates = %q, want %q", got.Invalidates, c.want)
			}
			emitted := slices.ContainsFunc(findings, func(f Finding) bool { return f.ID == "cache-invalidation" })
			if emitted != (len(c.want) > 0) {
				t.Fatalf("cache-invalidation emitted = %v with Invalidates %q", emitted, got.Invalidates)
			}
		})
	}
}
