package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/requests"
)

// seedHistory writes a database with three exchanges: a GET with an ETag, a PUT
// answered 204, and a failed request. It returns its path.
func seedHistory(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "history.db")
	s, err := history.Open(path, history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sent := time.Date(2026, 3, 1, 10, 0, 0, 0, time.Local)
	exchanges := []struct {
		x          requests.Exchange
		file, name string
	}{
		{requests.Exchange{
			Request: requests.SentRequest{Method: "GET", URL: "http://127.0.0.1:1/items/1", Proto: "HTTP/1.1"},
			Response: &requests.Response{Proto: "HTTP/1.1", Status: 200, Reason: "OK",
				Headers: []requests.Header{{Name: "ETag", Value: `"3f2a"`}}, Body: bytes.Repeat([]byte("x"), 2048)},
			Timing: requests.Timing{Total: 12 * time.Millisecond}, Sent: sent,
		}, "tour.http", "readItem"},
		{requests.Exchange{
			Request:  requests.SentRequest{Method: "PUT", URL: "http://127.0.0.1:1/items/1", Proto: "HTTP/1.1", Body: []byte(`{}`)},
			Response: &requests.Response{Proto: "HTTP/1.1", Status: 204, Reason: "No Content"},
			Timing:   requests.Timing{Total: 1500 * time.Microsecond}, Sent: sent.Add(time.Second),
		}, "tour.http", "update"},
		{requests.Exchange{
			Request: requests.SentRequest{Method: "GET", URL: "http://127.0.0.1:1/\x1b[31mred"},
			Err:     errTest("connection refused"), Sent: sent.Add(2 * time.Second),
		}, "", ""},
	}
	for _, e := range exchanges {
		if _, err := s.Add(context.Background(), history.FromExchange(e.x, e.file, e.name)); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

type errTest string

func (e errTest) Error() string { return string(e) }

func runCmd(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errOut)
	return out.String(), errOut.String(), code
}

func TestHistoryTable(t *testing.T) {
	path := seedHistory(t)
	out, errOut, code := runCmd(t, "history", "--history", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	want := [][]string{
		{"ID", "TIME", "METHOD", "URL", "STATUS", "SIZE", "DURATION", "ETAG", "REQUEST"},
		{"3", "2026-03-01", "10:00:02", "GET", "http://127.0.0.1:1/␛[31mred", "ERR", "0", "B", "0s", "-", "-"},
		{"2", "2026-03-01", "10:00:01", "PUT", "http://127.0.0.1:1/items/1", "204", "0", "B", "2ms", "-", "tour.http#update"},
		{"1", "2026-03-01", "10:00:00", "GET", "http://127.0.0.1:1/items/1", "200", "2.0", "KiB", "12ms", `"3f2a"`, "tour.http#readItem"},
	}
	if len(lines) != len(want) {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), len(want), out)
	}
	for i, w := range want {
		if got := strings.Fields(lines[i]); strings.Join(got, "|") != strings.Join(w, "|") {
			t.Errorf("line %d = %q, want %q", i, got, w)
		}
	}
}

func TestHistoryJSONAndLimit(t *testing.T) {
	path := seedHistory(t)
	cases := []struct {
		name    string
		args    []string
		wantIDs []int64
	}{
		{"all, newest first", []string{"--json"}, []int64{3, 2, 1}},
		{"limit", []string{"--json", "--limit", "2"}, []int64{3, 2}},
		{"limit 0 is all", []string{"--json", "--limit", "0"}, []int64{3, 2, 1}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, errOut, code := runCmd(t, append([]string{"history", "--history", path}, c.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var rows []historyRow
			if err := json.Unmarshal([]byte(out), &rows); err != nil {
				t.Fatal(err)
			}
			var ids []int64
			for _, r := range rows {
				ids = append(ids, r.ID)
			}
			if !reflect.DeepEqual(ids, c.wantIDs) {
				t.Fatalf("ids %v, want %v", ids, c.wantIDs)
			}
			last := rows[len(rows)-1]
			if c.name != "limit" && (last.ETag != `"3f2a"` || last.BodyBytes != 2048 || last.DurationMS != 12 || last.Name != "readItem") {
				t.Fatalf("oldest row = %+v", last)
			}
		})
	}
}

func TestHistoryDatabaseChoice(t *testing.T) {
	seeded := seedHistory(t)
	missing := filepath.Join(t.TempDir(), "none.db")
	cases := []struct {
		name   string
		env    string
		args   []string
		wantN  int
		wantDB string // a file that must not have been created, when set
	}{
		{"environment", seeded, nil, 3, ""},
		{"flag wins over environment", missing, []string{"--history", seeded}, 3, ""},
		{"no database yet: empty, nothing created", missing, nil, 0, missing},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv(history.EnvPath, c.env)
			out, errOut, code := runCmd(t, append([]string{"history", "--json"}, c.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var rows []historyRow
			if err := json.Unmarshal([]byte(out), &rows); err != nil || len(rows) != c.wantN {
				t.Fatalf("%d rows (%v), want %d:\n%s", len(rows), err, c.wantN, out)
			}
			if c.wantDB != "" {
				if _, err := os.Stat(c.wantDB); !os.IsNotExist(err) {
					t.Fatalf("%s was created", c.wantDB)
				}
			}
		})
	}
}

func TestHistoryBadUsage(t *testing.T) {
	_, errOut, code := runCmd(t, "history", "--limit", "-1", "--history", seedHistory(t))
	if code != exitUsage || !strings.Contains(errOut, "--limit -1") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
}
