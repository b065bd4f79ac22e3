package cachelab

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/httplens/httplens/requests"
)

// nginxLabel is the lab label that matches nginx's $upstream_cache_status where
// nginx follows RFC 9111.
var nginxLabel = map[string][]Label{
	"HIT":         {FreshHit},
	"MISS":        {Miss, VaryMiss},
	"REVALIDATED": {Revalidated},
	"EXPIRED":     {FullResponse},
}

// pair sends the same GET through the lab and through nginx, the lab first, and
// returns both.
type pair struct {
	t   *testing.T
	n   *nginxRig
	lab *Lab
	c   *requests.Client
}

func (p pair) get(path string, headers ...string) (Result, requests.Exchange) {
	p.t.Helper()
	req := requests.Request{Method: "GET", URL: p.n.origin + path}
	for _, h := range headers {
		name, v, _ := strings.Cut(h, ":")
		req.Headers = append(req.Headers, requests.Header{Name: name, Value: strings.TrimSpace(v)})
	}
	res := p.lab.Do(context.Background(), req)
	return res, getVia(p.t, p.c, p.n.url+path, headers...)
}

// agree checks that the lab and nginx did the same thing.
func (p pair) agree(step string, res Result, x requests.Exchange) {
	p.t.Helper()
	status := header(x.Response.Headers, "X-Cache-Status")
	for _, l := range nginxLabel[status] {
		if l == res.Label {
			return
		}
	}
	p.t.Errorf("%s: nginx %s, lab %q (%s)", step, status, res.Label, strings.Join(res.Why, " | "))
}

// TestLabMatchesNginx runs the lessons through nginx's proxy_cache (a shared cache)
// and through a shared lab in front of the same demo API, and checks they agree
// where nginx follows RFC 9111; where it departs, the test pins the departure.
func TestLabMatchesNginx(t *testing.T) {
	n := newNginxRig(t)
	c := requests.NewClient(requests.Options{})
	t.Cleanup(c.CloseIdleConnections)
	p := pair{t: t, n: n, lab: New(Config{Shared: true, Send: c.Send}), c: c}

	for _, path := range []string{"/cache/max-age", "/cache/s-maxage", "/cache/no-store", "/cache/private", "/cache/immutable"} {
		for i, step := range []string{"first", "second"} {
			res, x := p.get(path)
			p.agree(path+" "+step, res, x)
			if i == 1 && res.Label == FreshHit && res.Upstream != nil {
				t.Errorf("%s: a hit went upstream", path)
			}
		}
	}
	for _, accept := range []string{"application/json", "text/plain", "application/json", "text/plain"} {
		res, x := p.get("/cache/vary", "Accept: "+accept)
		p.agree("vary "+accept, res, x)
	}

	// httplens explains what nginx said.
	_, hit := p.get("/cache/max-age")
	fs := findingIDs(hit)
	if f, ok := fs["x-cache"]; !ok || !strings.Contains(f.Detail, "X-Cache-Status: HIT means served from storage") {
		t.Errorf("x-cache finding %+v", f)
	}
	if f, ok := fs["cache-status"]; !ok || !strings.Contains(f.Detail, "nginx: a hit") {
		t.Errorf("cache-status finding %+v", f)
	}
	// Departure: RFC 9111 §4 says a cache MUST add Age to a response it serves
	// from storage; nginx does not. The lab does, and httplens explains it.
	res, _ := p.get("/cache/max-age")
	if header(hit.Response.Headers, "Age") != "" {
		t.Errorf("nginx now sends Age %q: update the departure notes", header(hit.Response.Headers, "Age"))
	}
	if _, ok := findingIDs(res.Response)["cache-age-intermediary"]; !ok || header(res.Response.Response.Headers, "Age") == "" {
		t.Errorf("the lab's hit has no Age, or it is not explained")
	}

	// Departure: no-cache may be stored and must be revalidated (RFC 9111
	// §5.2.2.4); nginx never stores it, so each request is a MISS.
	p.get("/items/1")
	res, x := p.get("/items/1")
	if res.Label != Revalidated || header(x.Response.Headers, "X-Cache-Status") != "MISS" {
		t.Errorf("no-cache: lab %q, nginx %s", res.Label, header(x.Response.Headers, "X-Cache-Status"))
	}
	// Departure: nginx ignores the request's Cache-Control: no-cache (§5.2.1.4).
	res, x = p.get("/cache/s-maxage", "Cache-Control: no-cache")
	if res.Label != FullResponse || header(x.Response.Headers, "X-Cache-Status") != "HIT" {
		t.Errorf("request no-cache: lab %q, nginx %s", res.Label, header(x.Response.Headers, "X-Cache-Status"))
	}

	// Stale: /items is max-age=10 with a weak ETag. nginx's clock is the real one,
	// so the test waits for nginx's copy to expire, then both revalidate.
	p.get("/items")
	var nx requests.Exchange
	for deadline := time.Now().Add(2 * time.Minute); ; {
		nx = getVia(t, c, n.url+"/items")
		if s := header(nx.Response.Headers, "X-Cache-Status"); s != "HIT" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("nginx never let /items (max-age=10) go stale")
		}
		<-time.After(500 * time.Millisecond) // nothing to wait on but nginx's clock
	}
	res = p.lab.Do(context.Background(), requests.Request{Method: "GET", URL: n.origin + "/items"})
	p.agree("stale /items", res, nx)
	sent := n.fromNginx()
	last := sent[len(sent)-1]
	if inm := last.Header.Get("If-None-Match"); inm == "" || res.Upstream == nil || header(res.Upstream.Request.Headers, "If-None-Match") != inm {
		t.Errorf("nginx revalidated with If-None-Match %q; the lab sent %v", inm, res.Upstream)
	}

	// Departure: an unsafe method's success must invalidate the target (RFC 9111
	// §4.4); nginx does not, and serves the old list until it expires.
	post := requests.Request{Method: "POST", URL: n.origin + "/items", Headers: []requests.Header{{Name: "Content-Type", Value: "application/json"}}, Body: []byte(`{"name":"new"}`)}
	if res := p.lab.Do(context.Background(), post); res.Label != Invalidated {
		t.Errorf("POST through the lab: %q", res.Label)
	}
	post.URL = n.url + "/items"
	if x := c.Send(context.Background(), post); x.Err != nil || x.Response.Status != 201 {
		t.Fatalf("POST through nginx: %v", x.Err)
	}
	res, x = p.get("/items")
	if res.Label != Miss || header(x.Response.Headers, "X-Cache-Status") != "HIT" || strings.Contains(string(x.Response.Body), `"new"`) {
		t.Errorf("after POST: lab %q, nginx %s", res.Label, header(x.Response.Headers, "X-Cache-Status"))
	}
}
