package ui

import (
	"testing"

	"github.com/httplens/httplens/ui/dialogs"
)

// walkTo moves the tree's cursor down from the top, filter cleared, to the
// request titled title: no esc on the way, which would cancel a flight.
func walkTo(t *testing.T, m Model, title string) Model {
	t.Helper()
	for m.focus != paneTree {
		m, _ = drive(t, m, keyMsg("tab"))
	}
	for range 300 {
		if r := m.req.Request(); r != nil && r.Title == title {
			return m
		}
		m, _ = drive(t, m, keyMsg("down"))
	}
	t.Fatalf("%q not found walking down the tree", title)
	return m
}

// TestRereadInterruptedKeepsThe412: R after a 412 starts the re-read; another
// request sent before its answer supersedes it. The 412 still belongs to its
// request: back on it R is offered again and brings the three-way view.
func TestRereadInterruptedKeepsThe412(t *testing.T) {
	srv := demoServer(t)
	m := openModel(t, Config{DemoURL: srv.URL})
	m = selectRequest(t, m, "Read item")
	m, _ = drive(t, m, keyMsg("ctrl+r"))
	otherWriter(t, srv.URL, `{"id":1,"name":"notebook","color":"red"}`)
	for m.focus != paneTree {
		m, _ = drive(t, m, keyMsg("tab"))
	}
	m, _ = drive(t, m, keyMsg("esc")) // the filter, now: while the re-read runs esc would cancel it
	m = walkTo(t, m, "Update item if unchanged")
	m, _ = drive(t, m, keyMsg("ctrl+r"))
	if r := m.sess.Exchange().Response; r == nil || r.Status != 412 {
		t.Fatalf("PUT with the stale ETag: %q", m.status)
	}
	// R, but its answer never comes: another send supersedes the re-read.
	next, reread := m.Update(keyMsg("R"))
	m = next.(Model)
	if reread == nil || !m.sess.Flight().Busy() {
		t.Fatalf("R started nothing: %q", m.status)
	}
	m = walkTo(t, m, "Check an item with HEAD")
	m, _ = drive(t, m, keyMsg("ctrl+r"))
	if r := m.sess.Exchange().Response; r == nil || r.Status != 200 || m.sess.Exchange().Request.Method != "HEAD" {
		t.Fatalf("HEAD: %q", m.status)
	}
	m = runCmd(t, m, reread) // the superseded re-read's messages are dropped
	m = selectRequest(t, m, "Update item if unchanged")
	if !m.keys.Get(actionReread).Enabled() || !rereadHint(m) {
		t.Fatalf("back on the PUT that got 412, R is no longer offered:\n%s", plain(m.View()))
	}
	m, _ = drive(t, m, keyMsg("R"))
	if m.overlay.Kind() != dialogs.Retry {
		t.Fatalf("R again: no three-way view; status %q\n%s", m.status, plain(m.View()))
	}
}
