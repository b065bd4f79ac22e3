package liveproxy

import (
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/internal/loadgen"
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
			b.ResetTimer()
			r, err := loadgen.Run(b.N, conns, loadgen.Get(c, up.URL))
			b.StopTimer()
			if err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(r.PerSecond(), "req/s")
			b.ReportMetric(r.P99Millis(), "p99-ms")
		})
	}
}
