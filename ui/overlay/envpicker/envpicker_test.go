package envpicker

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/ui/uimsg"
)

func TestPickWrapsAndChooses(t *testing.T) {
	k := NewKeys()
	m := New([]string{"dev", "prod"}, "prod")
	if m.Sel != 2 {
		t.Fatalf("opened on row %d, want prod's", m.Sel)
	}
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyDown}, k) // past the end: back to none
	if _, out := m.Update(tea.KeyMsg{Type: tea.KeyEnter}, k); out != (Chosen{Env: ""}) {
		t.Errorf("enter on none handed up %#v", out)
	}
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyUp}, k)
	if _, out := m.Update(tea.KeyMsg{Type: tea.KeyEnter}, k); out != (Chosen{Env: "prod"}) {
		t.Errorf("enter on prod handed up %#v", out)
	}
	if _, out := m.Update(tea.KeyMsg{Type: tea.KeyEsc}, k); out != (uimsg.Close{}) {
		t.Errorf("esc handed up %#v", out)
	}
}
