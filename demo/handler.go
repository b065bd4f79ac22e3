// Package demo is the demo API that httplens explores on loopback: a small store of JSON
// items with strong ETags, 201/204 writes, 304/412/428 conditional outcomes, a set of
// caching scenarios, any status code on demand, and a few deliberately broken responses.
//
// NewHandler returns the API as an http.Handler (for httptest.NewServer); Start and
// Listen run it on a real listener. All state lives in the handler, guarded by a mutex.
package demo

import (
	"net/http"
	"strings"
	"time"
)

// Option configures the handler made by NewHandler.
type Option func(*config)

type config struct {
	now func() time.Time
}

// WithNow makes the handler read the time from now instead of time.Now. Date,
// Last-Modified and Expires all come from it, so tests can pin them. A nil now is ignored.
func WithNow(now func() time.Time) Option {
	return func(c *config) {
		if now != nil {
			c.now = now
		}
	}
}

// Endpoint describes one route of the demo API, for help text and the tour.
type Endpoint struct {
	Methods string // e.g. "GET, HEAD"; "ANY" for every method
	Path    string // a pattern such as /items/{id}
	Summary string // one line: what the route answers
}

// Endpoints lists the routes of the demo API in the order a newcomer would try them.
func Endpoints() []Endpoint {
	return []Endpoint{
		{"GET, HEAD", "/items", "the item list; weak ETag, Cache-Control: max-age=10"},
		{"POST", "/items", "create an item from a JSON object: 201 + Location + ETag"},
		{"GET, HEAD", "/items/{id}", "one item; strong ETag, Last-Modified, Cache-Control: no-cache; 304 on a match"},
		{"PUT", "/items/{id}", "create (201) or replace (204) with ETag; 412 on a failed If-Match; 415, 400"},
		{"DELETE", "/items/{id}", "204; 412 on a failed If-Match; 404 when missing"},
		{"GET, HEAD, PUT, DELETE", "/strict/items/{id}", "the same items, but PUT and DELETE answer 428 without If-Match"},
		{"GET, HEAD", "/cache/{scenario}", "caching scenarios: " + strings.Join(scenarioNames(), ", ")},
		{"ANY", "/status/{code}", "answers with that status (200-599), correctly framed"},
		{"GET", "/broken/{case}", "wrong on the wire: " + strings.Join(brokenCases(), ", ")},
		{"GET, HEAD, PUT, DELETE, OPTIONS", "/cors/items/{id}", "the items for a page at " + corsOrigin + ": Origin echoed with Vary: Origin; OPTIONS answers the preflight"},
		{"GET", "/cors/wildcard", "Access-Control-Allow-Origin: * with credentials, which browsers refuse"},
		{"GET, POST", "/cookies/{lesson}", "Set-Cookie lessons: " + strings.Join(cookieNames(), ", ")},
		{"GET, HEAD, PUT, DELETE", "/redirect/items/{id}", "PUT is applied, then 303 to /items/{id}; GET and DELETE get 307 there"},
		{"GET, HEAD", "/range/alphabet", "26 bytes with Accept-Ranges: bytes: 206, multipart/byteranges, 416, If-Range"},
		{"POST", "/reset", "restore the seeded items; 204"},
		{"POST", "/login", "a bearer token for /me: {\"token\": ...}, Cache-Control: no-store"},
		{"GET", "/me", "200 with a token from /login; 401 with WWW-Authenticate otherwise"},
	}
}

// handler is the demo API. Its clock reads whole seconds, because HTTP dates do.
type handler struct {
	now   func() time.Time
	start time.Time // when the handler was made; anchors the heuristic scenario
	store *store
	mux   *http.ServeMux

	tokens tokens // bearer tokens issued by /login
}

// NewHandler returns the demo API with freshly seeded items. Every handler has its own
// state, so two handlers never share items.
func NewHandler(opts ...Option) http.Handler {
	cfg := config{now: time.Now}
	for _, o := range opts {
		o(&cfg)
	}
	h := &handler{now: func() time.Time { return cfg.now().UTC().Truncate(time.Second) }}
	h.start = h.now()
	h.store = newStore(h.start)
	h.mux = h.routes()
	return h
}

// routes registers patterns without methods: methodSet answers 405 itself, so the
// Allow header and the problem+json body are ours rather than ServeMux's plain text.
func (h *handler) routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle("/items", methodSet{
		{http.MethodGet, h.getList},
		{http.MethodHead, h.getList},
		{http.MethodPost, h.postItem},
	})
	mux.Handle("/items/{id}", h.itemRoutes("/items/", false))
	mux.Handle("/strict/items/{id}", h.itemRoutes("/strict/items/", true))
	mux.Handle("/cache/{scenario}", methodSet{
		{http.MethodGet, h.cache},
		{http.MethodHead, h.cache},
	})
	mux.HandleFunc("/status/{code}", h.status)
	mux.Handle("/broken/{case}", methodSet{{http.MethodGet, h.broken}})
	mux.Handle("/reset", methodSet{{http.MethodPost, h.reset}})
	mux.Handle("/login", methodSet{{http.MethodPost, h.login}})
	mux.Handle("/me", methodSet{{http.MethodGet, h.me}})
	h.exploreRoutes(mux)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeProblem(w, r, &problem{status: http.StatusNotFound,
			detail: "no such resource; the demo serves /items, /strict/items, /cache, /status, /broken, /cors, /cookies, /redirect, /range, /reset, /login and /me"})
	})
	return mux
}

// ServeHTTP stamps every response with a Date from the handler's clock (net/http would
// use the real one) and routes the request.
func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Date", h.now().Format(http.TimeFormat))
	h.mux.ServeHTTP(w, r)
}

func (h *handler) reset(w http.ResponseWriter, r *http.Request) {
	h.store.reset(h.now())
	w.WriteHeader(http.StatusNoContent)
}

// methodSet dispatches on the request method; any other method gets 405 with Allow.
type methodSet []methodHandler

type methodHandler struct {
	method string
	serve  http.HandlerFunc
}

func (ms methodSet) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	names := make([]string, 0, len(ms))
	for _, m := range ms {
		if m.method == r.Method {
			m.serve(w, r)
			return
		}
		names = append(names, m.method)
	}
	allow := strings.Join(names, ", ")
	writeProblem(w, r, &problem{
		status:  http.StatusMethodNotAllowed,
		detail:  r.Method + " is not supported on " + r.URL.Path + "; allowed: " + allow,
		headers: [][2]string{{"Allow", allow}},
	})
}
