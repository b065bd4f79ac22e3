// Command proxyload measures what running proxies cost against a direct
// connection, in one run (issue 23): it serves a fixed body on 127.0.0.1, then in
// each of -rounds rounds fetches it -n times over -conns kept-alive connections
// directly and through each proxy given, in an order that rotates from round to
// round, and prints the median and range over the rounds of each proxy's ratio
// to direct: time (direct req/s over the proxy's), p99 latency, and CPU per
// request (client and upstream in this process, plus the proxy process when
// its pid is given); with two proxies or more, each after the first is also
// compared with the first, round by round. Ratios from the same round share the machine's load, so
// they move much less than the raw figures on a shared machine.
//
// With -serve ADDR it is instead a bare recording proxy (the proxy package with a
// Record that only releases, no history, no rows) listening on ADDR until
// interrupted: a process of its own to profile (-cpuprofile) or trace
// (strace -c -f) under another proxyload's load.
//
// Usage: proxyload [-conns 200] [-n 20000] [-rounds 10] [-size 1024] NAME=ADDR[,PID]...
//
//	proxyload -serve 127.0.0.1:0 [-cpuprofile FILE]
package main

import (
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/httplens/httplens/internal/loadgen"
	"github.com/httplens/httplens/proxy"
)

// target is one way to the upstream: direct (no addr) or a proxy.
type target struct {
	name   string
	addr   string
	pid    int
	client *http.Client
	// per round
	rps, p99, cpu []float64
	own           []float64 // the proxy process's CPU per request, µs (with a pid)
}

func main() {
	conns := flag.Int("conns", 200, "concurrent connections")
	n := flag.Int("n", 20000, "requests per target per round")
	rounds := flag.Int("rounds", 10, "rounds")
	size := flag.Int("size", 1024, "response body bytes")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: proxyload [flags] NAME=HOST:PORT[,PID]...")
		flag.PrintDefaults()
	}
	serveAddr := flag.String("serve", "", "run a bare recording proxy on this address instead")
	cpuProfile := flag.String("cpuprofile", "", "with -serve: write a CPU profile here on interrupt")
	flag.Parse()
	if *serveAddr != "" {
		serveProxy(*serveAddr, *cpuProfile)
		return
	}
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	upURL := serve(*size)
	targets := []*target{{name: "direct"}}
	for _, arg := range flag.Args() {
		name, rest, ok := strings.Cut(arg, "=")
		if !ok {
			log.Fatalf("%q: want NAME=HOST:PORT[,PID]", arg)
		}
		t := &target{name: name}
		addr, pid, _ := strings.Cut(rest, ",")
		t.addr = addr
		if pid != "" {
			var err error
			if t.pid, err = strconv.Atoi(pid); err != nil {
				log.Fatalf("%q: pid: %v", arg, err)
			}
		}
		targets = append(targets, t)
	}
	for _, t := range targets {
		tr := &http.Transport{MaxIdleConns: *conns, MaxIdleConnsPerHost: *conns, DisableCompression: true}
		if t.addr != "" {
			tr.Proxy = http.ProxyURL(&url.URL{Scheme: "http", Host: t.addr})
		}
		t.client = &http.Client{Transport: tr}
		run(t, upURL, *conns, *conns) // open the connections before measuring
	}
	for r := range *rounds {
		var line []string
		for i := range targets {
			t := targets[(i+r)%len(targets)]
			rps, p99, cpu, own := run(t, upURL, *n, *conns)
			t.rps, t.p99, t.cpu, t.own = append(t.rps, rps), append(t.p99, p99), append(t.cpu, cpu), append(t.own, own)
			line = append(line, fmt.Sprintf("%s %.0f req/s p99 %.2f ms cpu %.1f µs", t.name, rps, p99, cpu))
		}
		fmt.Fprintf(os.Stderr, "round %d: %s\n", r+1, strings.Join(line, "; "))
	}
	d := targets[0]
	fmt.Printf("%d rounds of %d requests of %d bytes over %d connections; ratios to direct (target <= 1.5x):\n",
		*rounds, *n, *size, *conns)
	fmt.Printf("  direct: req/s median %.0f (%.0f-%.0f), p99 median %.2f ms (%.2f-%.2f), cpu/req median %.1f µs\n",
		loadgen.Median(d.rps), slices.Min(d.rps), slices.Max(d.rps), loadgen.Median(d.p99), slices.Min(d.p99), slices.Max(d.p99), loadgen.Median(d.cpu))
	for _, t := range targets[1:] {
		rt, rp, rc := make([]float64, *rounds), make([]float64, *rounds), make([]float64, *rounds)
		for i := range *rounds {
			rt[i] = d.rps[i] / t.rps[i]
			rp[i] = t.p99[i] / d.p99[i]
			rc[i] = t.cpu[i] / d.cpu[i]
		}
		fmt.Printf("  %s: time %s  p99 %s  cpu/req %s  (req/s median %.0f, p99 median %.2f ms)\n",
			t.name, loadgen.Spread(rt), loadgen.Spread(rp), loadgen.Spread(rc), loadgen.Median(t.rps), loadgen.Median(t.p99))
		if t.pid != 0 {
			fmt.Printf("    %s process alone: cpu/req median %.1f µs (%.1f-%.1f)\n", t.name, loadgen.Median(t.own), slices.Min(t.own), slices.Max(t.own))
		}
	}
	// Two builds of a proxy compared round by round: the later ones against the first.
	for _, t := range targets[min(2, len(targets)):] {
		b := targets[1]
		rt, rp, rc := make([]float64, *rounds), make([]float64, *rounds), make([]float64, *rounds)
		for i := range *rounds {
			rt[i] = b.rps[i] / t.rps[i]
			rp[i] = t.p99[i] / b.p99[i]
			rc[i] = t.cpu[i] / b.cpu[i]
		}
		fmt.Printf("  %s/%s: time %s  p99 %s  cpu/req %s\n", t.name, b.name, loadgen.Spread(rt), loadgen.Spread(rp), loadgen.Spread(rc))
	}
}

// serveProxy runs a recording proxy on addr until SIGINT or SIGTERM, printing
// "proxy on ADDR" once it listens; with profile set, the CPU profile of its
// whole life goes there.
func serveProxy(addr, profile string) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		log.Fatal(err)
	}
	if profile != "" {
		f, err := os.Create(profile)
		if err != nil {
			log.Fatal(err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Fatal(err)
		}
		defer pprof.StopCPUProfile()
	}
	s := proxy.New(proxy.Options{Record: func(x proxy.Exchange) { x.Release() }})
	go s.Serve(ln)
	fmt.Printf("proxy on %s\n", ln.Addr())
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
	<-stop
	s.Close()
}

// serve starts the upstream: size bytes on every path.
func serve(size int) string {
	body := []byte(strings.Repeat("b", size))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	go http.Serve(ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Write(body)
	}))
	return "http://" + ln.Addr().String() + "/"
}

// run fetches u n times over conns connections through t and returns the
// requests per second, the p99 latency in ms and the CPU per request in µs: all
// of it, and the proxy process's alone (0 without a pid).
func run(t *target, u string, n, conns int) (rps, p99, cpuPerReq, ownPerReq float64) {
	cpu0, own0 := cpuOf(t.pid), time.Duration(0)
	if t.pid != 0 {
		own0 = cpuOf(-t.pid)
	}
	r, err := loadgen.Run(n, conns, loadgen.Get(t.client, u))
	if err != nil {
		log.Fatalf("%s: %v", t.name, err)
	}
	cpu, own := cpuOf(t.pid)-cpu0, time.Duration(0)
	if t.pid != 0 {
		own = cpuOf(-t.pid) - own0
	}
	return r.PerSecond(), r.P99Millis(), float64(cpu.Microseconds()) / float64(n), float64(own.Microseconds()) / float64(n)
}

// cpuOf is the CPU time this process has used, plus the proxy process's when
// pid is set (from /proc, in clock ticks of 10 ms: enough over a round); a
// negative pid is -pid's alone.
func cpuOf(pid int) time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	d := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	if pid == 0 {
		return d
	}
	if pid < 0 {
		pid, d = -pid, 0
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		log.Fatalf("proxy process %d: %v", pid, err)
	}
	// Fields after the command name (which may hold spaces) start after ")".
	f := strings.Fields(string(b[strings.LastIndexByte(string(b), ')')+1:]))
	ut, _ := strconv.ParseInt(f[11], 10, 64) // utime, field 14
	st, _ := strconv.ParseInt(f[12], 10, 64) // stime, field 15
	return d + time.Duration(ut+st)*10*time.Millisecond
}
