package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

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
