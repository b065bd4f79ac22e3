package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/httplens/httplens/demo"
)

// proxy --json prints JSON lines only: the listener, each exchange with its
// report (the client's If-None-Match taken into account), the summary; the
// export notes go to stderr.
func TestProxyJSONLines(t *testing.T) {
	bin := testBinary(t)
	api, err := demo.Start()
	if err != nil {
		t.Fatal(err)
	}
	defer api.Close()
	dir := t.TempDir()
	cmd := exec.Command(bin, "proxy", "--listen", "127.0.0.1:0", "--json", "--http", filepath.Join(dir, "s.http"))
	cmd.Env = append(os.Environ(), "HTTPLENS_HISTORY="+filepath.Join(dir, "h.db"))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	lines := make(chan []byte, 16)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(stdout)
		sc.Buffer(nil, 16<<20)
		for sc.Scan() {
			lines <- append([]byte(nil), sc.Bytes()...)
		}
	}()
	next := func() map[string]json.RawMessage {
		t.Helper()
		select {
		case l, ok := <-lines:
			if !ok {
				t.Fatalf("output ended; stderr:\n%s", stderr.String())
			}
			var m map[string]json.RawMessage
			if err := json.Unmarshal(l, &m); err != nil || len(m) != 1 {
				t.Fatalf("not a one-field JSON line (%v): %s", err, l)
			}
			return m
		case <-time.After(e2eDeadline):
			t.Fatalf("no line; stderr:\n%s", stderr.String())
		}
		return nil
	}
	var start struct{ Listen string }
	json.Unmarshal(next()["proxy"], &start)
	if start.Listen == "" {
		t.Fatal("no listen address")
	}
	c := proxyClient(start.Listen)
	resp := getThrough(t, c, api.URL()+"/items/1")
	etag := resp.Header.Get("ETag")
	var x struct {
		N        int
		Request  struct{ Method, URL string }
		Response struct {
			Status  int
			Body    string
			Headers [][2]string
		}
		Explain struct {
			Status   struct{ Code int }
			Findings []struct{ ID string }
			Cache    struct {
				StorablePrivate bool `json:"storable_private"`
			}
		}
	}
	json.Unmarshal(next()["exchange"], &x)
	if x.N != 1 || x.Request.URL != api.URL()+"/items/1" || x.Response.Status != 200 || !strings.Contains(x.Response.Body, "{") || !x.Explain.Cache.StorablePrivate {
		t.Errorf("first exchange %+v", x)
	}
	req, _ := http.NewRequest("GET", api.URL()+"/items/1", nil)
	req.Header.Set("If-None-Match", etag)
	resp, err = c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	json.Unmarshal(next()["exchange"], &x)
	if x.N != 2 || x.Response.Status != 304 || x.Explain.Status.Code != 304 {
		t.Errorf("revalidation %+v", x)
	}
	cmd.Process.Signal(syscall.SIGINT)
	var sum struct{ Exchanges, Storable int }
	json.Unmarshal(next()["summary"], &sum)
	if sum.Exchanges != 2 {
		t.Errorf("summary %+v", sum)
	}
	if l, ok := <-lines; ok {
		t.Errorf("a line after the summary: %s", l)
	}
	cmd.Wait()
	if !strings.Contains(stderr.String(), "wrote 2 requests to") {
		t.Errorf("stderr %q", stderr.String())
	}
}
