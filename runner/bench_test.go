package runner

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
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
// Figures (2026-12-02, bench/handler_cost.sh, rounds alternating with the engine
// before). On the machine quiet, 5 rounds: handler 8.0-8.6 µs (was 18.2-20.4),
// exchange 64-69 µs (was 65-72), handler-% 11.8-13.1 (was 26.5-31.5); the target
// (under 10 %) is not met. With GOGC=400 both shrink: 6.2 µs against 56 µs, 11.1 %.
// Under a load of 10-15, two runs of 7 rounds: handler-% medians 15.0 and 14.0
// (ranges 6.9-27, 11-17; before 24.9 and 21.1, ranges 16-32, 19-26). A handler
// costs twice as much here as alone (BenchmarkRun in scripts), in part the
// collector's doing (see GOGC=400); the rest is not pinned down.
func BenchmarkRun1000(b *testing.B) {
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
	}
	client := requests.NewClient(requests.Options{})
	defer client.CloseIdleConnections()
	engine := &scripts.Engine{Globals: &scripts.Globals{}}

	var script, exchange time.Duration
	var n int
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rep := Run(context.Background(), steps, Options{Client: client, Engine: engine})
		if rep.ExitCode() != ExitPassed {
			b.Fatalf("run failed: %+v", rep.Steps[0].Checks)
		}
		for _, s := range rep.Steps {
			script += s.ScriptTime
			exchange += s.Exchange.Timing.Total
			n++
		}
	}
	b.ReportMetric(float64(script.Microseconds())/float64(n), "µs/handler")
	b.ReportMetric(float64(exchange.Microseconds())/float64(n), "µs/exchange")
	b.ReportMetric(100*float64(script)/float64(exchange), "handler-%")
	b.ReportMetric(0, "ns/op")
}
