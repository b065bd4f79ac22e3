// Command startpieces times, once in a fresh process, the pieces of work the
// TUI does before its first frame, in runTUI's order: the settings file with
// the action table, the theme's styles, the model on the built-in tour at
// 160x45, and its first View. The Go benchmarks (go test ./ui -bench
// 'NewWithStyles|FirstView|SettingsOpen|ThemeStyles') measure them warm; this
// measures them cold, as a user's start pays them: first-touch page faults,
// tables made once a process, caches empty. Each line: the piece, its
// microseconds and its minor page faults. bench/start_pieces.sh runs it
// many times and prints the medians.
package main

import (
	"fmt"
	"os"
	"strings"
	"syscall"
	"time"

	"github.com/charmbracelet/lipgloss"

	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui"
)

func main() {
	dir, err := os.MkdirTemp("", "startpieces")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer os.RemoveAll(dir)
	flag := ""
	if len(os.Args) > 1 {
		flag = os.Args[1] // a settings file; none: HTTPLENS_CONFIG or the default place
	}
	t0, f0 := now()
	conf, _, errs := settings.Open(flag, ui.Actions())
	t1, f1 := now()
	lipgloss.SetHasDarkBackground(true)
	st, err := ui.ThemeStyles(conf.UI.Theme, conf.Themes, true)
	t2, f2 := now()
	cfg := ui.Config{Dir: dir, Width: 160, Height: 45, Keys: conf.Keys, Layout: conf.UI.Layout,
		Client: requests.NewClient(conf.Request.Options())}
	t3, f3 := now()
	m := ui.NewWithStyles(cfg, st)
	t4, f4 := now()
	v := m.View()
	t5, f5 := now()
	if len(errs) > 0 || err != nil || !strings.Contains(v, "Collection") {
		fmt.Fprintln(os.Stderr, "startpieces: bad start:", errs, err)
		os.Exit(1)
	}
	us := func(a, b time.Time) float64 { return float64(b.Sub(a).Nanoseconds()) / 1e3 }
	fmt.Printf("settings %.0f %d\ntheme %.0f %d\nmodel %.0f %d\nview %.0f %d\ntotal %.0f %d\n",
		us(t0, t1), f1-f0, us(t1, t2), f2-f1, us(t3, t4), f4-f3, us(t4, t5), f5-f4,
		us(t0, t5)-us(t2, t3), f5-f0-(f3-f2))
}

// now is the time and the process's minor page faults so far: on a VM a
// first-touch fault costs 10-15 us, most of a cold piece's time.
func now() (time.Time, int64) {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Now(), ru.Minflt
}
