package cli

import (
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// Every file httplens creates under the state folder (history database, WAL,
// SHM) and the temporary folder (spooled bodies) is the owner's only: 0600
// files in 0700 folders, whatever the umask lets through.
func TestCreatedFilesArePrivate(t *testing.T) {
	bin := testBinary(t)
	old := syscall.Umask(0o002) // a permissive umask must not widen anything
	t.Cleanup(func() { syscall.Umask(old) })
	root := t.TempDir()
	state, tmp := filepath.Join(root, "state"), filepath.Join(root, "tmp")
	for _, d := range []string{state, tmp} {
		if err := os.Mkdir(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("XDG_STATE_HOME", state)
	t.Setenv("HTTPLENS_HISTORY", "") // the default path, under the state folder
	t.Setenv("TMPDIR", tmp)
	url := endlessBody(t)

	conf := writeConfig(t, "[request]\nmax_body = \"1KiB\"\ntimeout = \"0s\"\n")
	dir := t.TempDir()
	writeE2EFile(t, dir, "big.http", "### Big\nGET "+url+"/big\n")
	s := startTUI(t, bin, dir, 130, 36, "--no-demo", "--config", conf)
	s.waitText("Big")
	s.send(keyCtrlR)
	waitSpooled(t, tmp)

	var files int
	for _, top := range []string{state, tmp} {
		filepath.WalkDir(top, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				t.Error(err)
				return nil
			}
			fi, err := os.Lstat(p)
			if err != nil {
				return nil // gone meanwhile
			}
			want := os.FileMode(0o600)
			if d.IsDir() {
				want = 0o700
			} else {
				files++
			}
			if fi.Mode().Perm() != want {
				t.Errorf("%s: mode %v, want %v", p, fi.Mode().Perm(), want)
			}
			return nil
		})
	}
	if _, err := os.Stat(filepath.Join(state, "httplens", "history.db")); err != nil {
		t.Errorf("the history database is not under the state folder: %v", err)
	}
	if files < 2 {
		t.Errorf("only %d files were created; the test saw nothing", files)
	}
	s.send("q")
	s.waitExit()
}
