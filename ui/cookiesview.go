package ui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/overlay/cookiejar"
)

// openCookies opens the cookies view on the current environment's jar and lists
// it in a command; with cookies off it says so in the status line.
func (m *Model) openCookies() tea.Cmd {
	j := m.jars.jar(m.env)
	if j == nil {
		m.setStatus("Cookies are off for "+envName(m.env)+" (--no-cookies or [cookies] in the settings file)", false)
		return nil
	}
	m.openDialog(dialog{kind: overlayCookies, cookies: cookiejar.Model{Title: envName(m.env), Note: "Reading the cookies…"}})
	return changeCookiesCmd(j, nil)
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
	j := m.jars.jar(m.env)
	switch out := out.(type) {
	case cookiejar.Delete:
		if j == nil {
			return m, nil
		}
		c := out.Cookie
		m.setStatus("Deleted the cookie "+termtext.String(c.Name)+" of "+termtext.String(c.Domain), false)
		return m, changeCookiesCmd(j, func(jar *requests.Jar) { jar.Delete(c.Domain, c.Path, c.Name) })
	case cookiejar.Clear:
		if j == nil {
			return m, nil
		}
		m.setStatus(fmt.Sprintf("Cleared %d cookies of %s", out.N, envName(m.env)), false)
		return m, changeCookiesCmd(j, func(jar *requests.Jar) { jar.Clear() })
	}
	return m.fromOverlay(out)
}
