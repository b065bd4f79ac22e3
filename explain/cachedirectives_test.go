package explain

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestAnalyzeCacheDirectives(t *testing.T) {
	fresh60 := cacheWant{true, 60, "max-age", 60}
	stale0 := cacheWant{true, 0, cacheNone, 0}
	cc := func(v string, more ...string) []Field {
		return append(cacheFields("Date", cacheDate(0), "Cache-Control", v), cacheFields(more...)...)
	}
	runCacheCases(t, []cacheCase{
		{
			name: "no-cache with an ETag", method: "GET", status: 200,
			resp: cc("no-cache", "ETag", `"a"`, "Last-Modified", cacheDate(-10*cacheDay)), private: stale0, shared: stale0,
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
			resp: cc("no-store, max-age=60"), private: cacheWant{false, 0, cacheNone, 0}, shared: cacheWant{false, 0, cacheNone, 0},
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
			private: cacheWant{false, 0, cacheNone, 0}, shared: cacheWant{false, 0, cacheNone, 0},
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
