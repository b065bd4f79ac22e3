package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/spf13/cobra"

	"github.com/httplens/httplens/ui"
	"github.com/httplens/httplens/ui/exchangelist"
)

// runHARTUI shows the exchanges of a HAR file, read-only, each explained; "save
// as request" proposes NAME.http in the current folder for a file NAME.har.
func runHARTUI(c *cobra.Command, path string) error {
	if _, err := os.Stat(path); err != nil {
		return usageError("%v", err)
	}
	dir, err := os.Getwd()
	if err != nil {
		return usageError("current folder: %v", err)
	}
	name := filepath.Base(path)
	src := exchangelist.Source{HARPath: path, Title: name, Dir: dir,
		SaveTo: strings.TrimSuffix(name, filepath.Ext(name)) + ".http"}
	return runTrafficTUI(context.Background(), c, src)
}

// runTrafficTUI runs the traffic program on src until the user quits or ctx ends.
func runTrafficTUI(ctx context.Context, c *cobra.Command, src exchangelist.Source) error {
	var cfg ui.Config
	conf := tuiSettings(c, &cfg)
	st := tuiStyles(conf, &cfg) // asks the terminal now, before the program owns it
	m := ui.NewTraffic(ui.TrafficConfig{Source: src, Keys: cfg.Keys, Notices: cfg.Notices}, st)
	p := tea.NewProgram(m, tea.WithAltScreen(), tea.WithContext(ctx))
	if _, err := p.Run(); err != nil && ctx.Err() == nil {
		return fmt.Errorf("tui: %w", err)
	}
	return nil
}
