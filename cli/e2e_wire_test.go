package cli

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// tuiHostileCases are what the TUI must show for each of hostileModes: a piece of
// the bytes as received (made visible) and the words that explain them.
var tuiHostileCases = map[string]struct{ bytes, words string }{
	"control byte in a header value":     {"X-Evil: a␛[31mred", "control character 0x1b"},
	"control byte in a header name":      {"X-␇Bell: 1", "is not a token"},
	"conflicting Content-Length":         {"okokokokok", "conflicting Content-Length values (2, 9)"},
	"HTTP/0.9":                           {"<html>nine</html>", "no status line"},
	"banner":                             {"SSH-2.0-OpenSSH_9.6p1", "did not answer in HTTP/1.x"},
	"reset in the head":                  {"X-Cut", "in the middle of the response head"},
	"reset in the body":                  {"partial", "of the body (Content-Length: 100)"},
	"drip in the head, then the timeout": {"X-Slow:", "timed out after 1s"},
	"bytes after a 204":                  {"surprise!", "bytes after the end of the message, not part of it"},
	"1 MB header line":                   {"X-Long: LLLLLLLL", "header section is larger than"},
	"10,000 headers":                     {"X-Many: 1", "Response 200 OK"},
	"bad chunked":                        {"hello", "invalid chunked encoding"},
}

// TestTUIShowsHostileResponses sends each hostile mode from the TUI: the Raw tab
// shows the bytes that came and the words that explain them, an exchange that fell
// short never reads "→ 200 OK", and no escape sequence reaches the terminal.
func TestTUIShowsHostileResponses(t *testing.T) {
	bin := testBinary(t)
	dir := t.TempDir()
	var file strings.Builder
	for i, m := range hostileModes {
		url := hostileServer(t, m.reply, m.after)
		fmt.Fprintf(&file, "### M%02d %s\nGET %s\n\n", i+1, m.name, url)
	}
	writeE2EFile(t, dir, "hostile.http", file.String())
	conf := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(conf, []byte("[request]\ntimeout = \"1s\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := startTUI(t, bin, dir, 200, 50, "--no-demo", "--no-history", "--no-cookies", "--config", conf)
	s.waitText("M01 control byte")
	for i, m := range hostileModes {
		want, ok := tuiHostileCases[m.name]
		if !ok {
			t.Fatalf("no TUI expectation for mode %q", m.name)
		}
		if i > 0 {
			s.send("j")
			s.waitText(fmt.Sprintf("› GET    M%02d", i+1))
		}
		s.send(keyCtrlR)
		scr := s.waitText(want.bytes, want.words)
		if m.name == "HTTP/0.9" || m.name == "banner" {
			// Explain says what its reader makes of the bytes, as `httplens explain` would.
			scr = s.waitText("Not an HTTP/1.x response: ")
		}
		if m.code != 0 && strings.Contains(scr, "→ 200") {
			t.Errorf("%s: an exchange that fell short reads as a result:\n%s", m.name, scr)
		}
	}
	s.mu.Lock()
	effects := []int{s.clipboardWrites, s.titles, s.links}
	s.mu.Unlock()
	if effects[0] != 0 || effects[1] != 0 || effects[2] != 0 {
		t.Errorf("escape sequences reached the terminal: clipboard writes %d, titles %d, links %d", effects[0], effects[1], effects[2])
	}

	// The last exchange (bad chunked) as it was sent, and its timing.
	s.send(keyTab + keyTab + "6")
	s.waitText("GET / HTTP/1.1", "User-Agent: httplens/", "(added by httplens)")
	s.send("4")
	s.waitFor("DNS marked as not happened", func(scr string) bool {
		for _, l := range strings.Split(scr, "\n") {
			if strings.Contains(l, "DNS ") && strings.Contains(l, "—") {
				return true
			}
		}
		return false
	})
	s.quit()
}

// cookieRecorder answers on 127.0.0.1 and keeps the Authorization and Cookie
// fields of each request by path; /set sets a cookie, /redirect redirects to /ok.
type cookieRecorder struct {
	*httptest.Server
	mu  sync.Mutex
	got map[string][]http.Header
}

func newCookieRecorder(t *testing.T) *cookieRecorder {
	s := &cookieRecorder{got: map[string][]http.Header{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.got[r.URL.Path] = append(s.got[r.URL.Path], r.Header.Clone())
		s.mu.Unlock()
		switch r.URL.Path {
		case "/set":
			http.SetCookie(w, &http.Cookie{Name: "jar", Value: "kept", Path: "/"})
		case "/redirect":
			http.Redirect(w, r, "/ok", http.StatusFound)
			return
		}
		fmt.Fprintf(w, "seen %s\n", r.URL.Path)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *cookieRecorder) requests(path string) []http.Header {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]http.Header(nil), s.got[path]...)
}

// TestTUIMarksRequestProblemsAndHonoursDirectives opens a file whose requests
// carry an error, a script (which the TUI runs), a # @prompt and the JetBrains
// settings # @no-redirect and # @no-cookie-jar: the tree marks the error and
// the request shows why, the script is listed as run, not marked; sending asks for the prompt and sends the answer; the
// directives change what goes on the wire; {{$dotenv}} reads the .env file.
func TestTUIMarksRequestProblemsAndHonoursDirectives(t *testing.T) {
	bin := testBinary(t)
	srv := newCookieRecorder(t)
	dir := t.TempDir()
	writeE2EFile(t, dir, "marks.http", strings.ReplaceAll(`### Fine
GET BASE/ok

### Broken header
GET BASE/ok
this is not a header

### With a handler
GET BASE/ok

> {%
  client.test("ok", function() {});
%}

### Stays on the redirect
# @no-redirect
GET BASE/redirect

### Sets a cookie
GET BASE/set

### Without the jar
# @no-cookie-jar
GET BASE/nojar

### With the jar
GET BASE/withjar

### From the .env file
GET BASE/dotenv
X-Key: {{$dotenv API_KEY}}

### Asks for a token
# @prompt token Your API token
GET BASE/echo
Authorization: Bearer {{token}}
`, "BASE", srv.URL))
	writeE2EFile(t, dir, ".env", "API_KEY=from-dotenv\n")
	s := startTUI(t, bin, dir, 200, 50, "--no-demo", "--no-history")
	scr := s.waitText("Fine", "With the jar")
	row := func(scr, label string) string {
		for _, l := range strings.Split(scr, "\n") {
			if strings.Contains(l, label) {
				return l
			}
		}
		t.Fatalf("no row %q on\n%s", label, scr)
		return ""
	}
	if r := row(scr, "Broken header"); !strings.Contains(r, "✗ Broken header") {
		t.Errorf("the request with an error is not marked: %q", r)
	}
	if r := row(scr, "With a handler"); strings.ContainsAny(r, "✗!") {
		t.Errorf("the request with a script the TUI runs is marked: %q", r)
	}
	if r := row(scr, "Fine"); strings.ContainsAny(r, "✗!") {
		t.Errorf("a fine request is marked: %q", r)
	}

	s.send("j")
	s.waitText("marks.http:6:1: expected a header (Name: value)")
	s.send(keyCtrlR)
	s.waitText("Cannot send Broken header: ", "marks.http:6:1: expected a header")
	s.send("j")
	s.waitText("marks.http:11: response handler (inline) runs on each send")

	s.send("j" + keyCtrlR)
	s.waitText("Response 302 Found")
	if n := len(srv.requests("/ok")); n != 0 {
		t.Errorf("# @no-redirect was not honoured: /ok was asked %d times", n)
	}

	s.send("j" + keyCtrlR)
	s.waitText("seen /set")
	s.send("j" + keyCtrlR)
	s.waitText("seen /nojar")
	s.send("j" + keyCtrlR)
	s.waitText("seen /withjar")
	if got := srv.requests("/nojar"); len(got) != 1 || got[0].Get("Cookie") != "" {
		t.Errorf("# @no-cookie-jar sent the jar's cookie: %v", got)
	}
	if got := srv.requests("/withjar"); len(got) != 1 || got[0].Get("Cookie") != "jar=kept" {
		t.Errorf("the jar's cookie was not sent without the directive: %v", got)
	}

	s.send("j" + keyCtrlR)
	s.waitText("seen /dotenv")
	if got := srv.requests("/dotenv"); len(got) != 1 || got[0].Get("X-Key") != "from-dotenv" {
		t.Errorf("{{$dotenv API_KEY}} did not come from the .env file: %v", got)
	}

	s.send("j" + keyCtrlR)
	s.waitText("token", "Your API token")
	s.send("s3cret" + keyEnter)
	s.waitText("Response 200 OK", "seen /echo")
	if got := srv.requests("/echo"); len(got) != 1 || got[0].Get("Authorization") != "Bearer s3cret" {
		t.Errorf("the prompted value was not sent: %v", got)
	}
	s.quit()
}
