package demo

import (
	"net/http"
	"strings"
	"testing"
)

func TestCORSEndpoint(t *testing.T) {
	a := newAPI(t)
	r := a.do(http.MethodGet, "/cors/items/1", "", "Origin", corsOrigin)
	wantStatus(t, r, http.StatusOK)
	wantHeader(t, r, "Access-Control-Allow-Origin", corsOrigin)
	wantHeader(t, r, "Access-Control-Allow-Credentials", "true")
	wantHeader(t, r, "Vary", "Origin")

	r = a.do(http.MethodGet, "/cors/items/1", "", "Origin", "https://evil.example")
	wantStatus(t, r, http.StatusOK)
	wantHeader(t, r, "Access-Control-Allow-Origin", "")

	r = a.do(http.MethodOptions, "/cors/items/1", "", "Origin", corsOrigin,
		"Access-Control-Request-Method", "DELETE", "Access-Control-Request-Headers", "if-match")
	wantStatus(t, r, http.StatusNoContent)
	wantHeader(t, r, "Access-Control-Allow-Methods", "GET, PUT, DELETE")
	wantHeader(t, r, "Access-Control-Allow-Headers", "Content-Type, If-Match")
	wantHeader(t, r, "Access-Control-Max-Age", "600")

	r = a.do(http.MethodOptions, "/cors/items/1", "", "Origin", "https://evil.example", "Access-Control-Request-Method", "PUT")
	wantStatus(t, r, http.StatusNoContent)
	wantHeader(t, r, "Access-Control-Allow-Origin", "")

	r = a.do(http.MethodGet, "/cors/wildcard", "")
	wantHeader(t, r, "Access-Control-Allow-Origin", "*")
	wantHeader(t, r, "Access-Control-Allow-Credentials", "true")
}

func TestCookieEndpoints(t *testing.T) {
	a := newAPI(t)
	r := a.do(http.MethodPost, "/cookies/login", "")
	wantStatus(t, r, http.StatusNoContent)
	if got := r.header.Values("Set-Cookie"); len(got) != 3 || !strings.HasPrefix(got[1], "__Host-csrf=") {
		t.Errorf("Set-Cookie = %q", got)
	}
	wantHeader(t, r, "Cache-Control", "private, no-store")
	r = a.do(http.MethodGet, "/cookies/rejected", "")
	if got := r.header.Values("Set-Cookie"); len(got) != 3 {
		t.Errorf("Set-Cookie = %q", got)
	}
	r = a.do(http.MethodGet, "/cookies/logout", "")
	wantHeader(t, r, "Set-Cookie", "session=; Path=/; Max-Age=0")
	r = a.do(http.MethodGet, "/cookies/me", "", "Cookie", "session=1; theme=dark")
	if r.body != `{"cookies": ["session", "theme"]}`+"\n" {
		t.Errorf("me = %q", r.body)
	}
	wantProblem(t, a.do(http.MethodGet, "/cookies/nope", ""), http.StatusNotFound, "login")
}

func TestRedirectEndpoints(t *testing.T) {
	a := newAPI(t)
	r := a.putJSON("/redirect/items/1", `{"name": "via 303"}`)
	wantStatus(t, r, http.StatusSeeOther)
	wantHeader(t, r, "Location", "/items/1")
	if got := a.do(http.MethodGet, "/items/1", ""); got.body != `{"name": "via 303"}` {
		t.Errorf("the PUT was not applied: %q", got.body)
	}
	// A failed precondition is not turned into a redirect.
	r = a.putJSON("/redirect/items/1", `{"name": "x"}`, "If-Match", `"stale"`)
	wantStatus(t, r, http.StatusPreconditionFailed)
	wantHeader(t, r, "Location", "")

	r = a.do(http.MethodDelete, "/redirect/items/2", "")
	wantStatus(t, r, http.StatusTemporaryRedirect)
	wantHeader(t, r, "Location", "/items/2")
	wantStatus(t, a.do(http.MethodGet, "/items/2", ""), http.StatusOK) // 307 itself deletes nothing
}

func TestRangeEndpoint(t *testing.T) {
	a := newAPI(t)
	full := a.do(http.MethodGet, "/range/alphabet", "")
	wantStatus(t, full, http.StatusOK)
	wantHeader(t, full, "Accept-Ranges", "bytes")
	etag := full.header.Get("ETag")

	r := a.do(http.MethodGet, "/range/alphabet", "", "Range", "bytes=2-4")
	wantStatus(t, r, http.StatusPartialContent)
	wantHeader(t, r, "Content-Range", "bytes 2-4/26")
	if r.body != "cde" {
		t.Errorf("body %q", r.body)
	}
	r = a.do(http.MethodGet, "/range/alphabet", "", "Range", "bytes=0-0,-1")
	wantStatus(t, r, http.StatusPartialContent)
	if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, "multipart/byteranges; boundary=") {
		t.Errorf("Content-Type %q", ct)
	}
	r = a.do(http.MethodGet, "/range/alphabet", "", "Range", "bytes=50-")
	wantStatus(t, r, http.StatusRequestedRangeNotSatisfiable)
	wantHeader(t, r, "Content-Range", "bytes */26")
	r = a.do(http.MethodGet, "/range/alphabet", "", "Range", "bytes=2-4", "If-Range", etag)
	wantStatus(t, r, http.StatusPartialContent)
	r = a.do(http.MethodGet, "/range/alphabet", "", "Range", "bytes=2-4", "If-Range", `"old"`)
	wantStatus(t, r, http.StatusOK)
}
