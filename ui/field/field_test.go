package field

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func TestLineFieldCursor(t *testing.T) {
	key := func(k tea.KeyType) tea.KeyMsg { return tea.KeyMsg{Type: k} }
	typed := func(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }
	f := New("> ")
	f.SetValue("hello")
	f.Start()
	for _, k := range []tea.KeyMsg{key(tea.KeyLeft), key(tea.KeyLeft), key(tea.KeyBackspace), typed("L"),
		key(tea.KeyHome), key(tea.KeyDelete), key(tea.KeyEnd), typed("!")} {
		f.Update(k)
	}
	if f.Value() != "eLlo!" || f.View() != "> eLlo!█" {
		t.Errorf("value %q, view %q", f.Value(), f.View())
	}
	f.Update(key(tea.KeyHome))
	if f.View() != "> █eLlo!" {
		t.Errorf("cursor at home: %q", f.View())
	}
}
