package explain

import (
	"fmt"
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
	cacheDay  = 24 * time.Hour
	cacheNone = "none"
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
			resp:    cacheFields("Date", cacheDate(0), "Last-Modified", cacheDate(-10*cacheDay)),
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
			private: cacheWant{true, 0, cacheNone, 0}, shared: cacheWant{true, 0, cacheNone, 0},
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
			private: cacheWant{false, 0, cacheNone, 0}, shared: cacheWant{false, 0, cacheNone, 0},
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

// runCacheCases runs analyzeCache on every case and checks the verdict and the exact
// set of finding ids with their severities.
func runCacheCases(t *testing.T, cases []cacheCase) {
	t.Helper()
	for _, c := range cases {
		if cacheTableHook != nil {
			cacheTableHook(c.name, c.exchange())
		}
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

func BenchmarkAnalyzeCache(b *testing.B) {
	x := Exchange{
		Request: &Request{Method: "GET", URL: "http://a.test/items/1", Fields: cacheFields("Accept", "application/json")},
		Response: Response{Proto: "HTTP/1.1", Status: 200, Fields: cacheFields(
			"Date", cacheDate(-5*time.Second), "Content-Type", "application/json", "Content-Length", "42",
			"ETag", `"3f2a"`, "Last-Modified", cacheDate(-10*cacheDay),
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

// TestHeuristicPermissionText: the constant reasons read as the sentence they
// replace, for every heuristically cacheable status.
func TestHeuristicPermissionText(t *testing.T) {
	for s := 100; s < 600; s++ {
		if !cacheHeuristicStatus(s) {
			continue
		}
		if got, want := heuristicPermission(s), fmt.Sprintf("may store: status %d is heuristically cacheable", s); got != want {
			t.Errorf("%d: %q, want %q", s, got, want)
		}
	}
}
