package ui

import (
	"maps"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/ui/cookiejars"
	"github.com/httplens/httplens/ui/dialogs"
)

// newCookieJars makes the session's jars (package cookiejars) as cfg says: per
// environment from the settings, none with --no-cookies, kept in the history.
func newCookieJars(cfg Config) cookiejars.Set {
	on := cfg.Cookies.For
	if cfg.NoCookies {
		on = func(string) bool { return false }
	}
	return cookiejars.New(on, cfg.History)
}

// cookiesOpen opens the cookies view on the current environment's jar, listing
// it and resolving the request shown in commands; with cookies off it says so.
func (m Model) cookiesOpen() (tea.Model, tea.Cmd) {
	list, status, ok := m.jars.Open(m.env)
	if !ok {
		m.setStatus(status, false)
		return m, nil
	}
	m.overlay.Open(dialogs.CookiesView(cookiejars.EnvName(m.env)))
	r := m.req.Request()
	if r == nil {
		return m, list
	}
	resolve, last := m.resolver(), maps.Clone(m.last)
	return m, tea.Batch(list, cookiejars.TargetCmd(m.env, func() (string, error) {
		req, err := resolve(r, last, nil)
		return req.URL, err
	}))
}

// handleCookieMsg applies a cookie message (see cookiejars.Handle); ok is false
// for any other message.
func (m Model) handleCookieMsg(msg tea.Msg) (tea.Model, tea.Cmd, bool) {
	o, ok := cookiejars.Handle(msg, m.env)
	if !ok {
		return m, nil, false
	}
	if o.Status != "" {
		m.setStatus(o.Status, o.IsErr)
	}
	if o.Listed {
		m.overlay.Listed(o.Cookies)
	}
	if o.Targeted {
		m.overlay.Targeted(o.Target, o.Now)
	}
	return m, nil, true
}
