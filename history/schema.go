package history

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
)

// A migration moves the schema from version i to i+1 (PRAGMA user_version), inside
// the transaction that also sets the new version.
type migration func(ctx context.Context, tx *sql.Tx) error

// migrations lists every schema step in order; a new database runs them all, so
// the path an old file takes is the path every file takes.
func migrations() []migration {
	return []migration{migrateV1, migrateV2}
}

// SchemaVersion is the schema version this package writes.
const SchemaVersion = 2

// migrate brings db to SchemaVersion. The version is read again inside an
// IMMEDIATE transaction, so two processes opening an old file at once migrate it
// once: the second waits for the first and then finds nothing left to do.
func migrate(ctx context.Context, db *sql.DB) error {
	steps := migrations()
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

// schemaV2 adds the parsed fields (so reopening needs no parsing), the timing
// phases, the full body length, the ETag for listings, a per-request index for
// retention, and a running byte total kept by triggers so the size cap costs
// one row read per Add.
const schemaV2 = `
ALTER TABLE exchanges ADD COLUMN received_ns      INTEGER NOT NULL DEFAULT 0;
ALTER TABLE exchanges ADD COLUMN proto            TEXT    NOT NULL DEFAULT '';
ALTER TABLE exchanges ADD COLUMN request_headers  TEXT    NOT NULL DEFAULT '[]';
ALTER TABLE exchanges ADD COLUMN has_response     INTEGER NOT NULL DEFAULT 0;
ALTER TABLE exchanges ADD COLUMN response_proto   TEXT    NOT NULL DEFAULT '';
ALTER TABLE exchanges ADD COLUMN reason           TEXT    NOT NULL DEFAULT '';
ALTER TABLE exchanges ADD COLUMN response_headers TEXT    NOT NULL DEFAULT '[]';
ALTER TABLE exchanges ADD COLUMN reconstructed    INTEGER NOT NULL DEFAULT 0;
ALTER TABLE exchanges ADD COLUMN decoded          BLOB;
ALTER TABLE exchanges ADD COLUMN extra            BLOB;
ALTER TABLE exchanges ADD COLUMN body_bytes       INTEGER NOT NULL DEFAULT 0;
ALTER TABLE exchanges ADD COLUMN truncated        INTEGER NOT NULL DEFAULT 0;
ALTER TABLE exchanges ADD COLUMN etag             TEXT    NOT NULL DEFAULT '';
ALTER TABLE exchanges ADD COLUMN dns_ns           INTEGER NOT NULL DEFAULT 0;
ALTER TABLE exchanges ADD COLUMN connect_ns       INTEGER NOT NULL DEFAULT 0;
ALTER TABLE exchanges ADD COLUMN tls_ns           INTEGER NOT NULL DEFAULT 0;
ALTER TABLE exchanges ADD COLUMN ttfb_ns          INTEGER NOT NULL DEFAULT 0;
ALTER TABLE exchanges ADD COLUMN transfer_ns      INTEGER NOT NULL DEFAULT 0;
ALTER TABLE exchanges ADD COLUMN hops             TEXT    NOT NULL DEFAULT '[]';
ALTER TABLE exchanges ADD COLUMN redacted         INTEGER NOT NULL DEFAULT 0;
ALTER TABLE exchanges ADD COLUMN size             INTEGER NOT NULL DEFAULT 0;
CREATE INDEX exchanges_by_request ON exchanges(file, name, id);
CREATE TABLE totals (id INTEGER PRIMARY KEY CHECK (id = 1), bytes INTEGER NOT NULL);
CREATE TRIGGER exchanges_added AFTER INSERT ON exchanges BEGIN
	UPDATE totals SET bytes = bytes + NEW.size WHERE id = 1;
END;
CREATE TRIGGER exchanges_deleted AFTER DELETE ON exchanges BEGIN
	UPDATE totals SET bytes = bytes - OLD.size WHERE id = 1;
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

// backfillV2 fills the new columns of version-1 rows from what they kept: the
// headers and reason are parsed from the raw heads, the ETag from the headers.
func backfillV2(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, request_head, response_head, body FROM exchanges`)
	if err != nil {
		return err
	}
	type fill struct {
		id                 int64
		reqHeaders, rsHead []byte
		proto, rsProto     string
		reason             string
		rsHeaders          []byte
		etag               string
		bodyLen            int
	}
	var fills []fill
	for rows.Next() {
		var f fill
		var reqHead, body []byte
		if err := rows.Scan(&f.id, &reqHead, &f.rsHead, &body); err != nil {
			rows.Close()
			return err
		}
		req := parseHead(reqHead)
		rs := parseHead(f.rsHead)
		f.proto, f.rsProto, f.reason = req.proto(), rs.first[0], rs.reason()
		f.reqHeaders, _ = json.Marshal(nonNil(req.headers))
		f.rsHeaders, _ = json.Marshal(nonNil(rs.headers))
		f.etag = headerValue(rs.headers, "ETag")
		f.bodyLen = len(body)
		fills = append(fills, f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, f := range fills {
		_, err := tx.ExecContext(ctx, `UPDATE exchanges SET
			proto = ?, request_headers = ?, has_response = (status > 0), response_proto = ?,
			reason = ?, response_headers = ?, body_bytes = ?, etag = ?,
			size = COALESCE(LENGTH(request_head), 0) + COALESCE(LENGTH(request_body), 0)
			     + COALESCE(LENGTH(response_head), 0) + COALESCE(LENGTH(body), 0)
			     + LENGTH(CAST(? AS BLOB)) + LENGTH(CAST(? AS BLOB))
			WHERE id = ?`,
			f.proto, string(f.reqHeaders), f.rsProto, f.reason, string(f.rsHeaders),
			f.bodyLen, f.etag, string(f.reqHeaders), string(f.rsHeaders), f.id)
		if err != nil {
			return err
		}
	}
	return nil
}
