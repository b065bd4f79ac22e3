package history

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/httplens/httplens/headers"
)

// A migration moves the schema from version i to i+1 (PRAGMA user_version), inside
// the transaction that also sets the new version.
type migration func(ctx context.Context, tx *sql.Tx) error

// migrations lists every schema step in order; a new database runs them all, so
// the path an old file takes is the path every file takes.
func migrations() []migration {
	return []migration{migrateV1, migrateV2, migrateV3, migrateV4}
}

// SchemaVersion is the schema version this package writes.
const SchemaVersion = 4

// migrate brings db to SchemaVersion. The version is read again inside an
// IMMEDIATE transaction, so two processes opening an old file at once migrate it
// once: the second waits for the first and then finds nothing left to do.
func migrate(ctx context.Context, db *sql.DB) error {
	steps := migrations()
	// The common case, a current file, is checked without the write lock: a
	// command must not wait for another process's write before it even sends.
	var v int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err == nil && v == len(steps) {
		return nil
	}
	for {
		done, err := migrateOnce(ctx, db, steps)
		if err != nil || done {
			return err
		}
	}
}

// migrateOnce applies the next step, if any, and reports whether the schema is
// current.
func migrateOnce(ctx context.Context, db *sql.DB, steps []migration) (bool, error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer tx.Rollback()
	var v int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return false, err
	}
	if v > len(steps) {
		return false, fmt.Errorf("schema version %d is newer than this httplens knows (%d)", v, len(steps))
	}
	if v == len(steps) {
		return true, nil
	}
	if err := steps[v](ctx, tx); err != nil {
		return false, fmt.Errorf("migrating schema to version %d: %w", v+1, err)
	}
	// PRAGMA takes no bound parameters; v is an int we control.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", v+1)); err != nil {
		return false, err
	}
	return v+1 == len(steps), tx.Commit()
}

// schemaV1 is the first schema: one row per exchange with the raw heads and body.
const schemaV1 = `
CREATE TABLE exchanges (
	id            INTEGER PRIMARY KEY,
	sent_ns       INTEGER NOT NULL,
	file          TEXT    NOT NULL DEFAULT '',
	name          TEXT    NOT NULL DEFAULT '',
	method        TEXT    NOT NULL,
	url           TEXT    NOT NULL,
	status        INTEGER NOT NULL DEFAULT 0,
	request_head  BLOB,
	request_body  BLOB,
	response_head BLOB,
	body          BLOB,
	total_ns      INTEGER NOT NULL DEFAULT 0,
	error         TEXT    NOT NULL DEFAULT ''
);`

func migrateV1(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, schemaV1)
	return err
}

// schemaV2 splits each exchange in two. exchanges keeps the small fields a listing
// reads, so listing 10,000 exchanges never touches a body (SQLite reads a row's
// columns in order, through the overflow pages of any blob before them); details
// keeps the heads, headers and bodies that only Get needs. It adds the parsed
// fields (reopening needs no parsing), the timing phases, the full body length,
// the ETag, a per-request index for retention, and a byte total kept by triggers
// so the size cap costs one row read per Add.
const schemaV2 = `
CREATE TABLE exchanges_v2 (
	id             INTEGER PRIMARY KEY,
	sent_ns        INTEGER NOT NULL,
	received_ns    INTEGER NOT NULL DEFAULT 0,
	file           TEXT    NOT NULL DEFAULT '',
	name           TEXT    NOT NULL DEFAULT '',
	method         TEXT    NOT NULL,
	url            TEXT    NOT NULL,
	proto          TEXT    NOT NULL DEFAULT '',
	has_response   INTEGER NOT NULL DEFAULT 0,
	response_proto TEXT    NOT NULL DEFAULT '',
	status         INTEGER NOT NULL DEFAULT 0,
	reason         TEXT    NOT NULL DEFAULT '',
	reconstructed  INTEGER NOT NULL DEFAULT 0,
	body_bytes     INTEGER NOT NULL DEFAULT 0,
	truncated      INTEGER NOT NULL DEFAULT 0,
	etag           TEXT    NOT NULL DEFAULT '',
	dns_ns         INTEGER NOT NULL DEFAULT 0,
	connect_ns     INTEGER NOT NULL DEFAULT 0,
	tls_ns         INTEGER NOT NULL DEFAULT 0,
	ttfb_ns        INTEGER NOT NULL DEFAULT 0,
	transfer_ns    INTEGER NOT NULL DEFAULT 0,
	total_ns       INTEGER NOT NULL DEFAULT 0,
	error          TEXT    NOT NULL DEFAULT '',
	redacted       INTEGER NOT NULL DEFAULT 0,
	size           INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE details (
	id               INTEGER PRIMARY KEY,
	request_headers  TEXT NOT NULL DEFAULT '[]',
	response_headers TEXT NOT NULL DEFAULT '[]',
	hops             TEXT NOT NULL DEFAULT '[]',
	request_head     BLOB,
	request_body     BLOB,
	response_head    BLOB,
	body             BLOB,
	decoded          BLOB,
	extra            BLOB
);
INSERT INTO exchanges_v2 (id, sent_ns, file, name, method, url, has_response, status, total_ns, error)
	SELECT id, sent_ns, file, name, method, url, status > 0, status, total_ns, error FROM exchanges;
INSERT INTO details (id, request_head, request_body, response_head, body)
	SELECT id, request_head, request_body, response_head, body FROM exchanges;
DROP TABLE exchanges;
ALTER TABLE exchanges_v2 RENAME TO exchanges;
CREATE INDEX exchanges_by_request ON exchanges(file, name, id);
CREATE TABLE totals (id INTEGER PRIMARY KEY CHECK (id = 1), bytes INTEGER NOT NULL);
CREATE TRIGGER exchanges_added AFTER INSERT ON exchanges BEGIN
	UPDATE totals SET bytes = bytes + NEW.size WHERE id = 1;
END;
CREATE TRIGGER exchanges_deleted AFTER DELETE ON exchanges BEGIN
	UPDATE totals SET bytes = bytes - OLD.size WHERE id = 1;
	DELETE FROM details WHERE id = OLD.id;
END;`

func migrateV2(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, schemaV2); err != nil {
		return err
	}
	if err := backfillV2(ctx, tx); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO totals (id, bytes) SELECT 1, COALESCE(SUM(size), 0) FROM exchanges`)
	return err
}

// v1Fill is what backfillV2 learns about one version-1 row from its raw heads.
type v1Fill struct {
	id                     int64
	proto, rsProto, reason string
	reqHeaders, rsHeaders  []byte
	etag                   string
	bodyLen, size          int64
}

// backfillV2 fills the new fields of version-1 rows from what they kept: the
// headers and reason are parsed from the raw heads, the ETag from the headers.
func backfillV2(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, request_head, response_head,
		COALESCE(LENGTH(request_body), 0), COALESCE(LENGTH(body), 0) FROM details`)
	if err != nil {
		return err
	}
	var fills []v1Fill
	for rows.Next() {
		var f v1Fill
		var reqHead, rsHead []byte
		var reqBodyLen int64
		if err := rows.Scan(&f.id, &reqHead, &rsHead, &reqBodyLen, &f.bodyLen); err != nil {
			rows.Close()
			return err
		}
		req, rs := parseHead(reqHead), parseHead(rsHead)
		f.proto, f.rsProto, f.reason = req.proto(), rs.first[0], rs.reason()
		f.reqHeaders, _ = json.Marshal(nonNil(req.headers))
		f.rsHeaders, _ = json.Marshal(nonNil(rs.headers))
		f.etag = headers.List(rs.headers).Get("ETag")
		f.size = int64(len(reqHead)+len(rsHead)+len(f.reqHeaders)+len(f.rsHeaders)) + reqBodyLen + f.bodyLen
		fills = append(fills, f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, f := range fills {
		_, err := tx.ExecContext(ctx, `UPDATE exchanges SET proto = ?, response_proto = ?, reason = ?,
			body_bytes = ?, etag = ?, size = ? WHERE id = ?`,
			f.proto, f.rsProto, f.reason, f.bodyLen, f.etag, f.size, f.id)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE details SET request_headers = ?, response_headers = ? WHERE id = ?`,
			string(f.reqHeaders), string(f.rsHeaders), f.id)
		if err != nil {
			return err
		}
	}
	return nil
}

// schemaV3 adds the cookie jars: one set of cookies per environment ("" when none
// is chosen), keyed as RFC 6265 §5.3 keys a cookie (domain, path, name).
const schemaV3 = `
CREATE TABLE cookies (
	env        TEXT    NOT NULL,
	domain     TEXT    NOT NULL,
	path       TEXT    NOT NULL,
	name       TEXT    NOT NULL,
	value      TEXT    NOT NULL DEFAULT '',
	host_only  INTEGER NOT NULL DEFAULT 1,
	expires_ns INTEGER NOT NULL DEFAULT 0,
	secure     INTEGER NOT NULL DEFAULT 0,
	http_only  INTEGER NOT NULL DEFAULT 0,
	same_site  TEXT    NOT NULL DEFAULT '',
	created_ns INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (env, domain, path, name)
);`

func migrateV3(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, schemaV3)
	return err
}
