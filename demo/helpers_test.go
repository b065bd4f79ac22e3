package demo

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// t0 is the test clock's start; as an HTTP-date it is date0.
var t0 = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

const date0 = "Sat, 01 Mar 2025 12:00:00 GMT"

// testClock is a clock the test moves by hand.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// api is a demo handler on a loopback httptest server, with a clock at t0.
type api struct {
	t      *testing.T
	url    string
	client *http.Client
	clock  *testClock
}

func newAPI(t *testing.T) *api {
	t.Helper()
	clock := &testClock{t: t0}
	srv := httptest.NewServer(NewHandler(WithNow(clock.Now)))
	t.Cleanup(srv.Close)
	client := srv.Client()
	// Tests look at redirects themselves.
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &api{t: t, url: srv.URL, client: client, clock: clock}
}

// reply is a response read to the end.
type reply struct {
	status int
	header http.Header
	body   string
	close  bool // the server said Connection: close
}

// do sends method path with body (none when "") and header pairs: "If-Match", `"x"`, ...
func (a *api) do(method, path, body string, headers ...string) reply {
	a.t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, a.url+path, rd)
	if err != nil {
		a.t.Fatalf("new request: %v", err)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Add(headers[i], headers[i+1])
	}
	resp, err := a.client.Do(req)
	if err != nil {
		a.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		a.t.Fatalf("%s %s: reading body: %v", method, path, err)
	}
	return reply{status: resp.StatusCode, header: resp.Header, body: string(b), close: resp.Close}
}

// putJSON is a PUT with Content-Type: application/json and extra header pairs.
func (a *api) putJSON(path, body string, headers ...string) reply {
	a.t.Helper()
	return a.do(http.MethodPut, path, body, append([]string{"Content-Type", "application/json"}, headers...)...)
}

// etagOf GETs path and returns its ETag.
func (a *api) etagOf(path string) string {
	a.t.Helper()
	r := a.do(http.MethodGet, path, "")
	if r.status != http.StatusOK {
		a.t.Fatalf("GET %s: status %d, want 200", path, r.status)
	}
	return r.header.Get("ETag")
}

// wantStatus fails the test unless r has the status.
func wantStatus(t *testing.T, r reply, want int) {
	t.Helper()
	if r.status != want {
		t.Fatalf("status %d, want %d (body %q)", r.status, want, r.body)
	}
}

// wantHeader fails the test unless r's field name has exactly the value want ("" = absent).
func wantHeader(t *testing.T, r reply, name, want string) {
	t.Helper()
	got := r.header.Values(name)
	switch {
	case want == "" && len(got) != 0:
		t.Errorf("%s: got %q, want none", name, got)
	case want != "" && (len(got) != 1 || got[0] != want):
		t.Errorf("%s: got %q, want %q", name, got, want)
	}
}

// wantProblem checks that r is an RFC 9457 problem with the status and a detail
// containing detailPart, and returns the decoded document.
func wantProblem(t *testing.T, r reply, status int, detailPart string) problemBody {
	t.Helper()
	wantStatus(t, r, status)
	wantHeader(t, r, "Content-Type", "application/problem+json")
	var p problemBody
	if err := json.Unmarshal([]byte(r.body), &p); err != nil {
		t.Fatalf("problem body %q: %v", r.body, err)
	}
	if p.Type != "about:blank" || p.Status != status || p.Title != statusTitle(status) || p.Detail == "" {
		t.Errorf("problem = %+v, want type about:blank, status %d, title %q and a detail", p, status, statusTitle(status))
	}
	if !strings.Contains(p.Detail, detailPart) {
		t.Errorf("detail %q does not mention %q", p.Detail, detailPart)
	}
	return p
}
