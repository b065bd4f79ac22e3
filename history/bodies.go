package history

import (
	"bytes"
	"compress/flate"
	"context"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"io"
)

// Large bodies live in their own table, compressed and keyed by their SHA-256, so
// that sending the same request again (the usual loop while debugging) stores the
// body once, and a 2 MiB JSON body costs a few hundred KiB. Small ones stay inline
// in details: a lookup would cost more than it saves.

// inlineBody is the size under which a body stays in its details row.
const inlineBody = 1 << 10

// codecDeflate marks data compressed with compress/flate; "" is stored as is.
const codecDeflate = "deflate"

// bodyRef is a body on its way to the bodies table: its bytes and their hash,
// or for a body that streamed in, the BodyWriter that hashed and compressed it.
type bodyRef struct {
	data   []byte
	hash   [sha256.Size]byte
	stream *BodyWriter
}

// encoded returns the body as its row stores it.
func (b *bodyRef) encoded() (codec string, data []byte) {
	if b.stream != nil {
		// Compressed whatever the outcome: the plain bytes were not kept to
		// compare with, and framing adds 0.02 % to bytes it cannot shrink.
		return codecSnappy, b.stream.out.Bytes()
	}
	return compress(b.data)
}

// newBodyRef returns the reference for b, or nil when b stays inline.
func newBodyRef(b []byte) *bodyRef {
	if len(b) < inlineBody {
		return nil
	}
	return &bodyRef{data: b, hash: sha256.Sum256(b)}
}

const (
	findBody   = `SELECT id, LENGTH(data) FROM bodies WHERE hash = ?`
	insertBody = `INSERT INTO bodies (hash, codec, data) VALUES (?, ?, ?)`
)

// storeBody returns the id of the body in the bodies table, inserting it
// (compressed) when no body with the same bytes is there yet, and the bytes its
// row takes, which Add counts against MaxBytes for every exchange that uses it.
func storeBody(ctx context.Context, tx *writeTx, b *bodyRef) (id sql.NullInt64, size int64, err error) {
	if b == nil {
		return id, 0, nil
	}
	if got, ok := tx.bodies[b.hash]; ok {
		return got.id, got.size, nil
	}
	defer func() {
		if err == nil {
			if tx.bodies == nil {
				tx.bodies = map[[32]byte]storedBody{}
			}
			tx.bodies[b.hash] = storedBody{id, size}
		}
	}()
	err = tx.queryRow(ctx, []any{&id, &size}, findBody, b.hash[:])
	if err == nil || err != sql.ErrNoRows {
		return id, size, err
	}
	codec, data := b.encoded()
	res, err := tx.exec(ctx, insertBody, b.hash[:], codec, data)
	if err != nil {
		return id, 0, err
	}
	id.Int64, err = res.LastInsertId()
	id.Valid = err == nil
	return id, int64(len(data)), err
}

// compress deflates b at the fastest level (bodies are text more often than not:
// JSON, HTML, logs), keeping b as is when that does not make it smaller.
func compress(b []byte) (codec string, data []byte) {
	var buf bytes.Buffer
	buf.Grow(len(b) / 4)
	w, _ := flate.NewWriter(&buf, flate.BestSpeed) // only fails on a bad level
	w.Write(b)                                     // a bytes.Buffer does not fail
	w.Close()
	if buf.Len() >= len(b) {
		return "", b
	}
	return codecDeflate, buf.Bytes()
}

// decompress undoes compress; a row from a later httplens with a codec this one
// does not know is an error, not garbage.
func decompress(codec string, data []byte) ([]byte, error) {
	switch codec {
	case "":
		return data, nil
	case codecDeflate:
		b, err := io.ReadAll(flate.NewReader(bytes.NewReader(data)))
		if err != nil {
			return nil, fmt.Errorf("stored body: %w", err)
		}
		return b, nil
	case codecSnappy:
		b, err := snappyBytes(data)
		if err != nil {
			return nil, fmt.Errorf("stored body: %w", err)
		}
		return b, nil
	}
	return nil, fmt.Errorf("stored body: unknown codec %q", codec)
}

// schemaV4 adds the bodies table. details gains references to it for the body
// and the decoded body; a details row without them keeps its bytes inline, as
// every row written before did. A body goes when the last row using it does.
const schemaV4 = `
CREATE TABLE bodies (
	id    INTEGER PRIMARY KEY,
	hash  BLOB NOT NULL UNIQUE,
	codec TEXT NOT NULL DEFAULT '',
	data  BLOB NOT NULL
);
ALTER TABLE details ADD COLUMN body_ref INTEGER;
ALTER TABLE details ADD COLUMN decoded_ref INTEGER;
CREATE INDEX details_by_body ON details(body_ref) WHERE body_ref IS NOT NULL;
CREATE INDEX details_by_decoded ON details(decoded_ref) WHERE decoded_ref IS NOT NULL;
CREATE TRIGGER details_deleted AFTER DELETE ON details BEGIN
	DELETE FROM bodies WHERE id IN (OLD.body_ref, OLD.decoded_ref)
		AND NOT EXISTS (SELECT 1 FROM details WHERE body_ref = bodies.id)
		AND NOT EXISTS (SELECT 1 FROM details WHERE decoded_ref = bodies.id);
END;`

func migrateV4(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, schemaV4)
	return err
}
