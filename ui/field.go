package ui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/termtext"
)

// fieldEvent says what a key did to a line field.
type fieldEvent int

const (
	fieldChanged fieldEvent = iota
	fieldAccepted
	fieldAbandoned
	fieldIgnored
)

// lineField is a one-line text field for filters, searches and the request
// editor's fields. It takes typed runes, backspace, delete, the cursor keys, enter
// (accept) and esc (abandon). bubbles/textinput is not used because it pulls a
// clipboard module this build does not carry.
type lineField struct {
	keys    fieldKeys
	prompt  string
	value   []rune
	pos     int // the cursor, an index into value
	editing bool
}

func newLineField(prompt string) lineField {
	return lineField{keys: newFieldKeys(), prompt: prompt}
}

// Value is the text typed so far.
func (f *lineField) Value() string { return string(f.value) }

// SetValue replaces the text and puts the cursor at its end.
func (f *lineField) SetValue(s string) {
	f.value = []rune(s)
	f.pos = len(f.value)
}

// Start begins editing with the current value kept.
func (f *lineField) Start() {
	f.editing = true
	f.pos = len(f.value)
}

// Reset stops editing and empties the field.
func (f *lineField) Reset() { f.editing, f.value, f.pos = false, nil, 0 }

// Update applies one key while editing.
func (f *lineField) Update(msg tea.KeyMsg) fieldEvent {
	k := f.keys
	f.pos = clamp(f.pos, 0, len(f.value))
	switch {
	case key.Matches(msg, k.Accept):
		f.editing = false
		return fieldAccepted
	case key.Matches(msg, k.Abandon):
		f.Reset()
		return fieldAbandoned
	case key.Matches(msg, k.Backspace):
		if f.pos > 0 {
			f.value = append(f.value[:f.pos-1], f.value[f.pos:]...)
			f.pos--
		}
		return fieldChanged
	case key.Matches(msg, k.Delete):
		if f.pos < len(f.value) {
			f.value = append(f.value[:f.pos], f.value[f.pos+1:]...)
		}
		return fieldChanged
	case key.Matches(msg, k.Left):
		f.pos = max(f.pos-1, 0)
	case key.Matches(msg, k.Right):
		f.pos = min(f.pos+1, len(f.value))
	case key.Matches(msg, k.Home):
		f.pos = 0
	case key.Matches(msg, k.End):
		f.pos = len(f.value)
	case msg.Type == tea.KeyRunes || msg.Type == tea.KeySpace:
		rs := msg.Runes
		if msg.Type == tea.KeySpace && len(rs) == 0 {
			rs = []rune{' '}
		}
		f.insert(rs)
		return fieldChanged
	default:
		return fieldIgnored
	}
	return fieldIgnored
}

func (f *lineField) insert(rs []rune) {
	out := make([]rune, 0, len(f.value)+len(rs))
	out = append(append(append(out, f.value[:f.pos]...), rs...), f.value[f.pos:]...)
	f.value = out
	f.pos += len(rs)
}

// View shows the prompt, the value and, while editing, a cursor.
func (f *lineField) View() string {
	if !f.editing {
		return f.prompt + termtext.String(string(f.value))
	}
	pos := clamp(f.pos, 0, len(f.value))
	return f.prompt + termtext.String(string(f.value[:pos])) + "█" + termtext.String(string(f.value[pos:]))
}
