package explain

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"time"
)

// cacheT0 is the moment every cache test's response arrives.
func cacheT0() time.Time { return time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC) }

// cacheDate formats T0+d as an IMF-fixdate.
func cacheDate(d time.Duration) string {
	return cacheT0().Add(d).Format("Mon, 02 Jan 2006 15:04:05 GMT")
}

// cacheFields builds fields from name, value pairs.
func cacheFields(kv ...string) []Field {
	var fs []Field
	for i := 0; i+1 < len(kv); i += 2 {
		fs = append(fs, Field{Name: kv[i], Value: kv[i+1]})
	}
	return fs
}

// cacheWant is the expected verdict of one view.
type cacheWant struct {
	storable bool
	life     int64
	source   string
	freshFor int64
}

const (
	day  = 24 * time.Hour
	none = "none"
)

type cacheCase struct {
	name      string
	method    string // "" means the request is unknown
	url       string
	req       []Field
	status    int
	resp      []Field
	sent      time.Duration // offset from T0; 0 means unknown
	now       time.Duration // offset from T0; 0 means unknown
	age       int64
	private   cacheWant
	shared    cacheWant
	mustReval bool
	want      map[string]Severity
}

// cacheExchange turns a case into an exchange received at T0.
func (c cacheCase) exchange() Exchange {
	x := Exchange{Response: Response{Proto: "HTTP/1.1", Status: c.status, Fields: c.resp}, Received: cacheT0()}
	if c.method != "" {
		u := c.url
		if u == "" {
			u = "http://a.test/r"
		}
		x.Request = &Request{Method: c.method, URL: u, Fields: c.req}
	}
	if c.sent != 0 {
		x.Sent = cacheT0().Add(c.sent)
	}
	if c.now != 0 {
		x.Now = cacheT0().Add(c.now)
	}
	return x
}

func TestAnalyzeCacheFreshness(t *testing.T) {
	runCacheCases(t, []cacheCase{
		{
			name:   "RFC 9111 4.2.3 age: sent T-2, Date T-5, Age 10, now T+30 gives age 42",
			method: "GET", status: 200, sent: -2 * time.Second, now: 30 * time.Second,
			resp:    cacheFields("Date", cacheDate(-5*time.Second), "Age", "10", "Cache-Control", "max-age=3600"),
			age:     42,
			private: cacheWant{true, 3600, "max-age", 3558}, shared: cacheWant{true, 3600, "max-age", 3558},
			want: map[string]Severity{"cache-fresh": Info},
		},
		{
			name:   "Last-Modified 10 days before Date and nothing else: heuristic 86400 s",
			method: "GET", status: 200,
			resp:    cacheFields("Date", cacheDate(0), "Last-Modified", cacheDate(-10*day)),
			private: cacheWant{true, 86400, "heuristic", 86400}, shared: cacheWant{true, 86400, "heuristic", 86400},
			want: map[string]Severity{"cache-heuristic": Warning, "cache-fresh": Info},
		},
		{
			name:   "max-age=60 wins over Expires one hour ahead",
			method: "GET", status: 200,
			resp:    cacheFields("Date", cacheDate(0), "Expires", cacheDate(time.Hour), "Cache-Control", "max-age=60"),
			private: cacheWant{true, 60, "max-age", 60}, shared: cacheWant{true, 60, "max-age", 60},
			want: map[string]Severity{"expires-ignored": Info, "cache-fresh": Info},
		},
		{
			name:   "Date T-1h and Expires T+1h: lifetime 7200 s, age 3600 s, fresh for 3600 s",
			method: "GET", status: 200,
			resp:    cacheFields("Date", cacheDate(-time.Hour), "Expires", cacheDate(time.Hour)),
			age:     3600,
			private: cacheWant{true, 7200, "expires", 3600}, shared: cacheWant{true, 7200, "expires", 3600},
			want: map[string]Severity{"cache-fresh": Info},
		},
		{
			name:   "s-maxage=300 and max-age=60: 300 s shared, 60 s private",
			method: "GET", status: 200,
			resp:    cacheFields("Date", cacheDate(0), "Cache-Control", "s-maxage=300, max-age=60"),
			private: cacheWant{true, 60, "max-age", 60}, shared: cacheWant{true, 300, "s-maxage", 300},
			mustReval: true, // s-maxage implies proxy-revalidate for the shared view
			want:      map[string]Severity{"cache-fresh": Info},
		},
		{
			name:   "shared stale and private fresh: flat fields speak for the shared cache",
			method: "GET", status: 200,
			resp:    cacheFields("Date", cacheDate(-60*time.Second), "Cache-Control", "s-maxage=30, max-age=300"),
			age:     60,
			private: cacheWant{true, 300, "max-age", 240}, shared: cacheWant{true, 30, "s-maxage", -30},
			mustReval: true,
			want:      map[string]Severity{"cache-stale": Info},
		},
		{
			name:   "Date two minutes old and max-age=60: stale by 60 s",
			method: "GET", status: 200,
			resp:    cacheFields("Date", cacheDate(-2*time.Minute), "Cache-Control", "max-age=60"),
			age:     120,
			private: cacheWant{true, 60, "max-age", -60}, shared: cacheWant{true, 60, "max-age", -60},
			want: map[string]Severity{"cache-stale": Info},
		},
		{
			name:   "Expires without Date counts from the receive time",
			method: "GET", status: 200,
			resp:    cacheFields("Expires", cacheDate(time.Hour)),
			private: cacheWant{true, 3600, "expires", 3600}, shared: cacheWant{true, 3600, "expires", 3600},
			want: map[string]Severity{"cache-fresh": Info},
		},
		{
			name:   "Expires: 0 is invalid and already expired",
			method: "GET", status: 200,
			resp:    cacheFields("Date", cacheDate(0), "Expires", "0"),
			private: cacheWant{true, 0, "expires", 0}, shared: cacheWant{true, 0, "expires", 0},
			want: map[string]Severity{"expires-invalid": Warning, "cache-stale": Info},
		},
		{
			name:   "two Expires lines that disagree: stale",
			method: "GET", status: 200,
			resp:    cacheFields("Date", cacheDate(0), "Expires", cacheDate(time.Hour), "Expires", cacheDate(2*time.Hour)),
			private: cacheWant{true, 0, "expires", 0}, shared: cacheWant{true, 0, "expires", 0},
			want: map[string]Severity{"cc-duplicate": Warning, "cache-stale": Info},
		},
		{
			name:   "Last-Modified after Date: heuristic of 0 s",
			method: "GET", status: 200,
			resp:    cacheFields("Date", cacheDate(0), "Last-Modified", cacheDate(time.Hour)),
			private: cacheWant{true, 0, "heuristic", 0}, shared: cacheWant{true, 0, "heuristic", 0},
			want: map[string]Severity{"cache-heuristic": Warning, "cache-stale": Info},
		},
		{
			name:   "200 with no freshness information and no Last-Modified: none",
			method: "GET", status: 200,
			resp:    cacheFields("Date", cacheDate(0), "ETag", `"a"`),
			private: cacheWant{true, 0, none, 0}, shared: cacheWant{true, 0, none, 0},
			want: map[string]Severity{"cache-stale": Info},
		},
		{
			name:   "invalid Age is ignored",
			method: "GET", status: 200,
			resp:    cacheFields("Date", cacheDate(0), "Age", "-5", "Cache-Control", "max-age=60"),
			private: cacheWant{true, 60, "max-age", 60}, shared: cacheWant{true, 60, "max-age", 60},
			want: map[string]Severity{"age-field": Warning, "cache-fresh": Info},
		},
		{
			name:   "Age with two values: the first counts",
			method: "GET", status: 200,
			resp:    cacheFields("Date", cacheDate(0), "Age", "10, 20", "Cache-Control", "max-age=60"),
			age:     10,
			private: cacheWant{true, 60, "max-age", 50}, shared: cacheWant{true, 60, "max-age", 50},
			want: map[string]Severity{"age-field": Warning, "cache-fresh": Info},
		},
		{
			name:    "unknown request: read as a GET, no invalidation",
			status:  200,
			resp:    cacheFields("Date", cacheDate(0), "Cache-Control", "max-age=60"),
			private: cacheWant{true, 60, "max-age", 60}, shared: cacheWant{true, 60, "max-age", 60},
			want: map[string]Severity{"cache-fresh": Info},
		},
		{
			name:   "304 is not stored but its max-age refreshes the stored response",
			method: "GET", status: 304, req: cacheFields("If-None-Match", `"a"`),
			resp:    cacheFields("Date", cacheDate(-10*time.Second), "ETag", `"a"`, "Cache-Control", "max-age=60"),
			age:     10,
			private: cacheWant{false, 60, "max-age", 50}, shared: cacheWant{false, 60, "max-age", 50},
			want: map[string]Severity{"cache-fresh": Info},
		},
		{
			name:   "304 with no-store refreshes nothing",
			method: "GET", status: 304, req: cacheFields("If-None-Match", `"a"`),
			resp:    cacheFields("Date", cacheDate(0), "ETag", `"a"`, "Cache-Control", "no-store, max-age=60"),
			private: cacheWant{false, 0, none, 0}, shared: cacheWant{false, 0, none, 0},
			want: map[string]Severity{"cc-conflict": Warning, "cache-no-store": Info},
		},
	})
}

func TestAnalyzeCacheWithoutReceiveTime(t *testing.T) {
	// A raw response read from a file: no times at all. Date stands in for the
	// receive time, so the current age is the Age field.
	x := Exchange{Response: Response{Status: 200, Fields: cacheFields(
		"Date", cacheDate(-time.Hour), "Age", "25", "Cache-Control", "max-age=100")}}
	c, _ := analyzeCache(x)
	if c.AgeS != 25 || c.FreshForS != 75 || !c.Fresh || c.FreshnessSource != "max-age" {
		t.Fatalf("got age %d, fresh for %d, fresh %v, source %s; want 25, 75, true, max-age", c.AgeS, c.FreshForS, c.Fresh, c.FreshnessSource)
	}
}

func TestAnalyzeCacheStorability(t *testing.T) {
	maxAge := cacheFields("Date", cacheDate(0), "Cache-Control", "max-age=60")
	fresh60 := cacheWant{true, 60, "max-age", 60}
	no := cacheWant{false, 0, none, 0}
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
			private: cacheWant{true, 0, none, 0}, shared: no,
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
				"Last-Modified", cacheDate(-10*day)),
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
	no := cacheWant{false, 0, none, 0}
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

func TestAnalyzeCacheDirectives(t *testing.T) {
	fresh60 := cacheWant{true, 60, "max-age", 60}
	stale0 := cacheWant{true, 0, none, 0}
	cc := func(v string, more ...string) []Field {
		return append(cacheFields("Date", cacheDate(0), "Cache-Control", v), cacheFields(more...)...)
	}
	runCacheCases(t, []cacheCase{
		{
			name: "no-cache with an ETag", method: "GET", status: 200,
			resp: cc("no-cache", "ETag", `"a"`, "Last-Modified", cacheDate(-10*day)), private: stale0, shared: stale0,
			want: map[string]Severity{"cache-no-cache": Info, "cache-stale": Info},
		},
		{
			name: "no-cache without a validator warns", method: "GET", status: 200,
			resp: cc("no-cache"), private: stale0, shared: stale0,
			want: map[string]Severity{"cache-no-cache": Warning, "cache-stale": Info},
		},
		{
			name: "no-cache with field names", method: "GET", status: 200,
			resp: cc(`no-cache="Set-Cookie", max-age=60`), private: fresh60, shared: fresh60,
			want: map[string]Severity{"cache-no-cache": Info, "cache-fresh": Info},
		},
		{
			name: "no-cache with max-age=3600 conflicts", method: "GET", status: 200,
			resp:    cc("no-cache, max-age=3600", "ETag", `"a"`),
			private: cacheWant{true, 3600, "max-age", 3600}, shared: cacheWant{true, 3600, "max-age", 3600},
			want: map[string]Severity{"cc-conflict": Warning, "cache-no-cache": Info, "cache-fresh": Info},
		},
		{
			name: "max-age=0 with no-cache is no conflict", method: "GET", status: 200,
			resp:    cc("max-age=0, no-cache", "ETag", `"a"`),
			private: cacheWant{true, 0, "max-age", 0}, shared: cacheWant{true, 0, "max-age", 0},
			want: map[string]Severity{"cache-no-cache": Info, "cache-stale": Info},
		},
		{
			name: "no-store with max-age conflicts", method: "GET", status: 200,
			resp: cc("no-store, max-age=60"), private: cacheWant{false, 0, none, 0}, shared: cacheWant{false, 0, none, 0},
			want: map[string]Severity{"cc-conflict": Warning, "cache-no-store": Info},
		},
		{
			name: "immutable with a year of max-age", method: "GET", status: 200,
			resp:    cc("max-age=31536000, immutable"),
			private: cacheWant{true, 31536000, "max-age", 31536000}, shared: cacheWant{true, 31536000, "max-age", 31536000},
			want: map[string]Severity{"immutable": Info, "cache-fresh": Info},
		},
		{
			name: "immutable alone does nothing", method: "GET", status: 200,
			resp: cc("immutable"), private: stale0, shared: stale0,
			want: map[string]Severity{"immutable": Info, "cache-stale": Info},
		},
		{
			name: "stale-while-revalidate and stale-if-error", method: "GET", status: 200,
			resp: cc("max-age=60, stale-while-revalidate=30, stale-if-error=600"), private: fresh60, shared: fresh60,
			want: map[string]Severity{"stale-while-revalidate": Info, "stale-if-error": Info, "cache-fresh": Info},
		},
		{
			name: "must-revalidate overrides stale-while-revalidate", method: "GET", status: 200,
			resp: cc("max-age=60, must-revalidate, stale-while-revalidate=30"), private: fresh60, shared: fresh60, mustReval: true,
			want: map[string]Severity{"cc-conflict": Warning, "must-revalidate": Info, "stale-while-revalidate": Info, "cache-fresh": Info},
		},
		{
			name: "proxy-revalidate binds the shared cache", method: "GET", status: 200,
			resp: cc("max-age=60, proxy-revalidate"), private: fresh60, shared: fresh60, mustReval: true,
			want: map[string]Severity{"proxy-revalidate": Info, "cache-fresh": Info},
		},
		{
			name: "Pragma and Warning are obsolete", method: "GET", status: 200,
			resp: cc("max-age=60", "Pragma", "no-cache", "Warning", `110 - "stale"`), private: fresh60, shared: fresh60,
			want: map[string]Severity{"pragma": Warning, "warning-obsolete": Info, "cache-fresh": Info},
		},
		{
			name: "Vary: * never matches", method: "GET", status: 200,
			resp: cc("max-age=60", "Vary", "*"), private: fresh60, shared: fresh60,
			want: map[string]Severity{"cache-vary-star": Warning, "cache-fresh": Info},
		},
		{
			name: "Vary: Accept-Encoding", method: "GET", status: 200,
			resp: cc("max-age=60", "Vary", "Accept-Encoding"), private: fresh60, shared: fresh60,
			want: map[string]Severity{"vary": Info, "cache-fresh": Info},
		},
		{
			name: "Vary with User-Agent, Host and a duplicate", method: "GET", status: 200,
			resp: cc("max-age=60", "Vary", "Accept-Encoding, User-Agent", "Vary", "Host, accept-encoding"), private: fresh60, shared: fresh60,
			want: map[string]Severity{"vary": Info, "vary-quality": Warning, "cache-fresh": Info},
		},
	})
}

func TestAnalyzeCacheControlSyntax(t *testing.T) {
	fresh60 := cacheWant{true, 60, "max-age", 60}
	cc := func(v string) []Field { return cacheFields("Date", cacheDate(0), "Cache-Control", v) }
	runCacheCases(t, []cacheCase{
		{
			name: "quoted max-age is read but flagged", method: "GET", status: 200, resp: cc(`max-age="5"`),
			private: cacheWant{true, 5, "max-age", 5}, shared: cacheWant{true, 5, "max-age", 5},
			want: map[string]Severity{"cc-syntax": Warning, "cache-fresh": Info},
		},
		{
			name: "non-integer max-age counts as stale", method: "GET", status: 200, resp: cc("max-age=1.5"),
			private: cacheWant{true, 0, "max-age", 0}, shared: cacheWant{true, 0, "max-age", 0},
			want: map[string]Severity{"cc-syntax": Warning, "cache-stale": Info},
		},
		{
			name: "max-age= without seconds counts as stale", method: "GET", status: 200, resp: cc("max-age="),
			private: cacheWant{true, 0, "max-age", 0}, shared: cacheWant{true, 0, "max-age", 0},
			want: map[string]Severity{"cc-syntax": Warning, "cache-stale": Info},
		},
		{
			name: "max-age past 2^31 saturates", method: "GET", status: 200, resp: cc("max-age=99999999999"),
			private: cacheWant{true, 2147483648, "max-age", 2147483648}, shared: cacheWant{true, 2147483648, "max-age", 2147483648},
			want: map[string]Severity{"cache-fresh": Info},
		},
		{
			name: "max-age twice with different values counts as stale", method: "GET", status: 200, resp: cc("max-age=60, max-age=120"),
			private: cacheWant{true, 0, "max-age", 0}, shared: cacheWant{true, 0, "max-age", 0},
			want: map[string]Severity{"cc-duplicate": Warning, "cache-stale": Info},
		},
		{
			name: "the same max-age twice, names in any case", method: "GET", status: 200, resp: cc("max-age=60, Max-Age=60"),
			private: fresh60, shared: fresh60,
			want: map[string]Severity{"cc-duplicate": Warning, "cache-fresh": Info},
		},
		{
			name: "no-store with an argument", method: "GET", status: 200, resp: cc("no-store=1"),
			private: cacheWant{false, 0, none, 0}, shared: cacheWant{false, 0, none, 0},
			want: map[string]Severity{"cc-syntax": Warning, "cache-no-store": Info},
		},
		{
			name: "request-only directives in a response", method: "GET", status: 200, resp: cc("max-age=60, max-stale=10, only-if-cached"),
			private: fresh60, shared: fresh60,
			want: map[string]Severity{"cc-syntax": Warning, "cache-fresh": Info},
		},
		{
			name: "response-only directive in a request", method: "GET", status: 200,
			req: cacheFields("Cache-Control", "public"), resp: cc("max-age=60"),
			private: fresh60, shared: fresh60,
			want: map[string]Severity{"cc-syntax": Warning, "cache-fresh": Info},
		},
		{
			name: "pre-check and post-check", method: "GET", status: 200, resp: cc("max-age=60, pre-check=0, post-check=0"),
			private: fresh60, shared: fresh60,
			want: map[string]Severity{"cc-syntax": Warning, "cache-fresh": Info},
		},
		{
			name: "a member that is not a token", method: "GET", status: 200, resp: cc(`max-age=60, "oops"`),
			private: fresh60, shared: fresh60,
			want: map[string]Severity{"cc-syntax": Warning, "cache-fresh": Info},
		},
		{
			name: "private field list sent as a token", method: "GET", status: 200, resp: cc("private=Set-Cookie, max-age=60"),
			private: fresh60, shared: fresh60,
			want: map[string]Severity{"cc-syntax": Warning, "cache-private": Info, "cache-fresh": Info},
		},
		{
			name: "unknown directive is ignored", method: "GET", status: 200, resp: cc("max-age=60, foo-bar"),
			private: fresh60, shared: fresh60,
			want: map[string]Severity{"cc-unknown": Info, "cache-fresh": Info},
		},
	})
}

// runCacheCases runs analyzeCache on every case and checks the verdict and the exact
// set of finding ids with their severities.
func runCacheCases(t *testing.T, cases []cacheCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, findings := analyzeCache(c.exchange())
			checkCacheView(t, "private", got.Private, c.private)
			checkCacheView(t, "shared", got.Shared, c.shared)
			if got.AgeS != c.age {
				t.Errorf("AgeS = %d, want %d", got.AgeS, c.age)
			}
			flat := got.Private
			if got.Shared.Storable {
				flat = got.Shared
			}
			if got.StorablePrivate != got.Private.Storable || got.StorableShared != got.Shared.Storable ||
				got.FreshnessLifetimeS != flat.FreshnessLifetimeS || got.FreshnessSource != flat.FreshnessSource ||
				got.Fresh != flat.Fresh || got.FreshForS != flat.FreshForS {
				t.Errorf("flat fields %+v do not match the view they speak for %+v", got, flat)
			}
			if got.MustRevalidate != c.mustReval {
				t.Errorf("MustRevalidate = %v, want %v", got.MustRevalidate, c.mustReval)
			}
			gotIDs := map[string]Severity{}
			for _, f := range findings {
				if _, dup := gotIDs[f.ID]; dup {
					t.Errorf("finding %q emitted twice", f.ID)
				}
				gotIDs[f.ID] = f.Severity
				if f.Title == "" || f.Detail == "" || len(f.Refs) == 0 {
					t.Errorf("finding %q is incomplete: %+v", f.ID, f)
				}
			}
			if c.want == nil {
				c.want = map[string]Severity{}
			}
			if !maps.Equal(gotIDs, c.want) {
				t.Errorf("findings = %v, want %v", gotIDs, c.want)
				for _, f := range findings {
					t.Logf("  %s (%s): %s — %s", f.ID, f.Severity, f.Title, f.Detail)
				}
			}
		})
	}
}

func checkCacheView(t *testing.T, who string, got CacheView, want cacheWant) {
	t.Helper()
	if got.Storable != want.storable || got.FreshnessLifetimeS != want.life || got.FreshnessSource != want.source ||
		got.FreshForS != want.freshFor || got.Fresh != (want.freshFor > 0) {
		t.Errorf("%s view = %+v, want storable=%v lifetime=%d source=%s fresh_for=%d", who, got, want.storable, want.life, want.source, want.freshFor)
	}
	prefix := "must not store: "
	if want.storable {
		prefix = "may store: "
	}
	if !strings.HasPrefix(got.Reason, prefix) {
		t.Errorf("%s reason %q should start with %q", who, got.Reason, prefix)
	}
}

func TestCacheCurrentAgeSteps(t *testing.T) {
	// RFC 9111 §4.2.3 by hand: sent T−2, received T, Date T−5, Age 10, now T+30.
	x := Exchange{
		Sent: cacheT0().Add(-2 * time.Second), Received: cacheT0(), Now: cacheT0().Add(30 * time.Second),
	}
	a := newCacheAge(x, cacheT0(), cacheT0().Add(-5*time.Second), cacheFields("Age", "10"))
	got := []time.Duration{a.apparent, a.delay, a.corrected, a.initial, a.resident, a.current}
	want := []time.Duration{5 * time.Second, 2 * time.Second, 12 * time.Second, 12 * time.Second, 30 * time.Second, 42 * time.Second}
	if !slices.Equal(got, want) {
		t.Fatalf("apparent, delay, corrected, initial, resident, current = %v, want %v", got, want)
	}
	if a.seconds() != 42 {
		t.Fatalf("seconds() = %d, want 42", a.seconds())
	}
}

func TestCacheAgeTruncatesToWholeSeconds(t *testing.T) {
	x := Exchange{Received: cacheT0(), Now: cacheT0().Add(59*time.Second + 900*time.Millisecond)}
	resp := cacheFields("Date", cacheDate(0), "Cache-Control", "max-age=60")
	x.Response = Response{Status: 200, Fields: resp}
	c, _ := analyzeCache(x)
	if c.AgeS != 59 || c.FreshForS != 1 || !c.Fresh {
		t.Fatalf("age %d, fresh for %d, fresh %v; want 59, 1, true", c.AgeS, c.FreshForS, c.Fresh)
	}
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

func TestCacheVaryList(t *testing.T) {
	resp := cacheFields("Vary", "Accept-Encoding, User-Agent", "Vary", "accept-encoding, Accept-Language")
	got, _ := cacheVary(resp)
	want := []string{"Accept-Encoding", "User-Agent", "Accept-Language"}
	if !slices.Equal(got, want) {
		t.Fatalf("Vary = %q, want %q", got, want)
	}
}

func TestCacheFindingDetailsGiveNumbers(t *testing.T) {
	x := cacheCase{
		method: "GET", status: 200, now: 60 * time.Second,
		resp: cacheFields("Date", cacheDate(0), "Cache-Control", "max-age=3600"),
	}.exchange()
	_, findings := analyzeCache(x)
	i := slices.IndexFunc(findings, func(f Finding) bool { return f.ID == "cache-fresh" })
	if i < 0 {
		t.Fatalf("no cache-fresh finding in %+v", findings)
	}
	f := findings[i]
	for _, s := range []string{"Fresh for 3540 s more"} {
		if f.Title != s {
			t.Errorf("title %q, want %q", f.Title, s)
		}
	}
	for _, s := range []string{"lifetime 3600 s from max-age", "current age 60 s"} {
		if !strings.Contains(f.Detail, s) {
			t.Errorf("detail %q lacks %q", f.Detail, s)
		}
	}
}

func TestCacheChecksCoverEmittedFindings(t *testing.T) {
	catalogue := map[string]Check{}
	for _, c := range cacheChecks() {
		if _, dup := catalogue[c.ID]; dup {
			t.Errorf("duplicate id %q", c.ID)
		}
		catalogue[c.ID] = c
	}
	for _, id := range []string{"cache-no-store", "cache-no-cache", "cache-private", "cache-heuristic",
		"cache-authorization", "cache-vary-star", "cache-invalidation", "cache-stale"} {
		if _, ok := catalogue[id]; !ok {
			t.Errorf("required id %q missing from cacheChecks", id)
		}
	}
	rank := map[Severity]int{Info: 0, Warning: 1, Error: 2}
	// Every finding a sample of exchanges produces must be catalogued, no more
	// serious than its entry says.
	samples := []Exchange{
		cacheCase{method: "GET", status: 200, resp: cacheFields("Cache-Control", "no-cache, no-store=1, max-age=\"5\", public, private, immutable, stale-if-error=1", "Pragma", "no-cache", "Warning", "1", "Vary", "*, Host, host", "Age", "x", "Expires", "0", "Set-Cookie", "a=b")}.exchange(),
		cacheCase{method: "POST", status: 201, req: cacheFields("Authorization", "x"), resp: cacheFields("Cache-Control", "max-age=60, must-understand, foo", "Location", "/a")}.exchange(),
	}
	for _, x := range samples {
		_, findings := analyzeCache(x)
		for _, f := range findings {
			c, ok := catalogue[f.ID]
			if !ok {
				t.Errorf("finding %q not in cacheChecks", f.ID)
				continue
			}
			if rank[f.Severity] > rank[c.Severity] {
				t.Errorf("finding %q has severity %s, catalogue says at most %s", f.ID, f.Severity, c.Severity)
			}
		}
	}
}

func BenchmarkAnalyzeCache(b *testing.B) {
	x := Exchange{
		Request: &Request{Method: "GET", URL: "http://a.test/items/1", Fields: cacheFields("Accept", "application/json")},
		Response: Response{Proto: "HTTP/1.1", Status: 200, Fields: cacheFields(
			"Date", cacheDate(-5*time.Second), "Content-Type", "application/json", "Content-Length", "42",
			"ETag", `"3f2a"`, "Last-Modified", cacheDate(-10*day),
			"Cache-Control", "public, max-age=300, stale-while-revalidate=30", "Vary", "Accept-Encoding", "Age", "3")},
		Sent:     cacheT0().Add(-20 * time.Millisecond),
		Received: cacheT0(),
		Now:      cacheT0().Add(10 * time.Second),
	}
	b.ReportAllocs()
	for b.Loop() {
		analyzeCache(x)
	}
}
