package requestpane

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/uikit"
)

// textEditor is a small multi-line editor for request bodies: typed runes, enter
// for a new line, backspace and delete across lines, the arrow keys, home and end.
// esc ends editing; the text is kept. bubbles/textarea is not used because it pulls
// a clipboard module this build does not carry.
type textEditor struct {
	keys     EditorKeys
	lines    [][]rune
	row, col int
	top      int // first line shown
	editing  bool
}

func newTextEditor() textEditor {
	return textEditor{keys: NewEditorKeys(), lines: [][]rune{nil}}
}

// SetText replaces the text; the cursor goes to its start.
func (e *textEditor) SetText(s string) {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	parts := strings.Split(s, "\n")
	e.lines = make([][]rune, len(parts))
	for i, p := range parts {
		e.lines[i] = []rune(p)
	}
	e.row, e.col, e.top = 0, 0, 0
}

// Text is the text, lines joined with "\n".
func (e *textEditor) Text() string {
	parts := make([]string, len(e.lines))
	for i, l := range e.lines {
		parts[i] = string(l)
	}
	return strings.Join(parts, "\n")
}

// Update applies one key; it reports whether the text changed.
func (e *textEditor) Update(msg tea.KeyMsg) bool {
	k := e.keys
	line := e.lines[e.row]
	e.col = uikit.Clamp(e.col, 0, len(line))
	switch {
	case key.Matches(msg, k.Done):
		e.editing = false
	case key.Matches(msg, k.Newline):
		rest := append([]rune(nil), line[e.col:]...)
		e.lines[e.row] = line[:e.col]
		e.lines = append(e.lines[:e.row+1], append([][]rune{rest}, e.lines[e.row+1:]...)...)
		e.row, e.col = e.row+1, 0
		return true
	case key.Matches(msg, k.Backspace):
		return e.backspace()
	case key.Matches(msg, k.Delete):
		if e.col < len(line) {
			e.lines[e.row] = append(line[:e.col], line[e.col+1:]...)
			return true
		}
		if e.row+1 < len(e.lines) {
			e.lines[e.row] = append(line, e.lines[e.row+1]...)
			e.lines = append(e.lines[:e.row+1], e.lines[e.row+2:]...)
			return true
		}
	case key.Matches(msg, k.Up):
		e.row = max(e.row-1, 0)
	case key.Matches(msg, k.Down):
		e.row = min(e.row+1, len(e.lines)-1)
	case key.Matches(msg, k.Left):
		e.left()
	case key.Matches(msg, k.Right):
		e.right()
	case key.Matches(msg, k.Home):
		e.col = 0
	case key.Matches(msg, k.End):
		e.col = len(line)
	case msg.Type == tea.KeyRunes || msg.Type == tea.KeySpace || msg.Type == tea.KeyTab:
		rs := msg.Runes
		switch {
		case msg.Type == tea.KeyTab:
			rs = []rune{' ', ' '}
		case msg.Type == tea.KeySpace && len(rs) == 0:
			rs = []rune{' '}
		}
		e.insert(rs)
		return true
	}
	return false
}

func (e *textEditor) insert(rs []rune) {
	// A paste may carry line breaks: each starts a new line.
	for i, part := range strings.Split(strings.ReplaceAll(string(rs), "\r\n", "\n"), "\n") {
		if i > 0 {
			e.Update(tea.KeyMsg{Type: tea.KeyEnter})
		}
		p := []rune(part)
		line := e.lines[e.row]
		out := make([]rune, 0, len(line)+len(p))
		e.lines[e.row] = append(append(append(out, line[:e.col]...), p...), line[e.col:]...)
		e.col += len(p)
	}
}

func (e *textEditor) backspace() bool {
	switch {
	case e.col > 0:
		line := e.lines[e.row]
		e.lines[e.row] = append(line[:e.col-1], line[e.col:]...)
		e.col--
	case e.row > 0:
		prev := e.lines[e.row-1]
		e.col = len(prev)
		e.lines[e.row-1] = append(prev, e.lines[e.row]...)
		e.lines = append(e.lines[:e.row], e.lines[e.row+1:]...)
		e.row--
	default:
		return false
	}
	return true
}

func (e *textEditor) left() {
	switch {
	case e.col > 0:
		e.col--
	case e.row > 0:
		e.row--
		e.col = len(e.lines[e.row])
	}
}

func (e *textEditor) right() {
	switch {
	case e.col < len(e.lines[e.row]):
		e.col++
	case e.row+1 < len(e.lines):
		e.row, e.col = e.row+1, 0
	}
}

// View draws h lines, scrolled so the cursor is visible; the cursor is a block.
func (e *textEditor) View(h int) []string {
	h = max(h, 1)
	if e.row < e.top {
		e.top = e.row
	} else if e.row >= e.top+h {
		e.top = e.row - h + 1
	}
	out := make([]string, 0, h)
	for i := e.top; i < min(e.top+h, len(e.lines)); i++ {
		l := e.lines[i]
		if i != e.row || !e.editing {
			out = append(out, termtext.String(string(l)))
			continue
		}
		col := uikit.Clamp(e.col, 0, len(l))
		out = append(out, termtext.String(string(l[:col]))+"█"+termtext.String(string(l[col:])))
	}
	return out
}
