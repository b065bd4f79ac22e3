package ui

import (
	"strconv"
	"syscall"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

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
	url := jsonServer(b)
	for _, size := range []struct {
		name  string
		bytes int64
	}{{"1MB", 1 << 20}, {"10MB", 10 << 20}, {"50MB", 50 << 20}} {
		b.Run(size.name, func(b *testing.B) {
			dir := b.TempDir()
			writeHTTP(b, dir, "c.http", "### Big\nGET "+url+"/"+strconv.FormatInt(size.bytes, 10)+"\n")
			cfg := Config{Dir: dir, Client: requests.NewClient(requests.Options{}), Options: requests.Options{SpoolDir: b.TempDir()}}
			m := New(cfg)
			m, _ = drainOne(m, tea.WindowSizeMsg{Width: 160, Height: 45})
			m, _ = drainOne(m, m.Init()())
			m, _ = drainOne(m, keyMsg("ctrl+r"))
			m.setFocus(paneResponse)
			down, up := keyMsg("down"), keyMsg("up")
			for range 200 { // into the body, away from the top
				m, _ = drainOne(m, down)
			}
			before := m.View()
			b.ReportAllocs()
			cpu0 := cpuTime(b)
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
			b.ReportMetric(float64((cpuTime(b)-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}

// cpuTime is the CPU time the process has used so far, user and system.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
