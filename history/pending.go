package history

import (
	"bytes"
	"compress/flate"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/httplens/httplens/requests"
)

// A command line run must not sit waiting for the database after it has printed
// its answer: another process may hold the write lock (a TUI storing a large
// exchange) for as long as the busy timeout. AddWithin waits a bounded time and,
// past it, leaves the entry in a file in the pending folder beside the database;
// the next Open stores it. So the entry is never lost, and never stored twice
// (the import skips an exchange already there, in case the first Add won after
// all).

// PendingDir returns the folder of entries waiting to be stored (see AddWithin).
func (s *Store) PendingDir() string { return s.path + ".pending" }

// AddWithin stores e as Add does, waiting at most wait. When the insert has not
// finished by then, or failed (a full disk, a file that turned read-only), e is
// written to the pending folder and stored by the next Open; queued then
// reports true, and err says why when the insert failed. e is kept unless
// queued is false and err is not nil.
func (s *Store) AddWithin(ctx context.Context, e Entry, wait time.Duration) (queued bool, err error) {
	done := make(chan error, 1)
	addCtx, cancel := context.WithCancel(ctx)
	go func() {
		_, err := s.Add(addCtx, e)
		done <- err
	}()
	timer := time.NewTimer(wait)
	defer timer.Stop()
	var addErr error
	select {
	case addErr = <-done:
		cancel()
		if addErr == nil {
			return false, nil
		}
	case <-timer.C:
	}
	// Cancelling rolls the insert back, unless it commits first: the import
	// recognises that case and skips the copy.
	cancel()
	if err := s.queue(e); err != nil {
		return false, errors.Join(addErr, err)
	}
	return true, addErr
}

// queue writes e, redacted and cut as Add would store it, to a new file in the
// pending folder. The file appears under its final name only once complete.
func (s *Store) queue(e Entry) error {
	if !s.opts.StoreSecrets {
		e = s.redactEntry(e)
	}
	if e.Response != nil {
		rs := *e.Response
		if sb := e.StreamedBody; sb != nil && len(rs.Body) == 0 {
			// A pending file holds plain bytes (BodyBytes still says how
			// many arrived, so the import marks the body as cut).
			b, err := sb.Bytes()
			if err != nil {
				return fmt.Errorf("history: queueing: %w", err)
			}
			rs.Body = b
		}
		rs.Body, rs.Decoded = capBytes(rs.Body, s.opts.MaxBody), capBytes(rs.Decoded, s.opts.MaxBody)
		e.Response = &rs
	}
	e.StreamedBody = nil
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestSpeed)
	if err := json.NewEncoder(w).Encode(toPending(e)); err != nil {
		return fmt.Errorf("history: queueing: %w", err)
	}
	w.Close()
	dir := s.PendingDir()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("history: queueing: %w", err)
	}
	f, err := os.CreateTemp(dir, ".entry-*")
	if err != nil {
		return fmt.Errorf("history: queueing: %w", err)
	}
	_, err = f.Write(buf.Bytes())
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		// Named by the send time, so the import stores entries in their order.
		err = os.Rename(f.Name(), filepath.Join(dir, fmt.Sprintf("%020d-%s.entry", e.Sent.UnixNano(), filepath.Base(f.Name())[7:])))
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("history: queueing: %w", err)
	}
	return nil
}

// pendingEntry is an Entry as a pending file holds it, in JSON: the fields the
// requests types leave out of their JSON (heads, bodies) are carried beside it.
// (JSON rather than gob: gob's package set-up costs every command a millisecond.)
type pendingEntry struct {
	Entry        Entry
	RequestHead  []byte
	RequestBody  []byte
	RequestAdded []bool
	Response     *pendingResponse `json:",omitempty"`
}

type pendingResponse struct {
	RawHead, Body, Decoded, Extra             []byte
	Reconstructed, DecodedTruncated, Complete bool
	ExtraNote                                 string
	Problems                                  []string
	Trailers                                  []requests.Header
}

func toPending(e Entry) pendingEntry {
	p := pendingEntry{Entry: e, RequestHead: e.Request.RawHead, RequestBody: e.Request.Body, RequestAdded: e.Request.Added}
	if r := e.Response; r != nil {
		p.Response = &pendingResponse{RawHead: r.RawHead, Body: r.Body, Decoded: r.Decoded, Extra: r.Extra,
			Reconstructed: r.Reconstructed, DecodedTruncated: r.DecodedTruncated, Complete: r.Complete,
			ExtraNote: r.ExtraNote, Problems: r.Problems, Trailers: r.Trailers}
	}
	return p
}

func (p pendingEntry) entry() Entry {
	e := p.Entry
	e.Request.RawHead, e.Request.Body, e.Request.Added = p.RequestHead, p.RequestBody, p.RequestAdded
	if r := p.Response; r != nil && e.Response != nil {
		e.Response.RawHead, e.Response.Body, e.Response.Decoded, e.Response.Extra = r.RawHead, r.Body, r.Decoded, r.Extra
		e.Response.Reconstructed, e.Response.DecodedTruncated, e.Response.Complete = r.Reconstructed, r.DecodedTruncated, r.Complete
		e.Response.ExtraNote, e.Response.Problems, e.Response.Trailers = r.ExtraNote, r.Problems, r.Trailers
	}
	return e
}

// redactEntry replaces secrets in e as Add would store it (newRecord): header
// values, the heads, URL parameters in the URL, the hops and the error text.
func (s *Store) redactEntry(e Entry) Entry {
	red := newRedactor(s.opts.SecretNames)
	var a, b, c, d, u, x bool
	e.Request.Headers, a = red.headers(e.Request.Headers)
	e.Request.RawHead, b = red.head(e.Request.RawHead)
	e.Request.URL, u = red.params(e.Request.URL)
	e.Err, x = red.params(e.Err)
	if e.Response != nil {
		rs := *e.Response
		rs.Headers, c = red.headers(rs.Headers)
		rs.RawHead, d = red.head(rs.RawHead)
		e.Response = &rs
	}
	hops := make([]requests.Hop, len(e.Hops))
	for i, h := range e.Hops {
		var hu, hl bool
		h.URL, hu = red.params(h.URL)
		h.Location, hl = red.params(h.Location)
		hops[i], u = h, u || hu || hl
	}
	e.Hops = hops
	e.Redacted = e.Redacted || a || b || c || d || u || x
	return e
}

// importPending stores the entries left in the pending folder, oldest first. Each
// file is first claimed by renaming it, so two processes opening the database at
// once do not both store it; a claimed file is removed once its entry is in. A
// file that does not decode is kept as NAME.unreadable for a person to look at;
// one the database refused now is put back for the next Open.
func (s *Store) importPending(ctx context.Context) {
	files, _ := filepath.Glob(filepath.Join(s.PendingDir(), "*.entry"))
	for _, name := range files { // Glob sorts: oldest first
		claimed := name + ".importing"
		if os.Rename(name, claimed) != nil {
			continue // another process took it
		}
		switch err := s.importFile(ctx, claimed); {
		case err == nil:
			os.Remove(claimed)
		case errors.Is(err, errUnreadable):
			os.Rename(claimed, name+".unreadable")
		default:
			os.Rename(claimed, name)
		}
	}
	os.Remove(s.PendingDir()) // only when empty
}

var errUnreadable = errors.New("unreadable pending entry")

func (s *Store) importFile(ctx context.Context, name string) error {
	raw, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	var p pendingEntry
	if err := json.NewDecoder(flate.NewReader(bytes.NewReader(raw))).Decode(&p); err != nil {
		return fmt.Errorf("%w: %v", errUnreadable, err)
	}
	e := p.entry()
	// The same exchange may have been stored after all, by the Add that timed out.
	var n int
	err = s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM exchanges WHERE sent_ns = ? AND method = ? AND url = ? AND file = ? AND name = ?`,
		e.Sent.UnixNano(), e.Request.Method, e.Request.URL, e.File, e.Name).Scan(&n)
	if err != nil || n > 0 {
		return err
	}
	_, err = s.add(ctx, e)
	return err
}
