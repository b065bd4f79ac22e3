package demo

import (
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

func TestStartServesOnLoopbackUntilClosed(t *testing.T) {
	s, err := Start()
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	if !regexp.MustCompile(`^http://127\.0\.0\.1:[0-9]+$`).MatchString(s.URL()) {
		t.Errorf("URL() = %q, want http://127.0.0.1:<port>", s.URL())
	}
	resp, err := http.Get(s.URL() + "/items")
	if err != nil {
		t.Fatalf("GET /items: %v", err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || string(body) != seedList {
		t.Errorf("GET /items = %d %s", resp.StatusCode, body)
	}
	if resp.Header.Get("Date") == "" {
		t.Error("no Date field")
	}
	if err := s.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	if _, err := http.Get(s.URL() + "/items"); err == nil {
		t.Error("the server still answers after Close")
	}
}

func TestListen(t *testing.T) {
	s, err := Listen("127.0.0.1:0")
	if err != nil {
		t.Fatalf("Listen: %v", err)
	}
	defer s.Close()
	taken := strings.TrimPrefix(s.URL(), "http://")
	if _, err := Listen(taken); err == nil {
		t.Errorf("Listen(%q) succeeded on a port in use", taken)
	}
	if _, err := Listen("not an address"); err == nil {
		t.Error("Listen accepted a malformed address")
	}
}

// TestEndpointsAreRouted keeps the help text honest: every listed method and path,
// with an example filled in, reaches a handler (neither 404 nor 405).
func TestEndpointsAreRouted(t *testing.T) {
	fill := strings.NewReplacer("{id}", "1", "{scenario}", "max-age", "{code}", "200", "{case}", "etag-unquoted", "{lesson}", "login")
	for _, e := range Endpoints() {
		if e.Summary == "" {
			t.Errorf("%s %s has no summary", e.Methods, e.Path)
		}
		methods := strings.Split(e.Methods, ", ")
		if e.Methods == "ANY" {
			methods = []string{"GET", "PATCH"}
		}
		for _, m := range methods {
			a := newAPI(t) // a DELETE must not hide the item from the next route
			r := a.do(m, fill.Replace(e.Path), "")
			if r.status == http.StatusNotFound || r.status == http.StatusMethodNotAllowed {
				t.Errorf("%s %s: %d", m, e.Path, r.status)
			}
		}
	}
}
