package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestMain points the history database at a temporary folder, so no test of this
// package (nor the binaries the end-to-end tests start) writes to the user's own.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "httplens-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv("HTTPLENS_HISTORY", filepath.Join(dir, "history.db"))
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
