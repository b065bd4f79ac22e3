package spool

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

func TestNewAndRemove(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	d, err := New()
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(d.Path)
	if err != nil || fi.Mode().Perm() != 0o700 {
		t.Fatalf("spool folder: %v %v", fi, err)
	}
	if filepath.Dir(d.Path) != os.TempDir() || !hasPrefix(filepath.Base(d.Path), prefix+strconv.Itoa(os.Getpid())+"-") {
		t.Fatalf("spool folder named %s", d.Path)
	}
	os.WriteFile(filepath.Join(d.Path, "body"), []byte("x"), 0o600)
	d.Remove()
	d.Remove()
	if _, err := os.Stat(d.Path); !os.IsNotExist(err) {
		t.Fatalf("not removed: %v", err)
	}
}

func hasPrefix(s, p string) bool { return len(s) >= len(p) && s[:len(p)] == p }

func TestCleanStale(t *testing.T) {
	dir := t.TempDir()
	p, err := os.StartProcess("/bin/true", []string{"true"}, &os.ProcAttr{})
	if err != nil {
		t.Skip(err)
	}
	p.Wait()
	if alive(p.Pid) {
		t.Skip("pid reused")
	}
	keep := map[string]bool{
		prefix + strconv.Itoa(p.Pid) + "-1":       false, // dead process
		prefix + strconv.Itoa(os.Getpid()) + "-2": true,  // alive
		prefix + "12345678":                       false, // old style, made old below
		prefix + "87654321":                       true,  // old style, recent
		"other-" + strconv.Itoa(p.Pid) + "-3":     true,
	}
	for name := range keep {
		os.Mkdir(filepath.Join(dir, name), 0o700)
		os.WriteFile(filepath.Join(dir, name, "body"), []byte("x"), 0o600)
	}
	old := time.Now().Add(-48 * time.Hour)
	os.Chtimes(filepath.Join(dir, prefix+"12345678"), old, old)
	CleanStale(dir)
	for name, want := range keep {
		_, err := os.Stat(filepath.Join(dir, name))
		if (err == nil) != want {
			t.Errorf("%s: exists %v, want %v", name, err == nil, want)
		}
	}
}
