package saving

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/ui/keyset"
	"github.com/httplens/httplens/ui/requestpane"
	"github.com/httplens/httplens/ui/styles"
)

// edited is a pane showing request i of the file at path with an unsaved edit.
func edited(t *testing.T, path, src string, i int) (*requestpane.Model, *collections.Collection) {
	t.Helper()
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := collections.Parse(path, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	p := requestpane.New(styles.New(), keyset.Set{})
	p.SetRequest(&f.Requests[i])
	p.SetIfMatch(`"v2"`)
	return &p, &collections.Collection{Files: []*collections.File{f}}
}

func TestSaveWritesOnlyTheEditedBlock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.http")
	p, _ := edited(t, path, "### A\nGET http://127.0.0.1/a\n\n### B\nGET http://127.0.0.1/b\n", 1)
	o := Saver{}.Save(p)
	if o.Cmd == nil || o.Ask != AskNone || o.Status != "" {
		t.Fatalf("save gave %+v", o)
	}
	msg := o.Cmd().(FileSaved)
	b, _ := os.ReadFile(path)
	if msg.Err != nil || msg.Saved != msg.Show || string(b) != "### A\nGET http://127.0.0.1/a\n\n### B\nGET http://127.0.0.1/b\nIf-Match: \"v2\"\n" {
		t.Errorf("saved %+v; the file holds %q", msg, b)
	}
}

func TestSaveAsksWhenItCannotWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.http")
	p, c := edited(t, path, "### A\nGET http://127.0.0.1/a\n", 0)
	s := Saver{Dir: dir}
	t.Run("nothing edited", func(t *testing.T) {
		q := requestpane.New(styles.New(), keyset.Set{})
		if o := s.Save(&q); o.Status != "Nothing to save." || o.Cmd != nil {
			t.Errorf("got %+v", o)
		}
	})
	t.Run("the file changed on disk", func(t *testing.T) {
		o := s.Failed(FileSaved{Saved: p.Key(), Err: collections.ErrConflict}, c)
		if o.Ask != AskConflict || o.Key != p.Key() || !strings.HasSuffix(o.Text, "Nothing was written.") {
			t.Errorf("got %+v", o)
		}
	})
	t.Run("any other failure is reported", func(t *testing.T) {
		o := s.Failed(FileSaved{Err: errors.New("disk full")}, c)
		if o.Ask != AskNone || !o.IsErr || o.Status != "Cannot save: disk full" {
			t.Errorf("got %+v", o)
		}
	})
	t.Run("a copy goes beside the file, under a free name", func(t *testing.T) {
		if err := os.WriteFile(filepath.Join(dir, "a.copy.http"), []byte("taken"), 0o644); err != nil {
			t.Fatal(err)
		}
		msg := s.Copy(c, p, p.Key()).Cmd().(FileSaved)
		b, _ := os.ReadFile(filepath.Join(dir, "a.copy2.http"))
		if msg.Err != nil || !strings.Contains(string(b), `If-Match: "v2"`) || msg.Status != "Saved a copy as "+filepath.Join(dir, "a.copy2.http") {
			t.Errorf("copy %+v holds %q", msg, b)
		}
	})
}

func TestPasteIsOnlyForCurl(t *testing.T) {
	if _, ok := (Saver{}).Paste("GET http://127.0.0.1/", nil, t.TempDir()); ok {
		t.Error("a paste that is not a curl command was taken")
	}
	dir := t.TempDir()
	o, ok := Saver{}.Paste("curl -X POST http://127.0.0.1:1/items -d '{}'", nil, dir)
	if !ok || o.Cmd == nil {
		t.Fatalf("got %+v", o)
	}
	msg := o.Cmd().(FileSaved)
	b, _ := os.ReadFile(filepath.Join(dir, "pasted.http"))
	if msg.Err != nil || !strings.Contains(string(b), "POST http://127.0.0.1:1/items") {
		t.Errorf("pasted %+v: %q", msg, b)
	}
}
