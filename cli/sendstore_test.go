package cli

import (
	"bytes"
	"compress/gzip"
	"context"
	"database/sql"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/internal/rawtest"
)

// replyServer answers every request on 127.0.0.1 with reply, byte for byte, and
// closes the connection.
func replyServer(t *testing.T, reply []byte) string {
	t.Helper()
	return "http://" + rawtest.Answer(t, func(c net.Conn) { c.Write(reply) }) + "/"
}

// onlyExchange returns the one exchange the history at db holds, failing the
// test when it holds another number.
func onlyExchange(t *testing.T, db string) history.Entry {
	t.Helper()
	s, err := history.Open(db, history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows, err := s.List(context.Background(), history.Filter{})
	if err != nil || len(rows) != 1 {
		t.Fatalf("%d exchanges kept (%v), want 1", len(rows), err)
	}
	e, err := s.Get(context.Background(), rows[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// The bytes send writes to a pipe are the reply exactly, whether the history
// keeps the exchange (its body hashed and compressed as it streams) or not; and
// the history gets the body up to its retention, marked as cut past it.
func TestSendOutputIsTheReplyWithOrWithoutHistory(t *testing.T) {
	big := bytes.Repeat([]byte("{\"k\":12345}\n"), 3<<20/12) // past the 2 MiB retention
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(big[:100_000])
	zw.Close()
	cases := []struct {
		name, head string
		body       []byte
		kept       []byte // what the history must return as the body
	}{
		{"3 MiB, cut in the history", "HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n", big, big[:history.DefaultMaxBody]},
		{"small, inline", "HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n", []byte("short"), []byte("short")},
		{"gzip, kept in memory to decode", "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: %d\r\n\r\n", gz.Bytes(), gz.Bytes()},
		{"until close, no length", "HTTP/1.1 200 OK\r\nX-Len: %d\r\n\r\n", big[:50_000], big[:50_000]},
	}
	t.Setenv("HTTPLENS_CONFIG", filepath.Join(t.TempDir(), "none.toml"))
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			reply := append([]byte(fmt.Sprintf(c.head, len(c.body))), c.body...)
			url := replyServer(t, reply)
			db := filepath.Join(t.TempDir(), "h.db")
			for _, hist := range [][]string{{"--no-history"}, {"--history", db}} {
				code, out, errOut := cli(t, append(append([]string{"send", "--no-cookies"}, hist...), url)...)
				if code != 0 || out != string(reply) {
					t.Fatalf("%v: exit %d, %d bytes out, want the %d of the reply exactly (%s)", hist, code, len(out), len(reply), errOut)
				}
			}
			e := onlyExchange(t, db)
			cut := len(c.kept) < len(c.body)
			if !bytes.Equal(e.Response.Body, c.kept) || e.BodyBytes != int64(len(c.body)) || e.Response.Truncated != cut {
				t.Fatalf("history: %d bytes of %d, truncated %v; want %d, truncated %v",
					len(e.Response.Body), e.BodyBytes, e.Response.Truncated, len(c.kept), cut)
			}
		})
	}
}

// A history that cannot store the exchange (a trigger stands in for a full
// disk) costs a clear warning and a pending entry, never the exchange: the next
// command that opens the history stores it.
func TestSendQueuesTheExchangeWhenTheHistoryRefusesIt(t *testing.T) {
	t.Setenv("HTTPLENS_CONFIG", filepath.Join(t.TempDir(), "none.toml"))
	db := filepath.Join(t.TempDir(), "h.db")
	s, err := history.Open(db, history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec(`CREATE TRIGGER full BEFORE INSERT ON exchanges BEGIN SELECT RAISE(ABORT, 'database or disk is full (simulated)'); END`); err != nil {
		t.Fatal(err)
	}
	body := bytes.Repeat([]byte("z"), 300_000)
	reply := append([]byte(fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n", len(body))), body...)
	url := replyServer(t, reply)
	code, out, errOut := cli(t, "send", "--no-cookies", "--history", db, url)
	if code != 0 || out != string(reply) {
		t.Fatalf("exit %d, %d bytes out: %s", code, len(out), errOut)
	}
	for _, want := range []string{"disk is full (simulated)", "queued in " + db + ".pending", "stored by the next run"} {
		if !strings.Contains(errOut, want) {
			t.Fatalf("stderr %q does not say %q", errOut, want)
		}
	}
	if files, _ := filepath.Glob(filepath.Join(db+".pending", "*.entry")); len(files) != 1 {
		t.Fatalf("pending files %v, want one", files)
	}
	if _, err := raw.Exec(`DROP TRIGGER full`); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = cli(t, "history", "--history", db)
	if code != 0 || !strings.Contains(out, url) || !strings.Contains(out, "293.0 KiB") {
		t.Fatalf("history after the disk came back: exit %d\n%s%s", code, out, errOut)
	}
}

// The jar is written back only when the exchange changed it, and then every
// change is kept: a cookie replaced, one deleted, none lost by a run that
// changed nothing.
func TestSendSavesTheJarWhenItChanged(t *testing.T) {
	t.Setenv("HTTPLENS_CONFIG", filepath.Join(t.TempDir(), "none.toml"))
	mux := http.NewServeMux()
	mux.HandleFunc("/set/{v}", func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "session", Value: r.PathValue("v"), Path: "/"})
	})
	mux.HandleFunc("/logout", func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "session", Path: "/", MaxAge: -1})
	})
	mux.HandleFunc("/me", func(w http.ResponseWriter, r *http.Request) {
		if c, err := r.Cookie("session"); err == nil {
			io.WriteString(w, c.Value)
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "h.db")
	for _, step := range []struct{ path, want string }{
		{"/me", ""}, {"/set/a", ""}, {"/me", "a"}, {"/me", "a"}, {"/set/b", ""}, {"/me", "b"}, {"/logout", ""}, {"/me", ""},
	} {
		code, out, errOut := cli(t, "send", "--history", db, "--json", srv.URL+step.path)
		if doc := decodeSend(t, out); code != 0 || (step.path == "/me" && doc.Response.Body != step.want) {
			t.Fatalf("%s: exit %d, body %q, want %q (%s)", step.path, code, doc.Response.Body, step.want, errOut)
		}
	}
}
