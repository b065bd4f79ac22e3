package preflight

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/httplens/httplens/demo"
	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/requests"
)

func startDemo(t *testing.T) string {
	t.Helper()
	s, err := demo.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s.URL()
}

// recorder sends through a client and keeps the requests, to check what went out.
type recorder struct {
	c    *requests.Client
	sent []requests.Request
}

func (r *recorder) send(ctx context.Context, q requests.Request) requests.Exchange {
	r.sent = append(r.sent, q)
	return r.c.Send(ctx, q)
}

func run(t *testing.T, r requests.Request) (Result, []requests.Request, string) {
	t.Helper()
	rec := &recorder{c: requests.NewClient(requests.Options{})}
	defer rec.c.CloseIdleConnections()
	res := Run(context.Background(), rec.send, r, time.Now)
	return res, rec.sent, strings.Join(res.Lines(), "\n")
}

func TestPreflightThenDelete(t *testing.T) {
	base := startDemo(t)
	res, sent, text := run(t, requests.Request{Method: "DELETE", URL: base + "/cors/items/1",
		Headers: []requests.Header{{Name: "Origin", Value: "https://app.example"}, {Name: "If-Match", Value: `"x"`}}})
	if len(sent) != 2 || sent[0].Method != "OPTIONS" || sent[1].Method != "DELETE" {
		t.Fatalf("sent %+v, want OPTIONS then DELETE", sent)
	}
	if res.Preflight.Report == nil || !res.Preflight.Report.CORS.Preflight || !res.Preflight.Report.CORS.Allowed {
		t.Fatalf("preflight not explained as an allowed preflight: %+v", res.Preflight.Report)
	}
	for _, want := range []string{"Access-Control-Request-Method: DELETE", "Access-Control-Request-Headers: if-match",
		"CORS: allowed for https://app.example", "Request: DELETE", "Preflight cached for"} {
		if !strings.Contains(text, want) {
			t.Errorf("lines lack %q:\n%s", want, text)
		}
	}
}

func TestRefusedPreflightStopsTheBrowser(t *testing.T) {
	base := startDemo(t)
	res, sent, text := run(t, requests.Request{Method: "PATCH", URL: base + "/cors/items/1",
		Headers: []requests.Header{{Name: "Origin", Value: "https://app.example"}}})
	if len(sent) != 1 || res.Actual != nil {
		t.Fatalf("sent %d requests, want only the preflight", len(sent))
	}
	for _, want := range []string{"PATCH is not a CORS-safelisted method", "CORS: blocked", "never sent"} {
		if !strings.Contains(text, want) {
			t.Errorf("lines lack %q:\n%s", want, text)
		}
	}
}

func TestSimpleRequestAndNoOrigin(t *testing.T) {
	base := startDemo(t)
	_, sent, text := run(t, requests.Request{Method: "GET", URL: base + "/cors/items/1",
		Headers: []requests.Header{{Name: "Origin", Value: "https://evil.example"}}})
	if len(sent) != 1 || sent[0].Method != "GET" || !strings.Contains(text, "simple request") || !strings.Contains(text, "CORS: blocked") {
		t.Errorf("simple request: sent %d\n%s", len(sent), text)
	}
	_, sent, text = run(t, requests.Request{Method: "PUT", URL: base + "/cors/items/1"})
	if len(sent) != 0 || !strings.Contains(text, "no Origin") {
		t.Errorf("no origin: sent %d\n%s", len(sent), text)
	}
}

func TestHostileOriginIsEscaped(t *testing.T) {
	res := Result{Plan: explain.PreflightFor("PUT", []explain.Field{{Name: "Origin", Value: "\x1b[2Jhttps://x"}}), Request: requests.Request{Method: "PUT", URL: "http://127.0.0.1:1/"}}
	if text := strings.Join(res.Lines(), "\n"); strings.Contains(text, "\x1b") {
		t.Errorf("escape reached the lines: %q", text)
	}
}
