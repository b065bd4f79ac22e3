package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/ui/saving"
)

// With a relative working folder (--dir coll), a body saved over an existing
// file after the yes lands in that file, where the prompt and the question said,
// not in coll/coll.
func TestSaveBodyOverAFileWithARelativeDir(t *testing.T) {
	x := bigExchange(1 << 10)
	m, _ := receivedModel(t, x)
	t.Chdir(t.TempDir())
	if err := os.Mkdir("coll", 0o755); err != nil {
		t.Fatal(err)
	}
	m.saver = saving.Saver{Dir: "coll"}
	target := filepath.Join("coll", "response.json")
	if err := os.WriteFile(target, []byte("keep me"), 0o644); err != nil {
		t.Fatal(err)
	}
	m.setFocus(paneResponse)
	var tm tea.Model = m
	tm = run(tm, keyMsg("s"))
	tm = run(tm, keyMsg("enter"))
	if v := plain(tm.View()); !strings.Contains(v, target+" exists.") {
		t.Fatalf("no overwrite question for %s: %q", target, tm.(Model).status)
	}
	tm = run(tm, keyMsg("y"))
	if b, _ := os.ReadFile(target); string(b) != string(x.Response.Body) {
		t.Errorf("%s holds %q after the yes; status %q", target, b, tm.(Model).status)
	}
	if _, err := os.Stat(filepath.Join("coll", "coll")); err == nil {
		t.Error("the body went to coll/coll")
	}
	if want := "Saved the body (1.0 KB) to " + target; tm.(Model).status != want {
		t.Errorf("status %q, want %q", tm.(Model).status, want)
	}
}
