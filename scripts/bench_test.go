package scripts

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/dop251/goja"
)

const smallHandler = `
	client.test("status", function () { client.assert(response.status === 200, "status " + response.status); });
	client.global.set("token", response.body.token);
	client.log(response.headers.valueOf("ETag"));
`

// BenchmarkRun is the cost of one small handler, end to end: a fresh runtime, the
// objects, the guards, the script and its test.
func BenchmarkRun(b *testing.B) {
	e := &Engine{Globals: &Globals{}}
	resp := &Response{Status: 200, Headers: []Header{{Name: "Content-Type", Value: "application/json"}, {Name: "ETag", Value: `"v1"`}},
		Body: []byte(`{"id": 1, "name": "item", "token": "abc"}`)}
	p := Program{Name: "bench.http", Source: smallHandler, Line: 1}
	cpu := processCPU()
	for i := 0; i < b.N; i++ {
		if out := e.Run(context.Background(), p, Env{Response: resp}); out.Failed() {
			b.Fatal(out.Err, out.Tests)
		}
	}
	// CPU time, garbage collection included, moves less than ns/op with the load of
	// a shared machine.
	b.ReportMetric(float64(processCPU()-cpu)/float64(b.N), "cpu-ns/op")
}

func BenchmarkNewRuntime(b *testing.B) {
	for i := 0; i < b.N; i++ {
		goja.New()
	}
}

// BenchmarkParts is what each part of a small handler costs on its own: the empty
// run is the Engine's own cost (runtime, watchdog, entering goja), the others add
// one statement each. Compare cpu-ns/op between rows.
func BenchmarkParts(b *testing.B) {
	resp := &Response{Status: 200, Headers: []Header{{Name: "Content-Type", Value: "application/json"}, {Name: "ETag", Value: `"v1"`}},
		Body: []byte(`{"id": 1, "name": "item", "token": "abc"}`)}
	for _, c := range []struct{ name, src string }{
		{"empty", ``},
		{"status", `response.status`},
		{"test", `client.test("status", function () { });`},
		{"testassert", `client.test("status", function () { client.assert(response.status === 200, "status " + response.status); });`},
		{"global", `client.global.set("token", "x");`},
		{"body", `response.body.token`},
		{"log", `client.log(response.headers.valueOf("ETag"));`},
		{"small", smallHandler},
	} {
		b.Run(c.name, func(b *testing.B) {
			e := &Engine{Globals: &Globals{}}
			p := Program{Name: "bench.http", Source: c.src, Line: 1}
			c0 := processCPU()
			defer func() { b.ReportMetric(float64(processCPU()-c0)/float64(b.N), "cpu-ns/op") }()
			for i := 0; i < b.N; i++ {
				if out := e.Run(context.Background(), p, Env{Response: resp}); out.Failed() {
					b.Fatal(out.Err, out.Tests)
				}
			}
		})
	}
}

// BenchmarkNewMachine is the cost of a runtime with the sandbox installed, paid once
// per runtime the Engine keeps.
func BenchmarkNewMachine(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := newMachine(DefaultMaxMemory); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRunCold is the small handler as a collection run meets it: after other
// work has pushed the runtime out of the CPU caches (here an 8 MB sweep, which a
// loopback exchange and its explanation stand in for in a run). It reports the
// median of each run's wall time, cold, and of a run straight after it, hot:
// medians rather than means, so that a collection or a preemption does not
// count. The cold figure is the one to compare with runner's µs/handler.
func BenchmarkRunCold(b *testing.B) {
	e := &Engine{Globals: &Globals{}}
	resp := &Response{Status: 200, Headers: []Header{{Name: "Content-Type", Value: "application/json"}, {Name: "ETag", Value: `"v1"`}},
		Body: []byte(`{"id": 1, "name": "item", "token": "abc"}`)}
	p := Program{Name: "bench.http", Source: smallHandler, Line: 1}
	sweep := make([]byte, 8<<20)
	cold := make([]time.Duration, 0, b.N)
	hot := make([]time.Duration, 0, b.N)
	for i := 0; i < b.N; i++ {
		for j := 0; j < len(sweep); j += 64 {
			sweep[j]++
		}
		for _, d := range []*[]time.Duration{&cold, &hot} {
			start := time.Now()
			if out := e.Run(context.Background(), p, Env{Response: resp}); out.Failed() {
				b.Fatal(out.Err, out.Tests)
			}
			*d = append(*d, time.Since(start))
		}
	}
	median := func(ds []time.Duration) float64 {
		slices.Sort(ds)
		return float64(ds[len(ds)/2])
	}
	b.ReportMetric(median(cold), "cold-ns")
	b.ReportMetric(median(hot), "hot-ns")
	b.ReportMetric(0, "ns/op")
}
