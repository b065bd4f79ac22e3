package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/ui/actions"
	"github.com/httplens/httplens/ui/dialogs"
	"github.com/httplens/httplens/ui/notices"
	"github.com/httplens/httplens/ui/overlay/ask"
	"github.com/httplens/httplens/ui/overlay/cookiejar"
	"github.com/httplens/httplens/ui/overlay/envpicker"
	"github.com/httplens/httplens/ui/overlay/keyhelp"
	"github.com/httplens/httplens/ui/overlay/palette"
	"github.com/httplens/httplens/ui/overlay/saveprompt"
	"github.com/httplens/httplens/ui/overlay/threeway"
)

// The root's side of the dialogs (package dialogs): it routes keys to the open
// dialog and applies what the dialog answers.

// handleOverlayKey gives a key to the open dialog and does what it answers.
func (m Model) handleOverlayKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	var out dialogs.Outcome
	m.overlay, out = m.overlay.Update(msg, m.catalog)
	if out.Status != "" {
		m.setStatus(out.Status, out.IsErr)
	}
	switch do := out.Do.(type) {
	case dialogs.QuitNow:
		m.cancelFlight()
		return m, tea.Quit
	case palette.Run:
		a, _ := m.action(do.ID)
		return m.runAction(a)
	case envpicker.Chosen:
		m.setEnv(do.Env)
	case ask.Answered:
		return m.step(m.sess.Answered(do, m.parts()))
	case threeway.Chosen:
		return m.step(m.sess.MergeChosen(do, m.parts()))
	case saveprompt.Chosen:
		return m, m.saver.SaveBodyCmd(m.sess.Exchange().Response, do.Path, false)
	case dialogs.OverwriteFile:
		return m, m.saver.SaveBodyCmd(m.sess.Exchange().Response, do.Path, true)
	case dialogs.DeleteRequest:
		return m.deleteRequest(do.Req)
	case dialogs.SendAgain:
		return m.step(m.sess.SendNow(m.parts()))
	case dialogs.Reload:
		return m.afterSaving(m.saver.Reload(m.coll, do.Key))
	case dialogs.SaveCopy:
		return m.afterSaving(m.saver.Copy(m.coll, &m.req, do.Key))
	case dialogs.SaveVanished:
		return m.afterSaving(m.saver.SaveVanished(m.coll, &m.req, do.Key))
	case dialogs.DiscardVanished:
		m.req.Forget(do.Key, nil)
		m.syncEdits()
		m.askVanished()
	case cookiejar.Delete, cookiejar.Clear:
		return m.step(m.sess.ChangeCookies(do, m.parts()))
	}
	return m, nil
}

// opens returns the handler of an action that opens a dialog.
func opens(d func() dialogs.Dialog) func(Model) (tea.Model, tea.Cmd) {
	return func(m Model) (tea.Model, tea.Cmd) {
		m.overlay.Open(d())
		return m, nil
	}
}

// scopeTitles title the panes' scopes in the palette and help, in help's order.
var scopeTitles = []dialogs.Scope{{ID: actions.Tree, Title: "Collection"}, {ID: actions.Request, Title: "Request"},
	{ID: actions.Response, Title: "Response"}, {ID: actions.Explain, Title: "Explain"}}

// catalog is the action table as the palette and help list it, with whether
// each action can act now.
func (m *Model) catalog() dialogs.Catalog {
	rows := make([]dialogs.Row, len(m.acts))
	for i, a := range m.acts {
		rows[i] = dialogs.Row{ActionInfo: a.ActionInfo, Disabled: m.disabledReason(a) != ""}
	}
	return dialogs.Catalog{Rows: rows, Keys: m.cfg.Keys, Scopes: scopeTitles, OwnHelp: actions.Traffic}
}

// dialogScreen is what the open dialog is drawn with, in h lines.
func (m *Model) dialogScreen(h int) dialogs.Screen {
	fields := func() []keyhelp.Scope {
		return []keyhelp.Scope{{Name: "Filter and search", Keys: m.tree.FieldKeys()}, {Name: "Body editor", Keys: m.req.EditorKeys()}}
	}
	return dialogs.Screen{St: m.st, Help: m.help.Model, W: m.w, H: h, Catalog: m.catalog, Fields: fields}
}

// envPicker opens the picker on the current environment.
func (m Model) envPicker() (tea.Model, tea.Cmd) {
	if len(m.names) == 0 {
		m.setStatus("No environments ("+collections.EnvFile+" not found)", false)
		return m, nil
	}
	m.overlay.Open(dialogs.EnvPicker(m.names, m.env))
	return m, nil
}

// setEnv switches the environment; the resolved view and known ETag follow.
func (m *Model) setEnv(env string) {
	m.env = env
	if env == "" {
		m.setStatus("Environment: none", false)
	} else {
		m.setStatus("Environment: "+env, false)
	}
	m.refreshKnownETag()
}

// quitOrAsk quits, or asks first when requests have unsaved edits.
func (m Model) quitOrAsk() (tea.Model, tea.Cmd) {
	if d, ok := dialogs.QuitQuestion(len(m.req.DirtyKeys())); ok {
		m.overlay.Open(d)
		return m, nil
	}
	m.cancelFlight()
	return m, tea.Quit
}

// showNotices opens the start-up notices (the settings file's problems), if any,
// in a text overlay the user closes with esc.
func (m *Model) showNotices() {
	if len(m.cfg.Notices) > 0 {
		m.openText(notices.Overlay(m.cfg.SettingsFile, m.cfg.Notices))
	}
}

// textWidth is the width text overlays wrap their prose to.
func (m *Model) textWidth() int { return max(m.w-8, 20) }

// openText shows lines (already safe to print) in a scrollable overlay.
func (m *Model) openText(title string, lines []string) {
	m.overlay.Open(dialogs.TextView(title, lines))
}
