package history

import (
	"bytes"
	"context"
	"fmt"
	"math/rand"
	"path/filepath"
	"testing"
	"time"
)

// streamed returns sample's entry with body written through a BodyWriter in
// pieces of uneven sizes, as requests hands them over, and Response.Body empty.
func streamed(s *Store, file, name string, body []byte) Entry {
	e := sample(file, name)
	w := s.NewBodyWriter()
	r := rand.New(rand.NewSource(int64(len(body))))
	for rest := body; len(rest) > 0; {
		n := min(len(rest), 1+r.Intn(200<<10))
		if n, err := w.Write(rest[:n]); err != nil || n != min(len(rest), n) {
			panic(fmt.Sprint("BodyWriter.Write: ", n, err))
		}
		rest = rest[n:]
	}
	e.Response.Body, e.Response.BodyBytes, e.BodyBytes = nil, int64(len(body)), int64(len(body))
	e.StreamedBody = w
	return e
}

// bodyOf is a body of n bytes that deflates, with some variety.
func bodyOf(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = "0123456789abcdef"[(i*7+i/1000)%16]
	}
	return b
}

// A body that streamed through a BodyWriter is stored as the same bytes held in
// Response.Body would be: the same bytes back, cut at MaxBody and marked cut,
// and one bodies table row shared by every copy.
func TestStreamedBodyIsStoredAsTheBytesWouldBe(t *testing.T) {
	const limit = 300 << 10
	for i, n := range []int{0, 10, inlineBody - 1, inlineBody, inlineBody + 1, 64 << 10, 3*(64<<10) + 17, limit, limit + 5000} {
		heldFirst := i%2 == 1
		t.Run(fmt.Sprint(n, " bytes, held first ", heldFirst), func(t *testing.T) {
			s := tempStore(t, Options{MaxBody: limit})
			ctx := context.Background()
			body := bodyOf(n)
			want := body[:min(n, limit)]
			// Streamed first, its row is in Snappy; held first, in deflate (as
			// every row before): either way the other finds it.
			held := sample("a.http", "held")
			held.Response.Body, held.Response.BodyBytes, held.BodyBytes = body, int64(n), int64(n)
			var ids []int64
			entries := []Entry{streamed(s, "a.http", "streamed", body), held, streamed(s, "a.http", "again", body)}
			if heldFirst {
				entries[0], entries[1] = entries[1], entries[0]
			}
			for _, e := range entries {
				id, err := s.Add(ctx, e)
				if err != nil {
					t.Fatal(err)
				}
				ids = append(ids, id)
			}
			for _, id := range ids {
				got, err := s.Get(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got.Response.Body, want) || got.BodyBytes != int64(n) || got.Response.Truncated != (n > limit) {
					t.Fatalf("exchange %d: %d bytes back of %d (truncated %v), want the first %d, truncated %v",
						id, len(got.Response.Body), got.BodyBytes, got.Response.Truncated, len(want), n > limit)
				}
			}
			var rows int
			if err := s.db.QueryRow(`SELECT COUNT(*) FROM bodies`).Scan(&rows); err != nil {
				t.Fatal(err)
			}
			if wantRows := map[bool]int{true: 0, false: 1}[len(want) < inlineBody]; rows != wantRows {
				t.Fatalf("%d rows in bodies, want %d: identical bodies are stored once", rows, wantRows)
			}
		})
	}
}

// A streamed body that cannot be stored now goes to the pending queue as plain
// bytes and comes back from there whole, still marked as cut.
func TestStreamedBodyQueuedWhenBusyIsStoredByTheNextOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "h.db")
	const limit = 200 << 10
	s := openStore(t, path, Options{MaxBody: limit})
	body := bodyOf(limit + 1000)
	e := streamed(s, "a.http", "busy", body)
	release := holdWriteLock(t, path)
	queued, err := s.AddWithin(context.Background(), e, 50*time.Millisecond)
	release()
	if err != nil || !queued {
		t.Fatalf("queued %v, err %v; want the entry queued while another writer holds the lock", queued, err)
	}
	s.Close()
	s = openStore(t, path, Options{MaxBody: limit})
	rows, err := s.List(context.Background(), Filter{})
	if err != nil || len(rows) != 1 {
		t.Fatalf("after reopening: %d exchanges (%v), want the queued one", len(rows), err)
	}
	got, err := s.Get(context.Background(), rows[0].ID)
	if err != nil || !bytes.Equal(got.Response.Body, body[:limit]) || !got.Response.Truncated || got.BodyBytes != int64(len(body)) {
		t.Fatalf("stored: %d bytes of %d, truncated %v, err %v", len(got.Response.Body), got.BodyBytes, got.Response.Truncated, err)
	}
}

// An insert that fails (here a trigger standing in for a full disk) leaves the
// entry in the pending queue, with the reason, and the next Open that can
// store it does. Seen failing before AddWithin queued failed inserts: the entry
// was only reported lost.
func TestFailedInsertIsQueuedWithItsReason(t *testing.T) {
	path := filepath.Join(t.TempDir(), "h.db")
	s := openStore(t, path, Options{})
	if _, err := s.db.Exec(`CREATE TRIGGER full BEFORE INSERT ON exchanges BEGIN SELECT RAISE(ABORT, 'database or disk is full (simulated)'); END`); err != nil {
		t.Fatal(err)
	}
	body := bodyOf(300 << 10)
	queued, err := s.AddWithin(context.Background(), streamed(s, "a.http", "full", body), time.Minute)
	if !queued || err == nil || !bytes.Contains([]byte(err.Error()), []byte("disk is full (simulated)")) {
		t.Fatalf("queued %v, err %v; want the entry queued and the insert's error", queued, err)
	}
	if files, _ := filepath.Glob(filepath.Join(s.PendingDir(), "*.entry")); len(files) != 1 {
		t.Fatalf("pending files %v, want one", files)
	}
	if _, err := s.db.Exec(`DROP TRIGGER full`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = openStore(t, path, Options{})
	rows, err := s.List(context.Background(), Filter{})
	if err != nil || len(rows) != 1 {
		t.Fatalf("after reopening: %d exchanges (%v), want the queued one", len(rows), err)
	}
	got, err := s.Get(context.Background(), rows[0].ID)
	if err != nil || !bytes.Equal(got.Response.Body, body) {
		t.Fatalf("stored body %d bytes (%v), want %d", len(got.Response.Body), err, len(body))
	}
}

// Writes past the limit are taken and dropped, and Write reports them taken.
func TestBodyWriterKeepsUpToItsLimit(t *testing.T) {
	w := newBodyWriter(inlineBody + 10)
	for range 3 {
		if n, err := w.Write(make([]byte, inlineBody)); n != inlineBody || err != nil {
			t.Fatalf("Write = %d, %v", n, err)
		}
	}
	got, err := w.Bytes()
	if err != nil || len(got) != inlineBody+10 || w.Len() != inlineBody+10 {
		t.Fatalf("kept %d bytes (Len %d, %v), want %d", len(got), w.Len(), err, inlineBody+10)
	}
}
