package cli

import (
	"fmt"
	"runtime/debug"
	"sync"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/spf13/cobra"

	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui"
)

// tuiStart is the program's model until its first message: it builds the real
// model in Init. bubbletea starts its renderer's ticker before it calls Init,
// and paints the first View at the first tick (8 ms at 120 fps), so the work
// done here overlaps that wait instead of coming before it. What Init does
// first, asking the terminal for its background, must come before bubbletea
// reads the input, and it does: the input reader starts after the first View.
// Bubbletea has put the terminal in raw mode and the alternate screen by then,
// which the query does not mind (it is answered all the same).
// The settings file, the client and the history's path are set up on another
// goroutine meanwhile (from before the program starts), and the demo API's
// port and the spool folder on a third: they need neither the terminal nor the
// theme. If those services fail, Init quits at once and runTUI reports why (the
// alternate screen shows for that moment, blank).
type tuiStart struct {
	width, height int   // set by runTUI before the program starts
	err           error // the services' error, if Init found one (the program then quits)

	started <-chan tuiServices
	svcOnce sync.Once
	svc     tuiServices // from started, once services was called

	ready chan struct{} // closed once setup is filled in (or the goroutine panicked)
	setup tuiSetup      // the goroutine's; read after ready

	m tea.Model // the real model, once Init built it
}

// tuiSetup is what prepareTUI's goroutine sets up.
type tuiSetup struct {
	conf     settings.Settings
	cfg      ui.Config // the flags' values, the settings', the client and the history
	client   *requests.Client
	store    *history.Store
	panicked string // a panic on the goroutine, with its stack, for Init to raise again
}

// prepareTUI starts reading the settings and setting up the client and the
// history (opened once later is closed) for cfg, on another goroutine.
// services are started's, the demo API and the spool folder, once they are up.
func prepareTUI(c *cobra.Command, cfg ui.Config, later <-chan struct{}, started <-chan tuiServices) *tuiStart {
	s := &tuiStart{ready: make(chan struct{}), started: started}
	go func() {
		defer close(s.ready)
		defer func() {
			// Raised again in Init, where bubbletea restores the terminal before
			// it reports a panic.
			if r := recover(); r != nil {
				s.setup.panicked = fmt.Sprintf("%v\n\n%s", r, debug.Stack())
			}
		}()
		u := &s.setup
		u.cfg = cfg
		u.conf = tuiSettings(c, &u.cfg)
		startMark("settings")
		u.client = requests.NewClient(tuiOptions(u.conf, "")) // the live checks
		u.cfg.Client = u.client
		u.store = openTUIHistory(c, &u.cfg, u.conf.History, later)
		startMark("history")
	}()
	return s
}

// wait waits for the goroutine's part.
func (s *tuiStart) wait() { <-s.ready }

// services waits for the demo API's port and the spool folder (from any
// goroutine: the signal handler's too).
func (s *tuiStart) services() tuiServices {
	s.svcOnce.Do(func() { s.svc = <-s.started })
	return s.svc
}

// close releases what was set up: the history (whose Close waits for the
// opening, so later must be closed first), the client's connections, the demo
// API and the spool folder.
func (s *tuiStart) close() {
	s.wait()
	if s.setup.store != nil {
		s.setup.store.Close()
	}
	if s.setup.client != nil {
		s.setup.client.CloseIdleConnections()
	}
	s.services().close()
}

// Init asks the terminal for its background (if the theme needs it), builds
// the theme and the model, and returns the model's Init. If the services did
// not start, it quits at once (runTUI reports s.err).
func (s *tuiStart) Init() tea.Cmd {
	startMark("init")
	s.wait()
	if s.setup.panicked != "" {
		panic(s.setup.panicked)
	}
	cfg := s.setup.cfg
	st := tuiStyles(s.setup.conf, &cfg)
	startMark("theme")
	svc := s.services()
	startMark("services")
	if svc.err != nil {
		s.err = svc.err
		return tea.Quit
	}
	if svc.demo != nil {
		cfg.DemoURL = svc.demo.URL()
	}
	cfg.Options = tuiOptions(s.setup.conf, svc.spool.Path)
	cfg.Width, cfg.Height = s.width, s.height
	m := ui.NewWithStyles(cfg, st)
	startMark("model")
	s.m = m
	return m.Init()
}

// Update hands the message to the real model, which replaces this one.
func (s *tuiStart) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if s.m == nil { // quitting
		return s, nil
	}
	return s.m.Update(msg)
}

// View is the real model's (Init has built it before bubbletea asks).
func (s *tuiStart) View() string {
	if s.m == nil {
		return ""
	}
	v := s.m.View()
	startMark("view")
	return v
}
