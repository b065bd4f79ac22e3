package historycmds

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/ui/responsepane"
	"github.com/httplens/httplens/ui/shown"
	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/tree"
	"github.com/httplens/httplens/ui/uimsg"
)

// exchange is a 200 to GET whose body and ETag are tag.
func exchange(tag string, at time.Time) requests.Exchange {
	h := []requests.Header{{Name: "ETag", Value: `"` + tag + `"`}, {Name: "Content-Type", Value: "text/plain"}}
	return requests.Exchange{Request: requests.SentRequest{Method: "GET", URL: "http://127.0.0.1/items/1"},
		Response: &requests.Response{Proto: "HTTP/1.1", Status: 200, Reason: "OK", Headers: h,
			RawHead: []byte("HTTP/1.1 200 OK\r\nETag: \"" + tag + "\"\r\nContent-Type: text/plain\r\n\r\n"),
			Body:    []byte(tag), BodyBytes: int64(len(tag)), Complete: true},
		Sent: at, Received: at.Add(time.Millisecond)}
}

// historyPane is a response pane showing its History tab.
func historyPane() *responsepane.Model {
	p := responsepane.New(styles.New(), responsepane.Keys{})
	p.SetSize(100, 20)
	p, _ = p.Update(uimsg.RunAction{ID: responsepane.ActionHistory})
	return &p
}

// TestKeeperRoundTrip drives the workflow as the root does, against a real
// store: a send is recorded, the History tab lists it, a stored exchange is
// reopened and two are compared; each answer for a request no longer shown is
// dropped.
func TestKeeperRoundTrip(t *testing.T) {
	dir := t.TempDir()
	s, err := history.Open(filepath.Join(dir, "h.db"), history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	k := New(s, nil, dir)
	f := &collections.File{Path: "api.http"}
	read := &collections.Request{File: f, Index: 0, Name: "read", Title: "Read item"}
	other := &collections.Request{File: f, Index: 1, Title: "Other"}
	pane, st := historyPane(), styles.New()
	v := View{Req: read, Width: 80, St: st}

	day := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	// A re-read (no request) is kept too but changes no request's rows.
	rec := k.Record([]Sent{{Req: read, X: exchange("v1", day)}, {Req: read, X: exchange("v2", day.Add(time.Hour))}, {X: exchange("adhoc", day)}})
	stored, ok := rec().(StoredMsg)
	if !ok || stored.Err != nil || len(stored.Keys) != 2 || stored.Keys[0] != tree.RequestKey(read) {
		t.Fatalf("record: %+v", stored)
	}
	o, ok := k.Update(stored, pane, v)
	if !ok || o.Cmd == nil || o.Status != "" {
		t.Fatalf("stored: %+v", o)
	}
	listed := o.Cmd().(ListedMsg)
	if len(listed.Rows) != 2 || listed.Key != tree.RequestKey(read) {
		t.Fatalf("listed %+v", listed)
	}
	// The rows of another request than the one shown are not taken.
	if _, ok := k.Update(listed, pane, View{Req: other, St: st}); !ok || strings.Contains(ansi.Strip(pane.View()), "2 stored") {
		t.Fatalf("rows taken for another request:\n%s", ansi.Strip(pane.View()))
	}
	k.Update(listed, pane, v)
	if view := ansi.Strip(pane.View()); !strings.Contains(view, "2 stored") {
		t.Fatalf("the History tab after listing:\n%s", view)
	}
	// Listed once: syncing again reads nothing until new rows are stored.
	if cmd := k.Sync(pane, read); cmd != nil {
		t.Error("the rows shown were read again")
	}

	older, newer := listed.Rows[1].ID, listed.Rows[0].ID
	o, _ = k.Update(responsepane.ReopenMsg{ID: older}, pane, v)
	if o.Status != "Reopening exchange #"+itoa(older)+"…" || o.Cmd == nil {
		t.Fatalf("reopen: %+v", o)
	}
	reopenedMsg := o.Cmd().(ReopenedMsg)
	if o, _ := k.Update(reopenedMsg, pane, View{Req: other, St: st}); o.Reopened || o.Status != "" {
		t.Errorf("reopened for another request: %+v", o)
	}
	o, _ = k.Update(reopenedMsg, pane, v)
	if !o.Reopened || o.ID != older || o.Key != tree.RequestKey(read) || o.Shown.Report == nil ||
		o.Shown.Source != "Read item · exchange #"+itoa(older) || string(o.Shown.X.Response.Body) != "v1" ||
		!strings.HasPrefix(o.Status, "Reopened exchange #"+itoa(older)+", sent ") {
		t.Fatalf("reopened: %+v", o)
	}
	if o, _ := k.Update(ReopenedMsg{Key: tree.RequestKey(read), ID: 999, Err: history.ErrNotFound}, pane, v); !o.IsErr || !strings.HasPrefix(o.Status, "Cannot reopen exchange #999: ") {
		t.Errorf("a failed reopen: %+v", o)
	}

	o, _ = k.Update(responsepane.DiffMsg{A: older, B: newer}, pane, v)
	if !strings.HasPrefix(o.Status, "Comparing exchanges #") || o.Cmd == nil {
		t.Fatalf("diff: %+v", o)
	}
	ready := o.Cmd().(DiffReadyMsg)
	o, _ = k.Update(ready, pane, v)
	if o.DiffTitle == "" || !strings.Contains(strings.Join(o.DiffLines, "\n"), "v2") {
		t.Fatalf("diff ready: %+v", o)
	}
	if o, _ := k.Update(ready, pane, View{Req: other, St: st}); o.DiffTitle != "" {
		t.Error("a diff opened for another request")
	}
	bad := k.diffCmd(tree.RequestKey(read), older, 999, 80, st)().(DiffReadyMsg)
	if o, _ := k.Update(bad, pane, v); !o.IsErr || !strings.HasPrefix(o.Status, "Cannot compare: ") {
		t.Errorf("a failed diff: %+v", o)
	}

	// The newest stored exchange, for a request the session has not sent.
	loaded := k.Newest(read, st)().(shown.LoadedMsg)
	if !loaded.OK || string(loaded.Shown.X.Response.Body) != "v2" || !strings.HasPrefix(loaded.Shown.Source, "Read item · from the history, ") || loaded.Shown.Report == nil {
		t.Errorf("newest: %+v", loaded)
	}
	if loaded := k.Newest(other, st)().(shown.LoadedMsg); loaded.OK || loaded.Err != nil {
		t.Errorf("newest of a request never sent: %+v", loaded)
	}
	if _, ok := k.Update("not a history message", pane, v); ok {
		t.Error("took a message that is not the history's")
	}
}

// TestKeeperFallback: request variables read the newest stored response of a
// named request in the collection, as keep makes it; unknown names and a
// missing collection give nothing.
func TestKeeperFallback(t *testing.T) {
	dir := t.TempDir()
	s, err := history.Open(filepath.Join(dir, "h.db"), history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	k := New(s, nil, dir)
	coll := &collections.Collection{Files: []*collections.File{{Path: "api.http",
		Requests: []collections.Request{{Index: 0, Name: "read", Method: "GET", Title: "Read item"}}}}}
	read := coll.Requests()[0]
	read.File = coll.Files[0]
	day := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	rec := k.Record([]Sent{{Req: read, X: exchange("v1", day)}, {Req: read, X: exchange("v2", day.Add(time.Hour))}})
	if m, ok := rec().(StoredMsg); !ok || m.Err != nil {
		t.Fatalf("record: %+v", m)
	}
	if k.Fallback(nil, nil) != nil {
		t.Fatal("a lookup without a collection")
	}
	keep := func(r *requests.Response) collections.Response { return collections.Response{Body: r.Body} }
	lookup := k.Fallback(coll, keep)
	if got, ok := lookup("read"); !ok || string(got.Body) != "v2" {
		t.Errorf("read: %q %v, want the newest (v2)", got.Body, ok)
	}
	if _, ok := lookup("nobody"); ok {
		t.Error("found a response for a name no request has")
	}
}

// TestKeeperOff: without a store nothing is read or written, and the History
// tab says why.
func TestKeeperOff(t *testing.T) {
	k := New(nil, errWhy("cannot open ~/.httplens/history.db: read-only file system"), "")
	r := &collections.Request{File: &collections.File{Path: "a.http"}, Title: "A"}
	pane := historyPane()
	if k.On() || k.Prune() != nil || k.Record([]Sent{{Req: r}}) != nil || k.Newest(r, styles.New()) != nil || k.Latest(nil) != nil ||
		k.Fallback(&collections.Collection{}, nil) != nil {
		t.Fatal("an off history made a command")
	}
	if cmd := k.Sync(pane, r); cmd != nil {
		t.Fatal("listed without a store")
	}
	if view := ansi.Strip(pane.View()); !strings.Contains(view, "read-only file system") {
		t.Errorf("the History tab does not say why it is off:\n%s", view)
	}
	if o, ok := k.Update(responsepane.ReopenMsg{ID: 1}, pane, View{Req: r}); !ok || o.Cmd != nil || o.Status != "" {
		t.Errorf("reopen without a store: %+v", o)
	}
}

type errWhy string

func (e errWhy) Error() string { return string(e) }

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
