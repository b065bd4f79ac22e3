package saving

import (
	"path/filepath"
	"testing"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/ui/responsecontent"
)

// A save forgets the saved edit, swaps the file into a new collection and
// selects the saved request.
func TestWrittenForgetsTheSavedEdit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.http")
	p, c := edited(t, path, "### A\nGET http://127.0.0.1/a\n\n### B\nGET http://127.0.0.1/b\n", 1)
	old := c.Files[0]
	msg := Saver{}.Save(p).Cmd().(FileSaved)
	next, show := Written(msg, c, p)
	if p.Dirty() || len(p.DirtyKeys()) != 0 {
		t.Errorf("the saved edit is still unsaved: %v", p.DirtyKeys())
	}
	if next == c || next.Files[0] != msg.File || c.Files[0] != old {
		t.Error("the collection must be a new one holding the written file; the old one unchanged")
	}
	if show != msg.Saved {
		t.Errorf("show %q, want %q", show, msg.Saved)
	}
}

// When a write moved the shown request (one above it was deleted), its edit
// follows it and the cursor goes to its new key.
func TestWrittenFollowsTheShownRequest(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.http")
	p, c := edited(t, path, "### A\nGET http://127.0.0.1/a\n\n### B\nGET http://127.0.0.1/b\n", 1)
	old := c.Files[0]
	nf, err := collections.Parse(path, []byte("### B\nGET http://127.0.0.1/b\n"))
	if err != nil {
		t.Fatal(err)
	}
	next, show := Written(FileSaved{Old: old, File: nf, Status: "Deleted A"}, c, p)
	want := "r:" + path + "#0"
	if show != want {
		t.Errorf("show %q, want %q", show, want)
	}
	if d, ok := p.Draft(want); !ok || !p.DirtyKeys()[want] || d.URL != "http://127.0.0.1/b" {
		t.Errorf("B's edit did not follow it: %+v %v %v", d, ok, p.DirtyKeys())
	}
	if len(next.Files) != 1 || next.Files[0] != nf {
		t.Errorf("collection after: %+v", next.Files)
	}
	// A new file is added; nothing moves.
	created := &collections.File{Path: filepath.Join(filepath.Dir(path), "b.http")}
	next2, show := Written(FileSaved{File: created, Show: "r:x#0"}, next, p)
	if len(next2.Files) != 2 || next2.Files[1] != created || show != "r:x#0" {
		t.Errorf("after a new file: %d files, show %q", len(next2.Files), show)
	}
}

func TestPromptOffersTheBodysExtension(t *testing.T) {
	for kind, want := range map[responsecontent.Kind]string{responsecontent.KindJSON: ".json", responsecontent.KindXML: ".xml",
		responsecontent.KindHTML: ".html", responsecontent.KindText: ".txt", responsecontent.KindBinary: ".bin"} {
		if got := Ext(&responsecontent.Content{Kind: kind}); got != want {
			t.Errorf("kind %v: %q, want %q", kind, got, want)
		}
	}
	if got := Ext(nil); got != ".bin" {
		t.Errorf("no content: %q", got)
	}
}
