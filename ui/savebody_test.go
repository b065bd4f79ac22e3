package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
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
			if got.err != nil || got.exists != c.exists {
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
		if got := saveBody(bodySource{body: []byte("x")}, filepath.Join(dir, "no", "such", "f"), false); got.err == nil {
			t.Error("want an error")
		}
	})
}

// run feeds msg to m and then the messages its commands produce, depth first.
func run(m tea.Model, msg tea.Msg) tea.Model {
	next, cmd := m.Update(msg)
	for _, out := range collect(cmd) {
		next = run(next, out)
	}
	return next
}

func TestSaveBodyThroughTheUI(t *testing.T) {
	x := bigExchange(1 << 10)
	x.Response.SpoolPath = filepath.Join(t.TempDir(), "spool")
	if err := os.WriteFile(x.Response.SpoolPath, []byte("all of it"), 0o600); err != nil {
		t.Fatal(err)
	}
	x.Response.SpooledBytes, x.Response.Truncated = 9, true
	m, _ := receivedModel(t, x)
	if !m.resp.KeyMap().Get(actionSaveBody).Enabled() {
		t.Fatal("s must be enabled when there is a body")
	}
	if v := plain(m.View()); !strings.Contains(v, "body 9 B, first 1.0 KB shown, full body in a temporary file") {
		t.Errorf("the view does not say the body was spooled:\n%s", v)
	}
	m.setFocus(paneResponse)
	var tm tea.Model = m
	tm = run(tm, keyMsg("s"))
	if v := plain(tm.View()); !strings.Contains(v, "Save to: response.json") {
		t.Fatalf("no save prompt:\n%s", v)
	}
	for range len("response.json") {
		tm = run(tm, keyMsg("backspace"))
	}
	for _, k := range typeText("out.json") {
		tm = run(tm, k)
	}
	tm = run(tm, keyMsg("enter"))
	dir := tm.(Model).cfg.Dir
	if b, _ := os.ReadFile(filepath.Join(dir, "out.json")); string(b) != "all of it" {
		t.Fatalf("saved %q; status %q", b, tm.(Model).status)
	}
	// An existing file is only replaced after a yes.
	if err := os.WriteFile(filepath.Join(dir, "response.json"), []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	tm = run(tm, keyMsg("s"))
	tm = run(tm, keyMsg("enter"))
	if v := plain(tm.View()); !strings.Contains(v, "response.json exists.") || !strings.Contains(v, "Overwrite it?") {
		t.Fatalf("no overwrite question: %q\n%s", tm.(Model).status, strings.Join(strings.Fields(v), " "))
	}
	tm = run(tm, keyMsg("n"))
	if b, _ := os.ReadFile(filepath.Join(dir, "response.json")); string(b) != "keep me" {
		t.Fatal("the file was overwritten without a yes")
	}
	tm = run(tm, keyMsg("s"))
	tm = run(tm, keyMsg("enter"))
	tm = run(tm, keyMsg("y"))
	if b, _ := os.ReadFile(filepath.Join(dir, "response.json")); string(b) != "all of it" {
		t.Fatalf("not overwritten after yes: %q", b)
	}
	if !strings.HasPrefix(tm.(Model).status, "Saved the body (9 B) to ") {
		t.Errorf("status %q", tm.(Model).status)
	}
}
