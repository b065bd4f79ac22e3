package cli

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// headFirstWriter is a stdout whose first write (the proxy's start line) is slow:
// it hands the proxy's address to the test and returns only once another write
// has come in meanwhile, or after a second. A client that sends as soon as it
// reads the address must still get its row after the column head, and every
// row after it.
type headFirstWriter struct {
	mu      sync.Mutex
	out     strings.Builder
	writes  int
	addr    chan string
	another chan struct{}
}

func (w *headFirstWriter) Write(b []byte) (int, error) {
	w.mu.Lock()
	w.writes++
	first := w.writes == 1
	if !first && w.writes == 2 {
		close(w.another)
	}
	w.out.Write(b)
	w.mu.Unlock()
	if first {
		line, _, _ := strings.Cut(string(b), "\n")
		rest, _ := strings.CutPrefix(line, "httplens proxy on ")
		addr, _, _ := strings.Cut(rest, " ")
		w.addr <- addr
		select {
		case <-w.another:
		case <-time.After(time.Second):
		}
	}
	return len(b), nil
}

func (w *headFirstWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.out.String()
}

// A client that sends at once: its row used to race the column head for the
// output buffer, and the buffer, written from two goroutines, failed for good
// (io.ErrShortWrite): every later row was lost (TestProxyRecordsAndExports
// failed now and then on a busy machine).
func TestProxyRowsOfAClientThatSendsAtOnce(t *testing.T) {
	origin := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "max-age=60")
		io.WriteString(w, "hello")
	}))
	defer origin.Close()
	out := &headFirstWriter{addr: make(chan string, 1), another: make(chan struct{})}
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	f := proxyFlags{listen: "127.0.0.1:0", history: filepath.Join(t.TempDir(), "h.db")}
	go func() { done <- runProxy(ctx, out, io.Discard, f, nil) }()
	addr := <-out.addr
	c := proxyClient(addr)
	for i := 0; i < 3; i++ {
		getThrough(t, c, origin.URL+"/n")
	}
	c.CloseIdleConnections()
	stop()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	text := out.String()
	lines := strings.Split(text, "\n")
	head, first := -1, -1
	for i, l := range lines {
		if head < 0 && strings.Contains(l, "#") && strings.Contains(l, "METHOD") {
			head = i
		}
		if first < 0 && strings.Contains(l, "/n") {
			first = i
		}
	}
	if head < 0 || first < head {
		t.Errorf("the column head (line %d) must come before the first row (line %d):\n%s", head, first, text)
	}
	if n := strings.Count(text, "/n "); n != 3 {
		t.Errorf("%d rows of 3:\n%s", n, text)
	}
	if !strings.Contains(text, "3 exchanges") {
		t.Errorf("no summary of 3 exchanges:\n%s", text)
	}
}
