package cachelab

import (
	"context"
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/httplens/httplens/demo"
	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/requests"
)

// BenchmarkFreshHit is the whole cost of a request the lab answers from storage, with
// the demo API on loopback behind it: what the lab adds to an exchange on a hit.
// BenchmarkDirectSend is the same GET sent to the demo API, for scale.
func BenchmarkFreshHit(b *testing.B) {
	srv := httptest.NewServer(demo.NewHandler())
	defer srv.Close()
	c := requests.NewClient(requests.Options{})
	defer c.CloseIdleConnections()
	lab := New(Config{Send: c.Send})
	req := requests.Request{Method: "GET", URL: srv.URL + "/cache/max-age", Headers: []requests.Header{{Name: "Accept", Value: "application/json"}}}
	if res := lab.Do(context.Background(), req); !res.Stored {
		b.Fatalf("not stored: %s", res.StoreWhy)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if res := lab.Do(context.Background(), req); res.Label != FreshHit {
			b.Fatalf("label %q", res.Label)
		}
	}
}

func BenchmarkDirectSend(b *testing.B) {
	srv := httptest.NewServer(demo.NewHandler())
	defer srv.Close()
	c := requests.NewClient(requests.Options{})
	defer c.CloseIdleConnections()
	req := requests.Request{Method: "GET", URL: srv.URL + "/cache/max-age"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if x := c.Send(context.Background(), req); x.Err != nil {
			b.Fatal(x.Err)
		}
	}
}

// fullLab is a lab holding n stored responses, each from a canned origin.
func fullLab(b *testing.B, n int) (*Lab, string) {
	t0 := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	origin := func(_ context.Context, r requests.Request) requests.Exchange {
		return requests.Exchange{Request: requests.SentRequest{Method: r.Method, URL: r.URL, Headers: r.Headers},
			Response: &requests.Response{Proto: "HTTP/1.1", Status: 200, Reason: "OK", Headers: []requests.Header{
				{Name: "Date", Value: t0.Format("Mon, 02 Jan 2006 15:04:05 GMT")},
				{Name: "Cache-Control", Value: "max-age=3600"}, {Name: "ETag", Value: `"x"`},
				{Name: "Vary", Value: "Accept"}, {Name: "Content-Type", Value: "application/json"}},
				Body: []byte(`{"a":1}`), BodyBytes: 7}}
	}
	lab := New(Config{Send: origin, Now: func() time.Time { return t0 }})
	for i := 0; i < n; i++ {
		lab.Do(context.Background(), requests.Request{Method: "GET", URL: "http://a.test/r/" + strconv.Itoa(i),
			Headers: []requests.Header{{Name: "Accept", Value: "application/json"}}})
	}
	if lab.Len() != n {
		b.Fatalf("stored %d of %d", lab.Len(), n)
	}
	return lab, "http://a.test/r/" + strconv.Itoa(n/2)
}

// BenchmarkLookup10k finds the stored variant for a request among 10,000 entries
// ("find": primary key and Vary match) and also decides whether it may be served
// ("find+verdict": explain's freshness verdict included).
func BenchmarkLookup10k(b *testing.B) {
	lab, u := fullLab(b, 10000)
	key := primaryKey("GET", u)
	hs := []requests.Header{{Name: "Accept", Value: "application/json"}}
	cr := explain.RequestDirectives(nil)
	now := lab.base()
	b.Run("find", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			lab.mu.Lock()
			e, _ := lab.lookup(key, hs)
			lab.mu.Unlock()
			if e == nil {
				b.Fatal("not found")
			}
		}
	})
	b.Run("find+verdict", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			lab.mu.Lock()
			e, _ := lab.lookup(key, hs)
			d := reuseDecision(e.exchange(now), e.rules, cr, false)
			lab.mu.Unlock()
			if !d.Serve {
				b.Fatal(d.Why)
			}
		}
	})
}

// BenchmarkFreshHit10k is a whole Do answered from a store of 10,000 entries.
func BenchmarkFreshHit10k(b *testing.B) {
	lab, u := fullLab(b, 10000)
	req := requests.Request{Method: "GET", URL: u, Headers: []requests.Header{{Name: "Accept", Value: "application/json"}}}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if res := lab.Do(context.Background(), req); res.Label != FreshHit {
			b.Fatalf("label %q", res.Label)
		}
	}
}
