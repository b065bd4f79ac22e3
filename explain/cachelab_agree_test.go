package explain_test

import (
	"context"
	"strings"
	"testing"

	"github.com/httplens/httplens/cachelab"
	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/requests"
)

// TestCacheLabAgreesWithExplain runs the cache lab on every response of the cache
// test tables and checks that what it stores and reuses is what Analyze says a
// cache may store and reuse: one verdict, checked both ways.
func TestCacheLabAgreesWithExplain(t *testing.T) {
	cases := explain.CacheTableCases(t)
	if len(cases) < 50 {
		t.Fatalf("only %d cases collected from the cache tables", len(cases))
	}
	for _, c := range cases {
		x := c.Exchange
		rep := explain.Analyze(x)
		for _, shared := range []bool{false, true} {
			view, kind := rep.Cache.Private, "private"
			if shared {
				view, kind = rep.Cache.Shared, "shared"
			}
			if ok, why := cachelab.StoreDecision(x, shared); ok != view.Storable || why != view.Reason {
				t.Errorf("%s (%s): lab stores %v (%s), explain says %v (%s)", c.Name, kind, ok, why, view.Storable, view.Reason)
			}
			if got, checked := labStores(x, shared); checked && got != view.Storable {
				t.Errorf("%s (%s): Lab.Do stored %v, explain says storable %v", c.Name, kind, got, view.Storable)
			}
			if !view.Storable {
				continue
			}
			var reqFields []explain.Field
			if x.Request != nil {
				reqFields = x.Request.Fields
			}
			cr := explain.RequestDirectives(reqFields)
			d := cachelab.ReuseDecision(x, cr, shared)
			if d.FreshFor != view.FreshForS || d.Stale == view.Fresh {
				t.Errorf("%s (%s): lab fresh for %d (stale %v), explain %d (fresh %v)", c.Name, kind, d.FreshFor, d.Stale, view.FreshForS, view.Fresh)
			}
			if d.Serve && !view.Fresh && cr.MaxStale < 0 {
				t.Errorf("%s (%s): the lab serves a response explain calls stale", c.Name, kind)
			}
			if !d.Serve && view.Fresh && !strings.Contains(d.Why, "no-cache") && !strings.Contains(d.Why, "request's") {
				t.Errorf("%s (%s): explain says fresh, the lab validates without a reason: %s", c.Name, kind, d.Why)
			}
		}
	}
}

// labStores sends x's request through a Lab whose origin answers with x's response
// and reports whether the lab stored it. checked is false for requests the lab
// forwards without a store decision (their own preconditions or Range).
func labStores(x explain.Exchange, shared bool) (stored, checked bool) {
	req := requests.Request{Method: "GET", URL: "http://a.test/r"}
	if x.Request != nil {
		req.Method, req.URL = x.Request.Method, x.Request.URL
		for _, f := range x.Request.Fields {
			switch strings.ToLower(f.Name) {
			case "if-none-match", "if-modified-since", "if-match", "if-unmodified-since", "if-range", "range":
				return false, false
			}
			req.Headers = append(req.Headers, requests.Header{Name: f.Name, Value: f.Value})
		}
	}
	origin := func(_ context.Context, r requests.Request) requests.Exchange {
		resp := &requests.Response{Proto: "HTTP/1.1", Status: x.Response.Status, Reason: x.Response.Reason,
			Body: x.Response.Body, BodyBytes: int64(len(x.Response.Body))}
		for _, f := range x.Response.Fields {
			resp.Headers = append(resp.Headers, requests.Header{Name: f.Name, Value: f.Value})
		}
		return requests.Exchange{Request: requests.SentRequest{Method: r.Method, URL: r.URL, Headers: r.Headers}, Response: resp}
	}
	lab := cachelab.New(cachelab.Config{Shared: shared, Send: origin})
	res := lab.Do(context.Background(), req)
	return res.Stored, true
}
