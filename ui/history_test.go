package ui

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/explaininput"
	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/ui/dialogs"
)

// openStore opens a history database in a temporary folder, closed with the test.
func openStore(t *testing.T) *history.Store {
	t.Helper()
	s, err := history.Open(filepath.Join(t.TempDir(), "history.db"), history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// historyModel is the tour against a demo server, keeping its history in s.
func historyModel(t *testing.T, s *history.Store) Model {
	t.Helper()
	srv := demoServer(t)
	return openModel(t, Config{DemoURL: srv.URL, History: s})
}

// toHistoryTab focuses the response pane and shows its History tab.
func toHistoryTab(t *testing.T, m Model) Model {
	t.Helper()
	for m.focus != paneResponse {
		m, _ = drive(t, m, keyMsg("tab"))
	}
	m, _ = drive(t, m, keyMsg("5"))
	return m
}

// stored lists what s holds of the tour's Read item request.
func stored(t *testing.T, s *history.Store, name string) []history.Summary {
	t.Helper()
	rows, err := s.List(context.Background(), history.Filter{File: "tour/01-etags.http", Name: name})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestSendsAreStoredAndListed(t *testing.T) {
	s := openStore(t)
	m := historyModel(t, s)
	m = selectRequest(t, m, "Read item")
	m, _ = drive(t, m, keys("ctrl+r", "ctrl+r")...)
	rows := stored(t, s, "readItem")
	if len(rows) != 2 || rows[0].Status != 200 || rows[0].ETag == "" {
		t.Fatalf("stored %+v", rows)
	}
	m = toHistoryTab(t, m)
	v := plain(m.View())
	for _, want := range []string{"[History]", "2 stored", rows[0].ETag, "Status", "ETag"} {
		if !strings.Contains(v, want) {
			t.Errorf("History tab lacks %q:\n%s", want, v)
		}
	}
	if n := strings.Count(v, "200   "); n != 2 {
		t.Errorf("%d rows with status 200, want 2:\n%s", n, v)
	}
	t.Run("a list for another request is ignored", func(t *testing.T) {
		next, _ := m.Update(historyListedMsg{Key: "r:elsewhere#0", Rows: nil})
		if v := plain(next.View()); !strings.Contains(v, "2 stored") {
			t.Errorf("a stale list replaced the rows:\n%s", v)
		}
	})
	t.Run("another request shows its own exchanges", func(t *testing.T) {
		m := selectRequest(t, m, "List items")
		m = toHistoryTab(t, m)
		if v := plain(m.View()); !strings.Contains(v, "No stored exchanges of this request yet") {
			t.Errorf("List items shows Read item's history:\n%s", v)
		}
	})
}

func TestReopenShowsStoredExchange(t *testing.T) {
	s := openStore(t)
	m := historyModel(t, s)
	m = selectRequest(t, m, "Read item")
	m, _ = drive(t, m, keyMsg("ctrl+r"))
	m = selectRequest(t, m, "Update item if unchanged")
	m, _ = drive(t, m, keyMsg("ctrl+r"))
	m = selectRequest(t, m, "Read item")
	m, _ = drive(t, m, keyMsg("ctrl+r"))
	rows := stored(t, s, "readItem")
	if len(rows) != 2 || rows[0].ETag == rows[1].ETag {
		t.Fatalf("want two reads with different ETags, got %+v", rows)
	}
	m = toHistoryTab(t, m)
	m, _ = drive(t, m, keys("down", "enter")...) // the older read
	if m.sess.Exchange().Response == nil || headerValue(m.sess.Exchange().Response.Headers, "ETag") != rows[1].ETag {
		t.Fatalf("reopened %v; status %q", m.sess.Exchange().Response, m.status)
	}
	v := plain(m.View())
	for _, want := range []string{"[Raw]", "Reopened exchange", "Etag: " + rows[1].ETag, `"name":"notebook"`, "200 OK · successful"} {
		if !strings.Contains(v, want) {
			t.Errorf("reopened view lacks %q:\n%s", want, v)
		}
	}
	m, _ = drive(t, m, keyMsg("5"))
	if v := plain(m.View()); !strings.Contains(v, "(shown)") {
		t.Errorf("the reopened row is not marked:\n%s", v)
	}
}

func TestMarkTwoShowsDiff(t *testing.T) {
	s := openStore(t)
	m := historyModel(t, s)
	m, _ = drive(t, m, tea.WindowSizeMsg{Width: 140, Height: 90})
	m = selectRequest(t, m, "Read item")
	m, _ = drive(t, m, keyMsg("ctrl+r"))
	m = selectRequest(t, m, "Update item if unchanged")
	m, _ = drive(t, m, keyMsg("ctrl+r"))
	m = selectRequest(t, m, "Read item")
	m, _ = drive(t, m, keyMsg("ctrl+r"))
	rows := stored(t, s, "readItem")
	m = toHistoryTab(t, m)
	m, _ = drive(t, m, keyMsg(" "))
	if m.overlay.Kind() != dialogs.None || !strings.Contains(plain(m.View()), "(1/2)") {
		t.Fatalf("one mark: overlay %v\n%s", m.overlay.Kind(), plain(m.View()))
	}
	m, _ = drive(t, m, keys("down", " ")...)
	if m.overlay.Kind() != dialogs.Text {
		t.Fatalf("no diff after two marks; status %q", m.status)
	}
	v := plain(m.View())
	older, newer := rows[1].ETag, rows[0].ETag
	for _, want := range []string{
		"Why they differ",
		"! ETag changed: " + older + " → " + newer,
		"-! Etag: " + older, "+! Etag: " + newer, // the demo's header, as Go's server spells it
		`-    "name": "notebook"`, `+    "name": "notebook (blue)"`,
		"Body: changed",
	} {
		if !strings.Contains(v, want) {
			t.Errorf("diff lacks %q:\n%s", want, v)
		}
	}
	a, _ := s.Get(context.Background(), rows[1].ID)
	b, _ := s.Get(context.Background(), rows[0].ID)
	cmp := explain.Compare(explaininput.From(a.Exchange(), a.Received), explaininput.From(b.Exchange(), b.Received))
	if len(cmp.Causes) == 0 || !strings.Contains(v, cmp.Causes[0].Title) {
		t.Errorf("the diff does not name Compare's cause %v:\n%s", cmp.Causes, v)
	}
	m, _ = drive(t, m, keyMsg("esc"))
	if m.overlay.Kind() != dialogs.None {
		t.Error("esc does not close the diff")
	}
}

func TestRequestVariablesFallBackToHistory(t *testing.T) {
	s := openStore(t)
	x := requests.Exchange{
		Request:  requests.SentRequest{Method: "GET", URL: "http://127.0.0.1:9/items/1"},
		Response: &requests.Response{Proto: "HTTP/1.1", Status: 200, Reason: "OK", Headers: []requests.Header{{Name: "ETag", Value: `"from-yesterday"`}}},
		Sent:     time.Now().Add(-24 * time.Hour), Received: time.Now().Add(-24 * time.Hour),
	}
	if _, err := s.Add(context.Background(), history.FromExchange(x, "tour/01-etags.http", "readItem")); err != nil {
		t.Fatal(err)
	}
	m := openModel(t, Config{DemoURL: "http://127.0.0.1:9", History: s})
	m = selectRequest(t, m, "Update item if unchanged")
	req, err := m.resolver()(m.req.Request(), nil, nil)
	if err != nil || headerValue(req.Headers, "If-Match") != `"from-yesterday"` {
		t.Fatalf("If-Match %q, err %v", headerValue(req.Headers, "If-Match"), err)
	}
	m, _ = drive(t, m, keyMsg("v"))
	if v := plain(m.View()); !strings.Contains(v, `If-Match: "from-yesterday"`) {
		t.Errorf("the resolved view does not use the stored ETag:\n%s", v)
	}
	t.Run("the session's own response wins", func(t *testing.T) {
		last := map[string]collections.Response{"readItem": {Headers: []collections.Header{{Name: "ETag", Value: `"today"`}}}}
		req, err := m.resolver()(m.req.Request(), last, nil)
		if err != nil || headerValue(req.Headers, "If-Match") != `"today"` {
			t.Errorf("If-Match %q, err %v", headerValue(req.Headers, "If-Match"), err)
		}
	})
}

func TestStoreFailureShowsInStatus(t *testing.T) {
	s := openStore(t)
	m := historyModel(t, s)
	m = selectRequest(t, m, "Read item")
	s.Close()
	m, _ = drive(t, m, keyMsg("ctrl+r"))
	if !m.errMsg || !strings.Contains(m.status, "Not kept in the history") {
		t.Errorf("status %q", m.status)
	}
	if m.sess.Exchange().Response == nil || m.sess.Exchange().Response.Status != 200 {
		t.Error("the response was not shown")
	}
}

func TestHistoryStartupAndOff(t *testing.T) {
	t.Run("start-up pruning runs in a command and reports a failure", func(t *testing.T) {
		s := openStore(t)
		m := New(Config{History: s, Dir: t.TempDir(), Client: testClient(t)})
		s.Close()
		batch, ok := m.Init()().(tea.BatchMsg)
		if !ok || len(batch) != 2 {
			t.Fatalf("Init does not batch loading and pruning: %T", m.Init()())
		}
		m, _ = drive(t, m, tea.WindowSizeMsg{Width: 140, Height: 40}, batch)
		if !m.errMsg || !strings.Contains(m.status, "History pruning failed") {
			t.Errorf("status %q", m.status)
		}
	})
	t.Run("without a database the History tab says why", func(t *testing.T) {
		m := openModel(t, Config{DemoURL: "http://127.0.0.1:9", HistoryErr: errors.New("history.db: disk full")})
		m = selectRequest(t, m, "Read item")
		m = toHistoryTab(t, m)
		if v := plain(m.View()); !strings.Contains(v, "History is off for this run: history.db: disk full") {
			t.Errorf("History tab:\n%s", v)
		}
	})
}
