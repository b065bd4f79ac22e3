package cachelab

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/httplens/httplens/demo"
	"github.com/httplens/httplens/requests"
)

// clock is a base clock the demo API and the lab share, so Date fields and the lab's
// receive times agree to the second whatever the machine's speed.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// rig is the demo API on loopback with a lab in front of it and a count of the
// requests that reached the origin.
type rig struct {
	t    *testing.T
	base string
	lab  *Lab
	mu   sync.Mutex
	hits int
	clk  *clock // the origin's and the lab's base clock
}

func newRig(t *testing.T, shared bool) *rig {
	t.Helper()
	clk := &clock{t: time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)}
	h := demo.NewHandler(demo.WithNow(clk.Now))
	r := &rig{t: t, clk: clk}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r.mu.Lock()
		r.hits++
		r.mu.Unlock()
		h.ServeHTTP(w, req)
	}))
	t.Cleanup(srv.Close)
	client := requests.NewClient(requests.Options{})
	t.Cleanup(client.CloseIdleConnections)
	r.base = srv.URL
	r.lab = New(Config{Shared: shared, Send: client.Send, Now: clk.Now})
	return r
}

func (r *rig) originHits() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.hits
}

// do sends method path with headers "Name: value" through the lab.
func (r *rig) do(method, path string, body string, headers ...string) Result {
	r.t.Helper()
	req := requests.Request{Method: method, URL: r.base + path}
	for _, h := range headers {
		n, v, _ := strings.Cut(h, ":")
		req.Headers = append(req.Headers, requests.Header{Name: n, Value: strings.TrimSpace(v)})
	}
	if body != "" {
		req.Body = []byte(body)
	}
	res := r.lab.Do(context.Background(), req)
	if res.Response.Err != nil {
		r.t.Fatalf("%s %s: %v", method, path, res.Response.Err)
	}
	return res
}

// want checks the label, and that the reasons mention each of words.
func want(t *testing.T, res Result, label Label, words ...string) {
	t.Helper()
	if res.Label != label {
		t.Fatalf("label = %q, want %q (why: %s)", res.Label, label, strings.Join(res.Why, " | "))
	}
	all := strings.Join(res.Why, " ") + " " + res.StoreWhy
	for _, w := range words {
		if !strings.Contains(all, w) {
			t.Errorf("reasons %q do not mention %q", all, w)
		}
	}
}

func header(hs []requests.Header, name string) string {
	for _, h := range hs {
		if strings.EqualFold(h.Name, name) {
			return h.Value
		}
	}
	return ""
}
