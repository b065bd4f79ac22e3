package palette

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/uimsg"
)

func TestTypingFiltersAndEnterRunsTheHighlighted(t *testing.T) {
	entries := []Entry{
		{Info: settings.ActionInfo{ID: "send", Help: "send the request"}},
		{Info: settings.ActionInfo{ID: "save", Help: "save edits"}},
		{Info: settings.ActionInfo{ID: "cookies", Help: "show the cookie jar"}},
	}
	k := NewKeys()
	m := New()
	for _, r := range "sav" {
		m, _ = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}}, k, entries)
	}
	if _, out := m.Update(tea.KeyMsg{Type: tea.KeyEnter}, k, entries); out != (Run{ID: "save"}) {
		t.Errorf("enter after %q handed up %#v", m.Query.Value(), out)
	}
	m.Query.SetValue("zzqx")
	if _, out := m.Update(tea.KeyMsg{Type: tea.KeyEnter}, k, entries); out != (uimsg.Close{}) {
		t.Errorf("enter with no match handed up %#v", out)
	}
}
