package ui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/field"
)

// treeAction is what the tree asks the root to do to the collection's files.
type treeAction int

const (
	actNew treeAction = iota
	actDuplicate
	actRename
	actDelete
	actNewFile
)

// treeActionMsg asks the root to change a file: req is the request under the
// cursor (nil on a file or folder row), file the file the cursor is in.
type treeActionMsg struct {
	act  treeAction
	req  *collections.Request
	file *collections.File
	text string // the new title or file name
}

// SetDirty marks the requests with unsaved edits.
func (m *treePane) SetDirty(keys map[string]bool) { m.dirty = keys }

// Reload shows a changed collection, keeping folds, the filter and the cursor's
// row where it still exists.
func (m *treePane) Reload(c *collections.Collection) {
	cur := ""
	if m.cursor < len(m.visible) {
		cur = m.nodes[m.visible[m.cursor]].id
	}
	m.nodes = buildNodes(c)
	m.refresh()
	m.SelectKey(cur)
}

// SelectKey moves the cursor to the row with id k, if it is visible.
func (m *treePane) SelectKey(k string) {
	for vi, ni := range m.visible {
		if m.nodes[ni].id == k {
			m.cursor = vi
			m.reveal()
			return
		}
	}
}

// cursorFile is the file of the row under the cursor.
func (m *treePane) cursorFile() *collections.File {
	for i := m.cursorNode(); i >= 0; i = m.nodes[i].parent {
		if n := m.nodes[i]; n.kind == nodeRequest {
			return n.req.File
		} else if n.kind == nodeFile {
			return n.file
		}
	}
	return nil
}

func (m *treePane) cursorNode() int {
	if m.cursor >= len(m.visible) {
		return -1
	}
	return m.visible[m.cursor]
}

// actionKey runs the file-changing actions; it reports whether id was one.
func (m *treePane) actionKey(id settings.Action) (bool, tea.Cmd) {
	r, f := m.Selected(), m.cursorFile()
	emit := func(a treeAction) tea.Cmd {
		return func() tea.Msg { return treeActionMsg{act: a, req: r, file: f} }
	}
	switch {
	case id == actionNewRequest:
		return true, emit(actNew)
	case id == actionDuplicate && r != nil:
		return true, emit(actDuplicate)
	case id == actionDeleteRequest && r != nil:
		return true, emit(actDelete)
	case id == actionRename && r != nil:
		m.startPrompt(actRename, "Rename: ", r.Title)
		return true, nil
	case id == actionNewFile:
		m.startPrompt(actNewFile, "New file: ", "")
		return true, nil
	}
	return false, nil
}

func (m *treePane) startPrompt(a treeAction, prompt, value string) {
	m.promptFor = a
	m.prompt.SetPrompt(prompt)
	m.prompt.SetValue(value)
	m.prompt.Start()
}

// updatePrompt types into the rename or new-file prompt; enter asks the root.
func (m treePane) updatePrompt(msg tea.KeyMsg) (treePane, tea.Cmd) {
	if m.prompt.Update(msg) != field.Accepted {
		return m, nil
	}
	text := strings.TrimSpace(m.prompt.Value())
	m.prompt.Reset()
	if text == "" {
		return m, nil
	}
	a, r, f := m.promptFor, m.Selected(), m.cursorFile()
	return m, func() tea.Msg { return treeActionMsg{act: a, req: r, file: f, text: text} }
}
