package ui

import (
	"testing"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/ui/dialogs"
	"github.com/httplens/httplens/ui/requestpane"
)

func parseFile(t *testing.T, src string) *collections.File {
	t.Helper()
	f, err := collections.Parse("/c.http", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// editRequest gives request i of f an unsaved edit in p.
func editRequest(p *requestpane.Model, f *collections.File, i int) {
	p.SetRequest(&f.Requests[i])
	p.SetIfMatch(`"edited"`)
}

// The vanished-edit question stays open on esc and on keys it does not know; n
// discards the edit.
func TestVanishedDialogNeedsAnAnswer(t *testing.T) {
	old := parseFile(t, "### A\nGET http://127.0.0.1/a\n")
	m := New(Config{Dir: t.TempDir()})
	editRequest(&m.req, old, 0)
	m.req.Rematch(old, parseFile(t, "### Z\nGET http://127.0.0.1/z\n"))
	m.askVanished()
	if m.overlay.Kind() != dialogs.Vanished {
		t.Fatalf("no question asked: %+v", m.overlay)
	}
	var tm = run(m, keyMsg("esc"))
	tm = run(tm, keyMsg("x"))
	if tm.(Model).overlay.Kind() != dialogs.Vanished {
		t.Fatal("the question closed without an answer")
	}
	tm = run(tm, keyMsg("n"))
	if got := tm.(Model); got.overlay.Kind() != dialogs.None || len(got.req.DirtyKeys()) != 0 {
		t.Fatalf("n did not discard: %+v %v", got.overlay, got.req.DirtyKeys())
	}
}
