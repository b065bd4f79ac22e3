// Package saveprompt is the overlay that asks where to save the response body.
// It hands up Chosen or uimsg.Close; it imports field, styles, termtext, uikit
// and uimsg, never the root ui package.
package saveprompt

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/field"
	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/uikit"
	"github.com/httplens/httplens/ui/uimsg"
)

// Chosen says the user chose Path (as typed, trimmed) to save the body to.
type Chosen struct{ Path string }

// Model is the open prompt.
type Model struct {
	text  string
	field field.Line
}

// New asks for a path under the title text, offering value.
func New(text, value string) Model {
	f := field.New("Save to: ")
	f.SetValue(value)
	f.Start()
	return Model{text: text, field: f}
}

// Update types into the path; enter hands up Chosen (an empty path keeps the
// prompt open), esc uimsg.Close.
func (m Model) Update(msg tea.KeyMsg) (Model, tea.Msg) {
	switch m.field.Update(msg) {
	case field.Abandoned:
		return m, uimsg.Close{}
	case field.Accepted:
		path := strings.TrimSpace(m.field.Value())
		if path == "" {
			m.field.Start()
			return m, nil
		}
		return m, Chosen{Path: path}
	}
	return m, nil
}

// Keys are the field's bindings, for the help views.
func (m Model) Keys() help.KeyMap { return m.field.Keys }

// View draws the prompt centred in a w×h area.
func (m Model) View(st styles.Styles, w, h int) string {
	lines := []string{st.Bold.Render(termtext.String(m.text)), "", m.field.View(), "",
		st.Muted.Render("enter save · esc cancel · an existing file is only replaced when you confirm")}
	return uikit.Centre(st.Overlay, lines, w, h)
}
