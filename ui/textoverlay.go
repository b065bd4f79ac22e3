package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/httplens/httplens/termtext"
)

// textScroll is how many lines one press of up or down scrolls a text overlay.
const textScroll = 3

// textWidth is the width text overlays wrap their prose to.
func (m *Model) textWidth() int { return max(m.w-8, 20) }

// openText shows lines (already safe to print) in a scrollable overlay.
func (m *Model) openText(title string, lines []string) {
	m.openDialog(dialog{kind: overlayText, text: title, lines: lines})
}

// handleTextOverlay scrolls or closes a text overlay.
func (m Model) handleTextOverlay(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.close.Close):
		m.overlay = dialog{}
	case key.Matches(msg, m.close.Up):
		m.overlay.sel = max(m.overlay.sel-textScroll, 0)
	case key.Matches(msg, m.close.Down):
		m.overlay.sel = min(m.overlay.sel+textScroll, max(len(m.overlay.lines)-1, 0))
	}
	return m, nil
}

// textOverlayView draws the open text overlay centred in the body area, its lines
// cut to the box rather than wrapped, with the scroll position in the last line.
func (m *Model) textOverlayView(h int) string {
	d := m.overlay
	w := max(m.w-6, 10)
	room := max(h-5, 1) // border, title, blank line and the last line
	top := clamp(d.sel, 0, max(len(d.lines)-room, 0))
	end := min(top+room, len(d.lines))
	lines := []string{m.st.Bold.Render(fit(termtext.String(d.text), w)), ""}
	for _, l := range d.lines[top:end] {
		lines = append(lines, fit(l, w))
	}
	last := "esc closes"
	if len(d.lines) > room {
		last += fmt.Sprintf(" · j/k scroll (%d–%d of %d lines)", top+1, end, len(d.lines))
	}
	lines = append(lines, m.st.Muted.Render(last))
	box := m.st.Overlay.Render(strings.Join(lines, "\n"))
	return lipgloss.Place(m.w, h, lipgloss.Center, lipgloss.Center, box)
}

// diffReady opens the diff view, unless the request changed meanwhile.
func (m Model) diffReady(msg diffReadyMsg) Model {
	if r := m.req.Request(); r == nil || requestKey(r) != msg.key {
		return m
	}
	if msg.err != nil {
		m.setStatus("Cannot compare: "+msg.err.Error(), true)
		return m
	}
	m.setStatus("", false)
	m.openText(msg.title, msg.lines)
	return m
}
