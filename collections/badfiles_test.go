package collections

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A folder with one good file and every kind of bad one: the good file loads and
// each bad one gets an error that names it and says what is wrong.
func TestBadFilesDoNotStopTheOthers(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, content []byte) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good.http", []byte("GET http://127.0.0.1/ok\n"))
	write("latin1.http", []byte("GET http://127.0.0.1/\nX-Name: caf\xe9\n"))
	huge, err := os.Create(filepath.Join(dir, "huge.http"))
	if err != nil {
		t.Fatal(err)
	}
	if err := huge.Truncate(MaxFileSize + 1); err != nil { // sparse: no real disk use
		t.Fatal(err)
	}
	huge.Close()
	if err := os.Mkdir(filepath.Join(dir, "folder.http"), 0o755); err != nil {
		t.Fatal(err)
	}
	write("folder.http/inner.http", []byte("GET http://127.0.0.1/inner\n"))
	unreadable := os.Getuid() != 0 // root reads anything
	if unreadable {
		write("secret.http", []byte("GET http://127.0.0.1/\n"))
		os.Chmod(filepath.Join(dir, "secret.http"), 0)
	}

	c, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var urls []string
	for _, r := range c.Requests() {
		urls = append(urls, r.URL)
	}
	if strings.Join(urls, " ") != "http://127.0.0.1/inner http://127.0.0.1/ok" {
		t.Fatalf("loaded %v", urls)
	}
	wantErrs := []string{
		filepath.Join(dir, "huge.http") + ": 16.8 MB is too large for a collection file",
		filepath.Join(dir, "latin1.http") + ":2:12: not UTF-8 text (byte 0xe9)",
	}
	if unreadable {
		wantErrs = append(wantErrs, filepath.Join(dir, "secret.http")+": permission denied")
	}
	if len(c.Errors) != len(wantErrs) {
		t.Fatalf("errors = %v, want %d", c.Errors, len(wantErrs))
	}
	for i, want := range wantErrs {
		if !strings.HasPrefix(c.Errors[i].Error(), want) {
			t.Errorf("error %d = %q, want it to start %q", i, c.Errors[i], want)
		}
	}
}

func TestLoadRefusesAHugeFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "dump.http")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(MaxFileSize + 1)
	f.Close()
	if _, err := Load(p); err == nil || !strings.Contains(err.Error(), "too large") {
		t.Fatalf("err = %v", err)
	}
}
