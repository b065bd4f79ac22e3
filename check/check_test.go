package check

import (
	"context"
	"errors"
	"net"
	"strings"
	"testing"

	"github.com/httplens/httplens/demo"
	"github.com/httplens/httplens/requests"
)

// runCheck runs the checks against url with a real client on loopback.
func runCheck(t *testing.T, req requests.Request, opts Options) Report {
	t.Helper()
	c := requests.NewClient(requests.Options{})
	t.Cleanup(c.CloseIdleConnections)
	rep, err := Run(context.Background(), c, req, opts)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return rep
}

// byName returns the result of the named check.
func byName(t *testing.T, rep Report, name string) Result {
	t.Helper()
	for _, r := range rep.Results {
		if r.Name == name {
			return r
		}
	}
	t.Fatalf("no result %s in %+v", name, rep.Results)
	return Result{}
}

// want states the expected outcome of one check and a phrase of its reason.
type want struct {
	name   string
	status Status
	reason string
}

func assertResults(t *testing.T, rep Report, wants []want) {
	t.Helper()
	order := []string{ConditionalETag, ConditionalDate, Head, Range, Gzip, StaleWrite, ConditionalWrite}
	if len(rep.Results) != len(order) {
		t.Fatalf("%d results, want %d", len(rep.Results), len(order))
	}
	for i, r := range rep.Results {
		if r.Name != order[i] || r.Title == "" || len(r.Refs) == 0 || r.Evidence == nil || r.Reason == "" {
			t.Errorf("result %d incomplete: %+v", i, r)
		}
	}
	for _, w := range wants {
		r := byName(t, rep, w.name)
		if r.Status != w.status || !strings.Contains(r.Reason, w.reason) {
			t.Errorf("%s: %s %q, want %s containing %q", w.name, r.Status, r.Reason, w.status, w.reason)
		}
		if r.Status != Skipped || len(r.Evidence) > 0 {
			for _, e := range r.Evidence {
				if e.Status == 0 && e.Error == "" {
					t.Errorf("%s: evidence without status or error: %+v", w.name, e)
				}
			}
		}
	}
}

func startDemo(t *testing.T) string {
	t.Helper()
	s, err := demo.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s.URL()
}

func TestDemoReadChecks(t *testing.T) {
	base := startDemo(t)
	rep := runCheck(t, requests.Request{Method: "GET", URL: base + "/items/1"}, Options{})
	assertResults(t, rep, []want{
		{ConditionalETag, Passed, "got 304 Not Modified"},
		{ConditionalDate, Passed, "If-Modified-Since"},
		{Head, Passed, "no body"},
		// The demo sends no Accept-Ranges and ignores Range, which RFC 9110 §14.2 allows.
		{Range, Skipped, "server ignores Range"},
		// The demo never compresses, which is allowed: nothing to test.
		{Gzip, Skipped, "does not compress"},
		{StaleWrite, Skipped, "not PUT or DELETE"},
		{ConditionalWrite, Skipped, "not PUT or DELETE"},
	})
	ev := byName(t, rep, ConditionalETag).Evidence[0]
	if ev.Status != 304 || len(ev.Sent) != 1 || ev.Sent[0].Name != "If-None-Match" || ev.Sent[0].Value != etagOf(rep.First) {
		t.Errorf("evidence %+v", ev)
	}
}

func etagOf(x requests.Exchange) string { v, _ := field(x, "ETag"); return v }

func TestDemoWriteChecks(t *testing.T) {
	base := startDemo(t)
	jsonBody := requests.Request{Headers: []requests.Header{{Name: "Content-Type", Value: "application/json"}}, Body: []byte(`{"name":"checked"}`)}
	cases := []struct {
		name  string
		req   requests.Request
		opts  Options
		wants []want
	}{
		{"put without --writes sends no write", requests.Request{Method: "PUT", URL: base + "/items/1"}, Options{},
			[]want{{StaleWrite, Skipped, "--writes"}, {ConditionalWrite, Skipped, "--writes"}}},
		{"put with --writes", requests.Request{Method: "PUT", URL: base + "/items/1", Headers: jsonBody.Headers, Body: jsonBody.Body}, Options{Writes: true},
			[]want{{StaleWrite, Passed, "refused the write with 412"}, {ConditionalWrite, Passed, "a GET confirms it"}}},
		{"put on the strict endpoint", requests.Request{Method: "PUT", URL: base + "/strict/items/2", Headers: jsonBody.Headers, Body: jsonBody.Body}, Options{Writes: true},
			[]want{{StaleWrite, Passed, "412"}, {ConditionalWrite, Passed, "strong ETag"}}},
		{"delete with --writes", requests.Request{Method: "DELETE", URL: base + "/items/3"}, Options{Writes: true},
			[]want{{ConditionalETag, Passed, "304"}, {StaleWrite, Passed, "412"}, {ConditionalWrite, Passed, "a GET now gets 404"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rep := runCheck(t, c.req, c.opts)
			assertResults(t, rep, c.wants)
		})
	}
}

func TestDemoMissingResource(t *testing.T) {
	base := startDemo(t)
	rep := runCheck(t, requests.Request{URL: base + "/items/999"}, Options{})
	assertResults(t, rep, []want{
		{ConditionalETag, Skipped, "answered 404"}, {Head, Skipped, "answered 404"}, {Range, Skipped, "answered 404"},
	})
}

func TestFirstRequestFails(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // nothing listens there now
	_, err = Run(context.Background(), requests.NewClient(requests.Options{}), requests.Request{URL: "http://" + addr + "/"}, Options{})
	if !errors.Is(err, ErrFirstFailed) {
		t.Fatalf("err = %v, want ErrFirstFailed", err)
	}
}
