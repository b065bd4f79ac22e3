package history

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func countBodies(t *testing.T, s *Store) (rows int, stored int64) {
	t.Helper()
	if err := s.db.QueryRow(`SELECT COUNT(*), COALESCE(SUM(LENGTH(data)), 0) FROM bodies`).Scan(&rows, &stored); err != nil {
		t.Fatal(err)
	}
	return rows, stored
}

func TestLargeBodiesAreCompressedAndStoredOnce(t *testing.T) {
	s := tempStore(t, Options{KeepPerRequest: -1})
	ctx := context.Background()
	body := []byte(strings.Repeat(`{"id": 1, "name": "a bike", "station": "Kreuzberg"},`, 20_000)) // ~1 MB of JSON
	e := sample("a.http", "big")
	e.Response.Body = body
	e.BodyBytes = int64(len(body))
	var ids []int64
	for range 3 {
		id, err := s.Add(ctx, e)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	rows, stored := countBodies(t, s)
	if rows != 1 || stored >= int64(len(body))/10 {
		t.Fatalf("%d body rows holding %d bytes for 3 exchanges of one %d-byte body; want 1 row, compressed", rows, stored, len(body))
	}
	for _, id := range ids {
		got, err := s.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Response.Body, body) || got.BodyBytes != int64(len(body)) || got.Response.Truncated {
			t.Fatalf("exchange %d reads back %d bytes (of %d), truncated %v", id, len(got.Response.Body), got.BodyBytes, got.Response.Truncated)
		}
	}
	// The body goes with the last exchange that uses it, not before.
	if _, err := s.db.Exec(`DELETE FROM exchanges WHERE id IN (?, ?)`, ids[0], ids[1]); err != nil {
		t.Fatal(err)
	}
	if rows, _ := countBodies(t, s); rows != 1 {
		t.Fatalf("%d body rows while an exchange still uses it", rows)
	}
	if _, err := s.db.Exec(`DELETE FROM exchanges WHERE id = ?`, ids[2]); err != nil {
		t.Fatal(err)
	}
	if rows, _ := countBodies(t, s); rows != 0 {
		t.Fatalf("%d body rows left after the last exchange went", rows)
	}
}

func TestBodiesStayInlineWhenSmallAndRawWhenIncompressible(t *testing.T) {
	s := tempStore(t, Options{})
	ctx := context.Background()
	for _, c := range []struct {
		name    string
		body    []byte
		rows    int
		codec   string
		decoded []byte
	}{
		{"small body inline", []byte(`{"ok": true}`), 0, "", nil},
		{"incompressible body stored as is", noise(8 << 10), 1, "", nil},
		{"decoded body stored too", []byte(strings.Repeat("gzip ", 1000)), 1, codecDeflate, []byte(strings.Repeat("text ", 2000))},
	} {
		t.Run(c.name, func(t *testing.T) {
			s.db.Exec(`DELETE FROM exchanges`)
			e := sample("a.http", c.name)
			e.Response.Body, e.Response.Decoded = c.body, c.decoded
			id, err := s.Add(ctx, e)
			if err != nil {
				t.Fatal(err)
			}
			var codec string
			s.db.QueryRow(`SELECT codec FROM bodies b JOIN details d ON b.id = d.body_ref WHERE d.id = ?`, id).Scan(&codec)
			rows, _ := countBodies(t, s)
			if c.decoded != nil {
				rows-- // the decoded body has its row too
			}
			if rows != c.rows || codec != c.codec {
				t.Fatalf("%d body rows, codec %q; want %d, %q", rows, codec, c.rows, c.codec)
			}
			got, err := s.Get(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Response.Body, c.body) || !bytes.Equal(got.Response.Decoded, c.decoded) {
				t.Fatalf("read back %d body bytes, %d decoded; want %d, %d", len(got.Response.Body), len(got.Response.Decoded), len(c.body), len(c.decoded))
			}
		})
	}
}

func TestUnknownCodecIsAnError(t *testing.T) {
	if _, err := decompress("zstd", []byte("x")); err == nil || !strings.Contains(err.Error(), `unknown codec "zstd"`) {
		t.Fatalf("err %v", err)
	}
}

// A batch that records the same large body many times (and another one between)
// stores each body once, every exchange reads its own back, and each counts
// the body's stored size as a single Add would.
func TestAddAllSharesBodiesWithinTheBatch(t *testing.T) {
	s := tempStore(t, Options{KeepPerRequest: -1})
	ctx := context.Background()
	a := bytes.Repeat([]byte("polled "), 500)
	b := bytes.Repeat([]byte("image! "), 400)
	var batch []Entry
	for i, body := range [][]byte{a, b, a, a, b, a} {
		e := sample("proxy", "GET /"+string(rune('a'+i)))
		e.Response.Body, e.BodyBytes = body, int64(len(body))
		if i == 3 {
			e.Response.Decoded = a // the same bytes as a decoded body too
		}
		batch = append(batch, e)
	}
	ids, err := s.AddAll(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	if rows, _ := countBodies(t, s); rows != 2 {
		t.Errorf("%d body rows for two distinct bodies", rows)
	}
	for i, id := range ids {
		got, err := s.Get(ctx, id)
		if err != nil || !bytes.Equal(got.Response.Body, batch[i].Response.Body) ||
			!bytes.Equal(got.Response.Decoded, batch[i].Response.Decoded) {
			t.Fatalf("exchange %d reads back %d body bytes, %d decoded (%v)", i, len(got.Response.Body), len(got.Response.Decoded), err)
		}
	}
	checkTotal(t, s)
	// Sizes as separate Adds count them.
	one := tempStore(t, Options{KeepPerRequest: -1})
	for _, e := range batch {
		if _, err := one.Add(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	_, want, _ := one.Size(ctx)
	if _, got, _ := s.Size(ctx); got != want {
		t.Errorf("the batch counts %d bytes, single adds %d", got, want)
	}
}
