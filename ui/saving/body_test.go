package saving

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/httplens/httplens/requests"
)

func TestSaveBody(t *testing.T) {
	dir := t.TempDir()
	spool := filepath.Join(dir, "spooled")
	if err := os.WriteFile(spool, []byte("the whole body, past the cap"), 0o600); err != nil {
		t.Fatal(err)
	}
	existing := filepath.Join(dir, "existing.json")
	cases := []struct {
		name      string
		src       bodySource
		path      string
		overwrite bool
		want      string // the file's content after
		exists    bool
	}{
		{"the body in memory to a new file", bodySource{body: []byte(`{"a":1}`)}, filepath.Join(dir, "new.json"), false, `{"a":1}`, false},
		{"the spooled file, not the cut body", bodySource{spool: spool, body: []byte("the whole")}, filepath.Join(dir, "big.bin"), false, "the whole body, past the cap", false},
		{"an existing file is refused", bodySource{body: []byte("new")}, existing, false, "old", true},
		{"an existing file is replaced when confirmed", bodySource{body: []byte("new")}, existing, true, "new", false},
	}
	if err := os.WriteFile(existing, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := saveBody(c.src, c.path, c.overwrite)
			if got.Err != nil || got.Exists != c.exists {
				t.Fatalf("saveBody = %+v", got)
			}
			b, err := os.ReadFile(c.path)
			if err != nil || string(b) != c.want {
				t.Errorf("file holds %q (%v), want %q", b, err, c.want)
			}
		})
	}
	t.Run("no temporary files are left behind", func(t *testing.T) {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".httplens-save-") {
				t.Errorf("left %s", e.Name())
			}
		}
	})
	t.Run("a missing folder is an error, not a panic", func(t *testing.T) {
		if got := saveBody(bodySource{body: []byte("x")}, filepath.Join(dir, "no", "such", "f"), false); got.Err == nil {
			t.Error("want an error")
		}
	})
}

// The path the prompt shows is relative to Dir; the overwrite question hands
// back the path it asked about, and the confirmed save must land on that same
// file, not on Dir joined to it a second time (Dir relative, as --dir coll gives).
func TestSaveBodyWithARelativeDirLandsWhereThePromptSaid(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.Mkdir("coll", 0o755); err != nil {
		t.Fatal(err)
	}
	s := Saver{Dir: "coll"}
	r := &requests.Response{Body: []byte("first")}
	first := s.SaveBodyCmd(r, "out.json", false)().(BodySaved)
	if o := BodyDone(first); o.IsErr || o.Ask != AskNone {
		t.Fatalf("the first save: %+v", o)
	}
	if b, err := os.ReadFile(filepath.Join("coll", "out.json")); err != nil || string(b) != "first" {
		t.Fatalf("coll/out.json holds %q (%v)", b, err)
	}
	r = &requests.Response{Body: []byte("second")}
	o := BodyDone(s.SaveBodyCmd(r, "out.json", false)().(BodySaved))
	if o.Ask != AskOverwrite || !strings.Contains(o.Text, filepath.Join("coll", "out.json")+" exists") {
		t.Fatalf("no overwrite question: %+v", o)
	}
	// The root confirms with the path the question carries.
	done := BodyDone(s.SaveBodyCmd(r, o.Path, true)().(BodySaved))
	if done.IsErr {
		t.Fatalf("the confirmed save failed: %s", done.Status)
	}
	if b, err := os.ReadFile(filepath.Join("coll", "out.json")); err != nil || string(b) != "second" {
		t.Errorf("coll/out.json holds %q (%v) after the overwrite; status %q", b, err, done.Status)
	}
	if _, err := os.Stat(filepath.Join("coll", "coll")); err == nil {
		t.Error("a coll/coll folder appeared")
	}
	if want := "Saved the body (6 B) to " + filepath.Join("coll", "out.json"); done.Status != want {
		t.Errorf("status %q, want %q", done.Status, want)
	}
}
