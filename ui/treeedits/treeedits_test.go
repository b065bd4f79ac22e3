package treeedits

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/ui/requestpane"
	"github.com/httplens/httplens/ui/saving"
	"github.com/httplens/httplens/ui/tree"
)

// drafts is a request pane's unsaved edits, by request key.
type drafts map[string]requestpane.Draft

func (d drafts) Draft(k string) (requestpane.Draft, bool) { x, ok := d[k]; return x, ok }
func (d drafts) DirtyKeys() map[string]bool {
	out := map[string]bool{}
	for k := range d {
		out[k] = true
	}
	return out
}

const original = "# kept: a comment\n@host = http://127.0.0.1:1\n\n### First\n# @name first\nGET {{host}}/a\nAccept: text/plain\n\n### Second\nPOST {{host}}/b\nContent-Type: application/json\n\n{\"x\": 1}\n"

// file writes original to a real file and parses it, as the collection does.
func file(t *testing.T) *collections.File {
	t.Helper()
	path := filepath.Join(t.TempDir(), "api.http")
	if err := os.WriteFile(path, []byte(original), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := collections.Parse(path, []byte(original))
	if err != nil || len(f.Requests) != 2 {
		t.Fatalf("parse: %v, %d requests", err, len(f.Requests))
	}
	return f
}

// written runs o's write and returns what it reported and the file on disk.
func written(t *testing.T, o saving.Outcome) (saving.FileSaved, string) {
	t.Helper()
	if o.Cmd == nil {
		t.Fatalf("no write: %+v", o)
	}
	msg := o.Cmd().(saving.FileSaved)
	if msg.Err != nil {
		t.Fatalf("write: %v", msg.Err)
	}
	b, err := os.ReadFile(msg.File.Path)
	if err != nil {
		t.Fatal(err)
	}
	return msg, string(b)
}

func TestNewRequestAppendsAndSelectsIt(t *testing.T) {
	f := file(t)
	msg, got := written(t, Edits{DemoURL: "http://127.0.0.1:9"}.Change(tree.Change{Act: tree.AddRequest, File: f}, drafts{}, ""))
	if !strings.HasPrefix(got, original) || !strings.Contains(got[len(original):], "GET {{demo}}/items") {
		t.Errorf("file after:\n%s", got)
	}
	if msg.Show != "r:"+f.Path+"#2" || msg.Status != "Added a new request to "+f.Path {
		t.Errorf("show %q, status %q", msg.Show, msg.Status)
	}
	if len(msg.File.Requests) != 3 || msg.File.Requests[2].Title != "New request" {
		t.Errorf("requests after: %+v", msg.File.Requests)
	}
	// Without the demo API the new request points at loopback.
	_, got = written(t, Edits{}.Change(tree.Change{Act: tree.AddRequest, File: file(t)}, drafts{}, ""))
	if !strings.Contains(got[len(original):], "GET http://127.0.0.1/") {
		t.Errorf("file after, no demo:\n%s", got)
	}
}

func TestDuplicateCarriesTheUnsavedEdits(t *testing.T) {
	f := file(t)
	r := &f.Requests[0]
	d := drafts{tree.RequestKey(r): {Method: "PUT", URL: "{{host}}/edited", Body: "new body"}}
	msg, got := written(t, Edits{}.Change(tree.Change{Act: tree.DuplicateRequest, Req: r, File: f}, d, ""))
	if !strings.HasPrefix(got, original) {
		t.Fatalf("the original bytes changed:\n%s", got)
	}
	c := msg.File.Requests[2]
	if c.Title != "First (copy)" || c.Name != "" || c.Method != "PUT" || c.URL != "{{host}}/edited" || string(c.Body) != "new body" {
		t.Errorf("the copy is %+v", c)
	}
	if msg.Status != "Duplicated into "+f.Path {
		t.Errorf("status %q", msg.Status)
	}
}

func TestRenameChangesOnlyTheTitle(t *testing.T) {
	f := file(t)
	msg, got := written(t, Edits{}.Change(tree.Change{Act: tree.RenameRequest, Req: &f.Requests[1], File: f, Text: "Create"}, drafts{}, ""))
	if want := strings.Replace(original, "### Second", "### Create", 1); got != want {
		t.Errorf("file after:\n%s\nwant:\n%s", got, want)
	}
	if msg.Show != tree.RequestKey(&f.Requests[1]) || msg.Status != "Renamed to Create" {
		t.Errorf("show %q, status %q", msg.Show, msg.Status)
	}
}

func TestDeleteAsksThenRemovesOnlyItsBlock(t *testing.T) {
	f := file(t)
	r := &f.Requests[1]
	o := Edits{}.Change(tree.Change{Act: tree.DeleteIt, Req: r, File: f}, drafts{}, "")
	if o.Ask != saving.AskDelete || o.Req != r || o.Cmd != nil || o.Text != "Delete POST Second from "+f.Path+"?" {
		t.Fatalf("want the question, got %+v", o)
	}
	msg, got := written(t, Edits{}.Delete(r))
	if want := original[:r.Block.Start.Offset]; got != want {
		t.Errorf("file after:\n%q\nwant:\n%q", got, want)
	}
	if msg.Show != tree.RequestKey(&f.Requests[0]) || msg.Status != "Deleted Second from "+f.Path {
		t.Errorf("show %q, status %q", msg.Show, msg.Status)
	}
	t.Run("refused while the file has edits", func(t *testing.T) {
		d := drafts{tree.RequestKey(&f.Requests[0]): {Method: "GET"}}
		o := Edits{}.Change(tree.Change{Act: tree.DeleteIt, Req: r, File: f}, d, "")
		if o.Ask != saving.AskNone || o.Cmd != nil || !o.IsErr || !strings.Contains(o.Status, "before deleting") {
			t.Errorf("got %+v", o)
		}
	})
	t.Run("edits elsewhere do not stop it", func(t *testing.T) {
		d := drafts{"r:/elsewhere.http#0": {Method: "GET"}}
		if o := (Edits{}).Change(tree.Change{Act: tree.DeleteIt, Req: r, File: f}, d, ""); o.Ask != saving.AskDelete {
			t.Errorf("got %+v", o)
		}
	})
}

func TestNewFile(t *testing.T) {
	dir := t.TempDir()
	msg, got := written(t, Edits{}.Change(tree.Change{Act: tree.CreateFile, Text: "orders"}, drafts{}, dir))
	path := filepath.Join(dir, "orders.http")
	if msg.File.Path != path || msg.Status != "Created "+path || !strings.Contains(got, "GET http://127.0.0.1/") {
		t.Errorf("file %s, status %q:\n%s", msg.File.Path, msg.Status, got)
	}
	if msg.Show != tree.RequestKey(&msg.File.Requests[0]) {
		t.Errorf("show %q", msg.Show)
	}
	t.Run("never over an existing file", func(t *testing.T) {
		if err := os.WriteFile(path, []byte("mine"), 0o644); err != nil {
			t.Fatal(err)
		}
		if msg := (Edits{}).NewFile("orders.http", dir).Cmd().(saving.FileSaved); msg.Err == nil {
			t.Error("want an error")
		}
		if b, _ := os.ReadFile(path); string(b) != "mine" {
			t.Errorf("overwritten: %q", b)
		}
	})
	for _, name := range []string{"sub/x", `sub\x`, ".hidden"} {
		if o := (Edits{}).NewFile(name, dir); o.Cmd != nil || !o.IsErr {
			t.Errorf("%q: %+v", name, o)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "sub")); err == nil {
		t.Error("a folder was made")
	}
}

func TestReadOnlyAndNoFileSayWhy(t *testing.T) {
	tour := file(t)
	tour.ReadOnly = true
	e := Edits{NewFileKey: "N", SaveKey: "ctrl+s"}
	for _, act := range []tree.Action{tree.AddRequest, tree.DuplicateRequest, tree.RenameRequest, tree.DeleteIt} {
		o := e.Change(tree.Change{Act: act, Req: &tour.Requests[0], File: tour, Text: "x"}, drafts{}, "")
		if o.Cmd != nil || o.Ask != saving.AskNone || o.Status != "The built-in tour is read-only: N creates a new .http file, ctrl+s on an edit saves a copy." {
			t.Errorf("act %d: %+v", act, o)
		}
	}
	if b, _ := os.ReadFile(tour.Path); string(b) != original {
		t.Error("the read-only file changed")
	}
	if o := e.Change(tree.Change{Act: tree.AddRequest}, drafts{}, ""); o.Cmd != nil || o.Status != "Select a file or a request first." {
		t.Errorf("no file: %+v", o)
	}
}
