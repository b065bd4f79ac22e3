package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

// fieldEvent says what a key did to a line field.
type fieldEvent int

const (
	fieldChanged fieldEvent = iota
	fieldAccepted
	fieldAbandoned
	fieldIgnored
)

// lineField is a one-line text field for filters and searches. It takes typed
// runes, backspace, enter (accept) and esc (abandon). bubbles/textinput is not used
// because it pulls a clipboard module this build does not carry.
type lineField struct {
	keys    fieldKeys
	prompt  string
	value   []rune
	editing bool
}

func newLineField(prompt string) lineField {
	return lineField{keys: newFieldKeys(), prompt: prompt}
}

// Value is the text typed so far.
func (f *lineField) Value() string { return string(f.value) }

// Start begins editing with the current value kept.
func (f *lineField) Start() { f.editing = true }

// Reset stops editing and empties the field.
func (f *lineField) Reset() { f.editing, f.value = false, nil }

// Update applies one key while editing.
func (f *lineField) Update(msg tea.KeyMsg) fieldEvent {
	switch {
	case key.Matches(msg, f.keys.Accept):
		f.editing = false
		return fieldAccepted
	case key.Matches(msg, f.keys.Abandon):
		f.Reset()
		return fieldAbandoned
	case key.Matches(msg, f.keys.Backspace):
		if len(f.value) > 0 {
			f.value = f.value[:len(f.value)-1]
		}
		return fieldChanged
	case msg.Type == tea.KeyRunes || msg.Type == tea.KeySpace:
		f.value = append(f.value, msg.Runes...)
		if msg.Type == tea.KeySpace && len(msg.Runes) == 0 {
			f.value = append(f.value, ' ')
		}
		return fieldChanged
	}
	return fieldIgnored
}

// View shows the prompt, the value and, while editing, a cursor.
func (f *lineField) View() string {
	s := f.prompt + sanitizeString(string(f.value))
	if f.editing {
		s += "█"
	}
	return s
}
