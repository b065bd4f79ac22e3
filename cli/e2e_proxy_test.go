package cli

import (
	"bufio"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/httplens/httplens/demo"
)

// proxyRun is `httplens proxy` running as a child process.
type proxyRun struct {
	t    *testing.T
	cmd  *exec.Cmd
	addr string
	mu   sync.Mutex
	out  strings.Builder
	done chan struct{}
}

// startProxyBinary starts the proxy on a free loopback port and waits for the line
// that names it.
func startProxyBinary(t *testing.T, bin string, env []string, args ...string) *proxyRun {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"proxy", "--listen", "127.0.0.1:0"}, args...)...)
	cmd.Env = append(os.Environ(), env...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	p := &proxyRun{t: t, cmd: cmd, done: make(chan struct{})}
	cmd.Stderr = &lockedWriter{p: p}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); <-p.done })
	lines := bufio.NewScanner(stdout)
	if !lines.Scan() {
		t.Fatalf("the proxy printed nothing")
	}
	first := lines.Text()
	rest, ok := strings.CutPrefix(first, "httplens proxy on ")
	if !ok {
		t.Fatalf("first line %q", first)
	}
	p.addr, _, _ = strings.Cut(rest, " ")
	go func() {
		defer close(p.done)
		for lines.Scan() {
			p.mu.Lock()
			p.out.WriteString(lines.Text() + "\n")
			p.mu.Unlock()
		}
		cmd.Wait()
	}()
	return p
}

type lockedWriter struct{ p *proxyRun }

func (w *lockedWriter) Write(b []byte) (int, error) {
	w.p.mu.Lock()
	defer w.p.mu.Unlock()
	return w.p.out.Write(b)
}

func (p *proxyRun) output() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.out.String()
}

// waitRows waits until the proxy has printed n exchange rows.
func (p *proxyRun) waitRows(n int) string {
	p.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		out := p.output()
		if countRows(out) >= n {
			return out
		}
		time.Sleep(20 * time.Millisecond)
	}
	p.t.Fatalf("fewer than %d rows:\n%s", n, p.output())
	return ""
}

func countRows(out string) int {
	n := 0
	for _, l := range strings.Split(out, "\n") {
		if len(l) > 6 && l[:4] != "    " && strings.TrimSpace(l[:4]) != "" && strings.TrimSpace(l[:4]) != "#" {
			n++
		}
	}
	return n
}

// stop sends SIGINT, as ctrl+c would, and returns everything printed.
func (p *proxyRun) stop() string {
	p.t.Helper()
	p.cmd.Process.Signal(syscall.SIGINT)
	select {
	case <-p.done:
	case <-time.After(60 * time.Second):
		p.t.Fatalf("the proxy did not stop on SIGINT:\n%s", p.output())
	}
	if code := p.cmd.ProcessState.ExitCode(); code != 0 {
		p.t.Errorf("exit %d:\n%s", code, p.output())
	}
	return p.output()
}

func proxyClient(addr string) *http.Client {
	u, _ := url.Parse("http://" + addr)
	return &http.Client{Transport: &http.Transport{Proxy: http.ProxyURL(u)}}
}

// getThrough GETs target with c and reads the body to its end, so that the
// exchange is complete (and recorded) when it returns; the response keeps its
// status and headers.
func getThrough(t *testing.T, c *http.Client, target string) *http.Response {
	t.Helper()
	resp, err := c.Get(target)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp
}

// The proxy records exchanges, explains them with the client's own headers, and
// exports a HAR that har-validator accepts and `explain FILE.har` reads back.
func TestProxyRecordsAndExports(t *testing.T) {
	bin := testBinary(t)
	api, err := demo.Start()
	if err != nil {
		t.Fatal(err)
	}
	defer api.Close()
	dir := t.TempDir()
	harOut, httpOut := filepath.Join(dir, "session.har"), filepath.Join(dir, "session.http")
	p := startProxyBinary(t, bin, []string{"HTTPLENS_HISTORY=" + filepath.Join(dir, "h.db")}, "--har", harOut, "--http", httpOut)
	c := proxyClient(p.addr)
	get := func(path string) int { return getThrough(t, c, api.URL()+path).StatusCode }
	if s := get("/items/1"); s != 200 {
		t.Fatalf("status %d", s)
	}
	p.waitRows(1)
	if s := get("/cache/no-store"); s != 200 {
		t.Fatalf("status %d", s)
	}
	if s := get("/cache/max-age"); s != 200 {
		t.Fatalf("status %d", s)
	}
	p.waitRows(3)
	out := p.stop()
	for _, want := range []string{
		"/items/1", "200", "store/store   revalid.", // no-cache: stored, revalidated every time
		"/cache/no-store", "no/no",
		"/cache/max-age",
		"3 exchanges; 2 storable by a cache, 1 of them revalidated before reuse",
		"wrote 3 exchanges to " + harOut, "wrote 3 requests to " + httpOut,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	validateHAR(t, harOut)
	text, errs, code := runMain(t, "explain", harOut)
	if code != 0 || !strings.Contains(text, "3 entries, saved by httplens") || !strings.Contains(text, "3 exchanges; 2 storable by a cache, 1 of them revalidated") {
		t.Errorf("explain of the export: exit %d %s\n%s", code, errs, text)
	}
	collection, _ := os.ReadFile(httpOut)
	if !strings.Contains(string(collection), "GET "+api.URL()+"/cache/no-store\n") || strings.Contains(string(collection), "Proxy-Connection") {
		t.Errorf("the .http export:\n%s", collection)
	}
	listed, _, code := runMain(t, "list", httpOut)
	if code != 0 || strings.Count(listed, "session.http") != 3 {
		t.Errorf("the .http export does not list as three requests: exit %d\n%s", code, listed)
	}
}

// validateHAR runs har-validator from npm on a file. .ci/run installs it into
// .ci/npm; elsewhere the test is skipped unless CI is set.
func validateHAR(t *testing.T, path string) {
	t.Helper()
	mod, _ := filepath.Abs("../.ci/npm/node_modules/har-validator")
	node, err := exec.LookPath("node")
	if _, statErr := os.Stat(mod); err != nil || statErr != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("har-validator or node missing (%v, %v): .ci/run installs them", err, statErr)
		}
		t.Log("har-validator not installed (npm install --prefix .ci/npm har-validator): not validated")
		return
	}
	script := `const v = require(process.argv[1]);
const har = JSON.parse(require('fs').readFileSync(process.argv[2], 'utf8'));
v.har(har).then(() => console.log('valid')).catch(e => { console.log(JSON.stringify(e.errors || e.message)); process.exit(1); });`
	out, err := exec.Command(node, "-e", script, mod, path).CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) != "valid" {
		t.Errorf("har-validator rejects %s: %v\n%s", path, err, out)
	}
}
