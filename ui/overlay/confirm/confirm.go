// Package confirm is the question dialog: quit without saving, delete, reload or
// save a copy after a conflict, retry, send again, overwrite, and the vanished
// edit. It hands up Answered with the key's answer; what a yes means is the
// root's business. It imports uikit, uimsg and termtext, never the root.
package confirm

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/uikit"
)

// Keys answer the confirm dialogs (quit, delete, conflict, retry).
type Keys struct {
	Yes      key.Binding
	No       key.Binding
	Reload   key.Binding
	SaveCopy key.Binding
}

// NewKeys returns the answer keys.
func NewKeys() Keys {
	return Keys{
		Yes:      key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes")),
		No:       key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n/esc", "no")),
		Reload:   key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "reload the file")),
		SaveCopy: key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "save a copy")),
	}
}

func (k Keys) ShortHelp() []key.Binding { return []key.Binding{k.Yes, k.No} }

func (k Keys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Yes, k.No, k.Reload, k.SaveCopy}}
}

// Answer is what the user said.
type Answer int

const (
	No Answer = iota
	Yes
	Reload
	SaveCopy
)

// Answered hands the answer up.
type Answered struct{ Answer Answer }

// Held says esc was pressed on a question that must be answered.
type Held struct{}

// Model is one question. It holds no state beyond what it asks, so the root
// may build it from its dialog whenever it needs it.
type Model struct {
	Text     string // the question, as written (sanitised when drawn)
	YesLabel string // what y does; "" when y is no answer here
	Reload   bool   // r reloads the file
	SaveCopy bool   // c saves a copy
	// Must is a question esc cannot close (the vanished edit: closing it would
	// leave the edit where nothing shows it); Choices then says the answers.
	Must    bool
	Choices string
}

// Keys returns k with the answers this question does not take turned off.
func (m Model) Keys(k Keys) Keys {
	k.Yes.SetEnabled(m.YesLabel != "")
	k.Reload.SetEnabled(m.Reload)
	k.SaveCopy.SetEnabled(m.SaveCopy)
	return k
}

// Update hands up the answer of a key, Held for esc on a question that must be
// answered, or nothing.
func (m Model) Update(msg tea.KeyMsg, k Keys) tea.Msg {
	k = m.Keys(k)
	if m.Must {
		switch {
		case key.Matches(msg, k.Yes):
			return Answered{Yes}
		case msg.String() == "n":
			return Answered{No}
		case msg.Type == tea.KeyEsc:
			return Held{}
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.No):
		return Answered{No}
	case key.Matches(msg, k.Yes):
		return Answered{Yes}
	case key.Matches(msg, k.Reload):
		return Answered{Reload}
	case key.Matches(msg, k.SaveCopy):
		return Answered{SaveCopy}
	}
	return nil
}

// View draws the question centred in a w×h area, its answers with their keys last.
func (m Model) View(st styles.Styles, w, h int) string {
	lines := strings.Split(uikit.WrapText(termtext.String(m.Text), min(max(w-8, 20), 72)), "\n")
	lines = append(lines, "", st.Muted.Render(m.choices()))
	return uikit.Centre(st.Overlay, lines, w, h)
}

// choices lists the answers the question takes, with their keys.
func (m Model) choices() string {
	if m.Choices != "" {
		return m.Choices
	}
	var parts []string
	if m.YesLabel != "" {
		parts = append(parts, "y "+m.YesLabel)
	}
	if m.Reload {
		parts = append(parts, "r reload the file (your edits stay unsaved)")
	}
	if m.SaveCopy {
		parts = append(parts, "c save a copy")
	}
	return strings.Join(append(parts, "esc cancel"), " · ")
}
