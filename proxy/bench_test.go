package proxy

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// benchUpstream serves size bytes on every path.
func benchUpstream(b *testing.B, size int) *httptest.Server {
	body := []byte(strings.Repeat("b", size))
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Write(body)
	}))
	b.Cleanup(s.Close)
	return s
}

// benchClient goes direct, or through a recording proxy (whose Record keeps what
// the CLI would get) when via is true.
func benchClient(b *testing.B, via bool, conns int) *http.Client {
	tr := &http.Transport{MaxIdleConns: conns, MaxIdleConnsPerHost: conns, DisableCompression: true}
	if via {
		s := New(Options{Record: func(Exchange) {}})
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			b.Fatal(err)
		}
		go s.Serve(ln)
		b.Cleanup(func() { s.Close() })
		u, _ := url.Parse("http://" + ln.Addr().String())
		tr.Proxy = http.ProxyURL(u)
	}
	b.Cleanup(tr.CloseIdleConnections)
	return &http.Client{Transport: tr}
}

func fetch(b *testing.B, c *http.Client, u string) {
	resp, err := c.Get(u)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		b.Fatal(err)
	}
	resp.Body.Close()
}

// BenchmarkBody10MB is one client fetching a 10 MB body, direct and through the
// proxy: compare MB/s and ns/op.
func BenchmarkBody10MB(b *testing.B) {
	const size = 10 << 20
	for _, via := range []bool{false, true} {
		name := map[bool]string{false: "direct", true: "proxy"}[via]
		b.Run(name, func(b *testing.B) {
			up := benchUpstream(b, size)
			c := benchClient(b, via, 1)
			fetch(b, c, up.URL) // warm the connections
			b.SetBytes(size)
			b.ResetTimer()
			for range b.N {
				fetch(b, c, up.URL)
			}
		})
	}
}

// Benchmark1KB200Conns is 200 clients at once, each on its own kept-alive
// connection, fetching 1 KB responses: compare requests per second and p99.
func Benchmark1KB200Conns(b *testing.B) {
	const conns = 200
	for _, via := range []bool{false, true} {
		name := map[bool]string{false: "direct", true: "proxy"}[via]
		b.Run(name, func(b *testing.B) {
			up := benchUpstream(b, 1024)
			c := benchClient(b, via, conns)
			var mu sync.Mutex
			lat := make([]time.Duration, 0, b.N)
			work := make(chan struct{}, b.N)
			for range b.N {
				work <- struct{}{}
			}
			close(work)
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
						fetch(b, c, up.URL)
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
