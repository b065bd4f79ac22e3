package ui

import (
	tea "github.com/charmbracelet/bubbletea"
	"slices"
	"strings"

	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/termtext"
)

// headerNoteMsg asks the root to show the full note of response header i.
type headerNoteMsg struct{ i int }

// linesPerHeader is how many lines the Headers tab gives each header: the field,
// then its meaning.
const linesPerHeader = 2

// updateListKey runs the actions of the tabs that have a cursor (Headers and
// History); handled is false when the action is not theirs.
func (m responsePane) updateListKey(id settings.Action) (responsePane, tea.Cmd, bool) {
	switch m.tab {
	case tabHeaders:
		n := 0
		if m.content != nil {
			n = len(m.content.notes)
		}
		switch {
		case id == actionNote:
			if m.hsel < n {
				i := m.hsel
				return m, func() tea.Msg { return headerNoteMsg{i: i} }, true
			}
			return m, nil, true
		case isMove(id):
			m.hsel = scrollCursor(id, m.hsel, max(m.bodyHeight()/linesPerHeader, 1), n)
			m.revealLine(m.hsel * linesPerHeader)
			return m, nil, true
		}
	case tabHistory:
		h := &m.hist
		switch {
		case id == actionNote:
			if s, ok := h.selected(); ok {
				return m, func() tea.Msg { return reopenMsg{id: s.ID} }, true
			}
			return m, nil, true
		case id == actionMark:
			if a, b, ok := h.toggleMark(); ok {
				return m, func() tea.Msg { return diffWantedMsg{a: a, b: b} }, true
			}
			return m, nil, true
		case isMove(id):
			h.sel = scrollCursor(id, h.sel, max(m.bodyHeight()-2, 1), len(h.rows))
			h.follow(m.bodyHeight())
			return m, nil, true
		}
	}
	return m, nil, false
}

// isMove reports a movement action.
func isMove(id settings.Action) bool {
	return slices.Contains([]settings.Action{actionUp, actionDown, actionPageUp, actionPageDown, actionTop, actionBottom}, id)
}

// revealLine scrolls the current tab so that line (and the one after it) shows.
func (m *responsePane) revealLine(line int) {
	top, h := m.offsets[m.tab], m.bodyHeight()
	switch {
	case line < top:
		top = line
	case line+linesPerHeader > top+h:
		top = line + linesPerHeader - h
	}
	m.offsets[m.tab] = clamp(top, 0, max(m.lineCount()-h, 0))
}

// selectedLine reports whether line i of the current tab belongs to the cursor.
func (m *responsePane) selectedLine(i int) bool {
	return m.focused && m.tab == tabHeaders && i/linesPerHeader == m.hsel
}

// noteLines lays out the full note of one header for the overlay: the field, its
// meaning, the value parsed, the warnings and the references, all sanitised.
func noteLines(n explain.HeaderNote, width int, st Styles) []string {
	wrap := func(indent, s string) []string {
		var out []string
		for _, l := range strings.Split(wrapText(termtext.String(s), max(width-len(indent), 20)), "\n") {
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

// headerNote opens the overlay with the full note of response header i.
func (m Model) headerNote(i int) Model {
	c := m.resp.content
	if c == nil || i < 0 || i >= len(c.notes) {
		return m
	}
	n := c.notes[i]
	m.openText("Header "+n.Name, noteLines(n, m.textWidth(), m.st))
	return m
}
