package history

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/httplens/httplens/requests"
)

func openStore(t testing.TB, path string, opts Options) *Store {
	t.Helper()
	s, err := Open(path, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func tempStore(t testing.TB, opts Options) *Store {
	t.Helper()
	return openStore(t, filepath.Join(t.TempDir(), "history.db"), opts)
}

// sample is a GET of /items/1 answered 200 with a JSON body and an ETag.
func sample(file, name string) Entry {
	sent := time.Unix(1_700_000_000, 123_456_789)
	return Entry{
		File: file,
		Name: name,
		Request: requests.SentRequest{
			Method:  "GET",
			URL:     "http://127.0.0.1:8080/items/1",
			Proto:   "HTTP/1.1",
			Headers: []requests.Header{{Name: "Host", Value: "127.0.0.1:8080"}, {Name: "accept", Value: "application/json"}},
			RawHead: []byte("GET /items/1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\naccept: application/json\r\n\r\n"),
		},
		Response: &requests.Response{
			Proto:     "HTTP/1.1",
			Status:    200,
			Reason:    "OK",
			Headers:   []requests.Header{{Name: "Etag", Value: `"3f2a"`}, {Name: "Content-Length", Value: "14"}},
			RawHead:   []byte("HTTP/1.1 200 OK\r\nEtag: \"3f2a\"\r\nContent-Length: 14\r\n\r\n"),
			Body:      []byte(`{"name":"one"}`),
			BodyBytes: 14,
		},
		BodyBytes: 14,
		Timing: requests.Timing{DNS: 1, Connect: 2 * time.Millisecond, TLS: 3, TTFB: 4 * time.Millisecond,
			Transfer: 5, Total: 9 * time.Millisecond},
		Sent:     sent,
		Received: sent.Add(7 * time.Millisecond),
	}
}

func TestAddGetRoundTrip(t *testing.T) {
	binary := make([]byte, 512)
	for i := range binary {
		binary[i] = byte(i * 7) // every byte value, invalid UTF-8 and NULs included
	}
	cases := []struct {
		name string
		edit func(e *Entry)
	}{
		{"json body with an ETag", func(e *Entry) {}},
		{"binary body, gzip decoded and extra bytes", func(e *Entry) {
			e.Response.Body, e.Response.BodyBytes, e.BodyBytes = binary, int64(len(binary)), int64(len(binary))
			e.Response.Decoded = []byte("decoded \x00 text")
			e.Response.Extra = []byte("\x00\xffafter")
		}},
		{"PUT with a binary request body", func(e *Entry) {
			e.Request.Method, e.Request.Body = "PUT", binary[:100]
		}},
		{"204 without a body", func(e *Entry) {
			e.Response.Status, e.Response.Reason, e.Response.Body, e.Response.BodyBytes, e.BodyBytes = 204, "No Content", nil, 0, 0
		}},
		{"no response: connection refused", func(e *Entry) {
			e.Response, e.BodyBytes, e.Received = nil, 0, time.Time{}
			e.Err = "dial tcp 127.0.0.1:1: connect: connection refused"
		}},
		{"redirects followed, HTTP/2 head rebuilt, truncated", func(e *Entry) {
			e.Hops = []requests.Hop{{Method: "GET", URL: "http://a/", Status: 301, Location: "http://b/"}}
			e.Response.Reconstructed, e.Response.Truncated = true, true
		}},
		{"ad-hoc request: no file, no name", func(e *Entry) { e.File, e.Name = "", "" }},
	}
	s := tempStore(t, Options{})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			want := sample("tour.http", "readItem")
			c.edit(&want)
			id, err := s.Add(context.Background(), want)
			if err != nil {
				t.Fatal(err)
			}
			got, err := s.Get(context.Background(), id)
			if err != nil {
				t.Fatal(err)
			}
			want.ID = id
			assertSameEntry(t, got, want)
		})
	}
}

// assertSameEntry compares every field, byte for byte.
func assertSameEntry(t *testing.T, got, want Entry) {
	t.Helper()
	if !got.Sent.Equal(want.Sent) || !got.Received.Equal(want.Received) {
		t.Errorf("times = %v, %v; want %v, %v", got.Sent, got.Received, want.Sent, want.Received)
	}
	got.Sent, got.Received, want.Sent, want.Received = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	if got.Response != nil && want.Response != nil {
		gr, wr := *got.Response, *want.Response
		if !reflect.DeepEqual(gr, wr) {
			t.Errorf("response:\n got %+v\nwant %+v", gr, wr)
		}
		got.Response, want.Response = nil, nil
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("entry:\n got %+v\nwant %+v", got, want)
	}
}

func TestBodyCap(t *testing.T) {
	s := tempStore(t, Options{MaxBody: 10})
	e := sample("f", "n")
	body := bytes.Repeat([]byte("0123456789"), 10)
	e.Response.Body, e.Response.BodyBytes, e.BodyBytes = body, 100, 100
	id, err := s.Add(context.Background(), e)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Get(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if string(got.Response.Body) != "0123456789" || got.BodyBytes != 100 || !got.Response.Truncated {
		t.Fatalf("body %q, BodyBytes %d, truncated %v; want the first 10 bytes of 100, truncated",
			got.Response.Body, got.BodyBytes, got.Response.Truncated)
	}
	if len(e.Response.Body) != 100 {
		t.Fatal("Add changed the caller's body")
	}
}

func TestGetMissing(t *testing.T) {
	s := tempStore(t, Options{})
	if _, err := s.Get(context.Background(), 42); !errors.Is(err, ErrNotFound) {
		t.Fatalf("err = %v, want ErrNotFound", err)
	}
}

func TestListNewestFirstWithFilter(t *testing.T) {
	s := tempStore(t, Options{})
	ctx := context.Background()
	var ids []int64
	for i, req := range [][2]string{{"a.http", "one"}, {"a.http", "two"}, {"b.http", "one"}, {"a.http", "one"}} {
		e := sample(req[0], req[1])
		e.Sent = e.Sent.Add(time.Duration(i) * time.Second)
		id, err := s.Add(ctx, e)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	cases := []struct {
		name string
		f    Filter
		want []int64
	}{
		{"everything", Filter{}, []int64{ids[3], ids[2], ids[1], ids[0]}},
		{"limit", Filter{Limit: 2}, []int64{ids[3], ids[2]}},
		{"one request", Filter{File: "a.http", Name: "one"}, []int64{ids[3], ids[0]}},
		{"one file", Filter{File: "a.http"}, []int64{ids[3], ids[1], ids[0]}},
		{"one name in any file", Filter{Name: "one"}, []int64{ids[3], ids[2], ids[0]}},
		{"nothing matches", Filter{File: "c.http"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rows, err := s.List(ctx, c.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, r := range rows {
				got = append(got, r.ID)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Fatalf("ids = %v, want %v", got, c.want)
			}
		})
	}
	rows, _ := s.List(ctx, Filter{Limit: 1})
	want := Summary{ID: ids[3], File: "a.http", Name: "one", Method: "GET", URL: "http://127.0.0.1:8080/items/1",
		Status: 200, Reason: "OK", BodyBytes: 14, ETag: `"3f2a"`, Total: 9 * time.Millisecond}
	got := rows[0]
	if !got.Sent.Equal(sample("", "").Sent.Add(3 * time.Second)) {
		t.Errorf("sent = %v", got.Sent)
	}
	got.Sent = time.Time{}
	if got != want {
		t.Fatalf("summary:\n got %+v\nwant %+v", got, want)
	}
}

func TestLatestSkipsFailedExchanges(t *testing.T) {
	s := tempStore(t, Options{})
	ctx := context.Background()
	if _, ok, err := s.Latest(ctx, "a.http", "one"); ok || err != nil {
		t.Fatalf("empty store: ok %v, err %v", ok, err)
	}
	first := sample("a.http", "one")
	first.Response.Headers[0].Value = `"first"`
	id, err := s.Add(ctx, first)
	if err != nil {
		t.Fatal(err)
	}
	failed := sample("a.http", "one")
	failed.Response, failed.Err = nil, "timeout"
	other := sample("a.http", "other")
	for _, e := range []Entry{failed, other} {
		if _, err := s.Add(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	got, ok, err := s.Latest(ctx, "a.http", "one")
	if err != nil || !ok {
		t.Fatalf("ok %v, err %v", ok, err)
	}
	if got.ID != id || got.ETag() != `"first"` {
		t.Fatalf("latest = #%d with ETag %s, want #%d with \"first\"", got.ID, got.ETag(), id)
	}
}

func TestEntryExchange(t *testing.T) {
	e := sample("f", "n")
	e.Err = "reading body: unexpected EOF"
	x := e.Exchange()
	if x.Err == nil || x.Err.Error() != e.Err || x.Response.Status != 200 || x.Request.URL != e.Request.URL {
		t.Fatalf("exchange = %+v", x)
	}
	back := FromExchange(x, "f", "n")
	assertSameEntry(t, back, e)
	if x.Response.Complete || !x.Incomplete() {
		t.Errorf("an exchange stored with its error reads as complete")
	}
	e.Err = ""
	if x := e.Exchange(); !x.Response.Complete || x.Incomplete() {
		t.Errorf("an exchange stored without an error reads as incomplete")
	}
}

func TestDefaultPath(t *testing.T) {
	cases := []struct {
		name      string
		env       string
		stateHome string
		want      string
		wantErr   bool
	}{
		{"environment wins", "/tmp/h.db", "/home/u/.local/state", "/tmp/h.db", false},
		{"XDG state folder", "", "/home/u/.local/state", filepath.Join("/home/u/.local/state", "httplens", "history.db"), false},
		{"no state folder", "", "", "", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			getenv := func(k string) string {
				if k == EnvPath {
					return c.env
				}
				return ""
			}
			got, err := defaultPath(getenv, c.stateHome)
			if (err != nil) != c.wantErr || got != c.want {
				t.Fatalf("defaultPath = %q, %v; want %q (error %v)", got, err, c.want, c.wantErr)
			}
		})
	}
}

func TestOpenPathWithURICharacters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "odd ?#% name", "h.db")
	s := openStore(t, path, Options{})
	if _, err := s.Add(context.Background(), sample("", "")); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s2 := openStore(t, path, Options{})
	if n, _, err := s2.Size(context.Background()); err != nil || n != 1 {
		t.Fatalf("reopened %s: %d exchanges, %v", path, n, err)
	}
}

// The XDG state folder is read from the environment when the path is asked
// for (adrg/xdg read it once, at the process's start).
func TestDefaultPathFollowsXDGStateHome(t *testing.T) {
	dir := t.TempDir()
	t.Setenv(EnvPath, "")
	t.Setenv("XDG_STATE_HOME", dir)
	if got, err := DefaultPath(); err != nil || got != filepath.Join(dir, "httplens", "history.db") {
		t.Fatalf("DefaultPath = %q, %v", got, err)
	}
}
