package ui

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/ui/responsepane"
)

// sendHoldingFormatting presses send and runs every command it leads to, except
// that the formatting of a large body is held back and returned: the user is
// quicker than it.
func sendHoldingFormatting(m Model) (Model, []tea.Msg) {
	var held []tea.Msg
	queue := []tea.Msg{keyMsg("ctrl+r")}
	for len(queue) > 0 {
		msg := queue[0]
		queue = queue[1:]
		switch mm := msg.(type) {
		case nil, spinner.TickMsg:
			continue
		case responsepane.PrettyDoneMsg:
			held = append(held, msg)
			continue
		case tea.BatchMsg:
			for _, c := range mm {
				if c != nil {
					queue = append(queue, c())
				}
			}
			continue
		}
		next, cmd := m.Update(msg)
		m = next.(Model)
		if cmd != nil {
			queue = append(queue, cmd())
		}
	}
	return m, held
}

// A large body is formatted after its response is shown. When another request
// is selected meanwhile, the formatted body stays with its own request: the
// other one's Pretty tab never shows it, and going back shows it formatted.
func TestFormattingStaysWithItsRequest(t *testing.T) {
	big := jsonBody(1 << 20)
	url := newLocalServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path == "/big" {
			w.Write(big)
			return
		}
		w.Write([]byte(`{"small":true}`))
	}))
	dir := t.TempDir()
	writeHTTP(t, dir, "c.http", "### Big\nGET "+url+"/big\n\n### Small\nGET "+url+"/small\n")
	m := openModel(t, Config{Dir: dir})
	m = selectRequest(t, m, "Small")
	m, _ = drive(t, m, keyMsg("ctrl+r"))
	m = selectRequest(t, m, "Big")
	m, _ = drive(t, m, keyMsg("tab"), keyMsg("tab"), keyMsg("tab"), keyMsg("esc")) // the tree, unfiltered
	m, held := sendHoldingFormatting(m)
	if len(held) != 1 {
		t.Fatalf("%d formattings started, want 1", len(held))
	}
	m, _ = drive(t, m, keyMsg("down"))
	if r := m.req.Saved(); r == nil || r.Title != "Small" {
		t.Fatalf("Small is not selected:\n%s", plain(m.View()))
	}
	m, _ = drive(t, m, held...)
	m, _ = drive(t, m, keyMsg("2"))
	if v := plain(m.View()); strings.Contains(v, `"id": 0`) || !strings.Contains(v, `"small": true`) {
		t.Errorf("Small's Pretty tab does not show Small's body:\n%s", v)
	}
	for m.focus != paneTree {
		m, _ = drive(t, m, keyMsg("tab"))
	}
	// Back on Big, its Pretty tab is the one formatted meanwhile: no command
	// runs (none would have to format it again).
	next, _ := m.Update(keyMsg("up"))
	next, _ = next.Update(keyMsg("2"))
	m = next.(Model)
	if r := m.req.Saved(); r == nil || r.Title != "Big" {
		t.Fatalf("Big is not selected:\n%s", plain(m.View()))
	}
	if v := plain(m.View()); strings.Contains(v, "formatting…") || !strings.Contains(v, `"id": 0,`) {
		t.Errorf("Big's Pretty tab is not formatted:\n%s", v)
	}
}

// A large body loaded from the history (the newest stored exchange of the
// request selected) is formatted like a fresh one, not left "formatting…".
func TestStoredLargeBodyIsFormatted(t *testing.T) {
	s := openStore(t)
	x := bigExchange(1 << 20)
	x.Request.URL = "http://127.0.0.1:9/items/1"
	x.Sent, x.Received = time.Now().Add(-time.Hour), time.Now().Add(-time.Hour)
	x.Response.Complete = true
	if _, err := s.Add(context.Background(), history.FromExchange(x, "tour/01-etags.http", "readItem")); err != nil {
		t.Fatal(err)
	}
	m := openModel(t, Config{DemoURL: "http://127.0.0.1:9", History: s})
	m = selectRequest(t, m, "Read item")
	m, _ = drive(t, m, keyMsg("2"))
	v := plain(m.View())
	if !strings.Contains(v, "from the history") || strings.Contains(v, "formatting…") || !strings.Contains(v, `"id": 0,`) {
		t.Errorf("the stored body's Pretty tab is not formatted:\n%s", v)
	}
}

// A large body reopened from the History tab is formatted too.
func TestReopenedLargeBodyIsFormatted(t *testing.T) {
	s := openStore(t)
	x := bigExchange(1 << 20)
	x.Request.URL = "http://127.0.0.1:9/items/1"
	x.Sent, x.Received = time.Now().Add(-time.Hour), time.Now().Add(-time.Hour)
	x.Response.Complete = true
	if _, err := s.Add(context.Background(), history.FromExchange(x, "tour/01-etags.http", "readItem")); err != nil {
		t.Fatal(err)
	}
	m := openModel(t, Config{DemoURL: "http://127.0.0.1:9", History: s})
	m = selectRequest(t, m, "Read item")
	m = toHistoryTab(t, m)
	m, _ = drive(t, m, keyMsg("enter"), keyMsg("2"))
	v := plain(m.View())
	if !strings.Contains(v, "exchange #1") || strings.Contains(v, "formatting…") || !strings.Contains(v, `"id": 0,`) {
		t.Errorf("the reopened body's Pretty tab is not formatted:\n%s", v)
	}
}

// The body keys follow the exchange shown: after selecting a request not sent
// yet, saving a body and the insecure resend are off (help lists no dead key),
// and back on the request sent, saving is on again.
func TestBodyKeysFollowTheExchangeShown(t *testing.T) {
	url := newLocalServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"a":1}`))
	}))
	dir := t.TempDir()
	writeHTTP(t, dir, "c.http", "### One\nGET "+url+"/one\n\n### Two\nGET "+url+"/two\n")
	m := openModel(t, Config{Dir: dir})
	m = selectRequest(t, m, "One")
	m, _ = drive(t, m, keyMsg("ctrl+r"))
	save := func() bool { return m.resp.KeyMap().Get(actionSaveBody).Enabled() }
	if !save() {
		t.Fatal("saving is off after a response with a body")
	}
	m = selectRequest(t, m, "Two")
	if save() {
		t.Error("saving is on for a request not sent yet")
	}
	m = selectRequest(t, m, "One")
	if !save() {
		t.Error("saving is off on the request sent")
	}
}
