package proxy

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"sort"
	"strings"
	"sync"
	"syscall"
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

// benchClient goes to the upstream at up in one of the ways the benchmarks
// compare: "direct"; "relay", through a bare TCP relay (the floor for any proxy
// that copies bytes in user space: no parsing, no record); "proxy", through a
// recording proxy whose Record gets what the CLI gets and, like `httplens proxy`
// once a row is printed, releases it; "proxy-spool", with bodies past the cap
// spooled to files and kept, as `proxy --tui` runs it.
func benchClient(b *testing.B, mode, up string, conns int) *http.Client {
	tr := &http.Transport{MaxIdleConns: conns, MaxIdleConnsPerHost: conns, DisableCompression: true}
	var addr string
	switch mode {
	case "relay":
		addr = relay(b, strings.TrimPrefix(up, "http://"))
	case "proxy", "proxy-spool":
		opts := Options{Record: func(x Exchange) { x.Release() }}
		if mode == "proxy-spool" {
			opts.SpoolDir = b.TempDir()
			opts.Record = func(x Exchange) {
				if x.Response != nil && x.Response.SpoolPath != "" {
					os.Remove(x.Response.SpoolPath)
				}
			}
		}
		s := New(opts)
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			b.Fatal(err)
		}
		go s.Serve(ln)
		b.Cleanup(func() { s.Close() })
		addr = ln.Addr().String()
	}
	if addr != "" {
		u, _ := url.Parse("http://" + addr)
		tr.Proxy = http.ProxyURL(u)
	}
	b.Cleanup(tr.CloseIdleConnections)
	return &http.Client{Transport: tr}
}

// relay copies every connection's bytes to and from upstream unchanged, through
// buffers of the proxy's copy size. The absolute-form requests a client sends a
// proxy reach the upstream as they are (Go's server accepts them).
func relay(b *testing.B, upstream string) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	var mu sync.Mutex
	var conns []net.Conn
	var wg sync.WaitGroup
	b.Cleanup(func() {
		ln.Close()
		mu.Lock()
		for _, c := range conns {
			c.Close()
		}
		mu.Unlock()
		wg.Wait()
	})
	pipe := func(dst, src net.Conn) {
		defer wg.Done()
		io.CopyBuffer(struct{ io.Writer }{dst}, struct{ io.Reader }{src}, make([]byte, copyBufSize))
		dst.Close()
		src.Close()
	}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			u, err := net.Dial("tcp", upstream)
			if err != nil {
				c.Close()
				continue
			}
			mu.Lock()
			conns = append(conns, c, u)
			mu.Unlock()
			wg.Add(2)
			go pipe(u, c)
			go pipe(c, u)
		}
	}()
	return ln.Addr().String()
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

// BenchmarkBody10MB is one client fetching a 10 MB body, direct, through a bare
// relay and through the proxy: compare MB/s and ns/op (bench/proxy_overhead.sh
// runs them in alternation and prints the ratios).
func BenchmarkBody10MB(b *testing.B) {
	const size = 10 << 20
	for _, mode := range []string{"direct", "relay", "proxy", "proxy-spool"} {
		b.Run(mode, func(b *testing.B) {
			up := benchUpstream(b, size)
			c := benchClient(b, mode, up.URL, 1)
			fetch(b, c, up.URL) // warm the connections
			b.SetBytes(size)
			b.ResetTimer()
			cpu := cpuTime()
			for range b.N {
				fetch(b, c, up.URL)
			}
			reportCPU(b, cpu)
		})
	}
}

// Benchmark1KB200Conns is 200 clients at once, each on its own kept-alive
// connection, fetching 1 KB responses: compare requests per second and p99.
func Benchmark1KB200Conns(b *testing.B) {
	const conns = 200
	for _, mode := range []string{"direct", "relay", "proxy"} {
		b.Run(mode, func(b *testing.B) {
			up := benchUpstream(b, 1024)
			c := benchClient(b, mode, up.URL, conns)
			var mu sync.Mutex
			lat := make([]time.Duration, 0, b.N)
			work := make(chan struct{}, b.N)
			for range b.N {
				work <- struct{}{}
			}
			close(work)
			b.ResetTimer()
			cpu := cpuTime()
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
			reportCPU(b, cpu)
			b.StopTimer()
			sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
			b.ReportMetric(float64(b.N)/elapsed.Seconds(), "req/s")
			b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
		})
	}
}

// cpuTime is the CPU time the process has used, user and system. Every party of
// a benchmark (client, proxy or relay, upstream) runs in this process, so the CPU
// per operation is what the whole exchange costs the machine: unlike the time per
// operation, it hardly moves when other processes load a shared machine.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func reportCPU(b *testing.B, since time.Duration) {
	b.ReportMetric(float64(cpuTime()-since)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}
