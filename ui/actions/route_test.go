package actions

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/keyset"
	rp "github.com/httplens/httplens/ui/responsepane"
)

// A small global scope: q quits (and may act while typing, but types a q),
// ctrl+s saves while typing, ? and f1 are help, which never acts while typing.
func routeSets() (global, resp keyset.Set, typing func(settings.Action) bool) {
	g := []settings.Scope{settings.ScopeGlobal}
	rows := []keyset.Row{
		{ActionInfo: settings.ActionInfo{ID: "quit", Scopes: g, Keys: []string{"q", "ctrl+c"}}},
		{ActionInfo: settings.ActionInfo{ID: "save", Scopes: g, Keys: []string{"ctrl+s"}}},
		{ActionInfo: settings.ActionInfo{ID: "help", Scopes: g, Keys: []string{"?", "f1"}}},
	}
	for _, r := range Panes() {
		rows = append(rows, r.Row)
	}
	typing = func(id settings.Action) bool { return id == "quit" || id == "save" }
	return keyset.New(rows, nil, settings.ScopeGlobal), keyset.New(rows, nil, Response), typing
}

func TestRoute(t *testing.T) {
	global, resp, typing := routeSets()
	runes := func(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }
	for _, c := range []struct {
		name    string
		msg     tea.KeyMsg
		editing bool
		id      settings.Action
		to      Target
	}{
		{"q quits", runes("q"), false, "quit", Global},
		{"q types a q in a field", runes("q"), true, "", Pane},
		{"ctrl+c quits from a field", tea.KeyMsg{Type: tea.KeyCtrlC}, true, "quit", Global},
		{"ctrl+s saves from a field", tea.KeyMsg{Type: tea.KeyCtrlS}, true, "save", Global},
		{"? is help", runes("?"), false, "help", Global},
		{"? types in a field", runes("?"), true, "", Pane},
		{"f1 is not help in a field", tea.KeyMsg{Type: tea.KeyF1}, true, "", Pane},
		{"3 shows the Headers tab", runes("3"), false, rp.ActionHeaders, Tab},
		{"3 types in a field", runes("3"), true, "", Pane},
		{"j goes to the pane", runes("j"), false, "", Pane},
	} {
		if id, to := Route(c.msg, c.editing, global, typing, resp); id != c.id || to != c.to {
			t.Errorf("%s: got %q to %d, want %q to %d", c.name, id, to, c.id, c.to)
		}
	}
}
