// Package textview is the scrollable text overlay: a diff, a header's note, the
// results of a check. Its keys close and scroll it; it hands uimsg.Close up.
// It imports uikit, uimsg and termtext, never the root ui package.
package textview

import (
	"fmt"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/uikit"
	"github.com/httplens/httplens/ui/uimsg"
)

// Scroll is how many lines one press of up or down scrolls the text.
const Scroll = 3

// Keys close and scroll a text overlay (and the help overlay).
type Keys struct {
	Close key.Binding
	Up    key.Binding
	Down  key.Binding
}

// NewKeys returns the overlay keys: esc, ? or q close; j/k and the arrows scroll.
func NewKeys() Keys {
	return Keys{
		Close: key.NewBinding(key.WithKeys("esc", "?", "q"), key.WithHelp("esc/?", "close")),
		Up:    key.NewBinding(key.WithKeys("up", "k", "pgup"), key.WithHelp("↑/k", "scroll up")),
		Down:  key.NewBinding(key.WithKeys("down", "j", "pgdown", " "), key.WithHelp("↓/j", "scroll down")),
	}
}

func (k Keys) ShortHelp() []key.Binding  { return []key.Binding{k.Close, k.Down, k.Up} }
func (k Keys) FullHelp() [][]key.Binding { return [][]key.Binding{{k.Close, k.Up, k.Down}} }

// Model is one text overlay: a title and lines already safe to print.
type Model struct {
	Title string
	Lines []string
	Top   int // the first line shown
}

// New shows lines under title from the top.
func New(title string, lines []string) Model { return Model{Title: title, Lines: lines} }

// Update scrolls on up and down; on close it returns uimsg.Close.
func (m Model) Update(msg tea.KeyMsg, k Keys) (Model, tea.Msg) {
	switch {
	case key.Matches(msg, k.Close):
		return m, uimsg.Close{}
	case key.Matches(msg, k.Up):
		m.Top = max(m.Top-Scroll, 0)
	case key.Matches(msg, k.Down):
		m.Top = min(m.Top+Scroll, max(len(m.Lines)-1, 0))
	}
	return m, nil
}

// View draws the overlay centred in a w×h area, its lines cut to the box rather
// than wrapped, with the scroll position in the last line.
func (m Model) View(st styles.Styles, w, h int) string {
	bw := max(w-6, 10)
	room := max(h-5, 1) // border, title, blank line and the last line
	top := uikit.Clamp(m.Top, 0, max(len(m.Lines)-room, 0))
	end := min(top+room, len(m.Lines))
	lines := []string{st.Bold.Render(uikit.Fit(termtext.String(m.Title), bw)), ""}
	for _, l := range m.Lines[top:end] {
		lines = append(lines, uikit.Fit(l, bw))
	}
	last := "esc closes"
	if len(m.Lines) > room {
		last += fmt.Sprintf(" · j/k scroll (%d–%d of %d lines)", top+1, end, len(m.Lines))
	}
	lines = append(lines, st.Muted.Render(last))
	return uikit.Centre(st.Overlay, lines, w, h)
}
