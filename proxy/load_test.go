package proxy

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func openFDs(t *testing.T) int {
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skip("no /proc/self/fd")
	}
	return len(ents)
}

// settle waits until the goroutine count is at most want; goroutines of closed
// connections take a moment to return.
func settle(want int) int {
	n := runtime.NumGoroutine()
	for i := 0; i < 200 && n > want; i++ {
		time.Sleep(25 * time.Millisecond)
		n = runtime.NumGoroutine()
	}
	return n
}

// loadGen opens n connections at once, each sending one request through the proxy
// and reading the whole response; it returns how many failed.
func loadGen(ctx context.Context, proxyAddr, target string, n int) (failed int64) {
	var wg sync.WaitGroup
	var bad atomic.Int64
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var d net.Dialer
			c, err := d.DialContext(ctx, "tcp", proxyAddr)
			if err != nil {
				bad.Add(1)
				return
			}
			defer c.Close()
			deadline, _ := ctx.Deadline()
			c.SetDeadline(deadline)
			fmt.Fprintf(c, "GET http://%s/r/%d HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, i, target)
			resp, err := http.ReadResponse(bufio.NewReader(c), nil)
			if err != nil {
				bad.Add(1)
				return
			}
			if _, err := io.Copy(io.Discard, resp.Body); err != nil || resp.StatusCode != 200 {
				bad.Add(1)
			}
			resp.Body.Close()
		}()
	}
	wg.Wait()
	return bad.Load()
}

// 1,000 clients at once: all served, never more than MaxConns at the upstream at a
// time, nothing leaked afterwards, and the heap bounded by the caps rather than by
// the bytes that crossed.
func TestThousandConnections(t *testing.T) {
	if testing.Short() {
		t.Skip("1,000 connections")
	}
	const clients, maxConns, bodySize = 1000, 100, 256 << 10
	body := strings.Repeat("z", bodySize)
	var active, peak atomic.Int64
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := active.Add(1)
		defer active.Add(-1)
		for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
		}
		io.WriteString(w, body)
	}))
	defer up.Close()
	target := strings.TrimPrefix(up.URL, "http://")

	runtime.GC()
	goroutines, fds := runtime.NumGoroutine(), openFDs(t)
	var before runtime.MemStats
	runtime.ReadMemStats(&before)

	var recorded atomic.Int64
	var heapPeak atomic.Uint64
	opts := Options{MaxConns: maxConns, MaxBody: 16 << 10, Record: func(x Exchange) {
		recorded.Add(1)
		if recorded.Load()%50 == 0 {
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			if m.HeapInuse > heapPeak.Load() {
				heapPeak.Store(m.HeapInuse)
			}
		}
	}}
	s := New(opts)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { s.Serve(ln); close(done) }()

	// The bound in time is the test's own: a generous deadline, not a threshold.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if bad := loadGen(ctx, ln.Addr().String(), target, clients); bad != 0 {
		t.Errorf("%d of %d clients failed", bad, clients)
	}
	s.Close()
	<-done
	up.CloseClientConnections()

	if recorded.Load() != clients {
		t.Errorf("recorded %d of %d", recorded.Load(), clients)
	}
	if p := peak.Load(); p > maxConns {
		t.Errorf("%d requests at the upstream at once; MaxConns is %d", p, maxConns)
	}
	// Per connection: two 32 KiB buffers each side, the copy buffer and two kept
	// bodies of 16 KiB; the 256 MB that crossed must not show.
	perConn := uint64(8*bufSize + 2*opts.MaxBody)
	if grew := heapPeak.Load() - min(heapPeak.Load(), before.HeapInuse); grew > maxConns*perConn+32<<20 {
		t.Errorf("heap grew by %d MB during the run", grew>>20)
	}
	if n := settle(goroutines + 2); n > goroutines+2 {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines after, %d before\n%s", n, goroutines, buf[:runtime.Stack(buf, true)])
	}
	if n := openFDs(t); n > fds+2 {
		t.Errorf("%d open files after, %d before", n, fds)
	}
}
