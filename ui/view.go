package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/overlay/cookiejar"
	"github.com/httplens/httplens/ui/overlay/keyhelp"
	"github.com/httplens/httplens/ui/overlay/palette"
)

// View draws the whole screen: exactly the terminal's size, never more.
func (m Model) View() string {
	if m.w <= 0 || m.h <= 0 {
		return ""
	}
	bodyH := m.lay.Status.Y
	var body string
	switch {
	case m.overlay.kind == overlayHelp:
		body = m.helpOverlay(bodyH)
	case m.overlay.kind != overlayNone:
		body = m.dialogView(bodyH)
	case m.lay.Single:
		body = m.paneBar() + "\n" + m.paneView(m.focus)
		if bodyH <= 1 {
			body = m.paneBar()
		}
	case m.lay.Stacked:
		body = lipgloss.JoinVertical(lipgloss.Left, m.paneView(paneTree), m.paneView(paneRequest),
			m.paneView(paneResponse), m.paneView(paneExplain))
	default:
		top := lipgloss.JoinHorizontal(lipgloss.Top, m.paneView(paneTree), m.paneView(paneRequest))
		bottom := lipgloss.JoinHorizontal(lipgloss.Top, m.paneView(paneResponse), m.paneView(paneExplain))
		body = top + "\n" + bottom
	}
	lines := strings.Split(body, "\n")
	if bodyH == 0 {
		lines = nil
	}
	lines = append(lines, m.statusLine(), m.helpLine())
	return fitBlock(lines[:min(len(lines), m.h)], m.w, m.h)
}

// paneView is pane p framed in its rectangle.
func (m *Model) paneView(p paneID) string {
	r := m.lay.Panes[p]
	var title, body string
	switch p {
	case paneTree:
		title, body = m.tree.Title(), m.tree.View()
	case paneRequest:
		title, body = m.req.Title(), m.req.View()
	case paneResponse:
		title, body = m.resp.Title(), m.resp.View()
	case paneExplain:
		title, body = m.expl.Title(), m.expl.View()
	}
	return frame(m.st, title, body, r.W, r.H, p == m.focus)
}

// paneBar lists the panes in single-pane mode; the focused one is marked.
func (m *Model) paneBar() string {
	parts := make([]string, 0, paneCount)
	for p := range paneCount {
		st := m.st.Tab
		if p == m.focus {
			st = m.st.TabActive
		}
		parts = append(parts, st.Render(tabLabel(p.String(), p == m.focus)))
	}
	return strings.Join(parts, "") + m.st.Muted.Render("  "+keyName(m.keys.Get(actionFocusNext))+": next pane")
}

func (m *Model) statusLine() string {
	var left string
	switch {
	case m.flight.cancel != nil:
		left = m.flight.spin.View() + " " + termtext.String(m.flight.label)
		if m.flight.elapsed != "" {
			left += " · " + m.flight.elapsed
		}
	case m.errMsg:
		left = m.st.ErrorText.Render(termtext.String(m.status))
	default:
		left = m.st.StatusLine.Render(termtext.String(m.status))
	}
	env := m.env
	if env == "" {
		env = "none"
	}
	right := m.st.StatusLine.Render("env: " + termtext.String(env))
	gap := m.w - lipgloss.Width(left) - lipgloss.Width(right) - 1
	if gap < 1 {
		return fit(left, m.w)
	}
	return left + strings.Repeat(" ", gap) + right + " "
}

// helpLine is the short help of the global keys and the focused pane.
func (m *Model) helpLine() string {
	return fit(m.help.ShortHelpView(m.focusedKeyMap().ShortHelp()), m.w)
}

// focusedKeyMap joins the global bindings with the focused pane's (or the text
// field's while one is edited).
func (m *Model) focusedKeyMap() help.KeyMap {
	var pane help.KeyMap
	switch {
	case m.overlay.kind != overlayNone:
		return m.dialogKeyMap()
	case m.focus == paneTree && m.tree.Editing():
		pane = m.tree.FieldKeys()
	case m.focus == paneRequest && m.req.Editing():
		pane = m.req.EditKeys()
	case m.focus == paneResponse && m.resp.Editing():
		pane = m.resp.FieldKeys()
	case m.focus == paneTree:
		pane = m.tree.KeyMap()
	case m.focus == paneRequest:
		pane = m.req.KeyMap()
	case m.focus == paneResponse:
		pane = m.resp.KeyMap()
	default:
		pane = m.expl.KeyMap()
	}
	return joinedKeys{m.keys, pane}
}

// joinedKeys shows a pane's bindings after the global ones.
type joinedKeys struct{ global, pane help.KeyMap }

func (k joinedKeys) ShortHelp() []key.Binding {
	return append(k.global.ShortHelp(), k.pane.ShortHelp()...)
}

func (k joinedKeys) FullHelp() [][]key.Binding {
	return append(k.global.FullHelp(), k.pane.FullHelp()...)
}

// helpOverlay lists every binding of every scope: the actions come from the list
// the palette shows, with the keys in force; then the keys of text fields and
// dialogs, which are not actions.
func (m *Model) helpOverlay(h int) string {
	var scopes []keyhelp.Scope
	for _, a := range m.actionHelps() {
		scopes = append(scopes, keyhelp.Scope{Name: a.name, Keys: a})
	}
	scopes = append(scopes, keyhelp.Scope{Name: "Filter and search", Keys: m.tree.FieldKeys()}, keyhelp.Scope{Name: "Body editor", Keys: m.req.EditorKeys()},
		keyhelp.Scope{Name: "Dialogs", Keys: m.dialogKeys}, keyhelp.Scope{Name: "Environment picker", Keys: m.picker},
		keyhelp.Scope{Name: "Command palette", Keys: palette.NewKeys()}, keyhelp.Scope{Name: "Cookies", Keys: cookiejar.NewKeys()})
	return m.overlay.help.View(m.st, m.help, scopes, m.w, h)
}

// handleMouse focuses the pane under a click and hands the event to it, in the
// pane's own coordinates.
func (m Model) handleMouse(msg tea.MouseMsg) (tea.Model, tea.Cmd) {
	if m.overlay.kind != overlayNone || msg.Action == tea.MouseActionMotion {
		return m, nil
	}
	press := msg.Action == tea.MouseActionPress && msg.Button == tea.MouseButtonLeft
	if m.lay.Single && m.lay.Bar.contains(msg.X, msg.Y) {
		if press {
			m.clickBar(msg.X)
		}
		return m, nil
	}
	for p := range paneCount {
		r := m.lay.Panes[p]
		if m.lay.Single && p != m.focus || !r.contains(msg.X, msg.Y) {
			continue
		}
		if press {
			m.setFocus(p)
		}
		msg.X, msg.Y = msg.X-r.X-1, msg.Y-r.Y-1
		if msg.X < 0 || msg.Y < 0 || msg.X >= r.W-2 || msg.Y >= r.H-2 {
			return m, nil // on the frame
		}
		return m.updatePane(p, msg)
	}
	return m, nil
}

// clickBar focuses the pane whose label in the pane bar is at column x.
func (m *Model) clickBar(x int) {
	at := 0
	for p := range paneCount {
		w := len(p.String()) + 2
		if x >= at && x < at+w {
			m.setFocus(p)
		}
		at += w
	}
}

// loadedStatus says what was opened, and how many files failed to parse.
func loadedStatus(msg collectionLoadedMsg) string {
	n := len(msg.coll.Requests())
	s := fmt.Sprintf("Opened %s: %d requests", msg.label, n)
	if k := len(msg.coll.Errors); k > 0 {
		s += fmt.Sprintf("; %d files failed: %v", k, msg.coll.Errors[0])
	}
	return s
}
