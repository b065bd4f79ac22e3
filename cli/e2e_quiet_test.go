package cli

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"
)

// hangGuard only stops a test that hangs; it is no timing assertion.
const hangGuard = 20 * time.Second

// runSilentPTY runs the binary on a pseudo-terminal that never answers a query
// and returns all it wrote. It fails if the command does not finish.
func runSilentPTY(t *testing.T, bin string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), hangGuard)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color")
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 24, Cols: 80})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out bytes.Buffer
	copied := make(chan struct{})
	go func() { io.Copy(&out, f); close(copied) }() // ends with EIO when the child exits
	err = cmd.Wait()
	if ctx.Err() != nil {
		t.Fatalf("httplens %s did not finish on a terminal that never answers", strings.Join(args, " "))
	}
	if err != nil {
		t.Fatalf("httplens %s: %v", strings.Join(args, " "), err)
	}
	<-copied
	return out.String()
}

// Only the TUI needs the terminal's background; no other command asks for it (or
// for the cursor position), and on a terminal that never answers they finish.
func TestNoTerminalQuery(t *testing.T) {
	bin := testBinary(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "hello\n")
	}))
	t.Cleanup(srv.Close)
	for _, args := range [][]string{
		{"version"},
		{"--version"},
		{"send", "--no-history", srv.URL + "/"},
	} {
		out := runSilentPTY(t, bin, args...)
		for _, q := range []string{"\x1b]11;?", "\x1b[6n", "\x1b[c"} {
			if strings.Contains(out, q) {
				t.Errorf("httplens %s queried the terminal (%q):\n%q", strings.Join(args, " "), q, out)
			}
		}
		if args[0] != "send" && !strings.Contains(out, "httplens ") || args[0] == "send" && !strings.Contains(out, "hello") {
			t.Errorf("httplens %s printed:\n%q", strings.Join(args, " "), out)
		}
	}
}

// The TUI asks for the background only when the theme depends on it, and starts
// on a terminal that never answers.
func TestTUIBackgroundQueryOnlyForAuto(t *testing.T) {
	bin := testBinary(t)
	for _, theme := range []string{"dark", "auto"} {
		t.Run(theme, func(t *testing.T) {
			conf := writeConfig(t, "[ui]\ntheme = \""+theme+"\"\n")
			dir := t.TempDir()
			writeE2EFile(t, dir, "a.http", "### Quiet\nGET http://127.0.0.1:9/\n")
			ctx, cancel := context.WithTimeout(context.Background(), hangGuard)
			defer cancel()
			cmd := exec.CommandContext(ctx, bin, "--no-demo", "--no-history", "--config", conf)
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "TERM=xterm-256color")
			f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 30, Cols: 120})
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			var out bytes.Buffer
			buf := make([]byte, 4096)
			for !bytes.Contains(out.Bytes(), []byte("Quiet")) {
				n, err := f.Read(buf)
				out.Write(buf[:n])
				if err != nil || ctx.Err() != nil {
					t.Fatalf("the TUI did not start on a terminal that never answers: %v\n%q", err, out.String())
				}
			}
			f.Write([]byte("q"))
			go io.Copy(io.Discard, f)
			if err := cmd.Wait(); err != nil || ctx.Err() != nil {
				t.Fatalf("the TUI did not quit: %v", err)
			}
			asked := bytes.Contains(out.Bytes(), []byte("\x1b]11;?"))
			if asked != (theme == "auto") {
				t.Errorf("theme %s: asked for the background: %v", theme, asked)
			}
			if bytes.Contains(out.Bytes(), []byte("\x1b[6n")) {
				t.Errorf("theme %s: asked for the cursor position", theme)
			}
		})
	}
}
