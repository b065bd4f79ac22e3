package ui

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/termtext"
)

// openCookies opens the cookies view on the current environment's jar and lists
// it in a command; with cookies off it says so in the status line.
func (m *Model) openCookies() tea.Cmd {
	j := m.jars.jar(m.env)
	if j == nil {
		m.setStatus("Cookies are off for "+envName(m.env)+" (--no-cookies or [cookies] in the settings file)", false)
		return nil
	}
	m.jars.shown = nil
	m.openDialog(dialog{kind: overlayCookies, text: "Reading the cookies…"})
	return changeCookiesCmd(j, nil)
}

// envName names an environment for messages.
func envName(env string) string {
	if env == "" {
		return "no environment"
	}
	return "environment " + termtext.String(env)
}

// handleCookiesKey moves through the cookies, deletes one or clears the jar.
func (m Model) handleCookiesKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := newCookieKeys()
	n := len(m.jars.shown)
	j := m.jars.jar(m.env)
	switch {
	case key.Matches(msg, k.Close):
		m.overlay = dialog{}
	case key.Matches(msg, k.Up):
		m.overlay.sel = max(m.overlay.sel-1, 0)
	case key.Matches(msg, k.Down):
		m.overlay.sel = min(m.overlay.sel+1, max(n-1, 0))
	case key.Matches(msg, k.Delete) && n > 0 && j != nil:
		c := m.jars.shown[clamp(m.overlay.sel, 0, n-1)]
		m.setStatus("Deleted the cookie "+termtext.String(c.Name)+" of "+termtext.String(c.Domain), false)
		return m, changeCookiesCmd(j, func(jar *requests.Jar) { jar.Delete(c.Domain, c.Path, c.Name) })
	case key.Matches(msg, k.Clear) && n > 0 && j != nil:
		m.setStatus(fmt.Sprintf("Cleared %d cookies of %s", n, envName(m.env)), false)
		return m, changeCookiesCmd(j, func(jar *requests.Jar) { jar.Clear() })
	}
	return m, nil
}

// cookiesView draws the jar: one row per cookie with its domain, path, name,
// value, expiry and flags, every part sanitised (a server chose them).
func (m *Model) cookiesView(h int) string {
	w := clamp(m.w-6, 20, 140)
	room := max(h-7, 1)
	lines := []string{m.st.Bold.Render(fit("Cookies · "+envName(m.env), w)), ""}
	cs := m.jars.shown
	switch {
	case m.overlay.text != "":
		lines = append(lines, m.st.Muted.Render(m.overlay.text))
	case len(cs) == 0:
		lines = append(lines, m.st.Muted.Render("The jar is empty: no server has set a cookie here yet."))
	default:
		lines = append(lines, m.st.Muted.Render(fit(cookieRow("DOMAIN", "PATH", "NAME", "VALUE", "EXPIRES", "FLAGS"), w)))
		sel := clamp(m.overlay.sel, 0, len(cs)-1)
		top := clamp(sel-room+1, 0, max(len(cs)-room, 0))
		for i := top; i < min(top+room, len(cs)); i++ {
			row := fit(cookieLine(cs[i]), w)
			if i == sel {
				row = m.st.Selected.Render(row)
			}
			lines = append(lines, row)
		}
	}
	lines = append(lines, "", m.st.Muted.Render(fmt.Sprintf("%d cookies · d deletes · D clears all · esc closes", len(cs))))
	box := m.st.Overlay.Render(strings.Join(lines, "\n"))
	return lipgloss.Place(m.w, h, lipgloss.Center, lipgloss.Center, box)
}

func cookieRow(domain, path, name, value, expires, flags string) string {
	col := func(s string, n int) string { return fit(s, n) + " " }
	return col(domain, 22) + col(path, 10) + col(name, 14) + col(value, 20) + col(expires, 16) + flags
}

// cookieLine is one cookie as a row of the view.
func cookieLine(c requests.Cookie) string {
	domain := c.Domain
	if !c.HostOnly {
		domain = "." + domain // the cookie also goes to subdomains
	}
	expires := "session"
	if !c.Expires.IsZero() {
		expires = c.Expires.UTC().Format("2006-01-02 15:04")
	}
	var flags []string
	if c.Secure {
		flags = append(flags, "Secure")
	}
	if c.HTTPOnly {
		flags = append(flags, "HttpOnly")
	}
	switch c.SameSite {
	case http.SameSiteLaxMode:
		flags = append(flags, "SameSite=Lax")
	case http.SameSiteStrictMode:
		flags = append(flags, "SameSite=Strict")
	case http.SameSiteNoneMode:
		flags = append(flags, "SameSite=None")
	}
	s := termtext.String
	return cookieRow(s(domain), s(c.Path), s(c.Name), s(c.Value), expires, strings.Join(flags, " "))
}
