package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func mode(t *testing.T, path string) os.FileMode {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Mode().Perm()
}

// entries lists the folder, so a test sees any temporary file left behind.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	return out
}

func TestWriteNewAndExisting(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.http")
	if err := WriteFile(p, []byte("one"), 0o640); err != nil {
		t.Fatal(err)
	}
	if got := read(t, p); got != "one" || mode(t, p) != 0o640 {
		t.Fatalf("new file: %q %v", got, mode(t, p))
	}
	if err := os.Chmod(p, 0o604); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(p, []byte("two"), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := read(t, p); got != "two" || mode(t, p) != 0o604 {
		t.Fatalf("the existing file's mode is not kept: %q %v", got, mode(t, p))
	}
	if e := entries(t, dir); len(e) != 1 {
		t.Fatalf("left behind: %v", e)
	}
}

// A file without write permission is refused and left as it was, even when the
// folder is writable (rename would replace it) and even for root.
func TestReadOnlyRefused(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.http")
	if err := os.WriteFile(p, []byte("keep"), 0o444); err != nil {
		t.Fatal(err)
	}
	err := WriteFile(p, []byte("lost"), 0o644)
	if !errors.Is(err, ErrReadOnly) || !strings.Contains(err.Error(), p) || !strings.Contains(err.Error(), "0444") {
		t.Fatalf("err = %v, want ErrReadOnly naming the file and its mode", err)
	}
	if got := read(t, p); got != "keep" {
		t.Fatalf("read-only file overwritten: %q", got)
	}
	if e := entries(t, dir); len(e) != 1 {
		t.Fatalf("left behind: %v", e)
	}
}

// A symlink stays a link; its target, in another folder, gets the new bytes.
func TestSymlinkFollowed(t *testing.T) {
	real, links := t.TempDir(), t.TempDir()
	target := filepath.Join(real, "target.http")
	if err := os.WriteFile(target, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	// Two hops, the first relative.
	mid := filepath.Join(links, "mid.http")
	if err := os.Symlink(target, mid); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(links, "link.http")
	if err := os.Symlink("mid.http", link); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(link, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced by a file: %v %v", fi.Mode(), err)
	}
	if got := read(t, target); got != "new" || mode(t, target) != 0o600 {
		t.Fatalf("target: %q %v", got, mode(t, target))
	}
	if e := entries(t, real); len(e) != 1 {
		t.Fatalf("left behind beside the target: %v", e)
	}
	if e := entries(t, links); len(e) != 2 {
		t.Fatalf("left behind beside the link: %v", e)
	}
}

func TestNoReplace(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "out.har")
	if err := Write(p, Options{Perm: 0o600, NoReplace: true}, func(w io.Writer) error {
		_, err := io.WriteString(w, "first")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	err := Write(p, Options{Perm: 0o600, NoReplace: true}, func(w io.Writer) error { return nil })
	if !errors.Is(err, fs.ErrExist) || read(t, p) != "first" {
		t.Fatalf("err = %v, content %q", err, read(t, p))
	}
	if mode(t, p) != 0o600 {
		t.Fatalf("mode %v", mode(t, p))
	}
}

// A failing writer changes nothing and leaves no temporary file.
func TestWriterError(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a")
	os.WriteFile(p, []byte("keep"), 0o644)
	boom := errors.New("boom")
	err := Write(p, Options{}, func(w io.Writer) error {
		io.WriteString(w, "half")
		return boom
	})
	if !errors.Is(err, boom) || read(t, p) != "keep" {
		t.Fatalf("err %v content %q", err, read(t, p))
	}
	if e := entries(t, dir); len(e) != 1 {
		t.Fatalf("left behind: %v", e)
	}
}

// Leftovers of a dead writer (and old-style ones over an hour old) go on the next
// write; a live writer's and other files stay.
func TestStaleTempsCleaned(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.http")
	os.WriteFile(p, []byte("x"), 0o644)
	dead := deadPID(t)
	files := map[string]bool{ // name: should survive
		".a.http.httplens-" + strconv.Itoa(dead) + "-123.tmp":        false,
		".a.http.httplens-" + strconv.Itoa(os.Getppid()) + "-99.tmp": true,
		".a.http.4242.tmp": false, // old style, made old below
		".a.http.4343.tmp": true,  // old style, recent: maybe a save in flight
		".b.http.4444.tmp": true,  // another file's
		"notes.tmp":        true,
	}
	for name := range files {
		os.WriteFile(filepath.Join(dir, name), []byte("junk"), 0o600)
	}
	old := time.Now().Add(-2 * time.Hour)
	os.Chtimes(filepath.Join(dir, ".a.http.4242.tmp"), old, old)
	if err := WriteFile(p, []byte("y"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, keep := range files {
		_, err := os.Stat(filepath.Join(dir, name))
		if (err == nil) != keep {
			t.Errorf("%s: exists %v, want %v", name, err == nil, keep)
		}
	}
}

// deadPID is the id of a process that has exited.
func deadPID(t *testing.T) int {
	t.Helper()
	p, err := os.StartProcess("/bin/true", []string{"true"}, &os.ProcAttr{})
	if err != nil {
		t.Skip("no /bin/true:", err)
	}
	p.Wait()
	if Alive(p.Pid) {
		t.Skip("pid reused")
	}
	return p.Pid
}
