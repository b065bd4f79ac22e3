package cli

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"
)

// runOnTerminal runs the binary under a pseudo-terminal until it exits and returns
// the bytes it wrote and the screen they leave. The emulator answers the program's
// terminal queries (its background colour), as a terminal would.
func runOnTerminal(t *testing.T, env []string, args ...string) (raw, screen string) {
	t.Helper()
	cmd := exec.Command(testBinary(t), args...)
	// CI makes termenv treat every output as not a terminal; a person at this
	// terminal has no CI variable.
	base := slices.DeleteFunc(os.Environ(), func(kv string) bool { return strings.HasPrefix(kv, "CI=") })
	cmd.Env = append(append(base, "TERM=xterm-256color"), env...)
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 30, Cols: 120})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// The emulator is not closed: in vt v0.1.0 Close races with the blocked Read
	// of the goroutine that answers queries (as in tuiSession.stop).
	emu := vt.NewEmulator(120, 30)
	go func() { _, _ = io.Copy(f, emu) }()
	var out strings.Builder
	buf := make([]byte, 4096)
	for {
		n, err := f.Read(buf)
		out.Write(buf[:n])
		emu.Write(buf[:n])
		if err != nil { // EIO once the program has exited
			break
		}
	}
	cmd.Wait()
	return out.String(), emu.String()
}

var sgr = regexp.MustCompile(`\x1b\[[0-9;]*m`)

// TestRunOnATerminal: on a terminal `run` draws a progress line that the results
// replace, paints PASS and FAIL, and with NO_COLOR paints nothing.
func TestRunOnATerminal(t *testing.T) {
	file := runFile(t, "t.http", `### First
GET {{demo}}/items/1

### Second
# @expect status 201
GET {{demo}}/items/2
`)
	raw, screen := runOnTerminal(t, nil, "run", file)
	if !strings.Contains(raw, "[1/2] First") || !strings.Contains(raw, "[2/2] Second") {
		t.Errorf("no progress lines in %q", raw)
	}
	if !sgr.MatchString(raw) {
		t.Errorf("no colour on a terminal: %q", raw)
	}
	for _, want := range []string{"PASS  First (", "FAIL  Second (", "  FAIL  @expect status 201: status 200, not 201", "FAILED: 1 of 2 requests passed"} {
		if !strings.Contains(screen, want) {
			t.Errorf("screen has no %q:\n%s", want, screen)
		}
	}
	if strings.Contains(screen, "[1/2]") || strings.Contains(screen, "[2/2]") {
		t.Errorf("a progress line is left on the screen:\n%s", screen)
	}

	raw, screen = runOnTerminal(t, []string{"NO_COLOR=1"}, "run", file)
	if sgr.MatchString(raw) {
		t.Errorf("colour with NO_COLOR: %q", raw)
	}
	if !strings.Contains(raw, "[2/2] Second") || !strings.Contains(screen, "FAIL  Second (") {
		t.Errorf("NO_COLOR: progress or results missing: %q", raw)
	}
}

// TestRunInterrupted: ctrl+c (SIGINT) stops a run at the request in flight; the
// run exits 1 and its report holds what ran.
func TestRunInterrupted(t *testing.T) {
	bin := testBinary(t)
	arrived := make(chan struct{}, 1)
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			arrived <- struct{}{}
			select {
			case <-release:
			case <-r.Context().Done():
			}
		}
	}))
	defer srv.Close()
	defer close(release)
	file := runFile(t, "slow.http", "### Fast\nGET "+srv.URL+"/fast\n\n### Slow\nGET "+srv.URL+"/slow\n\n### Never\nGET "+srv.URL+"/never\n")
	report := filepath.Join(t.TempDir(), "run.json")
	cmd := exec.Command(bin, "run", file, "--report", "json="+report)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	<-arrived
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != 1 {
		t.Fatalf("exit %d (%v), want 1; stderr %s", code, err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "interrupted after 2 of 3 requests") {
		t.Errorf("stderr %q", stderr.String())
	}
	b, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(b), `"file": `); n != 2 {
		t.Errorf("%d requests in the report, want 2:\n%s", n, b)
	}
}
