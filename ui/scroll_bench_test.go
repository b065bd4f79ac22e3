package ui

import (
	"runtime"
	"strconv"
	"syscall"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/internal/heapfloor"
	"github.com/httplens/httplens/requests"
)

// BenchmarkModelScroll is one Down (or Up) key in the response pane as the
// program handles it: the root Model's Update (the action table's dispatch, the
// pane's scroll) and its full View at 160x45 — httplens's own processing per
// press, without the terminal. The body is JSON of 1, 10 and 50 MB, sent through
// the TUI's send command to a loopback server and shown on Raw; the cost must be
// the same at every size (issue 24: flat, and under 2 ms). Besides the wall time
// it reports cpu-ms/op, the process's CPU time (user and system, GC included)
// per press: on a machine shared with other work the wall time mostly measures
// the wait for a core, the CPU time much less so.
//
//	go test ./ui -run '^$' -bench ModelScroll -benchtime 400x
func BenchmarkModelScroll(b *testing.B) {
	defer heapfloor.Keep(heapfloor.TUI)() // as the TUI command does
	url := jsonServer(b)
	for _, size := range []struct {
		name  string
		bytes int64
	}{{"1MB", 1 << 20}, {"10MB", 10 << 20}, {"50MB", 50 << 20}} {
		b.Run(size.name, func(b *testing.B) {
			m := bodyInFocus(b, url+"/"+strconv.FormatInt(size.bytes, 10))
			down, up := keyMsg("down"), keyMsg("up")
			for range 200 { // into the body, away from the top
				m, _ = drainOne(m, down)
			}
			// A session's heap grows to its goal once, faulting its pages in
			// (16 MB for a small body: see heapfloor). That takes a few
			// collections: 3,000 keys (60 MB of garbage) get there, so what is
			// timed is the steady state. With 1,000, the 1 MB session still
			// faulted 0.5 pages a key over the next 3,000 keys (0.1 over the
			// next 20,000, as at 50 MB).
			for i := range 3000 {
				m, _ = drainOne(m, [2]tea.KeyMsg{down, up}[i%2])
			}
			before := m.View()
			b.ReportAllocs()
			var ms0, ms1 runtime.MemStats
			runtime.ReadMemStats(&ms0)
			ru0 := rusage(b)
			i := 0
			for b.Loop() {
				k := down
				if i%2 == 1 {
					k = up
				}
				i++
				m, _ = drainOne(m, k)
				if m.View() == before && i%2 == 1 {
					b.Fatal("Down did not move the body")
				}
			}
			ru1 := rusage(b)
			runtime.ReadMemStats(&ms1)
			n := float64(b.N)
			b.ReportMetric(float64((cpuOf(ru1)-cpuOf(ru0)).Microseconds())/1000/n, "cpu-ms/op")
			// Why a size costs more, when it does: collections, page faults
			// (a heap handed back to the OS and faulted in again) and context
			// switches (a core given up to the collector's workers or others).
			b.ReportMetric(float64(ms1.NumGC-ms0.NumGC)*1000/n, "gc/1000op")
			b.ReportMetric(float64(ru1.Minflt-ru0.Minflt)/n, "faults/op")
			b.ReportMetric(float64(ru1.Nvcsw+ru1.Nivcsw-ru0.Nvcsw-ru0.Nivcsw)/n, "ctxsw/op")
			// What the heap floor costs a small session: the process's peak
			// (each size runs alone in bench/tui_scroll.sh).
			b.ReportMetric(float64(procStatus(b, "VmHWM:"))/1024, "peak-RSS-MB")
		})
	}
}

// rusage is what the process has used so far.
func rusage(b *testing.B) syscall.Rusage {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return ru
}

// cpuOf is a usage's CPU time, user and system.
func cpuOf(ru syscall.Rusage) time.Duration {
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// bodyInFocus returns the root model at 160x45 after sending GET url from a
// one-request collection, with the response pane focused: where a Down key
// scrolls the body.
func bodyInFocus(tb testing.TB, url string) Model {
	dir := tb.TempDir()
	writeHTTP(tb, dir, "c.http", "### Big\nGET "+url+"\n")
	cfg := Config{Dir: dir, Client: requests.NewClient(requests.Options{}), Options: requests.Options{SpoolDir: tb.TempDir()}}
	m := New(cfg)
	m, _ = drainOne(m, tea.WindowSizeMsg{Width: 160, Height: 45})
	m, _ = drainOne(m, m.Init()())
	m, _ = drainOne(m, keyMsg("ctrl+r"))
	m.setFocus(paneResponse)
	return m
}
