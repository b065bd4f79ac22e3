package ui

import (
	"fmt"
	"maps"
	"net/url"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/cookiejars"
	"github.com/httplens/httplens/ui/dialogs"
	"github.com/httplens/httplens/ui/overlay/cookiejar"
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

// saveCookiesCmd keeps the jar of env after an exchange; nil when there is no jar
// or nowhere to keep it.
func (m *Model) saveCookiesCmd(env string) tea.Cmd { return m.jars.SaveCmd(env) }

// cookiesOpen opens the cookies view on the current environment's jar and lists
// it in a command; with cookies off it says so in the status line.
func (m Model) cookiesOpen() (tea.Model, tea.Cmd) {
	j := m.jars.Jar(m.env)
	if j == nil {
		m.setStatus("Cookies are off for "+envName(m.env)+" (--no-cookies or [cookies] in the settings file)", false)
		return m, nil
	}
	m.overlay.Open(dialogs.CookiesView(envName(m.env)))
	return m, tea.Batch(cookiejars.ListCmd(j), m.cookieTargetCmd())
}

// cookieTargetCmd resolves the request shown, so the cookies view can say which
// cookies go with it; nil when no request is shown.
func (m *Model) cookieTargetCmd() tea.Cmd {
	r := m.req.Request()
	if r == nil {
		return nil
	}
	resolve, last, env := m.resolver(), maps.Clone(m.last), m.env
	return func() tea.Msg {
		req, err := resolve(r, last, nil)
		if err != nil {
			return nil // the view then lists the jar alone
		}
		u, err := url.Parse(req.URL)
		if err != nil || u.Host == "" {
			return nil
		}
		return dialogs.CookieTarget{Env: env, URL: u, Now: time.Now()}
	}
}

// envName names an environment for messages.
func envName(env string) string {
	if env == "" {
		return "no environment"
	}
	return "environment " + termtext.String(env)
}

// changeCookies deletes or clears what the cookies view asked, in a command;
// the view lists the jar again when that is done.
func (m *Model) changeCookies(out tea.Msg) tea.Cmd {
	j := m.jars.Jar(m.env)
	if j == nil {
		return nil
	}
	switch out := out.(type) {
	case cookiejar.Delete:
		c := out.Cookie
		m.setStatus("Deleted the cookie "+termtext.String(c.Name)+" of "+termtext.String(c.Domain), false)
		return cookiejars.DeleteCmd(j, c)
	case cookiejar.Clear:
		m.setStatus(fmt.Sprintf("Cleared %d cookies of %s", out.N, envName(m.env)), false)
		return cookiejars.ClearCmd(j)
	}
	return nil
}

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
		if msg.Env == m.env {
			m.overlay.Listed(msg.Cookies)
		}
	case dialogs.CookieTarget:
		if msg.Env == m.env {
			m.overlay.Targeted(msg)
		}
	default:
		return m, nil, false
	}
	return m, nil, true
}
