package cli

import (
	"os"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/spf13/cobra"

	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/termbg"
	"github.com/httplens/httplens/ui"
)

// tuiSettings loads the settings file for the TUI and puts its values under the
// flags the user did not give. A bad file never stops the TUI: its problems become
// notices the UI shows at start, and what was wrong keeps its default.
func tuiSettings(c *cobra.Command, cfg *ui.Config) settings.Settings {
	flag, _ := c.Flags().GetString("config")
	conf, path, errs := settings.Open(flag, ui.Actions())
	cfg.SettingsFile = path
	for _, err := range errs {
		cfg.Notices = append(cfg.Notices, printableText(err.Error()))
	}
	if !c.Flags().Changed("env") {
		cfg.Env = conf.Environment
	}
	cfg.Keys = conf.Keys // its conflicts, every action's, are among errs
	cfg.Cookies = conf.Cookies
	cfg.NoCookies, _ = c.Flags().GetBool("no-cookies")
	cfg.Layout = conf.UI.Layout
	return conf
}

// tuiOptions are the options every send of the TUI starts from: the settings'
// timeout, redirects, TLS checks and body cap, and the folder for large bodies.
func tuiOptions(conf settings.Settings, spool string) requests.Options {
	o := conf.Request.Options()
	o.SpoolDir = spool
	o.UserAgent = "httplens/" + version
	return o
}

// bgTimeout bounds the wait for the terminal's background colour at TUI start.
// Every terminal answers the DA1 query sent after it, so the wait is one round
// trip: under a millisecond locally, tens over SSH. The first frame waits for
// it (overlapping the model's construction and the renderer's first tick, see
// tuiStart); it cannot paint first and restyle when the answer comes: in
// bubbletea v1 the late answer would be read as key presses (see
// TestTUIUsesALateBackgroundAnswer), and the styles are copied into every pane.
// COLORFGBG is not used instead: few terminals set it, ssh does not pass it on
// by default, and it goes stale under tmux or screen.
const bgTimeout = 500 * time.Millisecond

// tuiStyles picks the theme the settings name. Only a theme that depends on the
// background asks the terminal for it (briefly; dark when it does not say); an
// unknown theme is a notice, and the automatic one is used.
func tuiStyles(conf settings.Settings, cfg *ui.Config) ui.Styles {
	return themeStyles(conf, cfg, askDark(conf))
}

// askDark asks the terminal whether its background is dark, if the theme needs
// to know; dark when it does not say or the theme does not depend on it.
func askDark(conf settings.Settings) bool {
	dark := true
	if needsBackground(conf) {
		if d, ok := termbg.Dark(os.Stdin, os.Stdout, bgTimeout); ok {
			dark = d
		}
		startMark("bgquery")
	}
	return dark
}

// themeStyles builds the settings' theme for a dark or light background; an
// unknown theme is a notice, and the automatic one is used.
func themeStyles(conf settings.Settings, cfg *ui.Config, dark bool) ui.Styles {
	lipgloss.SetHasDarkBackground(dark) // for the adaptive colours
	st, err := ui.ThemeStyles(conf.UI.Theme, conf.Themes, dark)
	if err != nil {
		cfg.Notices = append(cfg.Notices, printableText(err.Error()))
	}
	return st
}

// needsBackground reports whether the theme's colours depend on the terminal's
// background: every theme but the fixed dark and light ones (and user themes
// based on them) does.
func needsBackground(conf settings.Settings) bool {
	base := conf.UI.Theme
	if t, ok := conf.Themes[base]; ok {
		base = t.Base
	}
	return base != settings.ThemeDark && base != settings.ThemeLight
}
