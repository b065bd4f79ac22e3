package history

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/httplens/httplens/headers"
	"github.com/httplens/httplens/requests"
)

// record is an Entry flattened into the columns of one row, already redacted and cut.
type record struct {
	e Entry
	// The request's half; the header lists and hops are JSON.
	requestHead, reqBody []byte
	reqHeaders, hops     []byte
	// The response's half, zero when there was none.
	hasResponse              bool
	proto, reason            string
	status                   int
	rsHeaders, rsHead        []byte
	body, decoded, extra     []byte
	bodyRef, decodedRef      *bodyRef // set when body or decoded goes to the bodies table
	reconstructed, truncated bool
	etag                     string
	receivedNS               int64
	size                     int64 // counted against Options.MaxBytes
}

// newRecord applies the Store's Options to e: secrets redacted unless StoreSecrets,
// bodies cut at MaxBody.
func (s *Store) newRecord(e Entry) (record, error) {
	r := record{e: e, requestHead: e.Request.RawHead, reqBody: capBytes(e.Request.Body, s.opts.MaxBody)}
	reqHeaders := e.Request.Headers
	var rsHeaders []requests.Header
	if rs := e.Response; rs != nil {
		r.hasResponse = true
		r.proto, r.status, r.reason = rs.Proto, rs.Status, rs.Reason
		r.rsHead, r.reconstructed = rs.RawHead, rs.Reconstructed
		r.body = capBytes(rs.Body, s.opts.MaxBody)
		r.decoded = capBytes(rs.Decoded, s.opts.MaxBody)
		r.extra = capBytes(rs.Extra, s.opts.MaxBody)
		kept := int64(len(rs.Body))
		if sb := e.StreamedBody; sb != nil && len(rs.Body) == 0 {
			sb.Close()
			if kept = sb.Len(); sb.inline() {
				r.body = sb.head
			} else {
				r.bodyRef = sb.ref()
			}
		}
		r.truncated = rs.Truncated || len(r.body) < len(rs.Body) || len(r.decoded) < len(rs.Decoded) ||
			kept < rs.BodyBytes
		rsHeaders = rs.Headers
	}
	if !s.opts.StoreSecrets {
		red := newRedactor(s.opts.SecretNames)
		var a, b, c, d, u, x bool
		reqHeaders, a = red.headers(reqHeaders)
		rsHeaders, b = red.headers(rsHeaders)
		r.requestHead, c = red.head(r.requestHead)
		r.rsHead, d = red.head(r.rsHead)
		r.e.Request.URL, u = red.params(e.Request.URL)
		r.e.Err, x = red.params(e.Err)
		if len(e.Hops) > 0 {
			r.e.Hops = make([]requests.Hop, len(e.Hops))
			for i, h := range e.Hops {
				var hu, hl bool
				h.URL, hu = red.params(h.URL)
				h.Location, hl = red.params(h.Location)
				r.e.Hops[i] = h
				u = u || hu || hl
			}
		}
		r.e.Redacted = e.Redacted || a || b || c || d || u || x
	}
	r.etag = headers.List(rsHeaders).Get("ETag")
	var err error
	if r.reqHeaders, err = headersJSON(reqHeaders); err != nil {
		return r, err
	}
	if r.rsHeaders, err = headersJSON(rsHeaders); err != nil {
		return r, err
	}
	if len(r.e.Hops) == 0 {
		r.hops = []byte("[]")
	} else if r.hops, err = json.Marshal(r.e.Hops); err != nil {
		return r, err
	}
	if !e.Received.IsZero() {
		r.receivedNS = e.Received.UnixNano()
	}
	// Hashed here, outside the write transaction; storeBody adds their stored size.
	if r.bodyRef == nil { // else streamed: hashed and compressed already
		if r.bodyRef = newBodyRef(r.body); r.bodyRef != nil {
			r.body = nil
		}
	}
	if r.decodedRef = newBodyRef(r.decoded); r.decodedRef != nil {
		r.decoded = nil
	}
	r.size = int64(len(r.requestHead) + len(r.reqBody) + len(r.rsHead) + len(r.body) + len(r.decoded) +
		len(r.extra) + len(r.reqHeaders) + len(r.rsHeaders))
	return r, nil
}

func capBytes(b []byte, limit int64) []byte {
	if int64(len(b)) > limit {
		return b[:limit]
	}
	return b
}

// Add stores e and returns its id. In the same transaction it applies retention:
// older exchanges of the same (File, Name) beyond KeepPerRequest, then the oldest
// exchanges while the total is over MaxBytes (never the one just added).
func (s *Store) Add(ctx context.Context, e Entry) (int64, error) {
	if err := s.wait(); err != nil {
		return 0, err
	}
	return s.add(ctx, e)
}

// add is Add without waiting for the Store to be ready (prepare calls it).
func (s *Store) add(ctx context.Context, e Entry) (int64, error) {
	r, err := s.newRecord(e)
	if err != nil {
		return 0, fmt.Errorf("history: %w", err)
	}
	tx, err := s.begin(ctx)
	if err != nil {
		return 0, fmt.Errorf("history: %w", err)
	}
	defer tx.Rollback()
	id, err := insert(ctx, tx, r)
	if err != nil {
		return 0, fmt.Errorf("history: storing exchange: %w", err)
	}
	if err := s.pruneRequest(ctx, tx, e.File, e.Name); err != nil {
		return 0, fmt.Errorf("history: pruning: %w", err)
	}
	if err := s.pruneSize(ctx, tx); err != nil {
		return 0, fmt.Errorf("history: pruning: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("history: %w", err)
	}
	return id, nil
}

// The statements every Add runs, prepared once (see stmts.go).
const (
	insertExchange = `INSERT INTO exchanges (
		sent_ns, received_ns, file, name, method, url, proto, has_response, response_proto, status, reason,
		reconstructed, body_bytes, truncated, etag,
		dns_ns, connect_ns, tls_ns, ttfb_ns, transfer_ns, total_ns, error, redacted, size
	) VALUES (?,?,?,?,?,?,?,?,?,?,?, ?,?,?,?, ?,?,?,?,?,?,?,?,?)`
	insertDetails = `INSERT INTO details (id, request_headers, response_headers, hops,
		request_head, request_body, response_head, body, decoded, extra, body_ref, decoded_ref)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`
	pruneRequestQuery = `DELETE FROM exchanges WHERE file = ? AND name = ? AND id <= (
		SELECT id FROM exchanges WHERE file = ? AND name = ? ORDER BY id DESC LIMIT 1 OFFSET ?)`
	totalBytes = `SELECT bytes FROM totals WHERE id = 1`
	sizeCut    = `SELECT MAX(id) FROM (
		SELECT id, SUM(size) OVER (ORDER BY id DESC) AS run FROM exchanges) WHERE run > ?`
	sizeDelete = `DELETE FROM exchanges WHERE id <= ? AND id < (SELECT MAX(id) FROM exchanges)`
)

// writeQueries are prepared before each write transaction begins.
var writeQueries = []string{insertExchange, insertDetails, findBody, insertBody, pruneRequestQuery, totalBytes,
	sizeCut, sizeDelete}

func insert(ctx context.Context, tx *writeTx, r record) (int64, error) {
	e := r.e
	bodyRef, n1, err := storeBody(ctx, tx, r.bodyRef)
	if err != nil {
		return 0, err
	}
	decodedRef, n2, err := storeBody(ctx, tx, r.decodedRef)
	if err != nil {
		return 0, err
	}
	r.size += n1 + n2
	res, err := tx.exec(ctx, insertExchange,
		e.Sent.UnixNano(), r.receivedNS, e.File, e.Name, e.Request.Method, e.Request.URL, e.Request.Proto,
		r.hasResponse, r.proto, r.status, r.reason, r.reconstructed, e.BodyBytes, r.truncated, r.etag,
		int64(e.Timing.DNS), int64(e.Timing.Connect), int64(e.Timing.TLS), int64(e.Timing.TTFB),
		int64(e.Timing.Transfer), int64(e.Timing.Total), e.Err, r.e.Redacted, r.size)
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	_, err = tx.exec(ctx, insertDetails,
		id, string(r.reqHeaders), string(r.rsHeaders), string(r.hops),
		r.requestHead, r.reqBody, r.rsHead, r.body, r.decoded, r.extra, bodyRef, decodedRef)
	return id, err
}

// Prune applies retention to the whole database (every request's KeepPerRequest,
// then MaxBytes) and returns free pages to the file system. Add already prunes
// what it touches; Prune is for a smaller limit set later. Call it from a
// goroutine or tea.Cmd: it may wait for other writers.
func (s *Store) Prune(ctx context.Context) error {
	if err := s.wait(); err != nil {
		return err
	}
	tx, err := s.begin(ctx)
	if err != nil {
		return fmt.Errorf("history: %w", err)
	}
	defer tx.Rollback()
	if s.opts.KeepPerRequest > 0 {
		_, err := tx.tx.ExecContext(ctx, `DELETE FROM exchanges WHERE id IN (
			SELECT id FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY file, name ORDER BY id DESC) AS n
			                FROM exchanges) WHERE n > ?)`, s.opts.KeepPerRequest)
		if err != nil {
			return fmt.Errorf("history: pruning: %w", err)
		}
	}
	if err := s.pruneSize(ctx, tx); err != nil {
		return fmt.Errorf("history: pruning: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("history: %w", err)
	}
	// Without this the file keeps its size and reuses the freed pages later.
	if _, err := s.db.ExecContext(ctx, "PRAGMA incremental_vacuum"); err != nil {
		return fmt.Errorf("history: vacuum: %w", err)
	}
	return nil
}

// pruneRequest keeps the newest KeepPerRequest exchanges of (file, name).
func (s *Store) pruneRequest(ctx context.Context, tx *writeTx, file, name string) error {
	if s.opts.KeepPerRequest < 0 {
		return nil
	}
	_, err := tx.exec(ctx, pruneRequestQuery, file, name, file, name, s.opts.KeepPerRequest)
	return err
}

// pruneSize deletes the oldest exchanges until the total fits MaxBytes, keeping
// the newest whatever its size. The total is kept by triggers, so when nothing
// needs pruning this costs one row read.
func (s *Store) pruneSize(ctx context.Context, tx *writeTx) error {
	if s.opts.MaxBytes < 0 {
		return nil
	}
	var total int64
	if err := tx.queryRow(ctx, []any{&total}, totalBytes); err != nil {
		return err
	}
	if total <= s.opts.MaxBytes {
		return nil
	}
	// The newest exchange whose running total (counted from the newest down)
	// goes past the cap, and every older one, must go.
	var cut sql.NullInt64
	if err := tx.queryRow(ctx, []any{&cut}, sizeCut, s.opts.MaxBytes); err != nil || !cut.Valid {
		return err
	}
	_, err := tx.exec(ctx, sizeDelete, cut.Int64)
	return err
}

// Size returns the number of exchanges stored and their total bytes as counted
// against MaxBytes.
func (s *Store) Size(ctx context.Context) (count int, bytes int64, err error) {
	if err := s.wait(); err != nil {
		return 0, 0, err
	}
	err = s.queryRow(ctx, `SELECT (SELECT COUNT(*) FROM exchanges), bytes FROM totals WHERE id = 1`).
		Scan(&count, &bytes)
	if err != nil {
		return 0, 0, fmt.Errorf("history: %w", err)
	}
	return count, bytes, nil
}

// Forget deletes every stored exchange of the requests whose file starts with
// prefix (for example "tour/", the built-in tour's files) and returns how many it
// deleted. Starting a lesson over uses it: the tour's History tabs empty, other
// collections keep theirs. An empty prefix deletes nothing.
func (s *Store) Forget(ctx context.Context, prefix string) (int64, error) {
	if prefix == "" {
		return 0, nil
	}
	// substr rather than LIKE: a file name may hold % or _.
	res, err := s.db.ExecContext(ctx, `DELETE FROM exchanges WHERE substr(file, 1, ?) = ?`, len(prefix), prefix)
	if err != nil {
		return 0, fmt.Errorf("history: forgetting %s: %w", prefix, err)
	}
	return res.RowsAffected()
}
