package ui

import (
	"fmt"
	"path/filepath"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/ui/dialogs"
	"github.com/httplens/httplens/ui/saving"
	"github.com/httplens/httplens/ui/tree"
)

// treeAction changes the collection's files as the tree asked; every write goes
// through collections (Append, Replace, Save), so the rest of a file is kept.
func (m Model) treeAction(msg tree.Change) (tea.Model, tea.Cmd) {
	if msg.Act == tree.CreateFile {
		return m.newFile(msg.Text)
	}
	f := msg.File
	if f == nil {
		m.setStatus("Select a file or a request first.", true)
		return m, nil
	}
	if f.ReadOnly {
		m.setStatus("The built-in tour is read-only: "+keyName(m.tree.Keys.Get(actionNewFile))+" creates a new .http file, "+
			keyName(m.keys.Get(actionSave))+" on an edit saves a copy.", true)
		return m, nil
	}
	switch msg.Act {
	case tree.AddRequest:
		r := collections.Request{Title: "New request", Method: "GET", URL: newRequestURL(m.cfg.DemoURL)}
		return m.appendTo(f, r, "Added a new request to ")
	case tree.DuplicateRequest:
		r := *msg.Req
		if d, ok := m.req.Draft(requestKey(msg.Req)); ok {
			r = *d.Request(msg.Req, true) // the copy carries the unsaved edits
		}
		r.Title = strings.TrimSpace(requestLabel(msg.Req) + " (copy)")
		r.Name = "" // names are unique in a file
		return m.appendTo(f, r, "Duplicated into ")
	case tree.RenameRequest:
		r := *msg.Req
		r.Title = msg.Text
		content, err := f.Replace(msg.Req.Index, r)
		if err != nil {
			m.setStatus("Cannot rename: "+err.Error(), true)
			return m, nil
		}
		k := requestKey(msg.Req)
		return m, saving.SaveFileCmd(f, content, "", k, "Renamed to "+msg.Text)
	case tree.DeleteIt:
		if m.fileHasEdits(f) {
			m.setStatus("Save or discard (z) the edits in "+f.Path+" before deleting from it.", true)
			return m, nil
		}
		m.overlay.Open(dialogs.DeleteQuestion(msg.Req,
			fmt.Sprintf("Delete %s %s from %s?", msg.Req.Method, requestLabel(msg.Req), f.Path)))
	}
	return m, nil
}

// newRequestURL is where a new request points: the demo API when it runs.
func newRequestURL(demo string) string {
	if demo != "" {
		return "{{demo}}/items"
	}
	return "http://127.0.0.1/"
}

// appendTo adds r at the end of f and selects it.
func (m Model) appendTo(f *collections.File, r collections.Request, status string) (tea.Model, tea.Cmd) {
	content, err := f.Append(r)
	if err != nil {
		m.setStatus("Cannot add the request: "+err.Error(), true)
		return m, nil
	}
	show := "r:" + f.Path + "#" + fmt.Sprint(len(f.Requests))
	return m, saving.SaveFileCmd(f, content, "", show, status+f.Path)
}

// fileHasEdits reports unsaved edits to any request of f: deleting a request
// would move the others, and their edits with them.
func (m *Model) fileHasEdits(f *collections.File) bool {
	for k := range m.req.DirtyKeys() {
		if saving.FindKey(f, k) != nil {
			return true
		}
	}
	return false
}

// deleteRequest removes r's block from its file; every other byte stays.
func (m Model) deleteRequest(r *collections.Request) (tea.Model, tea.Cmd) {
	f := r.File
	if f == nil || r.Block.IsZero() {
		return m, nil
	}
	start, end := r.Block.Start.Offset, r.Block.End.Offset
	content := append(append([]byte(nil), f.Content[:start]...), f.Content[end:]...)
	show := ""
	if r.Index > 0 {
		show = requestKey(&f.Requests[r.Index-1])
	}
	return m, saving.SaveFileCmd(f, content, "", show, "Deleted "+requestLabel(r)+" from "+f.Path)
}

// newFile creates name (".http" added when missing) in the collection's folder,
// with one request to start from.
func (m Model) newFile(name string) (tea.Model, tea.Cmd) {
	if !strings.HasSuffix(name, ".http") && !strings.HasSuffix(name, ".rest") {
		name += ".http"
	}
	if strings.ContainsAny(name, `/\`) || strings.HasPrefix(name, ".") {
		m.setStatus("A file name, please: no folders, not hidden.", true)
		return m, nil
	}
	dir, group := m.cfg.Dir, ""
	if m.coll != nil && m.coll.Dir != "" {
		dir = m.coll.Dir
	}
	r := collections.Request{Title: "New request", Method: "GET", URL: newRequestURL(m.cfg.DemoURL)}
	content := collections.Format(r, "\n")
	return m, saving.CreateFileCmd([]string{filepath.Join(dir, name)}, group, content, "Created ")
}
