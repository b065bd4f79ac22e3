package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/ui/dialogs"
	"github.com/httplens/httplens/ui/saving"
	"github.com/httplens/httplens/ui/tree"
)

// applySaving does what a step of the saving workflow asks: it sets the status
// line, opens its question, and returns its write.
func (m *Model) applySaving(o saving.Outcome) tea.Cmd {
	if o.Status != "" {
		m.setStatus(o.Status, o.IsErr)
	}
	if d, ok := dialogs.SavingQuestion(o); ok {
		m.overlay.Open(d)
	}
	return o.Cmd
}

// afterSaving is applySaving for an Update.
func (m Model) afterSaving(o saving.Outcome) (tea.Model, tea.Cmd) {
	cmd := m.applySaving(o)
	return m, cmd
}

// save writes the shown request's edits into its file: only its block changes.
func (m Model) save() (tea.Model, tea.Cmd) { return m.afterSaving(m.saver.Save(&m.req)) }

// fileSaved swaps the written file into the collection, or reports why not.
func (m Model) fileSaved(msg saving.FileSaved) (tea.Model, tea.Cmd) {
	if msg.Err != nil {
		return m.afterSaving(m.saver.Failed(msg, m.coll))
	}
	var show string
	m.coll, show = saving.Written(msg, m.coll, &m.req)
	m.tree.Reload(m.coll)
	if show != "" {
		m.tree.SelectKey(show)
	}
	m.showRequest(m.tree.Selected())
	m.setStatus(msg.Status, false)
	m.askVanished()
	return m, nil
}

// askVanished asks what to do with the first edit whose request is gone from its
// file, unless another dialog is open.
func (m *Model) askVanished() {
	if !m.overlay.IsOpen() {
		m.applySaving(saving.Vanished(&m.req))
	}
}

// collDir is the collection's folder, where new files go.
func (m *Model) collDir() string {
	if m.coll != nil && m.coll.Dir != "" {
		return m.coll.Dir
	}
	return m.cfg.Dir
}

// deleteRequest deletes r from its file, after the user said yes.
func (m Model) deleteRequest(r *collections.Request) (tea.Model, tea.Cmd) {
	return m.afterSaving(m.edits.Delete(r))
}

// pastedCurl handles a bracketed paste made while no field takes text: a curl
// command becomes a new request in the file under the tree's cursor (or in a new
// file when that one is read-only). ok is false for any other paste.
func (m Model) pastedCurl(msg tea.KeyMsg) (next tea.Model, cmd tea.Cmd, ok bool) {
	if !msg.Paste {
		return m, nil, false
	}
	o, ok := m.saver.Paste(string(msg.Runes), m.tree.CursorFile(), m.collDir())
	if !ok {
		return m, nil, false
	}
	next, cmd = m.afterSaving(o)
	return next, cmd, true
}

// handleEditMsg takes the results of the tree's edits and of saving files.
func (m Model) handleEditMsg(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case saving.FileSaved:
		return m.fileSaved(msg)
	case tree.Change:
		return m.afterSaving(m.edits.Change(msg, &m.req, m.collDir()))
	}
	return m, nil
}
