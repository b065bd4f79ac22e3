package ui

import (
	"fmt"
	"maps"
	"net/url"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/cookiejars"
	"github.com/httplens/httplens/ui/overlay/cookiejar"
)

// openCookies opens the cookies view on the current environment's jar and lists
// it in a command; with cookies off it says so in the status line.
func (m *Model) openCookies() tea.Cmd {
	j := m.jars.Jar(m.env)
	if j == nil {
		m.setStatus("Cookies are off for "+envName(m.env)+" (--no-cookies or [cookies] in the settings file)", false)
		return nil
	}
	m.openDialog(dialog{kind: overlayCookies, cookies: cookiejar.Model{Title: envName(m.env), Note: "Reading the cookies…"}})
	return tea.Batch(cookiejars.ListCmd(j), m.cookieTargetCmd())
}

// cookieTargetMsg is the URL of the request shown, for the cookies view.
type cookieTargetMsg struct {
	env string
	url *url.URL
	now time.Time // when it was resolved: the cookies' expiry is judged then
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
		return cookieTargetMsg{env: env, url: u, now: time.Now()}
	}
}

// envName names an environment for messages.
func envName(env string) string {
	if env == "" {
		return "no environment"
	}
	return "environment " + termtext.String(env)
}

// fromCookies acts on what the cookies view handed up: the jar changes in a
// command, the view lists it again when that is done.
func (m Model) fromCookies(out tea.Msg) (tea.Model, tea.Cmd) {
	j := m.jars.Jar(m.env)
	switch out := out.(type) {
	case cookiejar.Delete:
		if j == nil {
			return m, nil
		}
		c := out.Cookie
		m.setStatus("Deleted the cookie "+termtext.String(c.Name)+" of "+termtext.String(c.Domain), false)
		return m, cookiejars.DeleteCmd(j, c)
	case cookiejar.Clear:
		if j == nil {
			return m, nil
		}
		m.setStatus(fmt.Sprintf("Cleared %d cookies of %s", out.N, envName(m.env)), false)
		return m, cookiejars.ClearCmd(j)
	}
	return m.fromOverlay(out)
}
