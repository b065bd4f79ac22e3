// Package history keeps every exchange in a SQLite file so that it can be listed,
// reopened, compared and exported later.
//
// The database is shared: several httplens processes may have it open at once.
// It runs in WAL mode with a busy timeout, every write is one short IMMEDIATE
// transaction, and the schema is versioned with PRAGMA user_version so an older
// file is migrated in place when it is opened.
//
// What keeping a command's exchange costs (issue 24; `httplens send` of a 10 MB
// body to /dev/null, perf over 30 runs, CPU ms per run; bench/send_history.sh
// times it). Without history the process takes about 50 ms of CPU. With it,
// before: 83 ms. The kept 2 MiB of body, copied into fresh memory while it
// streamed, cost 12 ms (a page fault per 4 KiB is dear on a VM) and 3 ms of
// garbage collection; opening cost 6 ms because every connection set
// auto_vacuum, a write transaction (the write lock, a WAL restart, 3 of the 5
// fsyncs a send paid) before anything was sent; Add 5.5 ms (SHA-256 1.9,
// preparing statements 1.5, insert and commit 2); Close's checkpoint 1.6 ms;
// saving an unchanged cookie jar, a write transaction, 0.3 ms. After: 65-72 ms.
// BodyWriter hashes (1.8 ms) and Snappy-compresses (1.5 ms) the kept bytes from
// the transfer's own buffer; opening reads only (4 ms); the statements are
// prepared while the exchange is in flight; Add is left with 4 ms, Close with
// 1.5 ms and 4 fsyncs (a WAL created by the first write, checkpointed and
// removed by the last close). A body the table lacks costs more: SQLite writes
// it twice (WAL, then checkpoint), about 15 ms for 740 KB, most of it page
// faults on fresh page-cache memory.
package history

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/httplens/httplens/internal/xdgdirs"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Defaults used when the matching Options field is zero.
const (
	DefaultKeepPerRequest = 50
	DefaultMaxBytes       = 256 << 20 // total stored bytes before the oldest go
	DefaultMaxBody        = 2 << 20   // body bytes kept per exchange
)

// EnvPath names the environment variable that overrides the default database path.
const EnvPath = "HTTPLENS_HISTORY"

// busyTimeoutMS is how long a connection waits for another writer (possibly in
// another process) before giving up with SQLITE_BUSY.
const busyTimeoutMS = 10000

// ErrNotFound is returned by Get when no exchange has the id.
var ErrNotFound = errors.New("history: no such exchange")

// Options configure a Store. The zero value gives the defaults: 50 exchanges per
// request, 256 MiB in total, 2 MiB of body per exchange, secrets redacted.
type Options struct {
	// KeepPerRequest is how many exchanges of one (file, name) are kept; older
	// ones are deleted when a new one is added. Zero means DefaultKeepPerRequest;
	// negative means no limit.
	KeepPerRequest int
	// MaxBytes caps the bytes stored over all exchanges (heads, bodies, headers);
	// the oldest exchanges are deleted past it, never the newest. Zero means
	// DefaultMaxBytes; negative means no cap.
	MaxBytes int64
	// MaxBody caps the response body bytes stored per exchange; the full length
	// is still recorded in Entry.BodyBytes. Zero or negative means DefaultMaxBody.
	MaxBody int64
	// StoreSecrets stores the values of secret headers (SecretHeaders) and
	// parameters (SecretParams) in full. By default they are redacted before
	// storing; what is stored cannot be shown unredacted later.
	StoreSecrets bool
	// SecretNames are more header and parameter names (any letter case) whose
	// values are redacted, besides SecretHeaders and SecretParams.
	SecretNames []string
}

func (o Options) withDefaults() Options {
	if o.KeepPerRequest == 0 {
		o.KeepPerRequest = DefaultKeepPerRequest
	}
	if o.MaxBytes == 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxBody <= 0 {
		o.MaxBody = DefaultMaxBody
	}
	return o
}

// Store is an open history database. It is safe for concurrent use; call Close
// when done.
type Store struct {
	db   *sql.DB
	opts Options
	path string
	// ready is closed once OpenAfter's work is done (nil after Open);
	// openErr is what went wrong in it.
	ready   chan struct{}
	openErr error
	// stmts are the prepared statements, see stmts.go.
	stmts stmtCache
}

// DefaultPath returns the database path: $HTTPLENS_HISTORY when set, otherwise
// httplens/history.db in the XDG state folder (~/.local/state on Linux). It does not
// create anything.
func DefaultPath() (string, error) {
	return defaultPath(os.Getenv, xdgdirs.StateHome())
}

func defaultPath(getenv func(string) string, stateHome string) (string, error) {
	if p := getenv(EnvPath); p != "" {
		return p, nil
	}
	if stateHome == "" {
		return "", errors.New("history: no state folder (set " + EnvPath + ")")
	}
	return filepath.Join(stateHome, "httplens", "history.db"), nil
}

// Open opens the database at path, creating it and its folder if needed,
// migrating an older schema to the current one, and storing the entries that
// AddWithin left pending.
func Open(path string, opts Options) (*Store, error) {
	s, err := openDB(path, opts)
	if err != nil {
		return nil, err
	}
	if err := s.prepare(); err != nil {
		s.closeStmts()
		s.db.Close()
		return nil, err
	}
	return s, nil
}

// OpenAfter is Open for a program that must not wait for the database before it
// shows something: the file is opened, migrated and its pending entries stored on
// another goroutine, and every method waits for that first. An error there is
// returned by each method call; Close always works. The returned error is only
// about the path. That work starts once start is closed (at once when start is
// nil): a program opens the file after its first frame, so that SQLite does not
// compete with it for the cores. The caller must close start, at the latest
// before Close, which waits for that work.
func OpenAfter(path string, opts Options, start <-chan struct{}) (*Store, error) {
	s, err := openDB(path, opts)
	if err != nil {
		return nil, err
	}
	s.ready = make(chan struct{})
	go func() {
		defer close(s.ready)
		if start != nil {
			<-start
		}
		s.openErr = s.prepare()
	}()
	return s, nil
}

// openDB checks the path and makes the Store; sql.Open connects to nothing yet.
func openDB(path string, opts Options) (*Store, error) {
	if path == "" {
		return nil, errors.New("history: empty database path")
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	empty, err := private(abs)
	if err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	source := dsn(abs)
	if empty {
		// auto_vacuum is only ever set on a new file: on one with tables the
		// pragma cannot change the mode, yet it writes the database header,
		// so every connection would begin with a write transaction (waiting
		// for any other writer, and a WAL restart with its fsyncs).
		source += "&_auto_vacuum=incremental"
	}
	db, err := sql.Open("sqlite", source)
	if err != nil {
		return nil, fmt.Errorf("history: open %s: %w", path, err)
	}
	return &Store{db: db, opts: opts.withDefaults(), path: path}, nil
}

// prepare migrates the schema and stores the pending entries.
func (s *Store) prepare() error {
	if err := migrateWhenFree(s.db); err != nil {
		return fmt.Errorf("history: %s: %w", s.path, err)
	}
	s.importPending(context.Background())
	return nil
}

// wait returns once the Store is ready, with the error that kept it from being.
func (s *Store) wait() error {
	if s.ready != nil {
		<-s.ready
	}
	return s.openErr
}

// migrateWhenFree migrates, retrying while another opener holds the file. SQLite
// answers some lock conflicts at open time with SQLITE_BUSY without calling its
// busy handler (another connection switching the file to WAL or recovering its
// WAL), so busy_timeout alone does not cover two processes starting at once.
func migrateWhenFree(db *sql.DB) error {
	deadline := time.Now().Add(busyTimeoutMS * time.Millisecond)
	for {
		err := migrate(context.Background(), db)
		if err == nil || !strings.Contains(err.Error(), "SQLITE_BUSY") || time.Now().After(deadline) {
			return err
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// private makes the database readable by its owner only, whatever the folder:
// it holds the cookie jars and every response. The file is created 0600 before
// SQLite opens it, since SQLite gives the -wal and -shm files the database's
// mode; files left by an older version with a wider mode are narrowed. empty
// reports a file SQLite has not written yet (new, or left empty by a run that
// stopped before its first write).
func private(path string) (empty bool, err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err == nil {
		return true, f.Close()
	}
	if !errors.Is(err, os.ErrExist) {
		return false, err
	}
	for _, p := range []string{path, path + "-wal", path + "-shm", path + "-journal"} {
		if fi, err := os.Stat(p); err == nil {
			if p == path {
				empty = fi.Size() == 0
			}
			if fi.Mode().Perm()&0o077 != 0 {
				os.Chmod(p, fi.Mode().Perm()&0o700) // not ours to change if it fails
			}
		}
	}
	return empty, nil
}

// dsn builds the connection string. busy_timeout comes first so that the WAL
// switch on a new file waits for a concurrent opener instead of failing; _txlock
// makes every transaction BEGIN IMMEDIATE, taking the write lock up front, since
// upgrading a read transaction to a write can fail at once with SQLITE_BUSY.
// The path is absolute; as a file: URI it is percent-encoded, so names with '?',
// '#' or '%' survive.
func dsn(abs string) string {
	q := url.Values{}
	q.Set("_busy_timeout", fmt.Sprint(busyTimeoutMS))
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "NORMAL")
	q.Set("_txlock", "immediate")
	// 8 MB of page cache per connection (SQLite's default is 2 MB): a listing of
	// tens of thousands of exchanges then stays in memory between calls.
	q.Add("_pragma", "cache_size(-8000)")
	// Statement journals in memory: retention's DELETE (many rows, triggers) is
	// journalled so that it can be undone alone, and in a file that cost a
	// write system call per page, about a tenth of storing a small exchange.
	q.Add("_pragma", "temp_store(memory)")
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive path: file:///C:/...
	}
	u := url.URL{Scheme: "file", Path: p, RawQuery: q.Encode()}
	return u.String()
}

// MaxBody returns the response body bytes stored per exchange (Options.MaxBody
// with its default applied): a caller may keep no more than this for Add.
func (s *Store) MaxBody() int64 { return s.opts.MaxBody }

// Path returns the file the Store was opened on.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error {
	s.wait()
	s.closeStmts()
	return s.db.Close()
}
