package history

import (
	"bytes"
	"compress/flate"
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// holdWriteLock takes the database's write lock from another connection, as a
// second process storing a large exchange would, until release is called.
func holdWriteLock(t *testing.T, path string) (release func()) {
	t.Helper()
	abs, _ := filepath.Abs(path)
	db, err := sql.Open("sqlite", dsn(abs))
	if err != nil {
		t.Fatal(err)
	}
	tx, err := db.Begin() // _txlock=immediate: the write lock is taken here
	if err != nil {
		t.Fatal(err)
	}
	return func() { tx.Rollback(); db.Close() }
}

func TestAddWithinQueuesWhenTheDatabaseIsBusyAndOpenStoresIt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "h.db")
	s := openStore(t, path, Options{})
	e := sample("a.http", "busy")
	e.Response.Body = bytes.Repeat([]byte("payload "), 4096)
	e.Request.Headers = append(e.Request.Headers, sample("", "").Request.Headers[0])
	e.Request.RawHead = []byte("GET / HTTP/1.1\r\nAuthorization: Bearer secret-token\r\n\r\n")

	release := holdWriteLock(t, path)
	queued, err := s.AddWithin(context.Background(), e, 100*time.Millisecond)
	if err != nil || !queued {
		t.Fatalf("queued %v, err %v; want the entry queued while another writer holds the lock", queued, err)
	}
	files, _ := filepath.Glob(filepath.Join(path+".pending", "*.entry"))
	if len(files) != 1 {
		t.Fatalf("pending files %v, want one", files)
	}
	raw, _ := os.ReadFile(files[0])
	var p pendingEntry
	if err := json.NewDecoder(flate.NewReader(bytes.NewReader(raw))).Decode(&p); err != nil {
		t.Fatal(err)
	}
	pending := p.entry()
	if bytes.Contains(pending.Request.RawHead, []byte("secret-token")) || !pending.Redacted {
		t.Fatalf("the pending file holds the secret: %q", pending.Request.RawHead)
	}
	release()
	s.Close()

	s = openStore(t, path, Options{})
	rows, err := s.List(context.Background(), Filter{})
	if err != nil || len(rows) != 1 {
		t.Fatalf("after reopening: %d exchanges (%v), want the queued one", len(rows), err)
	}
	got, err := s.Get(context.Background(), rows[0].ID)
	if err != nil || !bytes.Equal(got.Response.Body, e.Response.Body) || !got.Redacted ||
		len(e.Response.RawHead) == 0 || !bytes.Equal(got.Response.RawHead, e.Response.RawHead) {
		t.Fatalf("stored entry: body %d bytes, redacted %v, err %v", len(got.Response.Body), got.Redacted, err)
	}
	if _, err := os.Stat(path + ".pending"); !os.IsNotExist(err) {
		t.Fatalf("pending folder still there (%v)", err)
	}
}

func TestPendingEntryAlreadyStoredIsNotStoredTwice(t *testing.T) {
	path := filepath.Join(t.TempDir(), "h.db")
	s := openStore(t, path, Options{})
	e := sample("a.http", "twice")
	// The Add that timed out committed after all, and the entry was queued too.
	if _, err := s.Add(context.Background(), e); err != nil {
		t.Fatal(err)
	}
	if err := s.queue(e); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = openStore(t, path, Options{})
	if n, _, _ := s.Size(context.Background()); n != 1 {
		t.Fatalf("%d exchanges, want 1", n)
	}
}

func TestUnreadablePendingFileIsKeptAside(t *testing.T) {
	path := filepath.Join(t.TempDir(), "h.db")
	os.MkdirAll(path+".pending", 0o700)
	bad := filepath.Join(path+".pending", "1-x.entry")
	os.WriteFile(bad, []byte("not an entry"), 0o600)
	s := openStore(t, path, Options{})
	if n, _, _ := s.Size(context.Background()); n != 0 {
		t.Fatalf("%d exchanges from garbage", n)
	}
	if _, err := os.Stat(bad + ".unreadable"); err != nil {
		t.Fatalf("the unreadable file is not kept aside: %v", err)
	}
}

func TestAddWithinStoresAtOnceWhenFree(t *testing.T) {
	path := filepath.Join(t.TempDir(), "h.db")
	s := openStore(t, path, Options{})
	queued, err := s.AddWithin(context.Background(), sample("a.http", "free"), time.Minute)
	if err != nil || queued {
		t.Fatalf("queued %v, err %v", queued, err)
	}
	if n, _, _ := s.Size(context.Background()); n != 1 {
		t.Fatalf("%d exchanges, want 1", n)
	}
}
