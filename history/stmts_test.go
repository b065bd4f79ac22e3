package history

import (
	"context"
	"testing"
	"time"
)

// A statement prepared for the first time while a write transaction is open
// does not stall that transaction: preparing may open a connection, which
// waits for the write lock, so it must not hold what the transaction needs
// next. (The statement cache's lock was held while preparing: the transaction
// waited for it, the new connection for the transaction, until the busy
// timeout failed the read with SQLITE_BUSY ten seconds later.)
func TestPreparingDoesNotBlockAWriteTransaction(t *testing.T) {
	s := tempStore(t, Options{})
	ctx := context.Background()
	if _, err := s.Add(ctx, sample("a.http", "one")); err != nil {
		t.Fatal(err)
	}
	tx, err := s.begin(ctx) // holds the write lock on the pool's one connection
	if err != nil {
		t.Fatal(err)
	}
	listed := make(chan error, 1)
	go func() {
		// Not prepared yet: preparing opens a second connection, which waits
		// for the transaction's write lock.
		_, err := s.List(ctx, Filter{File: "a.http", Limit: 7})
		listed <- err
	}()
	time.Sleep(200 * time.Millisecond) // let List get to its connection (the test passes either way if it has not)
	if _, err := insert(ctx, tx, mustRecord(t, s, sample("a.http", "two"))); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := <-listed; err != nil {
		t.Fatalf("List while a write transaction was open: %v", err)
	}
}

func mustRecord(t *testing.T, s *Store, e Entry) record {
	t.Helper()
	r, err := s.newRecord(e)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
