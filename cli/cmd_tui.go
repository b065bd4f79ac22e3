package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"syscall"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/spf13/cobra"

	"github.com/httplens/httplens/demo"
	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/requests"
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
	noDemo, _ := c.Flags().GetBool("no-demo")
	env, _ := c.Flags().GetString("env")
	cfg := ui.Config{Env: env}
	varFlags, _ := c.Flags().GetStringArray("var")
	vars, err := parseVars(varFlags)
	if err != nil {
		return err
	}
	cfg.Vars = vars
	conf := tuiSettings(c, &cfg)
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
	if !noDemo {
		srv, err := demo.Start()
		if err != nil {
			return failedError(fmt.Errorf("starting the demo API: %w", err))
		}
		defer srv.Close()
		cfg.DemoURL = srv.URL()
	}
	client := requests.NewClient(tuiOptions(conf, "")) // the live checks
	defer client.CloseIdleConnections()
	cfg.Client = client
	// Bodies past the in-memory cap are spooled here. The folder goes when the
	// program ends: by q or ctrl+c (Run returns), by SIGHUP, SIGTERM or SIGINT
	// (handled below), by a panic (Run catches it and returns); a killed
	// process's folder goes at the next start.
	sp, err := spool.New()
	if err != nil {
		return failedError(fmt.Errorf("temporary folder for large bodies: %w", err))
	}
	defer sp.Remove()
	cfg.Options = tuiOptions(conf, sp.Path)
	if store := openTUIHistory(c, &cfg, conf.History); store != nil {
		defer store.Close()
	}

	// Ask the terminal for its background (if the theme needs it) now, before the
	// program owns the terminal.
	st := tuiStyles(conf, &cfg)
	// The signals are ours, not bubbletea's: a closed terminal (SIGHUP) would end
	// the process without running the deferred removals (a download in flight may
	// be writing hundreds of MB), and bubbletea's own handler can block for ever
	// if the program ends while it is delivering a signal.
	p := tea.NewProgram(ui.NewWithStyles(cfg, st), tea.WithAltScreen(), tea.WithMouseCellMotion(),
		tea.WithoutSignalHandler())
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGHUP, syscall.SIGTERM, syscall.SIGINT)
	defer signal.Stop(sigs)
	killed := make(chan os.Signal, 1)
	go func() {
		if sig, ok := <-sigs; ok {
			signal.Stop(sigs) // a second signal ends the process the default way
			killed <- sig
			sp.Remove()
			p.Kill() // Run returns, the terminal is restored and the defers run
		}
	}()
	if _, err := p.Run(); err != nil {
		select {
		case sig := <-killed:
			return failedError(fmt.Errorf("stopped by %v", sig))
		default:
		}
		return fmt.Errorf("tui: %w", err)
	}
	return nil
}

// openTUIHistory opens the history database for the session unless --no-history
// (or the settings turn it off); the flags win over the settings.
// A database that cannot be opened turns the history off for this run; the UI says
// why in its History tab, and the session goes on.
func openTUIHistory(c *cobra.Command, cfg *ui.Config, conf settings.History) *history.Store {
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
	store, err := history.Open(path, historyOptions(conf))
	if err != nil {
		cfg.HistoryErr = err
		return nil
	}
	cfg.History = store
	return store
}
