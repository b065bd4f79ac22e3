package explain

import (
	"strings"
	"testing"
)

// A body a HAR file left out, or cut, is the record's gap: the finding says the
// HAR file did not keep it, never that the client's size limit cut it, and its
// numbers are the bytes kept and the response's size.
func TestBodyNotKeptByTheRecord(t *testing.T) {
	cases := []struct {
		name, raw   string
		bodyBytes   int64
		title, kept string
	}{
		{"none kept", "HTTP/1.1 200 OK\nContent-Length: 2048\n\n", 2048,
			"Body not kept: the HAR file has none of its 2048 bytes", "kept 0 of them"},
		{"the start kept", "HTTP/1.1 200 OK\nContent-Length: 2048\n\nhello", 2048,
			"Body cut in the record: the HAR file has 5 of its 2048 bytes", "kept 5 of them"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x := exchange(t, "GET", nil, c.raw)
			x.Response.Truncated, x.Response.KeptBy, x.Response.BodyBytes = true, "the HAR file", c.bodyBytes
			fs := framingFindings(x)
			assertFindings(t, fs, []string{"I body-not-kept"})
			if len(fs) == 1 && (fs[0].Title != c.title || !strings.Contains(fs[0].Detail, c.kept)) {
				t.Errorf("finding %q: %q", fs[0].Title, fs[0].Detail)
			}
			if strings.Contains(fs[0].Title+fs[0].Detail, "client stopped reading") {
				t.Errorf("blames the client's size limit: %q", fs[0].Detail)
			}
		})
	}
}

// A 304 is not stored itself (RFC 9111 §4.3.4): it refreshes the response a cache
// holds, and the verdict says so, with the freshness it gives that response.
func TestNotModifiedVerdictRefreshes(t *testing.T) {
	req := &Request{Method: "GET", URL: "http://127.0.0.1/a", Fields: cacheFields("If-None-Match", `"a"`)}
	at := cacheT0()
	cases := []struct {
		name, verdict string
		status        int
		resp          []Field
		reusable      bool
		freshFor      int64
	}{
		{"304 with max-age refreshes in both caches", "refreshes", 304,
			cacheFields("Date", cacheDate(0), "ETag", `"a"`, "Cache-Control", "max-age=60"), true, 60},
		{"304 with private refreshes only the private cache", "refresh/no", 304,
			cacheFields("Date", cacheDate(0), "ETag", `"a"`, "Cache-Control", "private, max-age=60"), true, 60},
		{"304 with no-store refreshes nothing", "no/no", 304,
			cacheFields("Date", cacheDate(0), "ETag", `"a"`, "Cache-Control", "no-store"), false, 0},
		{"200 with max-age is stored", "store/store", 200,
			cacheFields("Date", cacheDate(0), "Cache-Control", "max-age=60"), true, 60},
		{"200 with private", "store/no", 200,
			cacheFields("Date", cacheDate(0), "Cache-Control", "private, max-age=60"), true, 60},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x := Exchange{Request: req, Response: Response{Status: c.status, Fields: c.resp}, Received: at, Now: at}
			got := Analyze(x).Cache
			if v := got.Verdict(); v != c.verdict {
				t.Errorf("Verdict() = %q, want %q", v, c.verdict)
			}
			if got.Reusable() != c.reusable || (c.reusable && got.FreshForS != c.freshFor) {
				t.Errorf("reusable %v fresh for %d s, want %v %d", got.Reusable(), got.FreshForS, c.reusable, c.freshFor)
			}
			if c.status == 304 && (got.Private.Storable || got.Shared.Storable) {
				t.Errorf("a 304 read as stored itself: %+v", got)
			}
		})
	}
}
