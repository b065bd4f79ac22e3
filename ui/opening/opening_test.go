package opening

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/httplens/httplens/collections"
)

func write(t *testing.T, dir, name, content string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Without a path, the .http and .rest files directly in the folder are the
// collection (not those in subfolders, nor other files); a file that does not
// parse is listed among its errors, the others still load.
func TestOpenReadsTheFilesOfTheFolder(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.http", "### A\nGET http://127.0.0.1/a\n")
	write(t, dir, "b.rest", "### B\nGET http://127.0.0.1/b\n")
	write(t, dir, "notes.txt", "### C\nGET http://127.0.0.1/c\n")
	write(t, dir, "bad.http", "### Bad\nGET http://127.0.0.1/\n\n\xff\xfe")
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "sub"), "d.http", "### D\nGET http://127.0.0.1/d\n")
	msg := Load("", dir)
	if msg.Err != nil {
		t.Fatal(msg.Err)
	}
	var titles []string
	for _, r := range msg.Coll.Requests() {
		titles = append(titles, r.Title)
	}
	if strings.Join(titles, ",") != "A,B" || len(msg.Coll.Errors) != 1 || !strings.Contains(msg.Coll.Errors[0].Error(), "bad.http") {
		t.Fatalf("requests %v, errors %v", titles, msg.Coll.Errors)
	}
	if s := msg.Status(); !strings.HasPrefix(s, "Opened the .http files of "+dir+": 2 requests; 1 files failed: ") {
		t.Errorf("status %q", s)
	}
}

// A folder without .http files opens the built-in tour.
func TestOpenFallsBackToTheTour(t *testing.T) {
	msg := Load("", t.TempDir())
	if msg.Err != nil || msg.Label != "the built-in tour" || len(msg.Coll.Requests()) == 0 {
		t.Fatalf("%q %v", msg.Label, msg.Err)
	}
}

// The environments of the collection's folder are read with it, the shared
// variables under ""; a broken environment file is one more error of the
// collection, not a failure to open it.
func TestLoadReadsTheEnvironments(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "c.http", "GET http://{{host}}/\n")
	write(t, dir, collections.EnvFile, `{"$shared": {"a": "1"}, "dev": {"host": "127.0.0.1:1"}, "prod": {"host": "127.0.0.1:2"}}`)
	msg := Load(filepath.Join(dir, "c.http"), dir)
	if msg.Err != nil || msg.Label != filepath.Join(dir, "c.http") {
		t.Fatalf("%q %v", msg.Label, msg.Err)
	}
	if strings.Join(msg.Names, ",") != "dev,prod" || msg.Envs["dev"]["host"] != "127.0.0.1:1" || msg.Envs[""]["a"] != "1" {
		t.Errorf("names %v, envs %v", msg.Names, msg.Envs)
	}
	write(t, dir, collections.EnvFile, `{"dev": `)
	msg = Load(filepath.Join(dir, "c.http"), dir)
	if msg.Err != nil || len(msg.Coll.Errors) != 1 || len(msg.Coll.Requests()) != 1 {
		t.Errorf("a broken environment file: err %v, collection errors %v", msg.Err, msg.Coll.Errors)
	}
	if msg := Load(filepath.Join(dir, "missing.http"), dir); msg.Err == nil {
		t.Error("a missing file opened")
	}
}
