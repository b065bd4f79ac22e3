package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/ui/cookiejars"
)

// cookieJars is the session's cookie jars, one per environment; see package cookiejars.
type cookieJars = cookiejars.Set

// newCookieJars makes the session's jars (package cookiejars) as cfg says: per
// environment from the settings, none with --no-cookies, kept in the history.
func newCookieJars(cfg Config) cookieJars {
	on := cfg.Cookies.For
	if cfg.NoCookies {
		on = func(string) bool { return false }
	}
	return cookiejars.New(on, cfg.History)
}

// saveCookiesCmd keeps the jar of env after an exchange; nil when there is no jar
// or nowhere to keep it.
func (m *Model) saveCookiesCmd(env string) tea.Cmd { return m.jars.SaveCmd(env) }

// handleCookieMsg takes the cookie messages; ok is false for any other message.
func (m Model) handleCookieMsg(msg tea.Msg) (tea.Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case cookiejars.SavedMsg:
		if msg.Err != nil {
			m.setStatus("Cookies not kept: "+msg.Err.Error(), true)
		}
	case cookiejars.ListedMsg:
		if msg.Err != nil {
			m.setStatus("Cookies: "+msg.Err.Error(), true)
		}
		if m.overlay.kind == overlayCookies && msg.Env == m.env {
			m.overlay.cookies.SetCookies(msg.Cookies)
		}
	case cookieTargetMsg:
		if m.overlay.kind == overlayCookies && msg.env == m.env {
			m.overlay.cookies.Target, m.overlay.cookies.Now = msg.url, msg.now
		}
	default:
		return m, nil, false
	}
	return m, nil, true
}
