package keyset

import (
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/settings"
)

func testSet() Set {
	row := func(id, k string, hint int) Row {
		return Row{ActionInfo: settings.ActionInfo{ID: settings.Action(id), Help: id, Scopes: []settings.Scope{"pane"}, Keys: []string{k}}, Hint: hint}
	}
	return New([]Row{row("save", "ctrl+s", 2), row("down", "down", 0), row("send", "ctrl+r", 1)}, nil, "pane")
}

func hints(bs []key.Binding) (out []string) {
	for _, b := range bs {
		h := "=" + b.Help().Desc
		if len(b.Keys()) > 0 {
			h = b.Keys()[0] + h
		}
		if !b.Enabled() {
			h += "(off)"
		}
		out = append(out, h)
	}
	return out
}

// TestShortHelpFollowsChanges: the hint bindings are kept, so a change must
// make them anew, and only in the copy that changed (a pane is a value).
func TestShortHelpFollowsChanges(t *testing.T) {
	s := testSet()
	if got := hints(s.ShortHelp()); len(got) != 2 || got[0] != "ctrl+r=send" || got[1] != "ctrl+s=save" {
		t.Fatalf("ShortHelp = %v, want the hinted actions in hint order", got)
	}
	old := s
	s.Enable("send", false)
	if got := hints(s.ShortHelp()); got[0] != "ctrl+r=send(off)" {
		t.Errorf("after Enable, ShortHelp = %v", got)
	}
	s.SetKeys("save", "ctrl+w")
	if got := hints(s.ShortHelp()); got[0] != "ctrl+r=send(off)" || got[1] != "ctrl+w=save" {
		t.Errorf("after Enable and SetKeys, ShortHelp = %v", got)
	}
	if got := hints(old.ShortHelp()); got[0] != "ctrl+r=send" || got[1] != "ctrl+s=save" {
		t.Errorf("the copy taken before shows %v: the change leaked", got)
	}
	if len(s.ShortHelp()) != cap(s.ShortHelp()) {
		t.Error("ShortHelp has room to append into the kept slice")
	}
}

func TestMatch(t *testing.T) {
	s := testSet()
	if id, ok := s.Match(tea.KeyMsg{Type: tea.KeyDown}); !ok || id != "down" {
		t.Errorf("down matched %q %v", id, ok)
	}
	if id, ok := s.Match(tea.KeyMsg{Type: tea.KeyCtrlR}); !ok || id != "send" {
		t.Errorf("ctrl+r matched %q %v", id, ok)
	}
	s.Enable("send", false)
	if id, ok := s.Match(tea.KeyMsg{Type: tea.KeyCtrlR}); ok {
		t.Errorf("a disabled binding matched: %q", id)
	}
	if id, ok := s.Match(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("x")}); ok {
		t.Errorf("x matched %q", id)
	}
}
