package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/ui/field"
)

func TestLineFieldCursor(t *testing.T) {
	f := field.New("> ")
	f.SetValue("hello")
	f.Start()
	for _, k := range keys("left", "left", "backspace", "type:L", "home", "delete", "end", "type:!") {
		f.Update(k.(tea.KeyMsg))
	}
	if f.Value() != "eLlo!" || f.View() != "> eLlo!█" {
		t.Errorf("value %q, view %q", f.Value(), f.View())
	}
	f.Update(keyMsg("home"))
	if f.View() != "> █eLlo!" {
		t.Errorf("cursor at home: %q", f.View())
	}
}
