package cachelab

import (
	"strings"
	"testing"
	"time"

	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/requests"
)

func TestFreshHitSendsNothingUpstream(t *testing.T) {
	r := newRig(t, false)
	first := r.do("GET", "/cache/max-age", "")
	want(t, first, Miss, "nothing stored")
	if !first.Stored || !strings.Contains(first.StoreWhy, "max-age") {
		t.Fatalf("first GET: stored %v (%s), want stored by max-age", first.Stored, first.StoreWhy)
	}
	r.lab.Advance(10 * time.Second)
	before := r.originHits()
	hit := r.do("GET", "/cache/max-age", "")
	want(t, hit, FreshHit, "age 10 s", "fresh for 50 s")
	if hit.Upstream != nil || r.originHits() != before {
		t.Fatalf("a fresh hit reached the origin (upstream %v, origin hits %d -> %d)", hit.Upstream != nil, before, r.originHits())
	}
	if got := header(hit.Response.Response.Headers, "Age"); got != "10" {
		t.Errorf("served Age = %q, want 10", got)
	}
	if string(hit.Response.Response.Body) != string(first.Response.Response.Body) || len(hit.Response.Response.Body) == 0 {
		t.Errorf("served body %q, want the stored %q", hit.Response.Response.Body, first.Response.Response.Body)
	}
	if !strings.HasPrefix(string(hit.Response.Response.RawHead), "HTTP/1.1 200 OK\r\n") {
		t.Errorf("served head %q", hit.Response.Response.RawHead)
	}
}

func TestStaleWithETagSendsIfNoneMatchAnd304Refreshes(t *testing.T) {
	r := newRig(t, false)
	first := r.do("GET", "/cache/must-revalidate", "")
	etag := header(first.Response.Response.Headers, "ETag")
	if !first.Stored || etag == "" {
		t.Fatalf("first GET: stored %v, ETag %q", first.Stored, etag)
	}
	d, ok := r.lab.UntilStale(first.Key, first.Secondary)
	if !ok || d != 60*time.Second {
		t.Fatalf("UntilStale = %v, %v; want 60s", d, ok)
	}
	r.lab.Advance(d)
	res := r.do("GET", "/cache/must-revalidate", "")
	want(t, res, Revalidated, "stale by 0 s", "must-revalidate", "If-None-Match", "304")
	if res.Upstream == nil || header(res.Upstream.Request.Headers, "If-None-Match") != etag {
		t.Fatalf("upstream request %+v, want If-None-Match: %s", res.Upstream, etag)
	}
	if res.Upstream.Response.Status != 304 || res.Response.Response.Status != 200 || len(res.Response.Response.Body) == 0 {
		t.Fatalf("upstream %d, client %d with %d bytes; want 304 upstream, the stored 200 served",
			res.Upstream.Response.Status, res.Response.Response.Status, len(res.Response.Response.Body))
	}
	if !containsFold(res.Updated, "Date") || !containsFold(res.Updated, "Cache-Control") {
		t.Errorf("updated %v, want the 304's Date and Cache-Control", res.Updated)
	}
	again := r.do("GET", "/cache/must-revalidate", "")
	want(t, again, FreshHit, "fresh for 60 s")
	hist := r.lab.Entries()[0].History
	if len(hist) != 3 || !strings.HasPrefix(hist[1].What, "revalidated: 304") {
		t.Errorf("history %+v", hist)
	}
}

func TestNoCacheForcesValidationEvenWhenFresh(t *testing.T) {
	r := newRig(t, false)
	r.do("GET", "/items/1", "")
	res := r.do("GET", "/items/1", "")
	want(t, res, Revalidated, "no-cache", "If-None-Match")
	if res.Upstream == nil || res.Upstream.Response.Status != 304 {
		t.Fatalf("no-cache must validate with the origin; upstream %+v", res.Upstream)
	}
	// The request's own no-cache forces validation of a fresh max-age response too.
	r.do("GET", "/cache/max-age", "")
	res = r.do("GET", "/cache/max-age", "", "Cache-Control: no-cache")
	want(t, res, FullResponse, "the request says no-cache", "no ETag or Last-Modified")
}

func TestStaleWithoutValidatorsGetsAFullResponse(t *testing.T) {
	r := newRig(t, false)
	r.do("GET", "/cache/max-age", "")
	r.lab.Advance(time.Minute + time.Second)
	res := r.do("GET", "/cache/max-age", "")
	want(t, res, FullResponse, "stale by 1 s", "unconditionally", "full response")
	if header(res.Upstream.Request.Headers, "If-None-Match") != "" || header(res.Upstream.Request.Headers, "If-Modified-Since") != "" {
		t.Errorf("a response without validators was revalidated conditionally: %v", res.Upstream.Request.Headers)
	}
	if e := r.lab.Entries(); len(e) != 1 || !e[0].Fresh || !strings.Contains(e[0].History[1].What, "replaced") {
		t.Errorf("entries after the full response: %+v", e)
	}
}

func TestPutInvalidatesTheStoredGet(t *testing.T) {
	r := newRig(t, false)
	get := r.do("GET", "/items/1", "")
	if !get.Stored || r.lab.Len() != 1 {
		t.Fatalf("GET /items/1 not stored: %s", get.StoreWhy)
	}
	put := r.do("PUT", "/items/1", `{"name":"renamed"}`, "Content-Type: application/json")
	want(t, put, Invalidated, "RFC 9111 §4.4")
	if len(put.Invalidated) != 1 || put.Invalidated[0] != "GET "+r.base+"/items/1" || r.lab.Len() != 0 {
		t.Fatalf("invalidated %v, %d left", put.Invalidated, r.lab.Len())
	}
	if put.Stored {
		t.Errorf("a response to PUT was stored: %s", put.StoreWhy)
	}
	next := r.do("GET", "/items/1", "")
	want(t, next, Miss)
	if !strings.Contains(string(next.Response.Response.Body), "renamed") {
		t.Errorf("GET after PUT served %q", next.Response.Response.Body)
	}
}

func TestVaryAcceptKeepsTwoEntries(t *testing.T) {
	r := newRig(t, true)
	a := r.do("GET", "/cache/vary", "", "Accept: application/json")
	want(t, a, Miss)
	b := r.do("GET", "/cache/vary", "", "Accept: text/plain")
	want(t, b, VaryMiss, `Vary: Accept differs: stored "application/json", request "text/plain"`)
	entries := r.lab.Entries()
	if len(entries) != 2 || entries[0].Key != entries[1].Key || entries[0].Secondary != "Accept=application/json" || entries[1].Secondary != "Accept=text/plain" {
		t.Fatalf("entries %+v, want two variants of one key", entries)
	}
	before := r.originHits()
	for _, accept := range []string{"text/plain", "application/json"} {
		res := r.do("GET", "/cache/vary", "", "Accept: "+accept)
		want(t, res, FreshHit)
		if !strings.Contains(string(res.Response.Response.Body), accept) {
			t.Errorf("Accept %s served the other variant: %s", accept, res.Response.Response.Body)
		}
	}
	if r.originHits() != before {
		t.Errorf("variant hits reached the origin")
	}
	none := r.do("GET", "/cache/vary", "")
	want(t, none, VaryMiss, "request (absent)")
}

func TestNoStoreIsNeverStored(t *testing.T) {
	r := newRig(t, true)
	for i := 0; i < 2; i++ {
		res := r.do("GET", "/cache/no-store", "")
		want(t, res, Miss, "no-store")
		if res.Stored || r.lab.Len() != 0 {
			t.Fatalf("no-store response stored")
		}
	}
}

func TestPrivateAndSharedDiffer(t *testing.T) {
	priv := newRig(t, false)
	if res := priv.do("GET", "/cache/private", ""); !res.Stored {
		t.Errorf("a private cache refused private: %s", res.StoreWhy)
	}
	shared := newRig(t, true)
	want(t, shared.do("GET", "/cache/private", ""), Miss, "must not store: private")
	// s-maxage: 300 s for the shared cache, 60 s for the private one.
	shared.do("GET", "/cache/s-maxage", "")
	priv.do("GET", "/cache/s-maxage", "")
	shared.lab.Advance(2 * time.Minute)
	priv.lab.Advance(2 * time.Minute)
	want(t, shared.do("GET", "/cache/s-maxage", ""), FreshHit, "from s-maxage")
	want(t, priv.do("GET", "/cache/s-maxage", ""), FullResponse, "stale by 60 s")
}

func TestAuthorizationKeepsResponsesOutOfASharedCache(t *testing.T) {
	r := newRig(t, true)
	res := r.do("GET", "/cache/max-age", "", "Authorization: Bearer x")
	want(t, res, Miss, "Authorization")
	if res.Stored {
		t.Fatal("a shared cache stored a response to a request with Authorization")
	}
	// must-revalidate lets a shared cache keep it (RFC 9111 §3.5).
	if res := r.do("GET", "/cache/must-revalidate", "", "Authorization: Bearer x"); !res.Stored {
		t.Errorf("must-revalidate response not stored: %s", res.StoreWhy)
	}
}

func TestOnlyIfCachedNeverAsksTheOrigin(t *testing.T) {
	r := newRig(t, false)
	res := r.do("GET", "/cache/max-age", "", "Cache-Control: only-if-cached")
	want(t, res, OnlyIfCached, "504")
	if res.Upstream != nil || r.originHits() != 0 || res.Response.Response.Status != 504 {
		t.Fatalf("only-if-cached: upstream %v, origin hits %d, status %d", res.Upstream, r.originHits(), res.Response.Response.Status)
	}
	// The cache's own answer is whole and dated, as a hit from the store is: shown
	// and stored as an exchange like any other, not as one cut short.
	for _, x := range []requests.Exchange{res.Response, r.do("GET", "/cache/max-age", "").Response} {
		if x.Incomplete() || x.Sent.IsZero() || x.Received.IsZero() {
			t.Errorf("answer %d: incomplete %v, sent %v, received %v", x.Response.Status, x.Incomplete(), x.Sent, x.Received)
		}
	}
	hit := r.do("GET", "/cache/max-age", "", "Cache-Control: only-if-cached")
	want(t, hit, FreshHit)
	if x := hit.Response; x.Incomplete() || x.Received.IsZero() {
		t.Errorf("fresh hit: incomplete %v, received %v", x.Incomplete(), x.Received)
	}
	r.lab.Advance(2 * time.Minute)
	want(t, r.do("GET", "/cache/max-age", "", "Cache-Control: only-if-cached"), OnlyIfCached, "needs validation")
	// max-stale accepts the stale copy.
	want(t, r.do("GET", "/cache/max-age", "", "Cache-Control: max-stale"), StaleHit, "max-stale")
}

func TestMustRevalidateRefusesMaxStale(t *testing.T) {
	r := newRig(t, false)
	r.do("GET", "/cache/must-revalidate", "")
	r.lab.Advance(2 * time.Minute)
	want(t, r.do("GET", "/cache/must-revalidate", "", "Cache-Control: max-stale=600"), Revalidated, "must-revalidate forbids serving it stale")
}

func TestEntriesListAndClear(t *testing.T) {
	r := newRig(t, false)
	r.do("GET", "/cache/max-age", "")
	r.do("GET", "/cache/heuristic", "")
	r.lab.Advance(15 * time.Second)
	es := r.lab.Entries()
	if len(es) != 2 {
		t.Fatalf("entries %+v", es)
	}
	h, m := es[0], es[1] // sorted by key: heuristic before max-age
	if m.Source != "max-age" || m.LifetimeS != 60 || m.AgeS != 15 || !m.Fresh || m.FreshForS != 45 || m.Status != 200 {
		t.Errorf("max-age entry %+v", m)
	}
	if h.Source != "heuristic" || h.LifetimeS != 24*3600 || h.ValidateBy == "" || !strings.HasPrefix(h.ValidateBy, "If-Modified-Since: ") {
		t.Errorf("heuristic entry %+v", h)
	}
	if !m.StoredAt.Equal(time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)) || !r.lab.Now().Equal(m.StoredAt.Add(15*time.Second)) {
		t.Errorf("stored at %v, lab now %v", m.StoredAt, r.lab.Now())
	}
	if !r.lab.Clear(m.Key, m.Secondary) || r.lab.Len() != 1 || r.lab.Clear(m.Key, m.Secondary) {
		t.Errorf("Clear one")
	}
	r.lab.ClearAll()
	if r.lab.Len() != 0 {
		t.Errorf("ClearAll left %d", r.lab.Len())
	}
}

func TestExplainEntryUsesTheLabClock(t *testing.T) {
	r := newRig(t, false)
	first := r.do("GET", "/cache/max-age", "")
	r.lab.Advance(70 * time.Second)
	x, ok := r.lab.ExplainEntry(first.Key, first.Secondary)
	if !ok {
		t.Fatal("no entry")
	}
	c := explain.Analyze(x).Cache
	if c.AgeS != 70 || c.Fresh || c.FreshForS != -10 {
		t.Errorf("explain on the stored entry: age %d, fresh %v, fresh for %d; want 70, false, -10", c.AgeS, c.Fresh, c.FreshForS)
	}
	if _, ok := r.lab.ExplainEntry(first.Key, "Accept=x"); ok {
		t.Error("found an entry that is not stored")
	}
}

// TestAdvanceToStaleIsStale: the demo's Date has whole seconds, so a response
// arrives up to a second "old". Advancing the clock to the moment the entry goes
// stale must make it stale, whatever that fraction: the lab once moved only its
// receive times, the apparent age fell to zero, and the next request was a fresh
// hit (the tour's "advance to stale, then revalidate" then failed now and then).
func TestAdvanceToStaleIsStale(t *testing.T) {
	r := newRig(t, false)
	r.clk.mu.Lock()
	r.clk.t = r.clk.t.Add(900 * time.Millisecond) // Date says 12:00:00, it arrives at .900
	r.clk.mu.Unlock()
	want(t, r.do("GET", "/cache/must-revalidate", ""), Miss)
	r.clk.mu.Lock()
	r.clk.t = r.clk.t.Add(200 * time.Millisecond) // 1.1 s old: 59 s of freshness left
	r.clk.mu.Unlock()
	key := primaryKey("GET", r.base+"/cache/must-revalidate")
	d, ok := r.lab.UntilStale(key, "")
	if !ok || d != 59*time.Second {
		t.Fatalf("until stale: %v %v, want 59 s", d, ok)
	}
	r.lab.Advance(d)
	for _, e := range r.lab.Entries() {
		if e.Key == key && (e.Fresh || e.AgeS != 60) {
			t.Errorf("after advancing to stale: fresh %v, age %d s, want stale at 60 s", e.Fresh, e.AgeS)
		}
	}
	want(t, r.do("GET", "/cache/must-revalidate", ""), Revalidated)
}
