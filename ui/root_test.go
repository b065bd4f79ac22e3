package ui

import (
	"bytes"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/httplens/httplens/ui/dialogs"
)

// Generous: CI machines are slow and shared.
const waitLong = 20 * time.Second

func startRoot(t *testing.T, cfg Config, w, h int) *teatest.TestModel {
	t.Helper()
	if cfg.Client == nil {
		cfg.Client = testClient(t)
	}
	if cfg.Dir == "" {
		cfg.Dir = t.TempDir()
	}
	return teatest.NewTestModel(t, New(cfg), teatest.WithInitialTermSize(w, h))
}

// waitText waits until the program's output contains every one of want.
func waitText(t *testing.T, tm *teatest.TestModel, want ...string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		for _, w := range want {
			if !bytes.Contains(b, []byte(w)) {
				return false
			}
		}
		return true
	}, teatest.WithDuration(waitLong), teatest.WithCheckInterval(20*time.Millisecond))
}

func sendKeys(tm *teatest.TestModel, keys ...string) {
	for _, k := range keys {
		tm.Send(keyMsg(k))
	}
}

func finalView(t *testing.T, tm *teatest.TestModel) string {
	t.Helper()
	tm.Send(keyMsg("ctrl+c"))
	return tm.FinalModel(t, teatest.WithFinalTimeout(waitLong)).View()
}

func TestRootFilterGolden(t *testing.T) {
	tm := startRoot(t, Config{DemoURL: demoServer(t).URL}, 110, 30)
	waitText(t, tm, "Opened the built-in tour")
	tm.Send(keyMsg("/"))
	tm.Type("Delete")
	tm.Send(keyMsg("enter"))
	waitText(t, tm, "Collection · filter")
	golden.RequireEqual(t, []byte(finalView(t, tm)))
}

func TestRootHelpOverlayGolden(t *testing.T) {
	tm := startRoot(t, Config{DemoURL: demoServer(t).URL}, 110, 44)
	waitText(t, tm, "Opened the built-in tour")
	tm.Send(keyMsg("?"))
	waitText(t, tm, "esc or ? closes this help")
	golden.RequireEqual(t, []byte(finalView(t, tm)))
}

func TestRootSendDeleteShows204AndExplains(t *testing.T) {
	tm := startRoot(t, Config{DemoURL: demoServer(t).URL}, 120, 36)
	waitText(t, tm, "Opened the built-in tour")
	tm.Send(keyMsg("/"))
	tm.Type("Delete")
	sendKeys(tm, "enter", "ctrl+r")
	// The delete needs updateItem's ETag, which needs readItem's: both go first.
	waitText(t, tm, "Response 204 No Content", "DELETE Delete item if unchanged (first readAgain) → 204")
	view := plain(finalView(t, tm))
	for _, w := range []string{"Response 204 No Content", "204 No Content · successful", "HTTP/1.1 204 No Content"} {
		if !strings.Contains(view, w) {
			t.Errorf("final view lacks %q:\n%s", w, view)
		}
	}
}

func TestRootFailedRequestLeavesAppUsable(t *testing.T) {
	dir := t.TempDir()
	writeHTTP(t, dir, "closed.http", "### Closed port\nGET http://"+closedAddr(t)+"/x\n")
	tm := startRoot(t, Config{Dir: dir}, 120, 36)
	waitText(t, tm, "Closed port")
	sendKeys(tm, "ctrl+r")
	waitText(t, tm, "Request failed", "refused")
	sendKeys(tm, "tab", "tab", "?")
	waitText(t, tm, "esc or ? closes this help")
	sendKeys(tm, "esc")
	view := plain(finalView(t, tm))
	if !strings.Contains(view, "Failed:") || !strings.Contains(view, "[Raw]") {
		t.Errorf("final view:\n%s", view)
	}
}

func TestRootEscCancelsRequestInFlight(t *testing.T) {
	hold := make(chan struct{})
	srv := newLocalServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-hold:
		}
	}))
	t.Cleanup(func() { close(hold) })
	dir := t.TempDir()
	writeHTTP(t, dir, "slow.http", "### Slow\nGET "+srv+"/slow\n")
	tm := startRoot(t, Config{Dir: dir}, 120, 36)
	waitText(t, tm, "Slow")
	sendKeys(tm, "ctrl+r")
	waitText(t, tm, "Sending GET Slow")
	sendKeys(tm, "esc")
	waitText(t, tm, "Cancelled: GET Slow")
	sendKeys(tm, "q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(waitLong))
}

func TestRootResizeKeepsScreenWhole(t *testing.T) {
	tm := startRoot(t, Config{DemoURL: demoServer(t).URL}, 120, 36)
	waitText(t, tm, "Opened the built-in tour")
	tm.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
	waitText(t, tm, "[Collection]")
	tm.Send(tea.WindowSizeMsg{Width: 120, Height: 36})
	view := finalView(t, tm)
	assertSize(t, view, 120, 36)
}

func writeHTTP(t testing.TB, dir, name, content string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// closedAddr is a 127.0.0.1 address nobody listens on.
func closedAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

func TestRootSplitsTypedBursts(t *testing.T) {
	m := New(Config{Dir: t.TempDir(), Client: testClient(t)})
	var model tea.Model = m
	model, _ = model.Update(tea.WindowSizeMsg{Width: 120, Height: 36})
	model, _ = model.Update(m.Init()())
	model, _ = model.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/Delete")})
	root := model.(Model)
	if !root.tree.Editing() || root.tree.FilterValue() != "Delete" {
		t.Fatalf("burst gave filter %q (editing %v)", root.tree.FilterValue(), root.tree.Editing())
	}
}

func TestRootMouseFocusAndEnvSwitch(t *testing.T) {
	dir := t.TempDir()
	srv := demoServer(t)
	writeHTTP(t, dir, "env.http", "### Items\nGET {{host}}/items\n")
	writeHTTP(t, dir, "http-client.env.json", `{"dev": {"host": "`+srv.URL+`"}, "prod": {"host": "http://127.0.0.1:9"}}`)
	m := New(Config{Dir: dir, Env: "dev", Client: testClient(t)})
	var model tea.Model = m
	model, _ = model.Update(tea.WindowSizeMsg{Width: 120, Height: 36})
	model, _ = model.Update(m.Init()())
	root := model.(Model)
	r := root.lay.Panes[paneResponse]
	model, _ = model.Update(tea.MouseMsg{X: r.X + 3, Y: r.Y + 3, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
	if got := model.(Model).focus; got != paneResponse {
		t.Errorf("click in the response pane focused %v", got)
	}
	// ctrl+e opens the picker on the current environment (none, dev, prod).
	model, _ = model.Update(keyMsg("ctrl+e"))
	if v := plain(model.View()); !strings.Contains(v, "› dev") || !strings.Contains(v, "prod") {
		t.Fatalf("the picker does not show the environments:\n%s", v)
	}
	model, _ = model.Update(keyMsg("down"))
	model, _ = model.Update(keyMsg("enter"))
	if got := model.(Model).env; got != "prod" {
		t.Errorf("picking the row after dev gave %q, want prod", got)
	}
	model, _ = model.Update(keyMsg("ctrl+e"))
	model, _ = model.Update(keyMsg("down"))
	model, _ = model.Update(keyMsg("down"))
	model, _ = model.Update(keyMsg("enter"))
	if got := model.(Model).env; got != "dev" {
		t.Errorf("two rows down from prod (wrapping past none) gave %q, want dev", got)
	}
	model, _ = model.Update(keyMsg("ctrl+e"))
	model, _ = model.Update(keyMsg("esc"))
	if got := model.(Model).env; got != "dev" || model.(Model).overlay.Kind() != dialogs.None {
		t.Errorf("esc changed the environment to %q or left the picker open", got)
	}
	if !strings.Contains(plain(model.View()), "env: dev") {
		t.Error("status line does not name the environment")
	}
}
