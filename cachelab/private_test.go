package cachelab

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/httplens/httplens/requests"
)

func TestSharedCacheDropsTheFieldsPrivateNames(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", `max-age=60, private="Set-Cookie"`)
		w.Header().Set("Set-Cookie", "session=alice")
		w.Write([]byte("shared part"))
	}))
	defer srv.Close()
	c := requests.NewClient(requests.Options{})
	defer c.CloseIdleConnections()
	req := requests.Request{Method: "GET", URL: srv.URL + "/a"}
	for _, tc := range []struct {
		shared bool
		cookie string
	}{{true, ""}, {false, "session=alice"}} {
		lab := New(Config{Shared: tc.shared, Send: c.Send})
		first := lab.Do(context.Background(), req)
		if !first.Stored || header(first.Response.Response.Headers, "Set-Cookie") != "session=alice" {
			t.Fatalf("shared %v: first response stored %v, Set-Cookie %q (the client gets it whole)", tc.shared, first.Stored, header(first.Response.Response.Headers, "Set-Cookie"))
		}
		hit := lab.Do(context.Background(), req)
		if hit.Label != FreshHit || header(hit.Response.Response.Headers, "Set-Cookie") != tc.cookie || string(hit.Response.Response.Body) != "shared part" {
			t.Errorf("shared %v: %s with Set-Cookie %q, want %q", tc.shared, hit.Label, header(hit.Response.Response.Headers, "Set-Cookie"), tc.cookie)
		}
	}
}

func TestProxyRevalidateBindsOnlySharedCaches(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "max-age=10, proxy-revalidate")
		w.Header().Set("ETag", `"v1"`)
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Write([]byte("body"))
	}))
	defer srv.Close()
	c := requests.NewClient(requests.Options{})
	defer c.CloseIdleConnections()
	stale := requests.Request{Method: "GET", URL: srv.URL + "/a", Headers: []requests.Header{{Name: "Cache-Control", Value: "max-stale=3600"}}}
	for _, tc := range []struct {
		shared bool
		label  Label
	}{{false, StaleHit}, {true, Revalidated}} {
		lab := New(Config{Shared: tc.shared, Send: c.Send})
		lab.Do(context.Background(), requests.Request{Method: "GET", URL: srv.URL + "/a"})
		lab.Advance(60 * time.Second)
		res := lab.Do(context.Background(), stale)
		want(t, res, tc.label)
		if tc.shared {
			want(t, res, Revalidated, "proxy-revalidate forbids serving it stale")
		}
	}
}
