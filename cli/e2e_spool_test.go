package cli

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// endlessBody starts a server whose body goes on past any cap: 256 KiB at once,
// then nothing until the client goes, so a download is always in flight.
func endlessBody(t *testing.T) string {
	done := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", strconv.Itoa(1<<30))
		w.Write([]byte(strings.Repeat("x", 256<<10)))
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-done:
		}
	}))
	t.Cleanup(func() { close(done); srv.Close() })
	return srv.URL
}

// spoolDirs lists the spool folders in tmp.
func spoolDirs(t *testing.T, tmp string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(tmp, "httplens-bodies-*"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// waitSpooled waits until a body is being spooled in tmp (a hang guard only).
func waitSpooled(t *testing.T, tmp string) {
	t.Helper()
	deadline := time.Now().Add(e2eDeadline)
	for {
		files, _ := filepath.Glob(filepath.Join(tmp, "httplens-bodies-*", "httplens-body-*"))
		for _, f := range files {
			if fi, err := os.Stat(f); err == nil && fi.Size() > 0 {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no body was spooled in %s", tmp)
		}
		time.Sleep(20 * time.Millisecond) // polling interval, not synchronisation
	}
}

// A signal mid-download leaves no spool folder; a dead process's folder goes at
// the next start (once its first frame is up), a live one's stays.
func TestSpoolRemovedOnSignal(t *testing.T) {
	bin := testBinary(t)
	url := endlessBody(t)
	conf := writeConfig(t, "[request]\nmax_body = \"1KiB\"\ntimeout = \"0s\"\n")
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			tmp := t.TempDir()
			t.Setenv("TMPDIR", tmp)
			dead := filepath.Join(tmp, "httplens-bodies-"+strconv.Itoa(deadPID(t))+"-1")
			live := filepath.Join(tmp, "httplens-bodies-"+strconv.Itoa(os.Getpid())+"-1")
			for _, d := range []string{dead, live} {
				if err := os.Mkdir(d, 0o700); err != nil {
					t.Fatal(err)
				}
				os.WriteFile(filepath.Join(d, "httplens-body-1"), []byte("left"), 0o600)
			}
			dir := t.TempDir()
			writeE2EFile(t, dir, "big.http", "### Big\nGET "+url+"/big\n")
			s := startTUI(t, bin, dir, 130, 36, "--no-demo", "--no-history", "--config", conf)
			s.waitText("Big")
			// Removed just after the first frame, which does not wait for it.
			for deadline := time.Now().Add(e2eDeadline); ; time.Sleep(20 * time.Millisecond) {
				if _, err := os.Stat(dead); os.IsNotExist(err) {
					break
				} else if time.Now().After(deadline) {
					t.Fatalf("a dead process's spool folder was not removed at start: %v", err)
				}
			}
			s.send(keyCtrlR)
			waitSpooled(t, tmp)
			if err := s.cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			errc := make(chan error, 1)
			go func() { errc <- s.cmd.Wait() }()
			select {
			case <-errc: // a non-zero status is expected
			case <-time.After(e2eDeadline):
				t.Fatalf("httplens did not exit on %v", sig)
			}
			if got := spoolDirs(t, tmp); len(got) != 1 || got[0] != live {
				t.Errorf("spool folders after %v: %v, want only the live process's %s", sig, got, live)
			}
		})
	}
}

// deadPID is the id of a process that has exited.
func deadPID(t *testing.T) int {
	t.Helper()
	p, err := os.StartProcess("/bin/true", []string{"true"}, &os.ProcAttr{})
	if err != nil {
		t.Skip("no /bin/true:", err)
	}
	p.Wait()
	if err := syscall.Kill(p.Pid, 0); err == nil {
		t.Skip("pid reused")
	}
	return p.Pid
}
