package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const keyCtrlS = "\x13"

// twoRequests is a collection file whose requests only differ by title and URL.
const twoRequests = "### First\nGET http://127.0.0.1:9/first\n\n### Second\nGET http://127.0.0.1:9/second\n"

func TestTUISaving(t *testing.T) {
	bin := testBinary(t)
	t.Run("a request inserted above, reload, save: the edit lands on its request", func(t *testing.T) {
		testInsertAboveReload(t, bin)
	})
	t.Run("the edited request deleted on disk: save it as a new request", func(t *testing.T) {
		testVanishedEdit(t, bin)
	})
	t.Run("a read-only file is refused; a copy is offered", func(t *testing.T) {
		testReadOnlySave(t, bin)
	})
	t.Run("a symlinked file: the target is written, the link stays", func(t *testing.T) {
		testSymlinkSave(t, bin)
	})
}

// editSecond opens "Second" and turns its GET into a POST (an unsaved edit).
func editSecond(s *tuiSession) {
	s.send("/Second" + keyEnter)
	s.waitText("› GET    Second")
	s.send(keyEnter)
	s.waitText("m next method") // the request pane has the focus
	s.send("m")
	s.waitText("POST http://127.0.0.1:9/second", "● unsaved")
}

func readString(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func testInsertAboveReload(t *testing.T, bin string) {
	dir := t.TempDir()
	writeE2EFile(t, dir, "c.http", twoRequests)
	path := filepath.Join(dir, "c.http")
	s := startTUI(t, bin, dir, 140, 36, "--no-demo", "--no-history")
	s.waitText("Second")
	editSecond(s)

	// Another program inserts a request above: Second moves from index 1 to 2.
	inserted := "### Inserted\nGET http://127.0.0.1:9/inserted\n\n" + twoRequests
	writeE2EFile(t, dir, "c.http", inserted)
	s.send(keyCtrlS)
	s.waitText("changed on disk", "r reload the file")
	s.send("r")
	s.waitText("Reloaded", "POST http://127.0.0.1:9/second", "● unsaved")
	s.send(keyCtrlS)
	s.waitText("Saved Second to")
	want := strings.Replace(inserted, "GET http://127.0.0.1:9/second", "POST http://127.0.0.1:9/second", 1)
	if got := readString(t, path); got != want {
		t.Fatalf("the file after saving:\n%s\nwant:\n%s", got, want)
	}
	s.quit()
}

func testVanishedEdit(t *testing.T, bin string) {
	dir := t.TempDir()
	writeE2EFile(t, dir, "c.http", twoRequests)
	path := filepath.Join(dir, "c.http")
	s := startTUI(t, bin, dir, 140, 36, "--no-demo", "--no-history")
	s.waitText("Second")
	editSecond(s)

	only := "### First\nGET http://127.0.0.1:9/first\n"
	writeE2EFile(t, dir, "c.http", only)
	s.send(keyCtrlS)
	s.waitText("changed on disk")
	s.send("r")
	s.waitText("no longer in", "y save as a new request", "n discard the edit")
	if got := readString(t, path); got != only {
		t.Fatalf("the file was written before the answer:\n%s", got)
	}
	s.send("y")
	s.waitText("as a new request in")
	got := readString(t, path)
	if !strings.HasPrefix(got, only) || !strings.Contains(got, "### Second\nPOST http://127.0.0.1:9/second") {
		t.Fatalf("the edit was not appended:\n%s", got)
	}
	s.quit() // no unsaved edits are left: quitting does not ask
}

func testReadOnlySave(t *testing.T, bin string) {
	dir := t.TempDir()
	path := filepath.Join(dir, "c.http")
	if err := os.WriteFile(path, []byte(twoRequests), 0o444); err != nil {
		t.Fatal(err)
	}
	s := startTUI(t, bin, dir, 140, 36, "--no-demo", "--no-history")
	s.waitText("Second")
	editSecond(s)
	s.send(keyCtrlS)
	s.waitText("read-only (mode 0444)", "Nothing was written", "c save a copy")
	if got := readString(t, path); got != twoRequests {
		t.Fatalf("the read-only file was written:\n%s", got)
	}
	s.send("c")
	s.waitText("Saved a copy as")
	cp := readString(t, filepath.Join(dir, "c.copy.http"))
	if !strings.Contains(cp, "POST http://127.0.0.1:9/second") {
		t.Fatalf("the copy lacks the edit:\n%s", cp)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o444 || readString(t, path) != twoRequests {
		t.Fatalf("the read-only file changed: %v", fi.Mode())
	}
	s.send("q")
	s.waitText("unsaved edits")
	s.send("y")
	s.waitExit()
}

func testSymlinkSave(t *testing.T, bin string) {
	dir, real := t.TempDir(), t.TempDir()
	target := filepath.Join(real, "real.http")
	if err := os.WriteFile(target, []byte(twoRequests), 0o640); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "c.http")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	s := startTUI(t, bin, dir, 140, 36, "--no-demo", "--no-history")
	s.waitText("Second")
	editSecond(s)
	s.send(keyCtrlS)
	s.waitText("Saved Second to")
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced by a file: %v", err)
	}
	got := readString(t, target)
	if !strings.Contains(got, "POST http://127.0.0.1:9/second") {
		t.Fatalf("the target was not written:\n%s", got)
	}
	if fi, _ := os.Stat(target); fi.Mode().Perm() != 0o640 {
		t.Errorf("the target's mode changed: %v", fi.Mode())
	}
	for _, d := range []string{dir, real} {
		if ents, _ := os.ReadDir(d); len(ents) != 1 {
			t.Errorf("temporary files left in %s: %v", d, ents)
		}
	}
	s.quit()
}
