// Package saving is the saving workflow the root holds: it writes the request
// pane's edits into their .http file (or a copy of it), appends pasted curl
// commands and edits whose request is gone, and saves response bodies to files.
// Each step returns an Outcome (a status line, a question to ask, a command that
// writes); the writes run in commands and report FileSaved or BodySaved. It
// imports atomicfile, collections, curl, requests and the leaves under ui, never
// the root.
package saving

import (
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/atomicfile"
	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/ui/requestpane"
	"github.com/httplens/httplens/ui/tree"
)

// Saver is the workflow's settings. The zero value works: copies of the tour
// and relative body paths then go to the current folder.
type Saver struct {
	// Dir is the working folder: where a copy of the read-only tour goes and
	// what a relative path for a body is relative to.
	Dir string
}

// Ask is a question the root opens as a dialog.
type Ask int

// The questions.
const (
	AskNone      Ask = iota
	AskReadOnly      // the file cannot be written: save a copy?
	AskConflict      // the file changed on disk: reload, or save a copy?
	AskVanished      // an edit's request is gone: save it as new, or discard?
	AskOverwrite     // the body's file exists: overwrite it?
	AskDelete        // delete request Req from its file?
)

// Outcome is what a step of the workflow asks of the root: a status line
// (Status, IsErr), a question (Ask about request Key, or Req, or the file
// Path, saying Text), and a command that writes.
type Outcome struct {
	Status string
	IsErr  bool
	Ask    Ask
	Key    string
	Req    *collections.Request
	Path   string
	Text   string
	Cmd    tea.Cmd
}

func failed(what string, err error) Outcome {
	return Outcome{Status: what + err.Error(), IsErr: true}
}

// Save writes the edits of the request p shows into its file: only its block
// changes. A read-only file (the tour) asks to save a copy instead.
func (s Saver) Save(p *requestpane.Model) Outcome {
	r := p.Saved()
	if r == nil || !p.Dirty() {
		return Outcome{Status: "Nothing to save."}
	}
	key := tree.RequestKey(r)
	if r.File == nil || r.File.ReadOnly {
		return Outcome{Ask: AskReadOnly, Key: key,
			Text: "The built-in tour is read-only. Save a copy of its file, with this edit, in " + s.copyDir(r.File) + "?"}
	}
	d, _ := p.Draft(key)
	content, err := r.File.Replace(r.Index, *d.Request(r, true))
	if err != nil {
		return failed("Cannot save: ", err)
	}
	return Outcome{Cmd: SaveFileCmd(r.File, content, key, key, "Saved "+tree.RequestLabel(r)+" to "+r.File.Path)}
}

// Failed is what to tell or ask when a write failed (msg.Err is set): a file
// changed on disk or read-only asks what to do with the edit; anything else is
// reported.
func (s Saver) Failed(msg FileSaved, c *collections.Collection) Outcome {
	if errors.Is(msg.Err, collections.ErrConflict) && msg.Saved != "" {
		return Outcome{Ask: AskConflict, Key: msg.Saved, Text: msg.Err.Error() + ". Nothing was written."}
	}
	if errors.Is(msg.Err, atomicfile.ErrReadOnly) && msg.Saved != "" {
		f, _ := FileOf(c, msg.Saved)
		return Outcome{Ask: AskReadOnly, Key: msg.Saved,
			Text: msg.Err.Error() + ". Nothing was written. Save a copy of the file, with this edit, in " + s.copyDir(f) + "?"}
	}
	return failed("Cannot save: ", msg.Err)
}

// Vanished asks what to do with the first edit whose request is gone from its
// file, so no edit is lost silently or written over another request. Its Ask is
// AskNone when there is none.
func Vanished(p *requestpane.Model) Outcome {
	for _, k := range slices.Sorted(maps.Keys(p.DirtyKeys())) {
		if r := p.Orig(k); r != nil && strings.HasPrefix(k, requestpane.GoneKey) {
			return Outcome{Ask: AskVanished, Key: k, Text: fmt.Sprintf(
				"You edited %q, which is no longer in %s (deleted, renamed or changed on disk). Save your edit as a new request at the end of the file, or discard it?",
				tree.RequestLabel(r), r.File.Path)}
		}
	}
	return Outcome{}
}

// SaveVanished appends the edit k, whose request is gone, to its file in c as a
// new request.
func (s Saver) SaveVanished(c *collections.Collection, p *requestpane.Model, k string) Outcome {
	orig := p.Orig(k)
	d, ok := p.Draft(k)
	if orig == nil || !ok {
		return Outcome{}
	}
	var f *collections.File
	if c != nil {
		for _, cf := range c.Files {
			if cf.Path == orig.File.Path {
				f = cf
			}
		}
	}
	if f == nil {
		return Outcome{Status: "Cannot save: " + orig.File.Path + " is no longer in the collection", IsErr: true}
	}
	content, err := f.Append(*d.Request(orig, true))
	if err != nil {
		return failed("Cannot save: ", err)
	}
	show := "r:" + f.Path + "#" + strconv.Itoa(len(f.Requests))
	return Outcome{Cmd: SaveFileCmd(f, content, k, show, "Saved "+tree.RequestLabel(orig)+" as a new request in "+f.Path)}
}

// Reload reads the file of request k again, after a conflict.
func (s Saver) Reload(c *collections.Collection, k string) Outcome {
	f, _ := FileOf(c, k)
	if f == nil {
		return Outcome{}
	}
	return Outcome{Cmd: reloadFileCmd(f)}
}

// Copy writes the file of request k, with its edits, to a new file beside it
// (or in Dir for the tour), leaving the original alone.
func (s Saver) Copy(c *collections.Collection, p *requestpane.Model, k string) Outcome {
	f, r := FileOf(c, k)
	d, ok := p.Draft(k)
	if f == nil || !ok {
		return Outcome{}
	}
	content, err := f.Replace(r.Index, *d.Request(r, true))
	if err != nil {
		return failed("Cannot save a copy: ", err)
	}
	paths := copyPaths(s.copyDir(f), filepath.Base(f.Path), c)
	return Outcome{Cmd: CreateFileCmd(paths, "", content, "Saved a copy as ")}
}

// copyDir is where a copy of f goes: beside it, or in Dir for the tour.
func (s Saver) copyDir(f *collections.File) string {
	if f == nil || f.ReadOnly {
		return s.Dir
	}
	return filepath.Dir(f.Path)
}
