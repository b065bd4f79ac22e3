// Package cookiejar is the cookies overlay: the cookies of one environment's jar,
// one row each, every part sanitised (a server chose them). It hands up
// uimsg.Close, Delete or Clear; the root changes the jar. It imports requests,
// termtext, uikit and uimsg, never the root ui package.
package cookiejar

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/uikit"
	"github.com/httplens/httplens/ui/uimsg"
)

// Keys drive the cookies view.
type Keys struct {
	Up     key.Binding
	Down   key.Binding
	Delete key.Binding
	Clear  key.Binding
	Close  key.Binding
}

// NewKeys returns the keys of the cookies view.
func NewKeys() Keys {
	return Keys{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Delete: key.NewBinding(key.WithKeys("d", "delete"), key.WithHelp("d", "delete cookie")),
		Clear:  key.NewBinding(key.WithKeys("D"), key.WithHelp("D", "clear all")),
		Close:  key.NewBinding(key.WithKeys("esc", "q"), key.WithHelp("esc", "close")),
	}
}

func (k Keys) ShortHelp() []key.Binding {
	return []key.Binding{k.Up, k.Down, k.Delete, k.Clear, k.Close}
}

func (k Keys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// Delete asks the root to delete one cookie from the jar.
type Delete struct{ Cookie requests.Cookie }

// Clear asks the root to clear the jar of its N cookies.
type Clear struct{ N int }

// Model is the open cookies view.
type Model struct {
	Title   string            // which jar, already safe to print
	Note    string            // while reading: what is happening; "" once listed
	Cookies []requests.Cookie // the cookies listed
	Sel     int               // the highlighted row
}

// SetCookies lists cs, the highlight kept inside them.
func (m *Model) SetCookies(cs []requests.Cookie) {
	m.Cookies, m.Note = cs, ""
	m.Sel = uikit.Clamp(m.Sel, 0, max(len(cs)-1, 0))
}

// Update moves through the cookies, or hands up Delete, Clear or uimsg.Close.
func (m Model) Update(msg tea.KeyMsg, k Keys) (Model, tea.Msg) {
	n := len(m.Cookies)
	switch {
	case key.Matches(msg, k.Close):
		return m, uimsg.Close{}
	case key.Matches(msg, k.Up):
		m.Sel = max(m.Sel-1, 0)
	case key.Matches(msg, k.Down):
		m.Sel = min(m.Sel+1, max(n-1, 0))
	case key.Matches(msg, k.Delete) && n > 0:
		return m, Delete{Cookie: m.Cookies[uikit.Clamp(m.Sel, 0, n-1)]}
	case key.Matches(msg, k.Clear) && n > 0:
		return m, Clear{N: n}
	}
	return m, nil
}

// View draws the jar centred in a w×h area: one row per cookie with its domain,
// path, name, value, expiry and flags.
func (m Model) View(st styles.Styles, w, h int) string {
	bw := uikit.Clamp(w-6, 20, 140)
	room := max(h-7, 1)
	lines := []string{st.Bold.Render(uikit.Fit("Cookies · "+m.Title, bw)), ""}
	cs := m.Cookies
	switch {
	case m.Note != "":
		lines = append(lines, st.Muted.Render(m.Note))
	case len(cs) == 0:
		lines = append(lines, st.Muted.Render("The jar is empty: no server has set a cookie here yet."))
	default:
		lines = append(lines, st.Muted.Render(uikit.Fit(cookieRow("DOMAIN", "PATH", "NAME", "VALUE", "EXPIRES", "FLAGS"), bw)))
		sel := uikit.Clamp(m.Sel, 0, len(cs)-1)
		top := uikit.Clamp(sel-room+1, 0, max(len(cs)-room, 0))
		for i := top; i < min(top+room, len(cs)); i++ {
			row := uikit.Fit(cookieLine(cs[i]), bw)
			if i == sel {
				row = st.Selected.Render(row)
			}
			lines = append(lines, row)
		}
	}
	lines = append(lines, "", st.Muted.Render(fmt.Sprintf("%d cookies · d deletes · D clears all · esc closes", len(cs))))
	return uikit.Centre(st.Overlay, lines, w, h)
}

func cookieRow(domain, path, name, value, expires, flags string) string {
	col := func(s string, n int) string { return uikit.Fit(s, n) + " " }
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
