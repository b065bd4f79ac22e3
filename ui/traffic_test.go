package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/exchangelist"
)

// driveTraffic feeds msgs to the traffic program, running the commands they
// return (a quit is reported, not run).
func driveTraffic(t *testing.T, m Traffic, msgs ...tea.Msg) (Traffic, bool) {
	t.Helper()
	for _, msg := range msgs {
		tm, cmd := m.Update(msg)
		m = tm.(Traffic)
		for cmd != nil {
			next := cmd()
			if _, ok := next.(tea.QuitMsg); ok {
				return m, true
			}
			if next == nil {
				break
			}
			tm, cmd = m.Update(next)
			m = tm.(Traffic)
		}
	}
	return m, false
}

// The traffic program's ? overlay lists its keys, from the action table's
// traffic scope with the keys in force; q types into the save prompt rather
// than quitting, and quits otherwise.
func TestTrafficHelpListsItsKeys(t *testing.T) {
	km := settings.DefaultKeymap(Actions())
	km[actionSaveAsRequest] = []string{"w"}
	m := NewTraffic(TrafficConfig{Keys: km, Source: exchangelist.Source{HARPath: "../har/testdata/chrome.har", Dir: t.TempDir(), SaveTo: "x.http"}}, NewStyles())
	m, _ = driveTraffic(t, m, tea.WindowSizeMsg{Width: 120, Height: 30}, m.Init()())
	if v := ansi.Strip(m.View()); !strings.Contains(v, "w save as request") || !strings.Contains(v, "https://shop.example/") {
		t.Fatalf("hint line or list:\n%s", v)
	}
	m, _ = driveTraffic(t, m, keyMsg("?"))
	v := ansi.Strip(m.View())
	for _, a := range actionTable() {
		if inScope(a.ActionInfo, scopeTraffic) && !strings.Contains(v, a.Help) {
			t.Errorf("help lacks %s (%q):\n%s", a.ID, a.Help, v)
		}
	}
	m, _ = driveTraffic(t, m, keyMsg("esc"), keyMsg("w"))
	m, quit := driveTraffic(t, m, keyMsg("q"))
	if quit || !strings.Contains(ansi.Strip(m.View()), "Save to: x.httpq") {
		t.Fatalf("q did not type into the prompt (quit %v):\n%s", quit, ansi.Strip(m.View()))
	}
	m, _ = driveTraffic(t, m, keyMsg("esc"))
	if _, quit = driveTraffic(t, m, keyMsg("q")); !quit {
		t.Error("q does not quit")
	}
}
