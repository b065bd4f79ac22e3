package history

import (
	"context"
	"path/filepath"
	"testing"
)

// A new file is made with incremental auto-vacuum (Prune returns pages with it),
// and keeps it when opened again.
func TestNewFileVacuumsIncrementally(t *testing.T) {
	path := filepath.Join(t.TempDir(), "h.db")
	for range 2 {
		s, err := Open(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var mode int
		if err := s.db.QueryRow("PRAGMA auto_vacuum").Scan(&mode); err != nil {
			t.Fatal(err)
		}
		s.Close()
		if mode != 2 {
			t.Fatalf("auto_vacuum = %d, want 2 (incremental)", mode)
		}
	}
}

// Opening an existing file and reading it must not write: a command that opens
// the history before it sends would otherwise wait for another process's write
// (a TUI storing a large exchange) before sending anything. Seen failing when
// every connection set auto_vacuum: Open waited out the busy timeout and failed.
func TestOpenAndReadDoNotWaitForAWriter(t *testing.T) {
	path := filepath.Join(t.TempDir(), "h.db")
	s := openStore(t, path, Options{})
	if _, err := s.Add(context.Background(), sample("a.http", "one")); err != nil {
		t.Fatal(err)
	}
	s.Close()

	release := holdWriteLock(t, path)
	defer release()
	s2, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("Open while another connection holds the write lock: %v", err)
	}
	defer s2.Close()
	if _, err := s2.Cookies(context.Background(), ""); err != nil {
		t.Fatalf("reading cookies while another connection writes: %v", err)
	}
	if n, _, err := s2.Size(context.Background()); err != nil || n != 1 {
		t.Fatalf("Size = %d, %v; want 1 exchange", n, err)
	}
}
