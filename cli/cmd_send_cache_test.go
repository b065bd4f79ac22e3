package cli

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

func TestSendThroughTheCacheLabPrintsItsLabel(t *testing.T) {
	base := startDemo(t)
	code, out, errOut := cli(t, "send", "--no-history", "--cache", "shared", base+"/cache/private")
	if code != 0 || !strings.HasPrefix(out, "HTTP/1.1 200 OK") {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
	for _, want := range []string{"cache (shared): miss", "must not store: private", "sent upstream: GET " + base + "/cache/private"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr %q lacks %q", errOut, want)
		}
	}
	code, _, errOut = cli(t, "send", "--no-history", "--cache", "private", base+"/cache/private")
	if code != 0 || !strings.Contains(errOut, "may store: private allows") {
		t.Errorf("private cache: exit %d, stderr %q", code, errOut)
	}
	code, _, errOut = cli(t, "send", "--no-history", "--cache", "private", "-X", "PUT", "-H", "Content-Type: application/json", "-d", `{"a":1}`, base+"/items/1")
	if code != 0 || !strings.Contains(errOut, "cache (private): invalidated") {
		t.Errorf("PUT through the cache: exit %d, stderr %q", code, errOut)
	}
}

func TestSendCacheAndViaRejectBadValues(t *testing.T) {
	for _, args := range [][]string{
		{"send", "--no-history", "--cache", "public", "http://127.0.0.1:1/"},
		{"send", "--no-history", "--via", "127.0.0.1:3128", "http://127.0.0.1:1/"},
	} {
		code, _, errOut := cli(t, args...)
		if code != 2 || !strings.Contains(errOut, args[3]) {
			t.Errorf("%v: exit %d, stderr %q; want 2 naming the value", args, code, errOut)
		}
	}
}

func TestSendViaAProxy(t *testing.T) {
	var mu sync.Mutex
	var seen []string
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen = append(seen, r.RequestURI)
		mu.Unlock()
		w.Header().Set("X-Cache-Status", "MISS")
		w.Write([]byte("from the proxy"))
	}))
	defer proxy.Close()
	target := "http://127.0.0.1:9/items/1" // nothing listens there: only the proxy can answer
	code, out, errOut := cli(t, "send", "--no-history", "--via", proxy.URL, target)
	if code != 0 || !strings.Contains(out, "from the proxy") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(seen) != 1 || seen[0] != target {
		t.Errorf("the proxy saw %v, want the absolute-form %s", seen, target)
	}
}
