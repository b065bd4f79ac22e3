package saving

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/atomicfile"
	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/ui/requestpane"
	"github.com/httplens/httplens/ui/tree"
)

// FileSaved says a file was written (or not): Old is replaced by File in the
// collection; Old is nil for a new file. Show is the request key to select.
type FileSaved struct {
	Old, File *collections.File
	Saved     string // key of the request whose edits were saved, if any
	Show      string
	Status    string
	Err       error
}

// SaveFileCmd writes content over old through collections.Save, which refuses to
// overwrite a file changed on disk since it was read.
func SaveFileCmd(old *collections.File, content []byte, saved, show, status string) tea.Cmd {
	return func() tea.Msg {
		nf, err := collections.Save(old, content)
		return FileSaved{Old: old, File: nf, Saved: saved, Show: show, Status: status, Err: err}
	}
}

// CreateFileCmd writes content to a new file at the first of paths that does not
// exist yet (never over an existing file) and reads it back; group is its
// collection group. status is told the path used.
func CreateFileCmd(paths []string, group string, content []byte, status string) tea.Cmd {
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
			return FileSaved{Err: err}
		}
		nf, err := collections.Parse(path, content)
		if err != nil {
			return FileSaved{Err: err}
		}
		nf.Group = group
		show := ""
		if len(nf.Requests) > 0 {
			show = tree.RequestKey(&nf.Requests[0])
		}
		return FileSaved{File: nf, Show: show, Status: status + path}
	}
}

// Written applies a file written without error to the collection c and the
// request pane p: the collection with msg.File in msg.Old's place (c is not
// changed), the saved edit forgotten, and the file's other edits following their
// requests, which may have moved. show is the request key to select: msg.Show,
// else the shown request's new key when it moved; "" keeps the cursor.
func Written(msg FileSaved, c *collections.Collection, p *requestpane.Model) (next *collections.Collection, show string) {
	next, show = WithFile(c, msg.Old, msg.File), msg.Show
	if msg.Saved != "" {
		p.Forget(msg.Saved, FindKey(msg.File, msg.Saved))
	}
	if msg.Old != nil {
		moved, _ := p.Rematch(msg.Old, msg.File)
		if nk, ok := moved[p.Key()]; ok && show == "" {
			show = nk
		}
	}
	return next, show
}

// reloadFileCmd reads old's file again from disk.
func reloadFileCmd(old *collections.File) tea.Cmd {
	return func() tea.Msg {
		b, err := os.ReadFile(old.Path)
		if err != nil {
			return FileSaved{Err: err}
		}
		nf, err := collections.Parse(old.Path, b)
		if err != nil {
			return FileSaved{Err: err}
		}
		nf.Group, nf.ReadOnly = old.Group, old.ReadOnly
		return FileSaved{Old: old, File: nf, Status: "Reloaded " + old.Path + "; your edits are still unsaved."}
	}
}

// WithFile returns a new collection with old replaced by nf (or nf added when old
// is nil). The collection is never changed in place: commands may hold it.
func WithFile(c *collections.Collection, old, nf *collections.File) *collections.Collection {
	out := *c
	out.Files = slices.Clone(c.Files)
	if i := slices.Index(out.Files, old); old != nil && i >= 0 {
		out.Files[i] = nf
		return &out
	}
	out.Files = append(out.Files, nf)
	return &out
}

// FindKey is the request of f with key k, or nil.
func FindKey(f *collections.File, k string) *collections.Request {
	for i := range f.Requests {
		if tree.RequestKey(&f.Requests[i]) == k {
			return &f.Requests[i]
		}
	}
	return nil
}

// FileOf is the file of the request with key k in c, and the request; nil when
// c holds no such request.
func FileOf(c *collections.Collection, k string) (*collections.File, *collections.Request) {
	if c == nil {
		return nil, nil
	}
	for _, f := range c.Files {
		if r := FindKey(f, k); r != nil {
			return f, r
		}
	}
	return nil, nil
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
