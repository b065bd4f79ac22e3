// Package field is the one-line text field of the TUI: filters, searches, the
// request editor's fields, the palette's query and the save prompt. It imports
// termtext and uikit only.
package field

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/uikit"
)

// Event says what a key did to a line field.
type Event int

const (
	Changed Event = iota
	Accepted
	Abandoned
	Ignored
)

// Line is a one-line text field for filters, searches and the request
// editor's fields. It takes typed runes, backspace, delete, the cursor keys, enter
// (accept) and esc (abandon). bubbles/textinput is not used because it pulls a
// clipboard module this build does not carry.
type Line struct {
	// Keys are exported for the help of whoever holds the field. Behind a
	// pointer (they never change): a field is in every pane, and the root
	// model holding them is copied on every key press (issue 24).
	Keys    *Keys
	prompt  string
	value   []rune
	pos     int // the cursor, an index into value
	editing bool
}

func New(prompt string) Line {
	k := NewKeys()
	return Line{Keys: &k, prompt: prompt}
}

// Value is the text typed so far.
func (f *Line) Value() string { return string(f.value) }

// SetValue replaces the text and puts the cursor at its end.
func (f *Line) SetValue(s string) {
	f.value = []rune(s)
	f.pos = len(f.value)
}

// Start begins editing with the current value kept.
func (f *Line) Start() {
	f.editing = true
	f.pos = len(f.value)
}

// Reset stops editing and empties the field.
func (f *Line) Reset() { f.editing, f.value, f.pos = false, nil, 0 }

// Update applies one key while editing.
func (f *Line) Update(msg tea.KeyMsg) Event {
	k := f.Keys
	f.pos = uikit.Clamp(f.pos, 0, len(f.value))
	switch {
	case key.Matches(msg, k.Accept):
		f.editing = false
		return Accepted
	case key.Matches(msg, k.Abandon):
		f.Reset()
		return Abandoned
	case key.Matches(msg, k.Backspace):
		if f.pos > 0 {
			f.value = append(f.value[:f.pos-1], f.value[f.pos:]...)
			f.pos--
		}
		return Changed
	case key.Matches(msg, k.Delete):
		if f.pos < len(f.value) {
			f.value = append(f.value[:f.pos], f.value[f.pos+1:]...)
		}
		return Changed
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
		return Changed
	default:
		return Ignored
	}
	return Ignored
}

func (f *Line) insert(rs []rune) {
	out := make([]rune, 0, len(f.value)+len(rs))
	out = append(append(append(out, f.value[:f.pos]...), rs...), f.value[f.pos:]...)
	f.value = out
	f.pos += len(rs)
}

// View shows the prompt, the value and, while editing, a cursor.
func (f *Line) View() string {
	if !f.editing {
		return f.prompt + termtext.String(string(f.value))
	}
	pos := uikit.Clamp(f.pos, 0, len(f.value))
	return f.prompt + termtext.String(string(f.value[:pos])) + "█" + termtext.String(string(f.value[pos:]))
}

// Keys act while a one-line text field (a filter or a search) is edited.
type Keys struct {
	Accept    key.Binding
	Abandon   key.Binding
	Backspace key.Binding
	Delete    key.Binding
	Left      key.Binding
	Right     key.Binding
	Home      key.Binding
	End       key.Binding
}

func NewKeys() Keys {
	return Keys{
		Accept:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "apply")),
		Abandon:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear")),
		Backspace: key.NewBinding(key.WithKeys("backspace"), key.WithHelp("backspace", "delete back")),
		Delete:    key.NewBinding(key.WithKeys("delete"), key.WithHelp("del", "delete forward")),
		Left:      key.NewBinding(key.WithKeys("left"), key.WithHelp("←", "cursor left")),
		Right:     key.NewBinding(key.WithKeys("right"), key.WithHelp("→", "cursor right")),
		Home:      key.NewBinding(key.WithKeys("home", "ctrl+a"), key.WithHelp("home", "line start")),
		End:       key.NewBinding(key.WithKeys("end", "ctrl+e"), key.WithHelp("end", "line end")),
	}
}

func (k Keys) ShortHelp() []key.Binding { return []key.Binding{k.Accept, k.Abandon} }

func (k Keys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Accept, k.Abandon, k.Backspace, k.Delete}, {k.Left, k.Right, k.Home, k.End}}
}

// Editing reports whether the field takes keys now.
func (f *Line) Editing() bool { return f.editing }

// SetPrompt replaces the text shown before the value.
func (f *Line) SetPrompt(p string) { f.prompt = p }

// SetEditing turns editing on or off with the cursor kept where it is.
func (f *Line) SetEditing(on bool) { f.editing = on }
