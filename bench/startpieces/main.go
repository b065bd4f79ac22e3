// Command startpieces times, once in a fresh process, the pieces of work the
// TUI does before its first frame, in runTUI's order: the settings file with
// the action table, the theme's styles, the model on the built-in tour at
// 160x45, and its first View. The Go benchmarks (go test ./ui -bench
// 'NewWithStyles|FirstView|SettingsOpen|ThemeStyles') measure them warm; this
// measures them cold, as a user's start pays them: first-touch page faults,
// tables made once a process, caches empty. bench/start_pieces.sh runs it
// many times and prints the medians.
package main

import (
	"fmt"
	"os"
	"strings"
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
	t0 := time.Now()
	conf, _, errs := settings.Open(flag, ui.Actions())
	t1 := time.Now()
	lipgloss.SetHasDarkBackground(true)
	st, err := ui.ThemeStyles(conf.UI.Theme, conf.Themes, true)
	t2 := time.Now()
	cfg := ui.Config{Dir: dir, Width: 160, Height: 45, Keys: conf.Keys, Layout: conf.UI.Layout,
		Client: requests.NewClient(conf.Request.Options())}
	t3 := time.Now()
	m := ui.NewWithStyles(cfg, st)
	t4 := time.Now()
	v := m.View()
	t5 := time.Now()
	if len(errs) > 0 || err != nil || !strings.Contains(v, "Collection") {
		fmt.Fprintln(os.Stderr, "startpieces: bad start:", errs, err)
		os.Exit(1)
	}
	us := func(a, b time.Time) float64 { return float64(b.Sub(a).Nanoseconds()) / 1e3 }
	fmt.Printf("settings %.0f\ntheme %.0f\nmodel %.0f\nview %.0f\ntotal %.0f\n",
		us(t0, t1), us(t1, t2), us(t3, t4), us(t4, t5), us(t0, t5)-us(t2, t3))
}
