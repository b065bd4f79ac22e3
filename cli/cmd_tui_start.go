package cli

import (
	"fmt"
	"runtime/debug"
	"slices"
	"sync"
	"sync/atomic"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/spf13/cobra"

	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui"
)

// tuiStart is the program's model until its first message: it hands over to
// the real model in Init. bubbletea starts its renderer's ticker before it
// calls Init, and paints the first View at the first tick (8 ms at 120 fps), so
// what is not done before Run overlaps that wait instead of coming before it.
// Before Run there is what bubbletea's clock depends on (the flags, the
// terminal's size) and the settings file (prepareTUI): read there, alone, it
// takes ~1 ms; read on a goroutine beside bubbletea's start and the terminal's
// work on its output, 2-3 times that, and the chain below then missed the first
// tick more often than not (timelines in bench/tui_first_frame.sh).
// signal.Notify runs on another goroutine.
//
// Three things then run at once:
//   - prepareTUI's goroutine sets up the client and the history (beside the
//     theme, on a fourth), waits for the services, and builds the model and
//     its first View: for the terminal's answer if it has come by then (the
//     theme is built again if it is light), else for a dark background, the
//     usual answer and the one taken when the terminal says nothing or the
//     theme does not depend on it.
//   - startTUIServices's goroutine binds the demo API's port and makes the
//     spool folder.
//   - Init (on the program's goroutine) asks the terminal for its background, if
//     the theme needs it. That must come before bubbletea reads the input, and
//     it does: bubbletea starts its input reader after the first View. It has
//     put the terminal in raw mode and the alternate screen by then, which the
//     query does not mind. The answer takes a round trip: well under a
//     millisecond on a local terminal, tens over SSH (at most bgTimeout).
//
// If the terminal answers light after the model was built, Init builds the
// theme and the model again (as much work as before this overlap, after the
// answer: over SSH, say). If the services failed,
// Init quits at once and runTUI reports why (the alternate screen shows blank
// for that moment).
type tuiStart struct {
	err error // the services' error, if Init found one (the program then quits)

	begin     func() // starts the goroutines (start calls it once)
	beginOnce sync.Once

	started <-chan tuiServices // set by begin
	svcOnce sync.Once
	svc     tuiServices // from started, once services was called

	ready chan struct{} // closed once the goroutine has filled in setup (or panicked)
	setup tuiSetup      // conf and cfg from prepareTUI, the rest read after ready

	m         tea.Model // the real model, once Init chose it
	firstView string    // its first View, when built ahead

	answer atomic.Int32 // the terminal's answer once Init has it: answerDark or answerLight
}

// The terminal's answer, as tuiStart.answer holds it (0: not yet).
const (
	answerDark = iota + 1
	answerLight
)

// tuiSetup is what prepareTUI and its goroutine set up.
type tuiSetup struct {
	conf     settings.Settings
	cfg      ui.Config // the flags', the settings', the client, the history, the services
	client   *requests.Client
	store    *history.Store
	svcErr   error
	model    ui.Model // the model, built for a dark background unless the answer was light by then
	light    bool     // model is for a light background
	view     string   // and its first View
	panicked string   // a panic on the goroutine, with its stack, for Init to raise again
}

// prepareTUI reads the settings into cfg and returns the start: once started,
// it sets up the client and the history (opened once later is closed), starts
// the services (the demo API unless withDemo is false) and builds the model for
// the terminal's background, on other goroutines. width and height are the
// terminal's size, for the first View.
func prepareTUI(c *cobra.Command, cfg ui.Config, width, height int, withDemo bool, later <-chan struct{}) *tuiStart {
	s := &tuiStart{ready: make(chan struct{})}
	s.setup.cfg = cfg
	s.setup.conf = tuiSettings(c, &s.setup.cfg)
	s.setup.cfg.Notices = slices.Clip(s.setup.cfg.Notices) // each build appends its own
	startMark("settings")
	s.begin = func() {
		s.started = startTUIServices(withDemo, later)
		go s.prepare(c, width, height, later)
	}
	return s
}

// prepare is the goroutine of prepareTUI.
func (s *tuiStart) prepare(c *cobra.Command, width, height int, later <-chan struct{}) {
	defer close(s.ready)
	defer func() {
		// Raised again in Init, where bubbletea restores the terminal before
		// it reports a panic.
		if r := recover(); r != nil {
			s.setup.panicked = fmt.Sprintf("%v\n\n%s", r, debug.Stack())
		}
	}()
	u := &s.setup
	// The client and the history's path are set up on another goroutine
	// while the theme is built.
	var hist ui.Config
	histDone := make(chan any, 1) // buffered: not left blocked if the theme panics
	go func() {
		defer func() {
			r := recover()
			if r != nil {
				r = fmt.Sprintf("%v\n\n%s", r, debug.Stack())
			}
			histDone <- r
		}()
		u.client = requests.NewClient(tuiOptions(u.conf, "")) // the live checks
		u.store = openTUIHistory(c, &hist, u.conf.History, later)
		startMark("history")
	}()
	var notes ui.Config // the theme's notice, for this build only
	st := themeStyles(u.conf, &notes, true)
	startMark("theme")
	if r := <-histDone; r != nil {
		panic(r)
	}
	u.cfg.Client, u.cfg.History, u.cfg.HistoryErr = u.client, hist.History, hist.HistoryErr
	svc := s.services()
	if svc.err != nil {
		u.svcErr = svc.err
		return
	}
	if svc.demo != nil {
		u.cfg.DemoURL = svc.demo.URL()
	}
	u.cfg.Options = tuiOptions(u.conf, svc.spool.Path)
	u.cfg.Width, u.cfg.Height = width, height
	if s.answer.Load() == answerLight { // it came while the theme was built
		notes = ui.Config{}
		st = themeStyles(u.conf, &notes, false)
		u.light = true
	}
	mcfg := u.cfg
	mcfg.Notices = append(mcfg.Notices, notes.Notices...)
	u.model = ui.NewWithStyles(mcfg, st)
	startMark("model")
	u.view = u.model.View()
	startMark("aheadview")
}

// start starts the goroutines, once (runTUI does, before Run; Init, the signal
// handler and close make sure).
func (s *tuiStart) start() { s.beginOnce.Do(s.begin) }

// services waits for the demo API's port and the spool folder (from any
// goroutine, the signal handler's too, after start).
func (s *tuiStart) services() tuiServices {
	s.svcOnce.Do(func() { s.svc = <-s.started })
	return s.svc
}

// close releases what was set up: the history (whose Close waits for the
// opening, so later must be closed first), the client's connections, the demo
// API and the spool folder.
func (s *tuiStart) close() {
	s.start() // if the program never called Init
	<-s.ready
	if s.setup.store != nil {
		s.setup.store.Close()
	}
	if s.setup.client != nil {
		s.setup.client.CloseIdleConnections()
	}
	s.services().close()
}

// Init asks the terminal for its background (if the theme needs it), takes the
// model built for it, and returns the model's Init. If the services did not
// start, it quits at once (runTUI reports s.err).
func (s *tuiStart) Init() tea.Cmd {
	startMark("init")
	s.start()
	dark := askDark(s.setup.conf)
	if dark {
		s.answer.Store(answerDark)
	} else {
		s.answer.Store(answerLight)
	}
	<-s.ready
	startMark("ready")
	u := &s.setup
	if u.panicked != "" {
		panic(u.panicked)
	}
	if u.svcErr != nil {
		s.err = u.svcErr
		return tea.Quit
	}
	if u.light != dark {
		s.m, s.firstView = u.model, u.view
	} else {
		cfg := u.cfg
		s.m = ui.NewWithStyles(cfg, themeStyles(u.conf, &cfg, false))
		startMark("model")
	}
	return s.m.Init()
}

// Update hands the message to the real model, which replaces this one.
func (s *tuiStart) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if s.m == nil { // quitting
		return s, nil
	}
	return s.m.Update(msg)
}

// View is the real model's; the first one may have been drawn ahead, on the
// goroutine that built the model (nothing has changed the model since).
func (s *tuiStart) View() string {
	if s.m == nil {
		return ""
	}
	if v := s.firstView; v != "" {
		s.firstView = ""
		startMark("view")
		return v
	}
	v := s.m.View()
	startMark("view")
	return v
}
