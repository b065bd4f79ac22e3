package history

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOpenAfterWaitsForTheDatabaseInEveryCall(t *testing.T) {
	path := filepath.Join(t.TempDir(), "h.db")
	// An entry left pending by an earlier run is stored before any call sees the file.
	s := openStore(t, path, Options{})
	if err := s.queue(sample("a.http", "pending")); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, err := OpenAfter(path, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Add(context.Background(), sample("a.http", "new")); err != nil {
		t.Fatal(err)
	}
	rows, err := s.List(context.Background(), Filter{})
	if err != nil || len(rows) != 2 || rows[1].Name != "pending" {
		t.Fatalf("rows %+v, err %v; want the pending entry, then the new one", rows, err)
	}
}

func TestOpenAfterReportsAFileThatIsNoDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "h.db")
	if err := os.WriteFile(path, []byte(strings.Repeat("not a database\n", 100)), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := OpenAfter(path, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.List(context.Background(), Filter{}); err == nil || !strings.Contains(err.Error(), path) {
		t.Fatalf("List err %v, want one naming %s", err, path)
	}
	if _, err := s.Add(context.Background(), sample("a.http", "x")); err == nil {
		t.Fatal("Add succeeded on a file that is no database")
	}
	s.Close()
}
