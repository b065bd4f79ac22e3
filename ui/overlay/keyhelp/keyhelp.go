// Package keyhelp is the ? overlay: every key binding of every scope, in as many
// columns as fit, scrolled when they do not. The root hands it the scopes (made
// from the action table and the keys of fields and dialogs); it hands up
// uimsg.Close. It imports uikit, uimsg and textview (for the keys), never the root.
package keyhelp

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"github.com/httplens/httplens/ui/overlay/textview"
	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/uikit"
	"github.com/httplens/httplens/ui/uimsg"
)

// Scroll is how many lines one press of up or down scrolls the help.
const Scroll = 5

// Scope is one titled group of bindings.
type Scope struct {
	Name string
	Keys help.KeyMap
}

// Model is the open help: how far it is scrolled.
type Model struct{ Top int }

// Update scrolls, or hands up uimsg.Close. View bounds the scroll by the
// help's height.
func (m Model) Update(msg tea.KeyMsg, k textview.Keys) (Model, tea.Msg) {
	switch {
	case key.Matches(msg, k.Close):
		return m, uimsg.Close{}
	case key.Matches(msg, k.Up):
		m.Top = max(m.Top-Scroll, 0)
	case key.Matches(msg, k.Down):
		m.Top += Scroll
	}
	return m, nil
}

// View lists the scopes' bindings centred in a w×h area; hm draws each block.
func (m Model) View(st styles.Styles, hm help.Model, scopes []Scope, w, h int) string {
	full := hm
	full.ShowAll = true
	full.Width = 0 // blocks are packed to the width below, never cut
	var blocks []string
	for _, s := range scopes {
		// A scope wider than the screen is split into several blocks of columns.
		cols := s.Keys.FullHelp()
		name := s.Name
		for len(cols) > 0 {
			n := 1
			for n < len(cols) && lipgloss.Width(full.FullHelpView(cols[:n+1])) <= w-6 {
				n++
			}
			blocks = append(blocks, st.Bold.Render(name)+"\n"+full.FullHelpView(cols[:n])+"\n")
			cols, name = cols[n:], s.Name+" (more)"
		}
	}
	var rows []string
	for len(blocks) > 0 {
		n := 1
		for n < len(blocks) && lipgloss.Width(lipgloss.JoinHorizontal(lipgloss.Top, gapped(st.HelpColumn, blocks[:n+1])...)) <= w-4 {
			n++
		}
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, gapped(st.HelpColumn, blocks[:n])...))
		blocks = blocks[n:]
	}
	lines := strings.Split(strings.Join(rows, "\n"), "\n")
	// The box's border and the last line take 3 rows; scroll what does not fit.
	room := max(h-3, 1)
	last := "esc or ? closes this help"
	if len(lines) > room {
		top := uikit.Clamp(m.Top, 0, len(lines)-room)
		lines = lines[top : top+room]
		last += fmt.Sprintf(" · j/k scroll (%d–%d of %d lines)", top+1, top+room, len(strings.Split(strings.Join(rows, "\n"), "\n")))
	}
	lines = append(lines, st.Muted.Render(last))
	return uikit.Centre(st.Overlay, lines, w, h)
}

// gapped pads every block but the last with the column gap.
func gapped(gap lipgloss.Style, blocks []string) []string {
	out := make([]string, len(blocks))
	for i, b := range blocks {
		out[i] = b
		if i < len(blocks)-1 {
			out[i] = gap.Render(b)
		}
	}
	return out
}
