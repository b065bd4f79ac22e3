package cli

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"

	"github.com/httplens/httplens/explain"
)

// e2eDeadline bounds every wait for the screen; generous, since CI has 2 cores.
const e2eDeadline = 30 * time.Second

// tuiSession is the real binary running under a pseudo-terminal whose output feeds
// a terminal emulator.
type tuiSession struct {
	t    *testing.T
	pty  *os.File
	cmd  *exec.Cmd
	mu   sync.Mutex
	emu  *vt.Emulator
	done chan struct{}

	// Effects a hostile response must never cause.
	clipboardWrites, titles, links int
}

func startTUI(t *testing.T, bin, dir string, w, h int, args ...string) *tuiSession {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TERM=xterm-256color")
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: uint16(h), Cols: uint16(w)})
	if err != nil {
		t.Fatal(err)
	}
	s := &tuiSession{t: t, pty: f, cmd: cmd, emu: vt.NewEmulator(w, h), done: make(chan struct{})}
	s.emu.RegisterOscHandler(52, func([]byte) bool { s.clipboardWrites++; return true })
	s.emu.RegisterOscHandler(8, func(d []byte) bool {
		if len(d) > 3 { // "8;;" alone closes a link; anything longer opens one
			s.links++
		}
		return true
	})
	s.emu.SetCallbacks(vt.Callbacks{Title: func(string) { s.titles++ }})
	go s.pump()
	go func() { _, _ = io.Copy(f, s.emu) }() // the emulator's replies to terminal queries
	t.Cleanup(s.stop)
	return s
}

// pump copies the program's output into the emulator until the pty closes.
func (s *tuiSession) pump() {
	defer close(s.done)
	buf := make([]byte, 32<<10)
	for {
		n, err := s.pty.Read(buf)
		if n > 0 {
			s.mu.Lock()
			_, _ = s.emu.Write(buf[:n])
			s.mu.Unlock()
		}
		if err != nil {
			return
		}
	}
}

func (s *tuiSession) stop() {
	if s.cmd.ProcessState == nil {
		_ = s.cmd.Process.Kill()
		_ = s.cmd.Wait()
	}
	s.pty.Close()
	<-s.done
	// The emulator is not closed: in vt v0.1.0 Close races with a blocked Read
	// (the reply copier), so that goroutine is left parked until the binary exits.
}

func (s *tuiSession) screen() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.emu.String()
}

func (s *tuiSession) send(keys string) {
	s.t.Helper()
	if _, err := s.pty.Write([]byte(keys)); err != nil {
		s.t.Fatal(err)
	}
}

// waitFor polls the screen until ok holds, failing with the screen after the deadline.
func (s *tuiSession) waitFor(what string, ok func(screen string) bool) string {
	s.t.Helper()
	deadline := time.Now().Add(e2eDeadline)
	for {
		scr := s.screen()
		if ok(scr) {
			return scr
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("waiting for %s; screen:\n%s", what, scr)
		}
		time.Sleep(20 * time.Millisecond) // polling interval, not synchronisation
	}
}

func (s *tuiSession) waitText(want ...string) string {
	s.t.Helper()
	return s.waitFor(strings.Join(want, " + "), func(scr string) bool {
		for _, w := range want {
			if !strings.Contains(scr, w) {
				return false
			}
		}
		return true
	})
}

func (s *tuiSession) resize(w, h int) {
	s.t.Helper()
	s.mu.Lock()
	s.emu.Resize(w, h)
	s.mu.Unlock()
	if err := pty.Setsize(s.pty, &pty.Winsize{Rows: uint16(h), Cols: uint16(w)}); err != nil {
		s.t.Fatal(err)
	}
}

// quit presses q and waits for the program to exit cleanly.
func (s *tuiSession) quit() {
	s.t.Helper()
	s.send("q")
	s.waitExit()
}

// waitExit waits for the program to exit cleanly.
func (s *tuiSession) waitExit() {
	s.t.Helper()
	errc := make(chan error, 1)
	go func() { errc <- s.cmd.Wait() }()
	select {
	case err := <-errc:
		if err != nil {
			s.t.Errorf("httplens exited with %v", err)
		}
	case <-time.After(e2eDeadline):
		s.t.Fatal("httplens did not quit")
	}
}

const (
	keyCtrlR = "\x12"
	keyEnter = "\r"
	keyTab   = "\t"
)

func TestTUIEndToEnd(t *testing.T) {
	bin := testBinary(t)
	t.Run("tour opens, delete sends and is explained, resize keeps the screen whole", func(t *testing.T) {
		testTourDelete(t, bin)
	})
	t.Run("a closed port shows an error and the app still responds", func(t *testing.T) {
		testClosedPort(t, bin)
	})
	t.Run("hostile bytes from a server are shown, never obeyed", func(t *testing.T) {
		testHostileServer(t, bin)
	})
}

func testTourDelete(t *testing.T, bin string) {
	s := startTUI(t, bin, t.TempDir(), 120, 36)
	s.waitText("Opened the built-in tour", "Reset the demo")
	s.send("/Delete" + keyEnter)
	s.waitText("› DELETE Delete item if")
	s.send(keyCtrlR)
	meaning := explainedMeaning(t, "DELETE", 204)
	// The status line says the send's own answer came: an earlier test's DELETE,
	// kept in the shared history, is shown as soon as the request is selected.
	scr := s.waitText("Response 204 No Content", "204 No Content · successful", meaning, "→ 204 No Content in")
	if !strings.Contains(scr, "HTTP/1.1 204 No Content") {
		t.Errorf("the raw tab does not show the status line:\n%s", scr)
	}
	s.resize(80, 24)
	s.waitFor("the single-pane layout at 80x24", func(scr string) bool {
		lines := strings.Split(scr, "\n")
		return strings.HasPrefix(lines[0], "[Collection]") && strings.Contains(lines[len(lines)-1], "ctrl+r send")
	})
	s.resize(120, 36)
	s.waitFor("the four panes at 120x36", func(scr string) bool {
		lines := strings.Split(scr, "\n")
		return len(lines) == 36 && strings.HasPrefix(lines[0], "┌ Collection") &&
			strings.Contains(lines[len(lines)-1], "ctrl+r send") && strings.Contains(scr, "Response 204 No Content")
	})
	s.quit()
}

func testClosedPort(t *testing.T, bin string) {
	dir := t.TempDir()
	l := httptest.NewServer(http.NotFoundHandler())
	addr := l.Listener.Addr().String()
	l.Close()
	writeE2EFile(t, dir, "closed.http", "### Closed port\nGET http://"+addr+"/nothing\n")
	s := startTUI(t, bin, dir, 120, 36, "--no-demo")
	s.waitText("Closed port")
	s.send(keyCtrlR)
	s.waitText("Request failed", "connection refused")
	s.send(keyTab + keyTab + "?")
	s.waitText("esc or ? closes this help")
	s.send("?")
	s.waitFor("the help to close", func(scr string) bool { return !strings.Contains(scr, "closes this help") })
	s.quit()
}

func testHostileServer(t *testing.T, bin string) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/header" {
			// net/http refused a header with ESC in it; httplens reads it and shows it safely.
			w.Header().Set("X-Evil", "a\x1b[2Jb\x1b]0;pwned\x07c")
		} else {
			// C1 controls (UTF-8 and raw) and a bidi override are legal obs-text.
			w.Header().Set("X-C1", "a\u009b31mb\x9bc\u202ed")
		}
		w.Header().Set("Content-Type", "text/plain")
		_, _ = io.WriteString(w, "BODY\x1b]52;c;aGVsbG8=\x07|\x1b]8;;http://evil.example/\x07link\x1b]8;;\x07|\x1b]2;pwned\x07|\x1b[2J|END\n")
	}))
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	writeE2EFile(t, dir, "evil.http", "### Evil body\nGET "+srv.URL+"/body\n\n### Evil header\nGET "+srv.URL+"/header\n")
	s := startTUI(t, bin, dir, 160, 40, "--no-demo")
	s.waitText("Evil body")
	s.send(keyCtrlR)
	s.waitText("Response 200 OK", `X-C1: a\u009b31mb\x9bc\u202ed`,
		"BODY␛]52;c;aGVsbG8=␇|␛]8;;http://evil.example/␇link␛]8;;␇|␛]2;pwned␇|␛[2J|END")
	s.send("j" + keyCtrlR)
	s.waitText("Response 200 OK", "X-Evil: a␛[2Jb␛]0;pwned␇c")
	s.mu.Lock()
	effects := []int{s.clipboardWrites, s.titles, s.links}
	s.mu.Unlock()
	if effects[0] != 0 || effects[1] != 0 || effects[2] != 0 {
		t.Errorf("escape sequences reached the terminal: clipboard writes %d, titles %d, links %d", effects[0], effects[1], effects[2])
	}
	if scr := s.screen(); !strings.HasPrefix(scr, "┌ Collection") {
		t.Errorf("the screen was disturbed:\n%s", scr)
	}
	s.quit()
}

func writeE2EFile(t *testing.T, dir, name, content string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// explainedMeaning is the first words of what explain says about a status for a
// method: the explain panel must show them.
func explainedMeaning(t *testing.T, method string, code int) string {
	t.Helper()
	r := explain.Analyze(explain.Exchange{
		Request:  &explain.Request{Method: method, URL: "http://127.0.0.1/items/1"},
		Response: explain.Response{Proto: "HTTP/1.1", Status: code},
	})
	words := strings.Fields(r.Status.Meaning)
	if len(words) < 3 {
		t.Fatalf("explain has no meaning for %s %d: %q", method, code, r.Status.Meaning)
	}
	return strings.Join(words[:3], " ")
}
