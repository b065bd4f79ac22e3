package liveproxy

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/httplens/httplens/history"
)

// Benchmark1KB200Conns is the proxy package's benchmark of the same name as
// `httplens proxy` runs it: 200 clients at once fetching 1 KB responses through a
// session that stores every exchange in a history database ("stored"), against
// the same without a history ("recorded") and no proxy at all ("direct"). The
// history is written after each exchange, off the connections' path, by one
// goroutine; "stored" shows whether that writer keeps up or slows the clients.
// Compare req/s and p99 within one run: go test ./liveproxy -run '^$' -bench 1KB200
func Benchmark1KB200Conns(b *testing.B) {
	const conns = 200
	body := []byte(strings.Repeat("b", 1024))
	for _, mode := range []string{"direct", "recorded", "stored"} {
		b.Run(mode, func(b *testing.B) {
			up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(body) }))
			defer up.Close()
			tr := &http.Transport{MaxIdleConns: conns, MaxIdleConnsPerHost: conns, DisableCompression: true}
			defer tr.CloseIdleConnections()
			if mode != "direct" {
				var store *history.Store
				if mode == "stored" {
					var err error
					if store, err = history.Open(filepath.Join(b.TempDir(), "h.db"), history.Options{}); err != nil {
						b.Fatal(err)
					}
					defer store.Close()
				}
				ln, err := net.Listen("tcp", "127.0.0.1:0")
				if err != nil {
					b.Fatal(err)
				}
				s := Serve(ln, store, Options{Each: func(k Kept) { k.Release() }})
				defer s.Stop()
				tr.Proxy = http.ProxyURL(&url.URL{Scheme: "http", Host: s.Addr})
			}
			c := &http.Client{Transport: tr}
			get := func() {
				resp, err := c.Get(up.URL)
				if err != nil {
					b.Fatal(err)
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
			work := make(chan struct{}, b.N)
			for range b.N {
				work <- struct{}{}
			}
			close(work)
			var mu sync.Mutex
			lat := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			start := time.Now()
			var wg sync.WaitGroup
			for range conns {
				wg.Add(1)
				go func() {
					defer wg.Done()
					var mine []time.Duration
					for range work {
						t := time.Now()
						get()
						mine = append(mine, time.Since(t))
					}
					mu.Lock()
					lat = append(lat, mine...)
					mu.Unlock()
				}()
			}
			wg.Wait()
			elapsed := time.Since(start)
			b.StopTimer()
			sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
			b.ReportMetric(float64(b.N)/elapsed.Seconds(), "req/s")
			b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
		})
	}
}
