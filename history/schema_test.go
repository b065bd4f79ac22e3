package history

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/httplens/httplens/requests"
)

// writeV1 makes a database as the first schema version left it, by hand: the
// schema from testdata (frozen: a released version never changes) and three rows.
func writeV1(t *testing.T) string {
	t.Helper()
	schema, err := os.ReadFile(filepath.Join("testdata", "schema-v1.sql"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	stmts := []string{string(schema), "PRAGMA user_version = 1"}
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	rows := [][]any{
		{1, int64(1e18), "tour.http", "readItem", "GET", "http://h/items/1", 200,
			"GET /items/1 HTTP/1.1\r\nHost: h\r\n\r\n", nil,
			"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nETag: \"v1\"\r\nX-Long: a\r\n b\r\n\r\n",
			[]byte("{\"a\":1}"), int64(5e6), ""},
		{2, int64(1e18) + 1, "tour.http", "update", "PUT", "http://h/items/1", 0,
			"PUT /items/1 HTTP/1.1\r\nHost: h\r\n\r\n", []byte("{}"), nil, nil, int64(1e9), "timeout"},
	}
	for _, r := range rows {
		_, err := db.Exec(`INSERT INTO exchanges (id, sent_ns, file, name, method, url, status, request_head,
			request_body, response_head, body, total_ns, error) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`, r...)
		if err != nil {
			t.Fatal(err)
		}
	}
	return path
}

func TestSchemaV1IsFrozen(t *testing.T) {
	frozen, err := os.ReadFile(filepath.Join("testdata", "schema-v1.sql"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(string(frozen)) != strings.TrimSpace(schemaV1) {
		t.Fatal("schemaV1 changed: released schemas are frozen; add a migration instead")
	}
}

func userVersion(t *testing.T, s *Store) int {
	t.Helper()
	var v int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestMigrateFromV1(t *testing.T) {
	s := openStore(t, writeV1(t), Options{})
	ctx := context.Background()
	if v := userVersion(t, s); v != SchemaVersion {
		t.Fatalf("user_version = %d, want %d", v, SchemaVersion)
	}
	var mode string
	if err := s.db.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Fatalf("journal_mode = %q, %v", mode, err)
	}
	var temp int
	if err := s.db.QueryRow("PRAGMA temp_store").Scan(&temp); err != nil || temp != 2 {
		t.Fatalf("temp_store = %d (2 is memory), %v", temp, err)
	}

	got, err := s.Get(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	wantResponse := &requests.Response{
		Proto: "HTTP/1.1", Status: 200, Reason: "OK",
		Headers: []requests.Header{{Name: "ETag", Value: `"v1"`}, {Name: "X-Long", Value: "a b"}},
		RawHead: []byte("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nETag: \"v1\"\r\nX-Long: a\r\n b\r\n\r\n"),
		Body:    []byte(`{"a":1}`), BodyBytes: 7,
	}
	if !reflect.DeepEqual(got.Response, wantResponse) {
		t.Errorf("response:\n got %+v\nwant %+v", got.Response, wantResponse)
	}
	if got.Request.Proto != "HTTP/1.1" || !reflect.DeepEqual(got.Request.Headers, []requests.Header{{Name: "Host", Value: "h"}}) {
		t.Errorf("request = %+v", got.Request)
	}
	if got.BodyBytes != 7 || got.Timing.Total != 5*time.Millisecond || !got.Sent.Equal(time.Unix(0, 1e18)) {
		t.Errorf("body bytes %d, total %v, sent %v", got.BodyBytes, got.Timing.Total, got.Sent)
	}

	failed, err := s.Get(ctx, 2)
	if err != nil {
		t.Fatal(err)
	}
	if failed.Response != nil || failed.Err != "timeout" || string(failed.Request.Body) != "{}" {
		t.Errorf("failed exchange = %+v", failed)
	}

	rows, err := s.List(ctx, Filter{})
	if err != nil || len(rows) != 2 || rows[1].ETag != `"v1"` {
		t.Fatalf("list = %+v, %v", rows, err)
	}
	// The migrated file takes new exchanges, with retention and the byte total.
	if _, err := s.Add(ctx, sample("tour.http", "readItem")); err != nil {
		t.Fatal(err)
	}
	if latest, ok, err := s.Latest(ctx, "tour.http", "readItem"); err != nil || !ok || latest.ID != 3 {
		t.Fatalf("latest = #%d, %v, %v", latest.ID, ok, err)
	}
	checkTotal(t, s)
}

func TestMigrateTwoOpenersAtOnce(t *testing.T) {
	path := writeV1(t)
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Go(func() {
			s, err := Open(path, Options{})
			if err == nil {
				err = s.Close()
			}
			errs[i] = err
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("opener %d: %v", i, err)
		}
	}
	s := openStore(t, path, Options{})
	if n, _, err := s.Size(context.Background()); err != nil || n != 2 || userVersion(t, s) != SchemaVersion {
		t.Fatalf("%d exchanges, %v, version %d", n, err, userVersion(t, s))
	}
	checkTotal(t, s)
}

func TestOpenRefusesANewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.db")
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err = Open(path, Options{})
	if err == nil || !strings.Contains(err.Error(), "99") || !strings.Contains(err.Error(), path) {
		t.Fatalf("err = %v, want one naming the file and version 99", err)
	}
}
