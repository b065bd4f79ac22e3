package demo

import (
	"encoding/json"
	"net/http"
	"testing"
)

func TestLoginThenMe(t *testing.T) {
	a := newAPI(t)
	r := a.do(http.MethodGet, "/me", "")
	if r.status != http.StatusUnauthorized || r.header.Get("WWW-Authenticate") == "" {
		t.Fatalf("GET /me without a token: %d, WWW-Authenticate %q", r.status, r.header.Get("WWW-Authenticate"))
	}
	r = a.do(http.MethodPost, "/login", "")
	if r.status != http.StatusOK || r.header.Get("Cache-Control") != "no-store" {
		t.Fatalf("POST /login: %d, Cache-Control %q", r.status, r.header.Get("Cache-Control"))
	}
	var body struct{ Token string }
	if err := json.Unmarshal([]byte(r.body), &body); err != nil || body.Token == "" {
		t.Fatalf("login body %q: %v", r.body, err)
	}
	r = a.do(http.MethodGet, "/me", "", "Authorization", "Bearer "+body.Token)
	if r.status != http.StatusOK {
		t.Fatalf("GET /me with the token: %d %s", r.status, r.body)
	}
	r = a.do(http.MethodGet, "/me", "", "Authorization", "Bearer not-"+body.Token)
	if r.status != http.StatusUnauthorized {
		t.Fatalf("GET /me with a wrong token: %d", r.status)
	}
}
