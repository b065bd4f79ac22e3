package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/httplens/httplens/demo"
	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/internal/heapfloor"
	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/spool"
	"github.com/httplens/httplens/ui"
)

// addTUIFlags declares the flags of the default (TUI) command.
func addTUIFlags(c *cobra.Command) {
	c.Flags().Bool("no-demo", false, "do not start the built-in demo API")
	c.Flags().String("env", "", "environment from http-client.env.json")
	c.Flags().StringArray("var", nil, "variable k=v, overriding the file and the environment (repeatable)")
	c.Flags().Bool("no-history", false, "do not keep the exchanges of this session in the history")
	c.Flags().Bool("no-cookies", false, "neither send nor keep cookies")
	addHistoryFlag(c.Flags(), new(string))
}

// runTUI opens the terminal UI on PATH, or on the .http files of the current folder,
// or on the built-in tour; the demo API runs in-process unless --no-demo.
func runTUI(c *cobra.Command, args []string) error {
	startMark("runTUI")
	if isHARPath(args) {
		return runHARTUI(c, args[0])
	}
	noDemo, _ := c.Flags().GetBool("no-demo")
	env, _ := c.Flags().GetString("env")
	cfg := ui.Config{Env: env}
	varFlags, _ := c.Flags().GetStringArray("var")
	vars, err := parseVars(varFlags)
	if err != nil {
		return err
	}
	cfg.Vars = vars
	if len(args) == 1 {
		if _, err := os.Stat(args[0]); errors.Is(err, fs.ErrNotExist) {
			// The first word may have been meant as a command: say both.
			return usageError("no command or file named %s; see httplens --help", args[0])
		} else if err != nil {
			return usageError("%v", err)
		}
		cfg.Path = args[0]
	}
	dir, err := os.Getwd()
	if err != nil {
		return usageError("current folder: %v", err)
	}
	cfg.Dir = dir
	// What the first frame does not need starts once it is up: the history
	// database (its calls, all in commands, wait for it) and the removal of the
	// spool folders of processes that are gone. It starts at the end in any case.
	afterFirst := make(chan struct{})
	var once sync.Once
	firstFrameUp := func() { once.Do(func() { close(afterFirst) }) }
	// The size now, so the first View is the whole screen (bubbletea sends it
	// too, a moment later; a resize in between is corrected then).
	width, height, _ := term.GetSize(os.Stdout.Fd())
	defer heapfloor.Keep(heapfloor.TUI)() // a small body's session collects as seldom as a large one's
	// The settings now; the rest fills the wait for the renderer's first tick
	// (tuiStart): the client, the history and the model on another goroutine,
	// the demo API's port and the folder for large bodies on a third (the API
	// itself is built and served once the first frame is up), the terminal's
	// background in the program's Init.
	// Bodies past the in-memory cap are spooled in that folder. It goes when the
	// program ends: by q or ctrl+c (Run returns), by SIGHUP, SIGTERM or SIGINT
	// (handled below), by a panic (Run catches it and returns); a killed
	// process's folder goes at the next start.
	prep := prepareTUI(c, cfg, width, height, !noDemo, afterFirst)
	prep.start()
	defer prep.close()
	defer firstFrameUp() // before the history's Close, which waits for the opening

	// The signals are ours, not bubbletea's: a closed terminal (SIGHUP) would end
	// the process without running the deferred removals (a download in flight may
	// be writing hundreds of MB), and bubbletea's own handler can block for ever
	// if the program ends while it is delivering a signal.
	p := tea.NewProgram(prep, tea.WithAltScreen(), tea.WithMouseCellMotion(),
		tea.WithoutSignalHandler(), tea.WithFPS(tuiFPS))
	sigs := make(chan os.Signal, 1)
	notified := make(chan struct{})
	defer func() { <-notified; signal.Stop(sigs) }()
	killed := make(chan os.Signal, 1)
	go func() {
		// Notify here, as bubbletea's own handler does: its first call starts
		// the runtime's signal thread, which delayed Run by ~1 ms (on main, or
		// on a goroutine waited for before Run: the settings beside it took
		// longer). A SIGTERM or SIGHUP in the moment before this runs ends the
		// process the default way (ctrl+c is a key once the terminal is raw).
		signal.Notify(sigs, syscall.SIGHUP, syscall.SIGTERM, syscall.SIGINT)
		close(notified)
		if sig, ok := <-sigs; ok {
			signal.Stop(sigs) // a second signal ends the process the default way
			killed <- sig
			prep.start() // if Init has not: services waits for it
			if sp := prep.services().spool; sp != nil {
				sp.Remove()
			}
			p.Kill() // Run returns, the terminal is restored and the defers run
		}
	}()
	time.AfterFunc(firstFrameDelay, firstFrameUp)
	startMark("run")
	_, err = p.Run()
	if prep.err != nil { // the services did not start; the program quit at once
		return failedError(prep.err)
	}
	if err != nil {
		select {
		case sig := <-killed:
			return failedError(fmt.Errorf("stopped by %v", sig))
		default:
		}
		return fmt.Errorf("tui: %w", err)
	}
	return nil
}

// tuiFPS is how often bubbletea may repaint, its most. A frame waits for the
// renderer's next tick (the first one too: 17 ms at the default 60); at 120 it
// waits 8 ms at most. An idle tick costs a lock and a length check.
const tuiFPS = 120

// firstFrameDelay is how long after the program starts its first frame counts
// as up, and the work held back for it begins: the renderer has painted by
// then (its first tick is at 8 ms), and a history call waits this long at most
// for the database to begin opening.
const firstFrameDelay = 50 * time.Millisecond

// tuiServices are what the TUI starts besides itself: the demo API (nil with
// --no-demo) and the folder large bodies are spooled to.
type tuiServices struct {
	demo  *lateDemo
	spool *spool.Dir
	err   error
}

// startTUIServices binds the demo API's port (when asked) and makes the spool
// folder in a goroutine; the channel gives them once ready. A failure stops
// whichever did start. Once later is closed, the demo API is served and the
// spool folders of processes that are gone are removed.
func startTUIServices(withDemo bool, later <-chan struct{}) <-chan tuiServices {
	go func() {
		<-later
		spool.CleanStale(os.TempDir())
	}()
	ch := make(chan tuiServices, 1)
	go func() {
		var s tuiServices
		if withDemo {
			d, err := startLateDemo(later)
			if err != nil {
				s.err = fmt.Errorf("starting the demo API: %w", err)
				ch <- s
				return
			}
			s.demo = d
		}
		sp, err := spool.Make()
		if err != nil {
			s.err = fmt.Errorf("temporary folder for large bodies: %w", err)
		}
		s.spool = sp
		ch <- s
	}()
	return ch
}

// close stops the demo API and removes the spool folder, those that started.
func (s tuiServices) close() {
	if s.spool != nil {
		s.spool.Remove()
	}
	if s.demo != nil {
		s.demo.close()
	}
}

// lateDemo is the demo API on a port bound at start and served once the first
// frame is up: building the API (its routes and seeded items) costs the first
// frame a millisecond or two of CPU on a busy machine, binding costs a system
// call. A request sent in between waits in the port's backlog.
type lateDemo struct {
	ln     net.Listener
	mu     sync.Mutex
	srv    *demo.Server // nil until served
	closed bool
}

func startLateDemo(later <-chan struct{}) (*lateDemo, error) {
	// IPv4 and plain TCP: "tcp" would probe for IPv6 and MPTCP first (five
	// sockets and a uname, ~0.3 ms), though the address is IPv4's loopback.
	var lc net.ListenConfig
	lc.SetMultipathTCP(false)
	ln, err := lc.Listen(context.Background(), "tcp4", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	d := &lateDemo{ln: ln}
	go func() {
		<-later
		d.mu.Lock()
		defer d.mu.Unlock()
		if !d.closed {
			d.srv = demo.Serve(ln)
		}
	}()
	return d, nil
}

// URL is the demo API's base URL, as demo.Server's.
func (d *lateDemo) URL() string { return "http://" + d.ln.Addr().String() }

// close stops the API, or closes its port if it was never served.
func (d *lateDemo) close() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.closed = true
	if d.srv != nil {
		d.srv.Close()
	} else {
		d.ln.Close()
	}
}

// openTUIHistory opens the history database for the session unless --no-history
// (or the settings turn it off); the flags win over the settings.
// A database path that cannot be used turns the history off for this run; the UI
// says why in its History tab, and the session goes on. A file that turns out not
// to open reports its error in the History tab's listing.
func openTUIHistory(c *cobra.Command, cfg *ui.Config, conf settings.History, start <-chan struct{}) *history.Store {
	if off, _ := c.Flags().GetBool("no-history"); off || !c.Flags().Changed("no-history") && !conf.Enabled {
		return nil
	}
	flag, _ := c.Flags().GetString("history")
	if !c.Flags().Changed("history") {
		flag = conf.Path
	}
	path, err := historyPath(flag)
	if err != nil {
		cfg.HistoryErr = err
		return nil
	}
	// Opened in the background once start is closed: the first frame does not
	// wait for SQLite (its migration, its WAL files, entries left pending); the
	// UI's history calls all run in commands, which wait for it.
	store, err := history.OpenAfter(path, historyOptions(conf), start)
	if err != nil {
		cfg.HistoryErr = err
		return nil
	}
	cfg.History = store
	return store
}
