package ui

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/actions"
	"github.com/httplens/httplens/ui/keyset"
	"github.com/httplens/httplens/ui/uimsg"
)

// The handlers of the global actions that are not a workflow's own verb (send,
// save, reread, check and quitOrAsk are).

func (m Model) cancel() (tea.Model, tea.Cmd) {
	m.cancelFlight()
	m.setStatus("Cancelling…", false)
	return m, nil
}

func (m Model) focusNext() (tea.Model, tea.Cmd) {
	m.setFocus((m.focus + 1) % paneCount)
	return m, nil
}

func (m Model) focusPrev() (tea.Model, tea.Cmd) {
	m.setFocus((m.focus + paneCount - 1) % paneCount)
	return m, nil
}

// offBecause is why, when an action is not on.
func offBecause(on bool, why string) string {
	if on {
		return ""
	}
	return why
}

// runInPane returns the handler of pane action id: the pane its keys act in runs
// it, the focused one when it can, else the first one of its scopes, focused first.
func runInPane(id settings.Action) func(m Model) (tea.Model, tea.Cmd) {
	return func(m Model) (tea.Model, tea.Cmd) {
		a, _ := m.action(id)
		m.setFocus(actions.PaneFor(a.ActionInfo, m.focus))
		return m.updatePane(m.focus, uimsg.RunAction{ID: id})
	}
}

// runInResponse returns the handler of response tab action id: from any pane it
// shows the response pane on that tab.
func runInResponse(id settings.Action) func(m Model) (tea.Model, tea.Cmd) {
	return func(m Model) (tea.Model, tea.Cmd) {
		m.setFocus(paneResponse)
		return m.updatePane(paneResponse, uimsg.RunAction{ID: id})
	}
}

// paneKeys returns pane p's bindings.
func (m *Model) paneKeys(p paneID) keySet {
	switch p {
	case paneTree:
		return m.tree.Keys
	case paneRequest:
		return m.req.Keys()
	case paneResponse:
		return m.resp.KeyMap().Set
	}
	return m.expl.Keys
}

// action returns the row of the model's action table for id: the table is built
// once per model, so a key press does not rebuild it.
func (m *Model) action(id settings.Action) (action, bool) { return findAction(m.acts, id) }

func findAction(acts []action, id settings.Action) (action, bool) {
	for _, a := range acts {
		if a.ID == id {
			return a, true
		}
	}
	return action{Row: keyset.Row{ActionInfo: settings.ActionInfo{ID: id, Help: string(id)}}}, false
}

// disabledReason says why action a cannot act now, "" when it can: its own
// reason for a global action; for a pane action, its binding being off in the
// pane that would run it (not on this tab, nothing to step through).
func (m *Model) disabledReason(a action) string {
	if a.disabled != nil {
		return a.disabled(m)
	}
	if a.global() || len(keyset.KeysFor(m.cfg.Keys, a.ActionInfo)) == 0 {
		return ""
	}
	if !m.paneKeys(actions.PaneFor(a.ActionInfo, m.focus)).Get(a.ID).Enabled() {
		return "not available here now"
	}
	return ""
}

// runAction runs action a through its handler, as its key would: the palette's
// way in. An action that cannot act now says why instead.
func (m Model) runAction(a action) (tea.Model, tea.Cmd) {
	if why := m.disabledReason(a); why != "" {
		m.setStatus(fmt.Sprintf("%s: %s", a.Help, why), true)
		return m, nil
	}
	if !a.global() && len(keyset.KeysFor(m.cfg.Keys, a.ActionInfo)) == 0 {
		// An unbound pane action cannot tell whether it acts here now.
		m.setStatus(fmt.Sprintf("%s has no key: bind one under [keys] in the settings file", a.ID), true)
		return m, nil
	}
	return a.run(m)
}
