package saving

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
