package history

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestOpenAfterWaitsForStart: nothing touches the database before start is
// closed (the TUI's first frame goes first); the calls made meanwhile wait, and
// see the entries left pending by an earlier run once it is open.
func TestOpenAfterWaitsForStart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "h.db")
	s := openStore(t, path, Options{})
	if err := s.queue(sample("a.http", "pending")); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := os.Remove(path); err != nil { // a first run: no database yet, one entry pending
		t.Fatal(err)
	}

	start := make(chan struct{})
	s, err := OpenAfter(path, Options{}, start)
	if err != nil {
		t.Fatal(err)
	}
	listed := make(chan int, 1)
	go func() {
		rows, err := s.List(context.Background(), Filter{})
		if err != nil {
			t.Error(err)
		}
		listed <- len(rows)
	}()
	// Give an early List time to come back: with start held it cannot, however
	// long this waits, so the wait only decides how surely a bug shows.
	select {
	case n := <-listed:
		t.Fatalf("List returned %d rows before start was closed", n)
	case <-time.After(200 * time.Millisecond):
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() != 0 {
		t.Fatalf("before start: %v, %v; want the empty file the path check made", fi, err)
	}
	close(start)
	if n := <-listed; n != 1 {
		t.Fatalf("List saw %d rows once open, want the pending entry", n)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}
