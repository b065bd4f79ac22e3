package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

// testDir is TestMain's temporary folder; binary is built into it once.
var (
	testDir   string
	buildOnce sync.Once
	binary    string
	buildErr  error
)

// testBinary builds httplens once for all the end-to-end tests of the run and
// returns its path; in -short mode those tests are skipped.
func testBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	buildOnce.Do(func() {
		binary = filepath.Join(testDir, "httplens")
		if out, err := exec.Command("go", "build", "-o", binary, "..").CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binary
}

// TestMain points the history database and the settings file at a temporary folder,
// so no test of this package (nor the binaries the end-to-end tests start) reads or
// writes the user's own.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "httplens-test-")
	testDir = dir
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv("HTTPLENS_HISTORY", filepath.Join(dir, "history.db"))
	// Nor read the user's settings: an empty file means every default.
	conf := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(conf, nil, 0o600); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv("HTTPLENS_CONFIG", conf)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
