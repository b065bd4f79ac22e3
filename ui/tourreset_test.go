package ui

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/history"
)

// TestResetTour: ctrl+t resets the demo and forgets the tour's history, so a
// create-only PUT that got 412 the second time creates again.
func TestResetTour(t *testing.T) {
	srv := demoServer(t)
	store, err := history.Open(t.TempDir()+"/h.db", history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	m := openModel(t, Config{DemoURL: srv.URL, History: store})
	m = selectRequest(t, m, "Create item with PUT")
	for _, want := range []int{201, 412} {
		m, _ = drive(t, m, keyMsg("ctrl+r"))
		if r := m.sess.Exchange().Response; r == nil || r.Status != want {
			t.Fatalf("PUT: %q, want %d", m.status, want)
		}
	}
	m, _ = drive(t, m, keyMsg("5"), tea.WindowSizeMsg{Width: 120, Height: 36})
	if v := plain(m.View()); !strings.Contains(v, "2 stored") {
		t.Fatalf("the History tab before the reset:\n%s", v)
	}
	m, _ = drive(t, m, tea.KeyMsg{Type: tea.KeyCtrlT})
	if !strings.Contains(m.status, "Started over: the demo answered 204") || m.keys.Get(actionReread).Enabled() {
		t.Fatalf("after ctrl+t: %q", m.status)
	}
	// The History tab shown reads the history again: the rows left with the reset.
	if v := plain(m.View()); !strings.Contains(v, "No stored exchanges of this request yet") {
		t.Errorf("the History tab after the reset still lists the forgotten exchanges:\n%s", v)
	}
	rows, err := store.List(context.Background(), history.Filter{File: "tour/01-etags.http"})
	if err != nil || len(rows) != 0 {
		t.Errorf("tour history after the reset: %d rows, %v", len(rows), err)
	}
	m, _ = drive(t, m, keyMsg("ctrl+r"))
	if r := m.sess.Exchange().Response; r == nil || r.Status != 201 {
		t.Fatalf("PUT after the reset: %q, want 201", m.status)
	}
}

// TestZoom: the zoom key gives the focused pane the whole screen and back.
func TestZoom(t *testing.T) {
	m := openModel(t, Config{DemoURL: demoServer(t).URL})
	m, _ = drive(t, m, tea.WindowSizeMsg{Width: 120, Height: 36})
	if m.lay.Single {
		t.Fatal("120x36 starts in the single-pane layout")
	}
	m, _ = drive(t, m, tea.KeyMsg{Type: tea.KeyCtrlF})
	if !m.lay.Single || m.lay.Panes[paneExplain].W != 120 || !strings.Contains(m.status, "Zoomed") {
		t.Fatalf("after the zoom key: single %v, explain %+v, status %q", m.lay.Single, m.lay.Panes[paneExplain], m.status)
	}
	m, _ = drive(t, m, tea.KeyMsg{Type: tea.KeyCtrlF})
	if m.lay.Single {
		t.Error("the zoom key again did not bring the four panes back")
	}
}

// TestRereadHintFollowsTheState: R is offered after a 412 and no longer after
// another request's answer (a HEAD 200).
func TestRereadHintFollowsTheState(t *testing.T) {
	m := openModel(t, Config{DemoURL: demoServer(t).URL})
	m = selectRequest(t, m, "Create item with PUT")
	m, _ = drive(t, m, keyMsg("ctrl+r"), keyMsg("ctrl+r"))
	if !m.keys.Get(actionReread).Enabled() || !strings.Contains(plain(m.View()), "R re-read after 412/428") {
		t.Fatalf("after the 412 R is not offered:\n%s", plain(m.View()))
	}
	m = selectRequest(t, m, "Check an item with HEAD")
	m, _ = drive(t, m, keyMsg("ctrl+r"))
	if m.keys.Get(actionReread).Enabled() || strings.Contains(plain(m.View()), "re-read after 412") {
		t.Errorf("after a HEAD 200 the hint still offers R:\n%s", plain(m.View()))
	}
}
