package history

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/httplens/httplens/requests"
)

// List returns summaries of the exchanges f selects, newest first.
func (s *Store) List(ctx context.Context, f Filter) ([]Summary, error) {
	if err := s.wait(); err != nil {
		return nil, err
	}
	where, args := f.where()
	limit := f.limit()
	rows, err := s.query(ctx, `SELECT id, file, name, method, url, status, reason, body_bytes,
		etag, total_ns, sent_ns, error FROM exchanges`+where+` ORDER BY id DESC LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	defer rows.Close()
	var out []Summary
	for rows.Next() {
		var m Summary
		var total, sent int64
		err := rows.Scan(&m.ID, &m.File, &m.Name, &m.Method, &m.URL, &m.Status, &m.Reason, &m.BodyBytes,
			&m.ETag, &total, &sent, &m.Err)
		if err != nil {
			return nil, fmt.Errorf("history: %w", err)
		}
		m.Total, m.Sent = time.Duration(total), time.Unix(0, sent)
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	return out, nil
}

// limit is the LIMIT value for f: -1 is none to SQLite.
func (f Filter) limit() int {
	if f.Limit <= 0 {
		return -1
	}
	return f.Limit
}

func (f Filter) where() (string, []any) {
	var conds []string
	var args []any
	if f.File != "" {
		conds, args = append(conds, "file = ?"), append(args, f.File)
	}
	if f.Name != "" {
		conds, args = append(conds, "name = ?"), append(args, f.Name)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// entryColumns are read by scanEntry, in its order.
const entryColumns = `x.id, x.file, x.name, x.sent_ns, x.received_ns, x.method, x.url, x.proto,
	d.request_headers, d.request_head, d.request_body, x.has_response, x.response_proto, x.status, x.reason,
	d.response_headers, d.response_head, x.reconstructed, d.body, bb.codec, bb.data, d.decoded, bd.codec, bd.data,
	d.extra, x.body_bytes,
	x.truncated, x.dns_ns, x.connect_ns, x.tls_ns, x.ttfb_ns, x.transfer_ns, x.total_ns, d.hops, x.error,
	x.redacted`

// entryTables joins the two halves of an exchange for entryColumns.
const entryTables = ` FROM exchanges x JOIN details d ON d.id = x.id
	LEFT JOIN bodies bb ON bb.id = d.body_ref LEFT JOIN bodies bd ON bd.id = d.decoded_ref`

// Get returns the exchange with the id, or an error wrapping ErrNotFound.
func (s *Store) Get(ctx context.Context, id int64) (Entry, error) {
	if err := s.wait(); err != nil {
		return Entry{}, err
	}
	row := s.queryRow(ctx, `SELECT `+entryColumns+entryTables+` WHERE x.id = ?`, id)
	e, err := scanEntry(row)
	if errors.Is(err, sql.ErrNoRows) {
		return Entry{}, fmt.Errorf("%w: %d", ErrNotFound, id)
	}
	if err != nil {
		return Entry{}, fmt.Errorf("history: exchange %d: %w", id, err)
	}
	return e, nil
}

// Latest returns the newest exchange of the request (file, name) that got a
// response, whatever its method; ok is false when there is none.
func (s *Store) Latest(ctx context.Context, file, name string) (e Entry, ok bool, err error) {
	return s.LatestOf(ctx, file, name, "OPTIONS")
}

// LatestOf returns the newest answer of the request (file, name) whose method
// is method, for request variables and the panes when the session has none; ok
// is false when there is none. The CORS preflight the TUI's P stores under a
// request (an OPTIONS) is no answer of a request that is not itself an OPTIONS,
// so for any other method OPTIONS exchanges are left out.
func (s *Store) LatestOf(ctx context.Context, file, name, method string) (e Entry, ok bool, err error) {
	if err := s.wait(); err != nil {
		return Entry{}, false, err
	}
	row := s.queryRow(ctx, `SELECT `+entryColumns+entryTables+`
		WHERE x.file = ? AND x.name = ? AND x.has_response AND (x.method <> 'OPTIONS' OR ? = 'OPTIONS')
		ORDER BY x.id DESC LIMIT 1`, file, name, strings.ToUpper(method))
	e, err = scanEntry(row)
	if errors.Is(err, sql.ErrNoRows) {
		return Entry{}, false, nil
	}
	if err != nil {
		return Entry{}, false, fmt.Errorf("history: latest %s %s: %w", file, name, err)
	}
	return e, true, nil
}

// Each calls fn for every exchange f selects, oldest first (the order of a HAR
// log), loading one at a time. It stops at fn's first error and returns it.
func (s *Store) Each(ctx context.Context, f Filter, fn func(Entry) error) error {
	if err := s.wait(); err != nil {
		return err
	}
	where, args := f.where()
	// Limit keeps the newest exchanges, as List does, but they come oldest first.
	query := `SELECT ` + entryColumns + entryTables + ` WHERE x.id IN (SELECT id FROM exchanges` + where +
		` ORDER BY id DESC LIMIT ?) ORDER BY x.id`
	args = append(args, f.limit())
	rows, err := s.query(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("history: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scanEntry(rows)
		if err != nil {
			return fmt.Errorf("history: %w", err)
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("history: %w", err)
	}
	return nil
}

// scanner is a *sql.Row or *sql.Rows.
type scanner interface{ Scan(dest ...any) error }

func scanEntry(sc scanner) (Entry, error) {
	var e Entry
	var sent, received int64
	var reqHeaders, rsHeaders, hops string
	var hasResponse bool
	var rs requests.Response
	var t [6]int64
	var bodyCodec, decodedCodec sql.NullString
	var bodyData, decodedData []byte
	err := sc.Scan(&e.ID, &e.File, &e.Name, &sent, &received, &e.Request.Method, &e.Request.URL,
		&e.Request.Proto, &reqHeaders, &e.Request.RawHead, &e.Request.Body, &hasResponse,
		&rs.Proto, &rs.Status, &rs.Reason, &rsHeaders, &rs.RawHead, &rs.Reconstructed,
		&rs.Body, &bodyCodec, &bodyData, &rs.Decoded, &decodedCodec, &decodedData, &rs.Extra, &e.BodyBytes, &rs.Truncated,
		&t[0], &t[1], &t[2], &t[3], &t[4], &t[5], &hops, &e.Err, &e.Redacted)
	if err != nil {
		return Entry{}, err
	}
	e.Sent = time.Unix(0, sent)
	if received != 0 {
		e.Received = time.Unix(0, received)
	}
	e.Timing = requests.Timing{DNS: time.Duration(t[0]), Connect: time.Duration(t[1]), TLS: time.Duration(t[2]),
		TTFB: time.Duration(t[3]), Transfer: time.Duration(t[4]), Total: time.Duration(t[5])}
	if err := json.Unmarshal([]byte(reqHeaders), &e.Request.Headers); err != nil {
		return Entry{}, fmt.Errorf("request headers of %d: %w", e.ID, err)
	}
	if err := json.Unmarshal([]byte(hops), &e.Hops); err != nil {
		return Entry{}, fmt.Errorf("hops of %d: %w", e.ID, err)
	}
	e.Request.Headers, e.Hops = emptyNil(e.Request.Headers), emptyNil(e.Hops)
	e.Request.RawHead, e.Request.Body = emptyNil(e.Request.RawHead), emptyNil(e.Request.Body)
	if !hasResponse {
		return e, nil
	}
	if bodyCodec.Valid {
		if rs.Body, err = decompress(bodyCodec.String, bodyData); err != nil {
			return Entry{}, fmt.Errorf("body of %d: %w", e.ID, err)
		}
	}
	if decodedCodec.Valid {
		if rs.Decoded, err = decompress(decodedCodec.String, decodedData); err != nil {
			return Entry{}, fmt.Errorf("decoded body of %d: %w", e.ID, err)
		}
	}
	if err := json.Unmarshal([]byte(rsHeaders), &rs.Headers); err != nil {
		return Entry{}, fmt.Errorf("response headers of %d: %w", e.ID, err)
	}
	rs.Headers, rs.RawHead = emptyNil(rs.Headers), emptyNil(rs.RawHead)
	rs.Body, rs.Decoded, rs.Extra = emptyNil(rs.Body), emptyNil(rs.Decoded), emptyNil(rs.Extra)
	rs.BodyBytes = int64(len(rs.Body))
	e.Response = &rs
	return e, nil
}

// emptyNil turns an empty slice into nil, so that what was stored empty reads back
// the same whether the driver returns NULL or a zero-length value.
func emptyNil[S ~[]E, E any](s S) S {
	if len(s) == 0 {
		return nil
	}
	return s
}
