package actions

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/keyset"
	rp "github.com/httplens/httplens/ui/responsepane"
)

// Target is who acts on a key press when no dialog is open.
type Target int

const (
	// Pane: the focused pane takes the key.
	Pane Target = iota
	// Global: the root runs a global action.
	Global
	// Tab: a response tab action runs, showing the response pane on its tab.
	Tab
)

// Route says who acts on msg when no dialog is open, and the action it runs.
// A global action of global acts from every pane; while a text field is edited
// (editing), only those typing allows do, and only on a key that types no
// character (ctrl+c quits; q types a q). Then a response tab key of resp acts
// from every pane, unless a field is edited. Else the focused pane takes it.
func Route(msg tea.KeyMsg, editing bool, global keyset.Set, typing func(settings.Action) bool, resp keyset.Set) (settings.Action, Target) {
	typed := editing && (msg.Type == tea.KeyRunes || msg.Type == tea.KeySpace)
	if id, ok := global.Match(msg); ok && (!editing || typing(id) && !typed) {
		return id, Global
	}
	if editing {
		return "", Pane
	}
	for _, id := range rp.TabActions {
		if key.Matches(msg, resp.Get(id)) {
			return id, Tab
		}
	}
	return "", Pane
}
