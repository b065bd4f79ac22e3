package ui

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/httplens/httplens/requests"
)

// A body spooled to disk for request A stays on disk while A's exchange is
// remembered: A sent again but superseded by B (selected and sent while A was
// in flight, so the panes never left A's first answer) must not cost A's first
// body its file. Selecting A again shows that exchange, and saving its body
// must still copy the whole of it. A's file goes only when nothing remembers
// it (A answered again).
func TestSpooledBodyKeptWhileItsExchangeIsRemembered(t *testing.T) {
	big := strings.Repeat("0123456789abcdef", 16<<10) // 256 KiB, past the cap below
	base := newLocalServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/big" {
			w.Header().Set("Content-Type", "text/plain")
			_, _ = w.Write([]byte(big))
			return
		}
		_, _ = w.Write([]byte("small"))
	}))
	dir, spool := t.TempDir(), t.TempDir()
	writeHTTP(t, dir, "two.http", "### Big one\nGET "+base+"/big\n\n### Small one\nGET "+base+"/small\n")
	m := openModel(t, Config{Path: filepath.Join(dir, "two.http"), Dir: dir,
		Options: requests.Options{MaxBody: 16 << 10, SpoolDir: spool}})

	m = selectRequest(t, m, "Big one")
	m, _ = drive(t, m, keyMsg("ctrl+r"))
	a := m.sess.Exchange().Response
	if a == nil || a.SpoolPath == "" {
		t.Fatalf("the big body was not spooled: %q", m.status)
	}
	path := a.SpoolPath

	// A again, left in flight (its command never runs, as if slow), then B:
	// B's send supersedes it.
	// (The tree's filter is cleared first: while A is in flight esc cancels.)
	m.setFocus(paneTree)
	m, _ = drive(t, m, keyMsg("esc"))
	m.setFocus(paneRequest)
	next, _ := m.Update(keyMsg("ctrl+r"))
	m = next.(Model)
	m = selectRequest(t, m, "Small one")
	m, _ = drive(t, m, keyMsg("ctrl+r"))
	if r := m.sess.Exchange().Response; r == nil || string(r.Body) != "small" {
		t.Fatalf("B: %q", m.status)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("A's spooled body went when B answered, though A's exchange is remembered: %v", err)
	}

	// A again: its own exchange, and s saves the whole body from the file.
	m = selectRequest(t, m, "Big one")
	if m.sess.Exchange().Response == nil || m.sess.Exchange().Response.SpoolPath != path {
		t.Fatalf("A's exchange is not shown again: %v", m.sess.Exchange().Response)
	}
	m.setFocus(paneResponse)
	m, _ = drive(t, m, keyMsg("s"), keyMsg("enter"))
	if b, err := os.ReadFile(filepath.Join(dir, "response.txt")); err != nil || string(b) != big {
		t.Fatalf("saved %d bytes (%v), want %d; status %q", len(b), err, len(big), m.status)
	}

	// A answered again: the first file is remembered by nothing now and goes.
	m, _ = drive(t, m, keyMsg("ctrl+r"))
	if r := m.sess.Exchange().Response; r == nil || r.SpoolPath == "" || r.SpoolPath == path {
		t.Fatalf("A again: %v; status %q", r, m.status)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("A's first spooled body is still on disk though nothing remembers it (%v)", err)
	}
}
