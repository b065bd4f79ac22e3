package history

import (
	"context"
	"database/sql"
	"sync"
)

// SQLite compiles a statement's text every time it is executed unprepared: for
// the recording proxy's small exchanges that parsing was about a seventh of its
// CPU. The statements run often (adding, pruning, listing, the latest answer of
// a request) are prepared once per Store, on first use, and kept until Close;
// database/sql keeps each one compiled on every connection it has run on.

// stmtCache holds a Store's prepared statements by their text.
type stmtCache struct {
	mu     sync.Mutex
	m      map[string]*sql.Stmt
	closed bool
}

// stmt returns the prepared statement for query, preparing it on first use.
// The lock is not held while preparing: that may open a connection, which
// waits for any write transaction in progress (see begin), and such a
// transaction may itself be waiting for the lock in writeTx.stmt.
func (s *Store) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	c := &s.stmts
	c.mu.Lock()
	st, closed := c.m[query], c.closed
	c.mu.Unlock()
	if st != nil {
		return st, nil
	}
	if closed {
		return nil, sql.ErrConnDone
	}
	st, err := s.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		st.Close()
		return nil, sql.ErrConnDone
	}
	if other := c.m[query]; other != nil {
		st.Close() // prepared meanwhile by another goroutine
		return other, nil
	}
	if c.m == nil {
		c.m = map[string]*sql.Stmt{}
	}
	c.m[query] = st
	return st, nil
}

// closeStmts closes every prepared statement; later calls to stmt fail.
func (s *Store) closeStmts() {
	c := &s.stmts
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closed = true
	for _, st := range c.m {
		st.Close()
	}
	c.m = nil
}

// query runs a prepared SELECT outside any transaction.
func (s *Store) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := s.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// queryRow is query for one row: an error preparing shows up in Scan, as
// database/sql's own QueryRow reports its errors.
func (s *Store) queryRow(ctx context.Context, query string, args ...any) scanner {
	st, err := s.stmt(ctx, query)
	if err != nil {
		return failedRow{err}
	}
	return st.QueryRowContext(ctx, args...)
}

// failedRow is a row whose query could not be prepared.
type failedRow struct{ err error }

func (r failedRow) Scan(...any) error { return r.err }

// writeTx is one write transaction that runs the Store's prepared statements.
// Each statement is bound to the transaction once, however many rows it
// writes (a batch of the proxy's runs the same few statements 128 times).
type writeTx struct {
	s     *Store
	tx    *sql.Tx
	bound map[string]*sql.Stmt
	// bodies are the bodies table rows this transaction found or added, by
	// hash: a batch that records the same body many times (a polled API, an
	// image fetched again and again) looks it up once. Nothing is deleted
	// before a transaction's last insert (retention runs after), so an id
	// found here stays valid while it inserts.
	bodies map[[32]byte]storedBody
}

type storedBody struct {
	id   sql.NullInt64
	size int64
}

// begin starts a write transaction (IMMEDIATE, see dsn). The statements it may
// run are prepared first, outside it: preparing needs a connection, and a new
// one on a new file starts with a write (setting auto_vacuum, see openDB), which
// would wait for this very transaction's lock.
func (s *Store) begin(ctx context.Context) (*writeTx, error) {
	if err := s.prepareWrites(ctx); err != nil {
		return nil, err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	return &writeTx{s: s, tx: tx}, nil
}

func (s *Store) prepareWrites(ctx context.Context) error {
	for _, q := range writeQueries {
		if _, err := s.stmt(ctx, q); err != nil {
			return err
		}
	}
	return nil
}

// PrepareAdd prepares the statements Add runs, which Add would otherwise do
// first: a command that stores one exchange calls it on a goroutine while the
// exchange is in flight, and has it done before it calls Add (else Add may
// open a second connection, dearer than preparing).
func (s *Store) PrepareAdd(ctx context.Context) error {
	if err := s.wait(); err != nil {
		return err
	}
	return s.prepareWrites(ctx)
}

func (w *writeTx) Commit() error   { return w.tx.Commit() }
func (w *writeTx) Rollback() error { return w.tx.Rollback() }

// stmt is the prepared statement for query, bound to the transaction: the
// Store's when begin prepared it (it stays prepared after the transaction), else
// one prepared on the transaction's own connection for its length.
func (w *writeTx) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st := w.bound[query]; st != nil {
		return st, nil
	}
	c := &w.s.stmts
	c.mu.Lock()
	st := c.m[query]
	c.mu.Unlock()
	var err error
	if st != nil {
		st = w.tx.StmtContext(ctx, st)
	} else if st, err = w.tx.PrepareContext(ctx, query); err != nil {
		return nil, err
	}
	if w.bound == nil {
		w.bound = map[string]*sql.Stmt{}
	}
	w.bound[query] = st
	return st, nil
}

func (w *writeTx) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := w.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// queryRow scans one row into dest; sql.ErrNoRows when there is none.
func (w *writeTx) queryRow(ctx context.Context, dest []any, query string, args ...any) error {
	st, err := w.stmt(ctx, query)
	if err != nil {
		return err
	}
	return st.QueryRowContext(ctx, args...).Scan(dest...)
}
