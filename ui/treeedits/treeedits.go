// Package treeedits is the workflow behind the tree's file-changing actions: a
// new request, a duplicate, a rename, a delete and a new .http file. Each step
// returns a saving.Outcome the root applies (a status line, the delete question,
// a command that writes); every write goes through collections (Append, Replace,
// Save), so the rest of a file is kept byte for byte. It imports collections and
// the leaves under ui (saving, tree, requestpane), never the root.
package treeedits

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/ui/requestpane"
	"github.com/httplens/httplens/ui/saving"
	"github.com/httplens/httplens/ui/tree"
)

// Edits is the workflow's settings; the root holds one. The zero value works.
type Edits struct {
	// DemoURL is the running demo API's base URL: new requests point at it.
	DemoURL string
	// NewFileKey and SaveKey name the keys of the tree's new-file action and of
	// save, for the message that says the tour is read-only.
	NewFileKey, SaveKey string
}

// Drafts is what the workflow reads of the request pane: the unsaved edits.
// *requestpane.Model is one.
type Drafts interface {
	Draft(key string) (requestpane.Draft, bool)
	DirtyKeys() map[string]bool
}

// Change does what the tree asked in c. dir is where a new file goes (the
// collection's folder). A delete is only asked (saving.AskDelete, about Req);
// the root calls Delete on a yes.
func (e Edits) Change(c tree.Change, drafts Drafts, dir string) saving.Outcome {
	if c.Act == tree.CreateFile {
		return e.NewFile(c.Text, dir)
	}
	f := c.File
	if f == nil {
		return saving.Outcome{Status: "Select a file or a request first.", IsErr: true}
	}
	if f.ReadOnly {
		return saving.Outcome{Status: "The built-in tour is read-only: " + e.NewFileKey + " creates a new .http file, " +
			e.SaveKey + " on an edit saves a copy.", IsErr: true}
	}
	switch c.Act {
	case tree.AddRequest:
		return appendTo(f, e.newRequest(), "Added a new request to ")
	case tree.DuplicateRequest:
		r := *c.Req
		if d, ok := drafts.Draft(tree.RequestKey(c.Req)); ok {
			r = *d.Request(c.Req, true) // the copy carries the unsaved edits
		}
		r.Title = strings.TrimSpace(tree.RequestLabel(c.Req) + " (copy)")
		r.Name = "" // names are unique in a file
		return appendTo(f, r, "Duplicated into ")
	case tree.RenameRequest:
		r := *c.Req
		r.Title = c.Text
		content, err := f.Replace(c.Req.Index, r)
		if err != nil {
			return saving.Outcome{Status: "Cannot rename: " + err.Error(), IsErr: true}
		}
		return saving.Outcome{Cmd: saving.SaveFileCmd(f, content, "", tree.RequestKey(c.Req), "Renamed to "+c.Text)}
	case tree.DeleteIt:
		// Deleting a request moves the others, and their unsaved edits with them.
		if hasEdits(f, drafts) {
			return saving.Outcome{Status: "Save or discard (z) the edits in " + f.Path + " before deleting from it.", IsErr: true}
		}
		return saving.Outcome{Ask: saving.AskDelete, Req: c.Req,
			Text: fmt.Sprintf("Delete %s %s from %s?", c.Req.Method, tree.RequestLabel(c.Req), f.Path)}
	}
	return saving.Outcome{}
}

// newRequest is what a new request starts as: a GET of the demo API when it runs.
func (e Edits) newRequest() collections.Request {
	url := "http://127.0.0.1/"
	if e.DemoURL != "" {
		url = "{{demo}}/items"
	}
	return collections.Request{Title: "New request", Method: "GET", URL: url}
}

// appendTo adds r at the end of f and selects it.
func appendTo(f *collections.File, r collections.Request, status string) saving.Outcome {
	content, err := f.Append(r)
	if err != nil {
		return saving.Outcome{Status: "Cannot add the request: " + err.Error(), IsErr: true}
	}
	show := "r:" + f.Path + "#" + fmt.Sprint(len(f.Requests))
	return saving.Outcome{Cmd: saving.SaveFileCmd(f, content, "", show, status+f.Path)}
}

// hasEdits reports unsaved edits to any request of f.
func hasEdits(f *collections.File, drafts Drafts) bool {
	for k := range drafts.DirtyKeys() {
		if saving.FindKey(f, k) != nil {
			return true
		}
	}
	return false
}

// Delete removes r's block from its file; every other byte stays. The request
// before it is selected after.
func (e Edits) Delete(r *collections.Request) saving.Outcome {
	f := r.File
	if f == nil || r.Block.IsZero() {
		return saving.Outcome{}
	}
	start, end := r.Block.Start.Offset, r.Block.End.Offset
	content := append(append([]byte(nil), f.Content[:start]...), f.Content[end:]...)
	show := ""
	if r.Index > 0 {
		show = tree.RequestKey(&f.Requests[r.Index-1])
	}
	return saving.Outcome{Cmd: saving.SaveFileCmd(f, content, "", show, "Deleted "+tree.RequestLabel(r)+" from "+f.Path)}
}

// NewFile creates name (".http" added when missing) in dir, with one request to
// start from; never over an existing file.
func (e Edits) NewFile(name, dir string) saving.Outcome {
	if !strings.HasSuffix(name, ".http") && !strings.HasSuffix(name, ".rest") {
		name += ".http"
	}
	if strings.ContainsAny(name, `/\`) || strings.HasPrefix(name, ".") {
		return saving.Outcome{Status: "A file name, please: no folders, not hidden.", IsErr: true}
	}
	content := collections.Format(e.newRequest(), "\n")
	return saving.Outcome{Cmd: saving.CreateFileCmd([]string{filepath.Join(dir, name)}, "", content, "Created ")}
}
