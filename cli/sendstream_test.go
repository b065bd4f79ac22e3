package cli

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/httplens/httplens/history"
)

// The output of send to a pipe or file is streamed as it arrives; it must be the
// same bytes as before (the final response's head and body, not a redirect's),
// and the history must still get the body, up to its retention.
func TestSendToAPipeStreamsTheFinalResponseAndKeepsItsHistory(t *testing.T) {
	body := []byte(strings.Repeat("0123456789abcdef", 3<<16)) // 3 MiB, past the 2 MiB history default
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/old" {
			http.Redirect(w, r, "/new", http.StatusMovedPermanently)
			return
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.Write(body)
	}))
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "h.db")
	t.Setenv("HTTPLENS_CONFIG", filepath.Join(t.TempDir(), "none.toml"))
	code, out, errOut := cli(t, "send", "--history", db, "--no-cookies", srv.URL+"/old")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	head, got, ok := strings.Cut(out, "\r\n\r\n")
	if !ok || !strings.HasPrefix(head, "HTTP/1.1 200 OK\r\n") || strings.Contains(out, "301 Moved") {
		t.Fatalf("output starts %q, want the final 200 only", out[:min(len(out), 200)])
	}
	if got != string(body) {
		t.Fatalf("output body %d bytes, want the %d sent", len(got), len(body))
	}
	e := onlyExchange(t, db)
	kept := e.Response.Body
	if len(kept) != history.DefaultMaxBody || !bytes.Equal(kept, body[:len(kept)]) || e.BodyBytes != int64(len(body)) || !e.Response.Truncated {
		t.Fatalf("history kept %d bytes of %d (truncated %v), want the first %d", len(kept), e.BodyBytes, e.Response.Truncated, history.DefaultMaxBody)
	}
}

// A write error on the output (a closed pipe) stops the send, as it did when the
// body was written after the read.
func TestSendStopsWhenTheOutputFails(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write(bytes.Repeat([]byte("x"), 1<<20))
	}))
	defer srv.Close()
	f := sendFlags{method: "GET", noHist: true, noCookie: true, maxBody: 1 << 30}
	err := runSend(context.Background(), failingOut{}, io.Discard, []string{srv.URL}, f)
	if err == nil {
		t.Fatal("send succeeded with an output that refuses every write")
	}
}

type failingOut struct{}

func (failingOut) Write([]byte) (int, error) { return 0, io.ErrClosedPipe }
