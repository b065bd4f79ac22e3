package postman

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The environment file is often a link into a shared folder, or has a mode its
// owner chose: merging variables into it must write through the link and keep the
// mode, as every other writer of httplens does (package atomicfile).
func TestMergeEnvWritesThroughALinkAndKeepsTheMode(t *testing.T) {
	dir := t.TempDir()
	shared := filepath.Join(dir, "shared", "env.json")
	if err := os.MkdirAll(filepath.Dir(shared), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(shared, []byte(`{"dev": {"base": "http://127.0.0.1"}}`), 0o640); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(shared, 0o640); err != nil { // whatever the umask
		t.Fatal(err)
	}
	link := filepath.Join(dir, "http-client.env.json")
	if err := os.Symlink(filepath.Join("shared", "env.json"), link); err != nil {
		t.Fatal(err)
	}
	if err := MergeEnv(link, "dev", map[string]string{"token": "t"}); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced by a file: %v, %v", fi.Mode(), err)
	}
	got, err := os.ReadFile(shared)
	if err != nil || !strings.Contains(string(got), `"token": "t"`) || !strings.Contains(string(got), `"base": "http://127.0.0.1"`) {
		t.Fatalf("the linked file holds %s (%v)", got, err)
	}
	if fi, err := os.Stat(shared); err != nil || fi.Mode().Perm() != 0o640 {
		t.Fatalf("mode %v, want -rw-r----- (%v)", fi.Mode().Perm(), err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "*", ".*")); len(left) != 0 {
		t.Fatalf("temporary files left: %v", left)
	}
}

// A new environment file holds secrets as often as not: it is made 0600, as it
// always has been.
func TestMergeEnvMakesANewFileForItsOwnerOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "http-client.private.env.json")
	if err := MergeEnv(path, "dev", map[string]string{"token": "t"}); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v, want -rw------- (%v)", fi.Mode().Perm(), err)
	}
}
