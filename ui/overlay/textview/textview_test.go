package textview

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/uimsg"
)

func TestScrollAndClose(t *testing.T) {
	k := NewKeys()
	m := New("Title", strings.Split(strings.Repeat("line\n", 9)+"last", "\n"))
	down := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("j")}
	for range 10 {
		m, _ = m.Update(down, k)
	}
	if m.Top != 9 { // bounded by the last line
		t.Errorf("top %d after scrolling past the end", m.Top)
	}
	v := m.View(styles.New(), 40, 8)
	if !strings.Contains(v, "last") || !strings.Contains(v, "of 10 lines") {
		t.Errorf("view at the end:\n%s", v)
	}
	if _, out := m.Update(tea.KeyMsg{Type: tea.KeyEsc}, k); out != (uimsg.Close{}) {
		t.Errorf("esc handed up %#v", out)
	}
}
