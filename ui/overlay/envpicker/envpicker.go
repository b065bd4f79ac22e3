// Package envpicker is the environment picker overlay: "none" and the
// collection's environments, one highlighted. It hands up uimsg.Close or
// Chosen; it imports uikit, uimsg and termtext, never the root ui package.
package envpicker

import (
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/uikit"
	"github.com/httplens/httplens/ui/uimsg"
)

// Keys drive the environment picker.
type Keys struct {
	Up     key.Binding
	Down   key.Binding
	Choose key.Binding
	Close  key.Binding
}

// NewKeys returns the picker keys.
func NewKeys() Keys {
	return Keys{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:   key.NewBinding(key.WithKeys("down", "j", "ctrl+e"), key.WithHelp("↓/j", "down")),
		Choose: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "use")),
		Close:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close")),
	}
}

func (k Keys) ShortHelp() []key.Binding { return []key.Binding{k.Up, k.Down, k.Choose, k.Close} }

func (k Keys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// Chosen says the user picked env ("" for none).
type Chosen struct{ Env string }

// Model is the open picker.
type Model struct {
	Names []string // the environments, sorted
	Sel   int      // the highlighted row; 0 is "none"
}

// New opens the picker with current highlighted.
func New(names []string, current string) Model {
	m := Model{Names: names}
	for i, n := range names {
		if n == current {
			m.Sel = i + 1
		}
	}
	return m
}

// Update moves the highlight round the list, or hands up Chosen or uimsg.Close.
func (m Model) Update(msg tea.KeyMsg, k Keys) (Model, tea.Msg) {
	n := len(m.Names) + 1 // "none" first
	switch {
	case key.Matches(msg, k.Up):
		m.Sel = (m.Sel + n - 1) % n
	case key.Matches(msg, k.Down):
		m.Sel = (m.Sel + 1) % n
	case key.Matches(msg, k.Close):
		return m, uimsg.Close{}
	case key.Matches(msg, k.Choose):
		env := ""
		if m.Sel > 0 {
			env = m.Names[m.Sel-1]
		}
		return m, Chosen{Env: env}
	}
	return m, nil
}

// View draws the picker centred in a w×h area, the keys' help last.
func (m Model) View(st styles.Styles, h help.Model, k Keys, w, ht int) string {
	lines := []string{st.Bold.Render("Environment"), ""}
	for i, n := range append([]string{"none"}, m.Names...) {
		row := "  " + termtext.String(n)
		if i == m.Sel {
			row = st.Selected.Render("› " + termtext.String(n))
		}
		lines = append(lines, row)
	}
	lines = append(lines, "", h.ShortHelpView(k.ShortHelp()))
	return uikit.Centre(st.Overlay, lines, w, ht)
}
