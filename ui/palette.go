package ui

import (
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/overlay/palette"
)

// entries lists every action with the keys bound to it now, as the palette and
// the help overlay list them.
func (m *Model) entries() []palette.Entry {
	acts := m.acts
	out := make([]palette.Entry, len(acts))
	for i, a := range acts {
		keys := keysFor(m.cfg.Keys, a.ActionInfo)
		where := scopeTitle(a.Scopes[0])
		if len(a.Scopes) > 1 {
			where = "panes"
		}
		label := ""
		if len(keys) > 0 {
			label = keysLabel(keys)
		}
		out[i] = palette.Entry{Info: a.ActionInfo, Keys: keys, Label: label, Where: where, Disabled: m.disabledReason(a) != ""}
	}
	return out
}

// fromPalette acts on what the palette handed up: its action runs through the
// handler, as its key would.
func (m Model) fromPalette(out tea.Msg) (tea.Model, tea.Cmd) {
	if run, ok := out.(palette.Run); ok {
		m.overlay = dialog{}
		a, _ := m.action(run.ID)
		return m.runAction(a)
	}
	return m.fromOverlay(out)
}

// paneScope is the settings scope of pane p's keys.
func paneScope(p paneID) settings.Scope {
	return [paneCount]settings.Scope{scopeTree, scopeRequest, scopeResponse, scopeExplain}[p]
}

// scopeTitle names a scope in the palette and the help overlay.
func scopeTitle(s settings.Scope) string {
	switch s {
	case settings.ScopeGlobal:
		return "Global"
	case scopeTree:
		return "Collection"
	}
	return strings.ToUpper(string(s[:1])) + string(s[1:])
}

// helpGroup is one group of actions for the help overlay, as a help.KeyMap made
// from the same entries the palette lists.
type helpGroup struct {
	name string
	cols [][]key.Binding
}

func (a helpGroup) ShortHelp() []key.Binding { return nil }

func (a helpGroup) FullHelp() [][]key.Binding { return a.cols }

// actionHelps groups the entries by where they act (actions of several panes
// together), in columns of at most helpRows bindings.
func (m *Model) actionHelps() []helpGroup {
	const helpRows = 8
	order := []string{"Global", "Every pane", "Collection", "Request", "Response", "Explain"}
	groups := map[string][]key.Binding{}
	for _, e := range m.entries() {
		name := scopeTitle(e.Info.Scopes[0])
		if len(e.Info.Scopes) > 1 {
			name = "Every pane"
			if len(e.Info.Scopes) == 2 {
				name = scopeTitle(e.Info.Scopes[0]) + " and " + scopeTitle(e.Info.Scopes[1])
			}
		}
		if _, ok := groups[name]; !ok && !slices.Contains(order, name) {
			order = append(order, name)
		}
		b := key.NewBinding(key.WithKeys(e.Keys...), key.WithHelp(keysLabel(e.Keys), e.Info.Help))
		groups[name] = append(groups[name], b)
	}
	var out []helpGroup
	for _, name := range order {
		bs := groups[name]
		if len(bs) == 0 {
			continue
		}
		h := helpGroup{name: name}
		for len(bs) > 0 {
			n := min(len(bs), helpRows)
			h.cols, bs = append(h.cols, bs[:n]), bs[n:]
		}
		out = append(out, h)
	}
	return out
}
