package history

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/httplens/httplens/requests"
)

func TestRedactParams(t *testing.T) {
	r := newRedactor([]string{"SID"})
	cases := []struct{ in, want string }{
		{"http://h/x?access_token=abc&page=2", "http://h/x?access_token=[redacted]&page=2"},
		{"http://h/x?page=2&Token=abc#frag", "http://h/x?page=2&Token=[redacted]#frag"},
		{"http://h/cb#access_token=abc&state=s", "http://h/cb#access_token=[redacted]&state=s"},
		{"http://h/x?api%5Fkey=abc", "http://h/x?api%5Fkey=[redacted]"},
		{"http://h/x?sid=1&keyboard=us&monkey=2", "http://h/x?sid=[redacted]&keyboard=us&monkey=2"},
		{`Get "http://h/x?password=hunter2": connection refused`, `Get "http://h/x?password=[redacted]": connection refused`},
		{"GET /x?key=k1&secret=s1 HTTP/1.1", "GET /x?key=[redacted]&secret=[redacted] HTTP/1.1"},
		{"http://h/x?token=", "http://h/x?token="},
		{"http://h/x?q=a=b", "http://h/x?q=a=b"},
		{"no url here", "no url here"},
	}
	for _, c := range cases {
		got, changed := r.params(c.in)
		if got != c.want || changed != (c.in != c.want) {
			t.Errorf("params(%q) = %q %v, want %q", c.in, got, changed, c.want)
		}
	}
}

// Every place a secret header or parameter can reach the database is redacted,
// the user's own names too; nothing else changes.
func TestSecretCarriersRedacted(t *testing.T) {
	s := tempStore(t, Options{SecretNames: []string{"X-Tenant-Secret", "otp"}})
	e := sample("a.http", "carriers")
	e.Request.URL = "http://127.0.0.1:8080/items?access_token=T1&otp=T2&page=1"
	e.Request.Headers = []requests.Header{
		{Name: "X-Api-Key", Value: "T3"}, {Name: "api-key", Value: "T4"}, {Name: "X-Auth-Token", Value: "T5"},
		{Name: "Proxy-Authorization", Value: "Basic T6"}, {Name: "x-tenant-secret", Value: "T7"},
		{Name: "Accept", Value: "application/json"},
	}
	e.Request.RawHead = []byte("GET /items?access_token=T1&otp=T2&page=1 HTTP/1.1\r\nX-Api-Key: T3\r\napi-key: T4\r\n" +
		"X-Auth-Token: T5\r\nProxy-Authorization: Basic T6\r\nx-tenant-secret: T7\r\nAccept: application/json\r\n\r\n")
	e.Response.Headers = []requests.Header{{Name: "Location", Value: "/next?token=T8&page=2"}}
	e.Response.RawHead = []byte("HTTP/1.1 302 Found\r\nLocation: /next?token=T8&page=2\r\n\r\n")
	e.Hops = []requests.Hop{{Method: "GET", URL: "http://127.0.0.1:8080/start?key=T9", Status: 302, Location: "/items?access_token=T1"}}
	e.Err = `Get "http://127.0.0.1:8080/next?token=T8": EOF`
	id, err := s.Add(context.Background(), e)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Get(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Redacted {
		t.Error("Redacted not set")
	}
	// Read the raw rows: no secret anywhere in the file's tables.
	dump := dumpDB(t, s.path)
	for i := 1; i <= 9; i++ {
		secret := "T" + string(rune('0'+i))
		if strings.Contains(dump, secret) {
			t.Errorf("%s is stored:\n%s", secret, dump)
		}
	}
	for _, kept := range []string{"page=1", "page=2", "application/json", "Basic [redacted]", "/next?token=[redacted]"} {
		if !strings.Contains(dump, kept) {
			t.Errorf("%q is missing from the stored exchange:\n%s", kept, dump)
		}
	}
	if e.Request.URL != "http://127.0.0.1:8080/items?access_token=T1&otp=T2&page=1" || e.Hops[0].URL != "http://127.0.0.1:8080/start?key=T9" {
		t.Error("Add changed the caller's entry")
	}
}

// dumpDB is every text and blob cell of every table, for a test to search.
func dumpDB(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT name FROM sqlite_master WHERE type = 'table'`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	var b strings.Builder
	for _, tb := range tables {
		rs, err := db.Query(`SELECT * FROM "` + tb + `"`)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rs.Columns()
		for rs.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			rs.Scan(ptrs...)
			for _, v := range vals {
				switch v := v.(type) {
				case string:
					b.WriteString(v + "\n")
				case []byte:
					b.Write(v)
					b.WriteString("\n")
				}
			}
		}
		rs.Close()
	}
	return b.String()
}

// The database and its -wal and -shm are the owner's only, in any folder; an
// older, wider file is narrowed on open.
func TestDatabaseFilesPrivate(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "h.db")
	s := openStore(t, path, Options{})
	if _, err := s.Add(context.Background(), secretEntry()); err != nil {
		t.Fatal(err)
	}
	checkPrivate(t, path)
	s.Close()

	old := filepath.Join(dir, "old.db")
	s2 := openStore(t, old, Options{})
	s2.Close()
	for _, p := range []string{old, old + "-wal", old + "-shm"} {
		os.Chmod(p, 0o644)
	}
	s3 := openStore(t, old, Options{})
	if _, err := s3.Add(context.Background(), secretEntry()); err != nil {
		t.Fatal(err)
	}
	checkPrivate(t, old)
}

func checkPrivate(t *testing.T, db string) {
	t.Helper()
	fi, err := os.Stat(filepath.Dir(db))
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm()&0o077 != 0 && filepath.Base(filepath.Dir(db)) == "sub" {
		t.Errorf("%s: folder mode %v", filepath.Dir(db), fi.Mode().Perm())
	}
	for _, p := range []string{db, db + "-wal", db + "-shm"} {
		fi, err := os.Stat(p)
		if err != nil {
			if os.IsNotExist(err) && p != db {
				continue
			}
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, want 0600", p, fi.Mode().Perm())
		}
	}
}
