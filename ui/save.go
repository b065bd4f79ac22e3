package ui

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/atomicfile"
	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/ui/requestpane"
)

// fileSavedMsg says a file was written (or not): old is replaced by file in the
// collection; old is nil for a new file. show is the request key to select.
type fileSavedMsg struct {
	old, file *collections.File
	saved     string // key of the request whose edits were saved, if any
	show      string
	status    string
	err       error
}

// saveFileCmd writes content over old through collections.Save, which refuses to
// overwrite a file changed on disk since it was read.
func saveFileCmd(old *collections.File, content []byte, saved, show, status string) tea.Cmd {
	return func() tea.Msg {
		nf, err := collections.Save(old, content)
		return fileSavedMsg{old: old, file: nf, saved: saved, show: show, status: status, err: err}
	}
}

// createFileCmd writes content to a new file at the first of paths that does not
// exist yet (never over an existing file) and reads it back; group is its
// collection group. status is told the path used.
func createFileCmd(paths []string, group string, content []byte, status string) tea.Cmd {
	return func() tea.Msg {
		var path string
		err := os.ErrExist
		for _, p := range paths {
			path = p
			err = atomicfile.Write(p, atomicfile.Options{Perm: 0o644, NoReplace: true}, func(w io.Writer) error {
				_, err := w.Write(content)
				return err
			})
			if !errors.Is(err, os.ErrExist) {
				break
			}
		}
		if err != nil {
			return fileSavedMsg{err: err}
		}
		nf, err := collections.Parse(path, content)
		if err != nil {
			return fileSavedMsg{err: err}
		}
		nf.Group = group
		show := ""
		if len(nf.Requests) > 0 {
			show = requestKey(&nf.Requests[0])
		}
		return fileSavedMsg{file: nf, show: show, status: status + path}
	}
}

// reloadFileCmd reads old's file again from disk.
func reloadFileCmd(old *collections.File) tea.Cmd {
	return func() tea.Msg {
		b, err := os.ReadFile(old.Path)
		if err != nil {
			return fileSavedMsg{err: err}
		}
		nf, err := collections.Parse(old.Path, b)
		if err != nil {
			return fileSavedMsg{err: err}
		}
		nf.Group, nf.ReadOnly = old.Group, old.ReadOnly
		return fileSavedMsg{old: old, file: nf, status: "Reloaded " + old.Path + "; your edits are still unsaved."}
	}
}

// save writes the shown request's edits into its file: only its block changes.
func (m Model) save() (tea.Model, tea.Cmd) {
	r := m.req.Saved()
	if r == nil || !m.req.Dirty() {
		m.setStatus("Nothing to save.", false)
		return m, nil
	}
	key := requestKey(r)
	if r.File == nil || r.File.ReadOnly {
		m.openDialog(dialog{kind: overlayReadOnly, key: key,
			text: "The built-in tour is read-only. Save a copy of its file, with this edit, in " + m.copyDir(r.File) + "?"})
		return m, nil
	}
	d, _ := m.req.Draft(key)
	content, err := r.File.Replace(r.Index, *d.Request(r, true))
	if err != nil {
		m.setStatus("Cannot save: "+err.Error(), true)
		return m, nil
	}
	return m, saveFileCmd(r.File, content, key, key, "Saved "+requestLabel(r)+" to "+r.File.Path)
}

// fileSaved swaps the written file into the collection, or reports why not.
func (m Model) fileSaved(msg fileSavedMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		if errors.Is(msg.err, collections.ErrConflict) && msg.saved != "" {
			m.openDialog(dialog{kind: overlayConflict, key: msg.saved,
				text: msg.err.Error() + ". Nothing was written."})
			return m, nil
		}
		if errors.Is(msg.err, atomicfile.ErrReadOnly) && msg.saved != "" {
			f, _ := m.fileOf(msg.saved)
			m.openDialog(dialog{kind: overlayReadOnly, key: msg.saved,
				text: msg.err.Error() + ". Nothing was written. Save a copy of the file, with this edit, in " + m.copyDir(f) + "?"})
			return m, nil
		}
		m.setStatus("Cannot save: "+msg.err.Error(), true)
		return m, nil
	}
	m.coll = withFile(m.coll, msg.old, msg.file)
	m.tree.Reload(m.coll)
	if msg.saved != "" {
		m.req.Forget(msg.saved, findKey(msg.file, msg.saved))
	}
	if msg.old != nil {
		// Other edits of the file follow their requests, which may have moved.
		moved, _ := m.req.Rematch(msg.old, msg.file)
		if nk, ok := moved[m.req.Key()]; ok && msg.show == "" {
			msg.show = nk
		}
	}
	if msg.show != "" {
		m.tree.SelectKey(msg.show)
	}
	m.showRequest(m.tree.Selected())
	m.setStatus(msg.status, false)
	m.askVanished()
	return m, nil
}

// askVanished asks what to do with the first edit whose request is gone from its
// file, so no edit is lost silently or written over another request.
func (m *Model) askVanished() {
	if m.overlay.kind != overlayNone {
		return
	}
	for _, k := range slices.Sorted(maps.Keys(m.req.DirtyKeys())) {
		if r := m.req.Orig(k); r != nil && strings.HasPrefix(k, requestpane.GoneKey) {
			m.openDialog(dialog{kind: overlayVanished, key: k, text: fmt.Sprintf(
				"You edited %q, which is no longer in %s (deleted, renamed or changed on disk). Save your edit as a new request at the end of the file, or discard it?",
				requestLabel(r), r.File.Path)})
			return
		}
	}
}

// saveVanished appends the edit k, whose request is gone, to its file as a new request.
func (m Model) saveVanished(k string) (tea.Model, tea.Cmd) {
	orig := m.req.Orig(k)
	d, ok := m.req.Draft(k)
	if orig == nil || !ok {
		return m, nil
	}
	var f *collections.File
	if m.coll != nil {
		for _, cf := range m.coll.Files {
			if cf.Path == orig.File.Path {
				f = cf
			}
		}
	}
	if f == nil {
		m.setStatus("Cannot save: "+orig.File.Path+" is no longer in the collection", true)
		return m, nil
	}
	content, err := f.Append(*d.Request(orig, true))
	if err != nil {
		m.setStatus("Cannot save: "+err.Error(), true)
		return m, nil
	}
	show := "r:" + f.Path + "#" + strconv.Itoa(len(f.Requests))
	return m, saveFileCmd(f, content, k, show, "Saved "+requestLabel(orig)+" as a new request in "+f.Path)
}

// withFile returns a new collection with old replaced by nf (or nf added when old
// is nil). The collection is never changed in place: commands may hold it.
func withFile(c *collections.Collection, old, nf *collections.File) *collections.Collection {
	out := *c
	out.Files = slices.Clone(c.Files)
	if i := slices.Index(out.Files, old); old != nil && i >= 0 {
		out.Files[i] = nf
		return &out
	}
	out.Files = append(out.Files, nf)
	return &out
}

// findKey is the request of f with key k, or nil.
func findKey(f *collections.File, k string) *collections.Request {
	for i := range f.Requests {
		if requestKey(&f.Requests[i]) == k {
			return &f.Requests[i]
		}
	}
	return nil
}

// fileOf is the file of the request with key k in the collection, or nil.
func (m *Model) fileOf(k string) (*collections.File, *collections.Request) {
	if m.coll == nil {
		return nil, nil
	}
	for _, f := range m.coll.Files {
		if r := findKey(f, k); r != nil {
			return f, r
		}
	}
	return nil, nil
}

// reloadFile reads the file of request k again after a conflict.
func (m Model) reloadFile(k string) (tea.Model, tea.Cmd) {
	f, _ := m.fileOf(k)
	if f == nil {
		return m, nil
	}
	return m, reloadFileCmd(f)
}

// saveCopy writes the file of request k, with its edits, to a new file beside it
// (or in the current folder for the tour), leaving the original alone.
func (m Model) saveCopy(k string) (tea.Model, tea.Cmd) {
	f, r := m.fileOf(k)
	d, ok := m.req.Draft(k)
	if f == nil || !ok {
		return m, nil
	}
	content, err := f.Replace(r.Index, *d.Request(r, true))
	if err != nil {
		m.setStatus("Cannot save a copy: "+err.Error(), true)
		return m, nil
	}
	paths := copyPaths(m.copyDir(f), filepath.Base(f.Path), m.coll)
	return m, createFileCmd(paths, "", content, "Saved a copy as ")
}

// copyDir is where a copy of f goes: beside it, or in the current folder for the tour.
func (m *Model) copyDir(f *collections.File) string {
	if f == nil || f.ReadOnly {
		return m.cfg.Dir
	}
	return filepath.Dir(f.Path)
}

// copyPaths lists names for a copy that no file of the collection has; the file
// is created at the first that is free on disk too (never over a file).
func copyPaths(dir, base string, c *collections.Collection) []string {
	stem := strings.TrimSuffix(base, filepath.Ext(base))
	taken := map[string]bool{}
	if c != nil {
		for _, f := range c.Files {
			taken[f.Path] = true
		}
	}
	var out []string
	for i := 1; len(out) < 20; i++ {
		name := stem + ".copy.http"
		if i > 1 {
			name = fmt.Sprintf("%s.copy%d.http", stem, i)
		}
		if p := filepath.Join(dir, name); !taken[p] {
			out = append(out, p)
		}
	}
	return out
}
