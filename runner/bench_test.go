package runner

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/scripts"
)

// BenchmarkRun1000 runs 1,000 requests against a loopback server, each with a small
// response handler (a test, a global, a log line), and reports the script cost per
// request against the exchange time (the target: handler under 10 % of exchange).
// The server answers a small JSON body, so the exchange is as cheap as HTTP gets and
// the ratio is the worst case a real collection will see.
//
//	go test ./runner -run '^$' -bench Run1000 -benchtime 3x -count 5
//
// It also reports the medians of the per-request figures (med-µs/handler,
// med-µs/exchange, med-handler-%): a handler in a run costs about twice what it
// costs alone (BenchmarkRun in scripts), the cache misses of a runtime the
// exchange pushed out of the CPU caches (scripts' BenchmarkRunCold shows the same
// without a network), and the mean carries a tail the median does not (90th
// percentile ~1.6 times the median, 99th ~13 times under load): the collector's
// pauses and assists, page faults on fresh memory, preemption, which land on
// whatever runs or allocates at the time. Turning the collector off does not
// remove it (GOGC=off: handler 15-18 µs, the heap growing into fresh pages); how
// it splits is not pinned down.
//
// Figures (2026-12-02, bench/handler_cost.sh, rounds alternating with the engine
// before). On the machine quiet, 5 rounds: handler 8.0-8.6 µs (was 18.2-20.4),
// exchange 64-69 µs (was 65-72), handler-% 11.8-13.1 (was 26.5-31.5); the target
// (under 10 %) is not met. With GOGC=400 both shrink: 6.2 µs against 56 µs, 11.1 %.
//
// 2026-12-03, the engine of that day (scripts' doc says what changed) against the
// one before, alternating. In a quiet spell (load 2-3), 6 rounds: handler-% 10.8-12.3
// (median 11.7) against 12.5-13.8 (13.1), µs/handler 5.3-8.4 (7.7) against
// 6.8-9.6 (8.8), exchange alike; 8 rounds of bench/handler_cost.sh: handler-% 11.0-13.6
// (12.5) against 12.4-14.6 (13.7). The per-request medians, 5 rounds: handler
// 4.4-5.3 µs against 4.9-6.2, 90th percentile 7.5-7.9 against 8.4-9.4, median
// handler-% 8.5-9.2 against 10.0-11.6. Under a load of 10-20 the means did not
// separate from the noise. The target (the mean under 10 %) is still not met: the
// typical handler is under it, the tail is not.
//
// 2026-12-03, later (load 6-9, bench/handler_cost.sh against the engine of the
// morning). 8 rounds: handler-% 7.6-12.7 (median 10.8) against 7.7-18.4 (13.2);
// µs/handler 5.9-13.1 (7.7) against 6.5-14.5 (8.3); med-handler-% 10.5-11.6
// (10.8) against 10.6-12.0 (11.3). 6 rounds after: handler-% 9.3-22.1 (10.5)
// against 9.2-13.9 (11.9), med-handler-% 10.9-13.2 (11.4) against 10.1-11.5
// (11.1): under that load the change does not separate from the noise. What changed: a run no longer re-arms the watchdog's timer (perf showed the
// re-arm's netpoller wake-up, a write syscall, inside the handler), and a
// runtime finds a shared handler's function without hashing its source. Where
// the mean goes, measured per handler (thread CPU clock, getrusage, an execution
// trace): the slowest 1 % of handlers hold 20-55 % of all handler time. Of the
// slowest 3 %, most show no Go event at all (no collection, no preemption, no
// block) and their thread CPU time equals their wall time: work outside Go's
// view, page faults on fresh heap pages among it (a fault costs tens of µs on
// this VM). Handlers that run while the collector marks (~3 % of them) take 2x
// at the median and 7x on average (assists, in proportion to what the handler
// allocates: ~1.7 KB, a quarter of it goja's value stack grown anew on each
// entry), 16 % of handler time. Tried and dropped, no gain: running the tests
// from inside the script's call (one entry into goja less), calling tests
// through a JS trampoline (two allocations less, a call more: slower),
// running the handlers before explain, building the runtime while the first
// request is on the wire (the loopback exchange is too short to hide it).
//
// 2026-12-03, afternoon (s7c). This benchmark runs in a warm process; `httplens
// run` does not (BenchmarkRun1000Fresh). There the first handler cost 2.6-12 ms
// (the runtime built, goja's parser, compiler and interpreter run for the first
// time: code and memory the process had not touched, and a first touch of a page
// costs ~17 µs on this VM), a fifth of all handler time, and the others paid the
// page faults of a heap still growing: a run's report holds ~3.1 KB a request, so
// the heap grows to ~6-7 MB and a run takes ~1,600 faults, ~290 of them inside
// handlers (~5 µs a handler). What changed: the runtime is built and the first
// scripts compiled while the first request is on the wire (scripts.Engine.Prepare,
// called by Run), and building a runtime is ~35 % cheaper (its objects frozen from
// a list). Measured with bench/handler_cost.sh against the engine before (12
// rounds in turn first, load 8-12): fresh, the first handler 2.0 ms against 5.1
// (94 µs when Prepare was done in time; a loaded machine delays it), handler-%
// 18.0 against 20.4, µs/handler 16.6 against 18.3, the process's CPU 116 ms
// against 119; warm, the first handler 51 µs against 810, handler-% 11.7 against
// 12.0, µs/handler 7.9 against 8.8, med-handler-% 11.1 against 11.4: the means
// within the noise of that load. Later, quieter (load ~3), the same binary with
// and without Prepare, fresh, 10 rounds in turn first: handler-% 15.1 against
// 19.3, µs/handler 12.9 against 16.9, the first handler 0.22 ms against 3.6, the
// run 127 ms against 140, its CPU 134 ms against 132 (the work moved, not added),
// exchanges alike (87 µs against 92); warm, 6 rounds against the engine before,
// µs/handler 8.06 against 8.02 (a warm handler is unchanged; handler-% 11.7
// against 12.6 comes from the exchanges of those rounds). Tried and dropped: a
// heap floor for the run (internal/heapfloor, as the TUI keeps). In a fresh
// process it grows the heap into fresh pages sooner: 4 collections become 1 (8 MB
// floor) or 0 (16 MB), but the faults rise from ~1,800 to ~2,200 or ~2,700 and handler-% from a median of 12.3
// to 22 or 18 (6 rounds each). Warm (GOGC=400 alike, 10 rounds) med-handler-%
// fell from 10.9 to 9.6 and p90 from 7.7 to 6.7 µs, but the mean did not (11.7
// against 12.6): the gain would be the benchmark's, not a run's. What is left in
// a warm handler is goja's own work: creating the test's function object (8
// allocations, ~740 B, ~1.3 µs with its call), two entries into the runtime.
//
// Then the case this benchmark does not show: a .http file gives each request a
// block of its own, and each block is a script of its own, compiled for its
// request (BenchmarkRun1000Blocks): ~40-60 µs of goja's parser and compiler for
// this small handler (19 KB, 293 allocations), more the further down the file it
// starts (wrap pads it with the lines before it: ~115 µs at line 9,000). There
// handler-% was 88-131 (median 109), ten times the target. What changed: Prepare
// compiles the run's scripts ahead, in order, on another goroutine (a program
// being compiled is waited for, not compiled twice), and wrap builds the padding
// in one buffer. 8 rounds, in turn first, load ~9: handler-% 35-94 (median 65)
// against 88-131 (109); µs/handler 94 against 159, median 49 against 62; the
// run's wall time 300 against 324 ms, its CPU 220 against 238 ms. On this
// loaded machine the compiler goroutine rarely gets ahead of the run (the median
// handler still compiles, or waits for, its block): with a core to spare it
// would. The target is far off for a file of blocks: compiling a block costs as
// much as a loopback exchange.
func BenchmarkRun1000(b *testing.B) {
	run1000(b, false)
}

// BenchmarkRun1000Blocks is BenchmarkRun1000 as a .http file writes it: each
// request with its own `> {% %}` block (the same small handler) on its own lines,
// nine lines a request. Each block is a script of its own, compiled for its
// request; BenchmarkRun1000's one shared handler is compiled once per run. Each
// run has an engine of its own, as `httplens run` has.
func BenchmarkRun1000Blocks(b *testing.B) {
	run1000(b, true)
}

// BenchmarkRun1000Fresh is BenchmarkRun1000 as `httplens run` meets it: one run of
// the 1,000 requests in a process that has done nothing before, so that the first
// handler builds the runtime and every handler allocates on a heap still growing
// (on this VM a first touch of a heap page costs ~17 µs). It is meaningful only as
// the one benchmark of its process, one iteration:
//
//	go test -c -o runner.test ./runner
//	./runner.test -test.run '^$' -test.bench Run1000Fresh -test.benchtime 1x
//
// (bench/handler_cost.sh does so, a new process each round). Besides
// BenchmarkRun1000's figures it reports the run's wall time (run-ms), the first
// handler's (first-µs/handler), the page faults of the run (faults) and the CPU
// time of the process while it ran (cpu-ms, the loopback server's included).
func BenchmarkRun1000Fresh(b *testing.B) {
	if b.N != 1 || ranBefore {
		b.Skip("meaningful only alone in a fresh process: -test.bench Run1000Fresh -test.benchtime 1x")
	}
	run1000(b, false)
}

// ranBefore says whether run1000 has run in this process.
var ranBefore bool

// run1000 is the body of the Run1000 benchmarks; blocks gives each request its
// own handler block, as in a file.
func run1000(b *testing.B, blocks bool) {
	ranBefore = true
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("ETag", `"v1"`)
		fmt.Fprint(w, `{"id": 1, "name": "item", "token": "abc"}`)
	}))
	defer srv.Close()
	handler := []Script{{Line: 1, Source: `
		client.test("status", function () { client.assert(response.status === 200, "status " + response.status); });
		client.global.set("token", response.body.token);
		client.log(response.headers.valueOf("ETag"));
	`}}
	steps := make([]Step, 1000)
	for i := range steps {
		steps[i] = Step{Name: "item", File: "bench.http", Line: i,
			Request: scripts.Request{Method: "GET", URL: srv.URL + "/items/1"}, Scripts: handler}
		if blocks {
			steps[i].Line = 9*i + 1
			steps[i].Scripts = []Script{{Line: 9*i + 4, Source: handler[0].Source}}
		}
	}
	client := requests.NewClient(requests.Options{})
	defer client.CloseIdleConnections()
	engine := &scripts.Engine{Globals: &scripts.Globals{}}

	var script, exchange time.Duration
	var n int
	var hs, xs []time.Duration
	faults, cpu := usage()
	start := time.Now()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if blocks && i > 0 {
			// As `httplens run`: an engine for the run, which has compiled none
			// of its blocks yet (an engine keeps what it compiled).
			engine = &scripts.Engine{Globals: &scripts.Globals{}}
		}
		rep := Run(context.Background(), steps, Options{Client: client, Engine: engine})
		if rep.ExitCode() != ExitPassed {
			b.Fatalf("run failed: %+v", rep.Steps[0].Checks)
		}
		for _, s := range rep.Steps {
			script += s.ScriptTime
			exchange += s.Exchange.Timing.Total
			hs, xs = append(hs, s.ScriptTime), append(xs, s.Exchange.Timing.Total)
			n++
		}
	}
	wall := time.Since(start)
	faults1, cpu1 := usage()
	faults, cpu = faults1-faults, cpu1-cpu
	first := hs[0]
	b.ReportMetric(float64(script.Microseconds())/float64(n), "µs/handler")
	b.ReportMetric(float64(exchange.Microseconds())/float64(n), "µs/exchange")
	b.ReportMetric(100*float64(script)/float64(exchange), "handler-%")
	slices.Sort(hs)
	slices.Sort(xs)
	hm, xm := hs[len(hs)/2], xs[len(xs)/2]
	b.ReportMetric(float64(hm.Nanoseconds())/1e3, "med-µs/handler")
	b.ReportMetric(float64(xm.Nanoseconds())/1e3, "med-µs/exchange")
	b.ReportMetric(100*float64(hm)/float64(xm), "med-handler-%")
	// The tail: the 90th percentile, and the share of all handler time spent in
	// the slowest 1 % of handlers.
	b.ReportMetric(float64(hs[len(hs)*9/10].Nanoseconds())/1e3, "p90-µs/handler")
	var slow time.Duration
	for _, h := range hs[len(hs)-len(hs)/100:] {
		slow += h
	}
	b.ReportMetric(100*float64(slow)/float64(script), "slowest1%-share-%")
	b.ReportMetric(float64(wall.Microseconds())/1e3/float64(b.N), "run-ms")
	b.ReportMetric(float64(first.Nanoseconds())/1e3, "first-µs/handler")
	b.ReportMetric(float64(faults)/float64(b.N), "faults")
	b.ReportMetric(float64(cpu.Microseconds())/1e3/float64(b.N), "cpu-ms")
	b.ReportMetric(0, "ns/op")
}
