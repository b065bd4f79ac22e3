package tree

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/field"
)

// Action is what the tree asks the root to do to the collection's files.
type Action int

const (
	AddRequest Action = iota
	DuplicateRequest
	RenameRequest
	DeleteIt
	CreateFile
)

// Change asks the root to change a file: req is the request under the
// cursor (nil on a file or folder row), file the file the cursor is in.
type Change struct {
	Act  Action
	Req  *collections.Request
	File *collections.File
	Text string // the new title or file name
}

// SetDirty marks the requests with unsaved edits.
func (m *Model) SetDirty(keys map[string]bool) { m.dirty = keys }

// Reload shows a changed collection, keeping folds, the filter and the cursor's
// row where it still exists.
func (m *Model) Reload(c *collections.Collection) {
	cur := ""
	if m.cursor < len(m.visible) {
		cur = m.nodes[m.visible[m.cursor]].id
	}
	m.nodes = buildNodes(c)
	m.refresh()
	m.SelectKey(cur)
}

// SelectKey moves the cursor to the row with id k, if it is visible.
func (m *Model) SelectKey(k string) {
	for vi, ni := range m.visible {
		if m.nodes[ni].id == k {
			m.cursor = vi
			m.reveal()
			return
		}
	}
}

// cursorFile is the file of the row under the cursor.
func (m *Model) CursorFile() *collections.File {
	for i := m.cursorNode(); i >= 0; i = m.nodes[i].parent {
		if n := m.nodes[i]; n.kind == nodeRequest {
			return n.req.File
		} else if n.kind == nodeFile {
			return n.file
		}
	}
	return nil
}

func (m *Model) cursorNode() int {
	if m.cursor >= len(m.visible) {
		return -1
	}
	return m.visible[m.cursor]
}

// actionKey runs the file-changing actions; it reports whether id was one.
func (m *Model) actionKey(id settings.Action) (bool, tea.Cmd) {
	r, f := m.Selected(), m.CursorFile()
	emit := func(a Action) tea.Cmd {
		return func() tea.Msg { return Change{Act: a, Req: r, File: f} }
	}
	switch {
	case id == NewRequest:
		return true, emit(AddRequest)
	case id == Duplicate && r != nil:
		return true, emit(DuplicateRequest)
	case id == DeleteRequest && r != nil:
		return true, emit(DeleteIt)
	case id == Rename && r != nil:
		m.startPrompt(RenameRequest, "Rename: ", r.Title)
		return true, nil
	case id == NewFile:
		m.startPrompt(CreateFile, "New file: ", "")
		return true, nil
	}
	return false, nil
}

func (m *Model) startPrompt(a Action, prompt, value string) {
	m.promptFor = a
	m.prompt.SetPrompt(prompt)
	m.prompt.SetValue(value)
	m.prompt.Start()
}

// updatePrompt types into the rename or new-file prompt; enter asks the root.
func (m Model) updatePrompt(msg tea.KeyMsg) (Model, tea.Cmd) {
	if m.prompt.Update(msg) != field.Accepted {
		return m, nil
	}
	text := strings.TrimSpace(m.prompt.Value())
	m.prompt.Reset()
	if text == "" {
		return m, nil
	}
	a, r, f := m.promptFor, m.Selected(), m.CursorFile()
	return m, func() tea.Msg { return Change{Act: a, Req: r, File: f, Text: text} }
}
