package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/ui/dialogs"
	"github.com/httplens/httplens/ui/responsecontent"
	"github.com/httplens/httplens/ui/saving"
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
	m.coll = saving.WithFile(m.coll, msg.Old, msg.File)
	m.tree.Reload(m.coll)
	if msg.Saved != "" {
		m.req.Forget(msg.Saved, saving.FindKey(msg.File, msg.Saved))
	}
	if msg.Old != nil {
		// Other edits of the file follow their requests, which may have moved.
		moved, _ := m.req.Rematch(msg.Old, msg.File)
		if nk, ok := moved[m.req.Key()]; ok && msg.Show == "" {
			msg.Show = nk
		}
	}
	if msg.Show != "" {
		m.tree.SelectKey(msg.Show)
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

// pastedCurl handles a bracketed paste made while no field takes text: a curl
// command becomes a new request in the file under the tree's cursor (or in a new
// file when that one is read-only). ok is false for any other paste.
func (m Model) pastedCurl(msg tea.KeyMsg) (next tea.Model, cmd tea.Cmd, ok bool) {
	if !msg.Paste {
		return m, nil, false
	}
	dir := m.cfg.Dir
	if m.coll != nil && m.coll.Dir != "" {
		dir = m.coll.Dir
	}
	o, ok := m.saver.Paste(string(msg.Runes), m.tree.CursorFile(), dir)
	if !ok {
		return m, nil, false
	}
	next, cmd = m.afterSaving(o)
	return next, cmd, true
}

// openSavePrompt opens the path prompt for the shown body.
func (m Model) openSavePrompt() Model {
	p, ok := saving.Prompt(m.lastX.Response, bodyExt(m.resp.Content()))
	if !ok {
		m.setStatus("No body to save.", true)
		return m
	}
	m.overlay.Open(dialogs.SavePrompt(p))
	return m
}

// bodyExt is a file extension for the kind of body shown.
func bodyExt(c *responsecontent.Content) string {
	if c == nil {
		return ".bin"
	}
	return map[responsecontent.Kind]string{responsecontent.KindJSON: ".json", responsecontent.KindXML: ".xml",
		responsecontent.KindHTML: ".html", responsecontent.KindText: ".txt", responsecontent.KindBinary: ".bin"}[c.Kind]
}
