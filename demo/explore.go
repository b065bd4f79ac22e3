package demo

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// corsOrigin is the one page origin the CORS endpoint trusts; the tour sends it.
const corsOrigin = "https://app.example"

// corsMethods and corsHeaders are what the CORS endpoint's preflight allows.
var (
	corsMethods = []string{"GET", "PUT", "DELETE"}
	corsHeaders = []string{"Content-Type", "If-Match"}
)

// exploreRoutes adds the endpoints behind the tour's CORS, cookie, redirect and range
// lessons.
func (h *handler) exploreRoutes(mux *http.ServeMux) {
	mux.Handle("/cors/items/{id}", methodSet{
		{http.MethodGet, corsAware(h.getItem)},
		{http.MethodHead, corsAware(h.getItem)},
		{http.MethodPut, corsAware(func(w http.ResponseWriter, r *http.Request) { h.putItem(w, r, "/cors/items/") })},
		{http.MethodDelete, corsAware(h.deleteItem)},
		{http.MethodOptions, h.corsPreflight},
	})
	mux.Handle("/cors/wildcard", methodSet{{http.MethodGet, corsWildcard}})
	mux.Handle("/cookies/{lesson}", methodSet{{http.MethodGet, h.cookies}, {http.MethodPost, h.cookies}})
	mux.Handle("/redirect/items/{id}", methodSet{
		{http.MethodGet, redirectTo(http.StatusTemporaryRedirect)},
		{http.MethodHead, redirectTo(http.StatusTemporaryRedirect)},
		{http.MethodPut, h.putThenSeeOther},
		{http.MethodDelete, redirectTo(http.StatusTemporaryRedirect)},
	})
	mux.Handle("/range/alphabet", methodSet{{http.MethodGet, h.alphabet}, {http.MethodHead, h.alphabet}})
}

// corsAware answers a page from corsOrigin with its origin echoed, credentials
// allowed, ETag exposed and Vary: Origin (the answer differs per origin). Other
// origins get no CORS fields, so a browser blocks them.
func corsAware(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Add("Vary", "Origin")
		if r.Header.Get("Origin") == corsOrigin {
			w.Header().Set("Access-Control-Allow-Origin", corsOrigin)
			w.Header().Set("Access-Control-Allow-Credentials", "true")
			w.Header().Set("Access-Control-Expose-Headers", "ETag, Location")
		}
		next(w, r)
	}
}

// corsPreflight answers the OPTIONS a browser sends before a PUT or DELETE (or a
// request with If-Match): 204 with what it allows and a 10-minute preflight cache.
// A method or header it does not allow is simply not listed: the browser blocks.
func (h *handler) corsPreflight(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd.Set("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers")
	hd.Set("Allow", "GET, HEAD, PUT, DELETE, OPTIONS")
	if r.Header.Get("Origin") == corsOrigin && r.Header.Get("Access-Control-Request-Method") != "" {
		hd.Set("Access-Control-Allow-Origin", corsOrigin)
		hd.Set("Access-Control-Allow-Credentials", "true")
		hd.Set("Access-Control-Allow-Methods", strings.Join(corsMethods, ", "))
		hd.Set("Access-Control-Allow-Headers", strings.Join(corsHeaders, ", "))
		hd.Set("Access-Control-Max-Age", "600")
	}
	w.WriteHeader(http.StatusNoContent)
}

// corsWildcard is the classic mistake: * together with credentials, which browsers
// refuse for a request that carries cookies.
func corsWildcard(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Access-Control-Allow-Origin", "*")
	w.Header().Set("Access-Control-Allow-Credentials", "true")
	writeBody(w, http.StatusOK, jsonType, []byte(`{"cors": "* with credentials"}`+"\n"))
}

// cookieCases are the Set-Cookie lines of each /cookies/{case}.
func cookieCases() map[string][]string {
	return map[string][]string{
		// A login: a session cookie, a __Host- CSRF token and a preference under /cookies.
		"login": {
			"session=s3cr3t; Path=/; HttpOnly; SameSite=Lax",
			"__Host-csrf=t0k3n; Path=/; Secure; SameSite=Strict",
			"theme=dark; Path=/cookies; Max-Age=3600",
		},
		// Lines a browser rejects: None without Secure, a __Secure- cookie without Secure,
		// a Domain that does not cover the host.
		"rejected": {
			"tracker=1; Path=/; SameSite=None",
			"__Secure-id=2; Path=/",
			"wide=3; Path=/; Domain=example.com",
		},
		"logout": {"session=; Path=/; Max-Age=0"},
	}
}

// cookieNames lists the /cookies cases, sorted, plus "me".
func cookieNames() []string {
	names := []string{"me"}
	for k := range cookieCases() {
		names = append(names, k)
	}
	slices.Sort(names)
	return names
}

// cookies sets the cookies of a case, or (for "me") says which cookies arrived.
func (h *handler) cookies(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("lesson")
	if name == "me" {
		var got []string
		for _, c := range r.Cookies() {
			got = append(got, strconv.Quote(c.Name))
		}
		w.Header().Set("Cache-Control", "no-store")
		writeBody(w, http.StatusOK, jsonType, []byte(`{"cookies": [`+strings.Join(got, ", ")+"]}\n"))
		return
	}
	lines, ok := cookieCases()[name]
	if !ok {
		writeProblem(w, r, &problem{status: http.StatusNotFound, detail: "no such cookie case; try " + strings.Join(cookieNames(), ", ")})
		return
	}
	for _, l := range lines {
		w.Header().Add("Set-Cookie", l)
	}
	// A response that sets cookies must stay out of shared caches.
	w.Header().Set("Cache-Control", "private, no-store")
	w.WriteHeader(http.StatusNoContent)
}

// redirectTo sends the request on to the same item under /items with code (307 keeps
// the method and content, so a DELETE is repeated there).
func redirectTo(code int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Location", "/items/"+r.PathValue("id"))
		w.Header().Set("Content-Length", "0")
		w.WriteHeader(code)
	}
}

// putThenSeeOther applies the PUT as /items would, then answers a success with 303
// See Other to the item: the client GETs the result without repeating the PUT.
func (h *handler) putThenSeeOther(w http.ResponseWriter, r *http.Request) {
	h.putItem(seeOtherWriter{ResponseWriter: w, location: "/items/" + r.PathValue("id")}, r, "/items/")
}

// seeOtherWriter turns a 2xx into 303 See Other to location; errors pass through.
type seeOtherWriter struct {
	http.ResponseWriter
	location string
}

func (s seeOtherWriter) WriteHeader(code int) {
	if code >= 200 && code < 300 {
		// The validators describe the stored item, not this redirect: the client
		// gets them from the GET it is sent to.
		s.Header().Del("ETag")
		s.Header().Del("Last-Modified")
		s.Header().Set("Location", s.location)
		s.Header().Set("Content-Length", "0")
		code = http.StatusSeeOther
	}
	s.ResponseWriter.WriteHeader(code)
}

// alphabetBody is the range-capable resource: 26 bytes, easy to check by eye.
const alphabetBody = "abcdefghijklmnopqrstuvwxyz"

// alphabet serves a fixed text with a strong ETag through http.ServeContent, which
// implements Range, If-Range, multipart/byteranges and 416 with "bytes */26".
func (h *handler) alphabet(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("ETag", strongETag([]byte(alphabetBody)))
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "max-age=60")
	http.ServeContent(w, r, "", h.start.Add(-time.Hour), strings.NewReader(alphabetBody))
}
