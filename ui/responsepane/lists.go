package responsepane

import (
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/nav"
	rc "github.com/httplens/httplens/ui/responsecontent"
	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/uikit"
)

// linesPerHeader is how many lines the Headers tab gives each header: the field,
// then its meaning.
const linesPerHeader = 2

// updateListKey runs the actions of the tabs that have a cursor (Headers and
// History); handled is false when the action is not theirs.
func (m Model) updateListKey(id settings.Action) (Model, tea.Cmd, bool) {
	switch m.tab {
	case rc.TabHeaders:
		n := 0
		if m.content != nil {
			n = len(m.content.Notes)
		}
		switch {
		case id == ActionNote:
			if m.hsel < n {
				n := m.content.Notes[m.hsel]
				return m, func() tea.Msg { return NoteMsg{Note: n} }, true
			}
			return m, nil, true
		case isMove(id):
			m.hsel = nav.Cursor(id, m.hsel, max(m.bodyHeight()/linesPerHeader, 1), n)
			m.revealLine(m.hsel * linesPerHeader)
			return m, nil, true
		}
	case rc.TabHistory:
		h := &m.hist
		switch {
		case id == ActionNote:
			if s, ok := h.selected(); ok {
				return m, func() tea.Msg { return ReopenMsg{ID: s.ID} }, true
			}
			return m, nil, true
		case id == ActionMark:
			if a, b, ok := h.toggleMark(); ok {
				return m, func() tea.Msg { return DiffMsg{A: a, B: b} }, true
			}
			return m, nil, true
		case isMove(id):
			h.sel = nav.Cursor(id, h.sel, max(m.bodyHeight()-2, 1), len(h.rows))
			h.follow(m.bodyHeight())
			return m, nil, true
		}
	}
	return m, nil, false
}

// isMove reports a movement action.
func isMove(id settings.Action) bool {
	return slices.Contains([]settings.Action{nav.Up, nav.Down, nav.PageUp, nav.PageDown, nav.Top, nav.Bottom}, id)
}

// revealLine scrolls the current tab so that line (and the one after it) shows.
func (m *Model) revealLine(line int) {
	top, h := m.offsets[m.tab], m.bodyHeight()
	switch {
	case line < top:
		top = line
	case line+linesPerHeader > top+h:
		top = line + linesPerHeader - h
	}
	m.offsets[m.tab] = uikit.Clamp(top, 0, max(m.lineCount()-h, 0))
}

// selectedLine reports whether line i of the current tab belongs to the cursor.
func (m *Model) selectedLine(i int) bool {
	return m.focused && m.tab == rc.TabHeaders && i/linesPerHeader == m.hsel
}

// NoteLines lays out the full note of one header for the overlay: the field, its
// meaning, the value parsed, the warnings and the references, all sanitised.
func NoteLines(n explain.HeaderNote, width int, st styles.Styles) []string {
	wrap := func(indent, s string) []string {
		var out []string
		for _, l := range strings.Split(uikit.WrapText(termtext.String(s), max(width-len(indent), 20)), "\n") {
			out = append(out, indent+l)
		}
		return out
	}
	lines := wrap("", n.Name+": "+n.Value)
	lines = append(lines, "")
	if !n.Known {
		lines = append(lines, st.Muted.Render("Not a field httplens knows: its meaning is up to the server."))
	}
	lines = append(lines, wrap("", n.Meaning)...)
	if len(n.Parsed) > 0 {
		lines = append(lines, "", st.Bold.Render("Parsed"))
		for _, p := range n.Parsed {
			lines = append(lines, wrap("  ", p)...)
		}
	}
	if len(n.Warnings) > 0 {
		lines = append(lines, "", st.SeverityWarning.Render("Warnings"))
		for _, w := range n.Warnings {
			lines = append(lines, wrap("  ! ", w)...)
		}
	}
	if len(n.Refs) > 0 {
		lines = append(lines, "", st.Muted.Render("See "+termtext.String(strings.Join(n.Refs, ", "))))
	}
	return lines
}
