// Package ask is the overlay that asks for the value a request's "# @prompt name
// description" line names, before the request is sent (as the JetBrains HTTP
// Client and the REST Client do). It hands up Answered or uimsg.Close; it
// imports collections, field, uikit and uimsg, never the root ui package.
package ask

import (
	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/field"
	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/uikit"
	"github.com/httplens/httplens/ui/uimsg"
)

// Answered says the user gave Value for the prompt Name.
type Answered struct{ Name, Value string }

// Model is one open question.
type Model struct {
	Prompt collections.Prompt
	Field  field.Line
}

// New asks for p, offering value (the last answer, or the variable's value).
func New(p collections.Prompt, value string) Model {
	f := field.New(termtext.String(p.Name) + ": ")
	f.SetValue(value)
	f.Start()
	return Model{Prompt: p, Field: f}
}

// Update types into the field; enter hands up Answered, esc uimsg.Close.
func (m Model) Update(msg tea.KeyMsg) (Model, tea.Msg) {
	switch m.Field.Update(msg) {
	case field.Accepted:
		return m, Answered{Name: m.Prompt.Name, Value: m.Field.Value()}
	case field.Abandoned:
		return m, uimsg.Close{}
	}
	return m, nil
}

// Keys are the field's bindings, for the help views.
func (m Model) Keys() help.KeyMap { return m.Field.Keys }

// View draws the question centred in a w×h area: which variable, what the file
// says it is, the field, and what enter and esc do.
func (m Model) View(st styles.Styles, w, h int) string {
	title := "The request asks for {{" + termtext.String(m.Prompt.Name) + "}}"
	lines := []string{st.Bold.Render(title)}
	if d := m.Prompt.Description; d != "" {
		lines = append(lines, termtext.String(d))
	}
	lines = append(lines, "", m.Field.View(), "", st.Muted.Render("enter send · esc do not send"))
	return uikit.Centre(st.Overlay, lines, w, h)
}
