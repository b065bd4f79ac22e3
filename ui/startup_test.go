package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/dialogs"
)

// A bad settings file: the app starts on the defaults, says what was wrong, and
// works once the notice is closed.
func TestStartupOnBadSettings(t *testing.T) {
	srv := demoServer(t)
	conf, errs := settings.Parse("/tmp/c.toml", []byte("[request]\ntimeout = \"soon\"\n[keys]\nsend = [\"ctrl+r\", \"u\"]\n"), Actions())
	if len(errs) != 2 {
		t.Fatalf("the file should have two problems: %v", errs)
	}
	cfg := Config{DemoURL: srv.URL, Client: testClient(t), Dir: t.TempDir(), Keys: conf.Keys}
	for _, err := range errs {
		cfg.Notices = append(cfg.Notices, err.Error()+"\x1b[2J") // a file's bytes never drive the terminal
	}
	tm := teatest.NewTestModel(t, New(cfg), teatest.WithInitialTermSize(120, 36))
	waitText(t, tm, "Settings: 2 problems", "/tmp/c.toml:2: request.timeout", "/tmp/c.toml:4: keys.send",
		"also bound to edit-url", "keeps its default")
	tm.Send(tea.KeyMsg{Type: tea.KeyEsc})
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/Delete")})
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitText(t, tm, "› DELETE Delete item if")
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlR})
	waitText(t, tm, "Response 204 No Content")
	tm.Send(tea.KeyMsg{Type: tea.KeyCtrlC})
	m := tm.FinalModel(t, teatest.WithFinalTimeout(waitLong)).(Model)
	if v := m.View(); strings.Contains(v, "\x1b[2J") {
		t.Error("a notice wrote an escape sequence to the terminal")
	}
}

func TestNoNoticeOnGoodSettings(t *testing.T) {
	m := New(Config{})
	if m.overlay.Kind() != dialogs.None {
		t.Fatalf("an overlay opened without notices: %d", m.overlay.Kind())
	}
}

func TestLayoutSetting(t *testing.T) {
	tests := []struct {
		mode          string
		w, h          int
		single, stack bool
	}{
		{settings.LayoutAuto, 80, 24, true, false},
		{settings.LayoutWide, 80, 24, false, false},
		{settings.LayoutWide, 40, 12, true, false},
		{settings.LayoutStacked, 120, 40, false, true},
		{settings.LayoutStacked, 120, 10, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.mode, func(t *testing.T) {
			l := layoutFor(tt.mode, tt.w, tt.h)
			if l.Single != tt.single || l.Stacked != tt.stack {
				t.Fatalf("%dx%d: single %v stacked %v", tt.w, tt.h, l.Single, l.Stacked)
			}
			if tt.single {
				return
			}
			area := 0
			for _, r := range l.Panes {
				area += r.W * r.H
			}
			if area != tt.w*(tt.h-2) {
				t.Errorf("the panes cover %d cells of %d", area, tt.w*(tt.h-2))
			}
		})
	}
	m := New(Config{Layout: settings.LayoutStacked})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 100, Height: 40})
	if v := plain(next.View()); len(strings.Split(v, "\n")) != 40 || !strings.Contains(v, "Explain") {
		t.Errorf("the stacked view does not fill the screen:\n%s", v)
	}
}
