package proxy

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/httplens/httplens/internal/loadgen"
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
			b.ResetTimer()
			cpu := cpuTime()
			rps, p99 := load(b, c, up.URL, b.N, conns)
			reportCPU(b, cpu)
			b.StopTimer()
			b.ReportMetric(rps, "req/s")
			b.ReportMetric(p99, "p99-ms")
		})
	}
}

// load fetches u n times over conns connections at once and returns the
// requests per second and the 99th percentile latency in milliseconds.
func load(b *testing.B, c *http.Client, u string, n, conns int) (rps, p99 float64) {
	r, err := loadgen.Run(n, conns, loadgen.Get(c, u))
	if err != nil {
		b.Fatal(err)
	}
	return r.PerSecond(), r.P99Millis()
}

// BenchmarkRatioToDirect1KB is Benchmark1KB200Conns as one figure per question: in
// each of $PROXY_ROUNDS rounds (default 9) it runs 20,000 requests direct,
// through the bare relay and through the proxy, in an order that rotates, and
// reports the median over the rounds of each ratio to direct: time (direct
// req/s over the proxy's), p99 latency and CPU per request, with their range
// in the log (each round's figures go to stderr). The rounds of one run share the machine's load, so the ratios
// hold still where the raw figures swing 5x. b.N is not used: run it with
// go test ./proxy -run '^$' -bench RatioToDirect -benchtime 1x
func BenchmarkRatioToDirect1KB(b *testing.B) {
	const conns, n = 200, 20000
	rounds := 9
	if v, err := strconv.Atoi(os.Getenv("PROXY_ROUNDS")); err == nil && v > 0 {
		rounds = v
	}
	up := benchUpstream(b, 1024)
	modes := []string{"direct", "relay", "proxy"}
	clients := map[string]*http.Client{}
	for _, m := range modes {
		clients[m] = benchClient(b, m, up.URL, conns)
		load(b, clients[m], up.URL, conns, conns) // open the connections
	}
	type figures struct{ rps, p99, cpu float64 }
	got := make([]map[string]figures, rounds)
	for r := range rounds {
		got[r] = map[string]figures{}
		for i := range modes {
			m := modes[(i+r)%len(modes)]
			cpu := cpuTime()
			rps, p99 := load(b, clients[m], up.URL, n, conns)
			got[r][m] = figures{rps, p99, float64(cpuTime()-cpu) / float64(time.Microsecond) / n}
		}
		d, rl, p := got[r]["direct"], got[r]["relay"], got[r]["proxy"]
		// To stderr as they come: the benchmark's log keeps only ten lines.
		fmt.Fprintf(os.Stderr, "round %d: req/s direct %.0f relay %.0f proxy %.0f; p99 ms %.1f %.1f %.1f; cpu µs/req %.1f %.1f %.1f\n",
			r+1, d.rps, rl.rps, p.rps, d.p99, rl.p99, p.p99, d.cpu, rl.cpu, p.cpu)
	}
	for _, m := range modes[1:] {
		var t, p99, cpu []float64
		for _, g := range got {
			t = append(t, g["direct"].rps/g[m].rps)
			p99 = append(p99, g[m].p99/g["direct"].p99)
			cpu = append(cpu, g[m].cpu/g["direct"].cpu)
		}
		b.Logf("%s/direct over %d rounds: time %s, p99 %s, cpu/req %s (target for the proxy: 1.5x)",
			m, rounds, loadgen.Spread(t), loadgen.Spread(p99), loadgen.Spread(cpu))
		b.ReportMetric(loadgen.Median(t), m+"-time-x")
		b.ReportMetric(loadgen.Median(p99), m+"-p99-x")
		b.ReportMetric(loadgen.Median(cpu), m+"-cpu-x")
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
