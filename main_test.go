package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestMain points the history database and the settings file at a temporary folder,
// so no test of this package (nor the binaries the end-to-end tests start) reads or
// writes the user's own.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "httplens-test-")
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
