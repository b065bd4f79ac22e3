package cli

import (
	"github.com/charmbracelet/lipgloss"
	"github.com/spf13/cobra"

	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/settings"
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

// tuiStyles picks the theme the settings name. The terminal's background was
// asked for before the program started; an unknown theme is a notice, and the
// automatic one is used.
func tuiStyles(conf settings.Settings, cfg *ui.Config) ui.Styles {
	st, err := ui.ThemeStyles(conf.UI.Theme, conf.Themes, lipgloss.HasDarkBackground())
	if err != nil {
		cfg.Notices = append(cfg.Notices, printableText(err.Error()))
	}
	return st
}
