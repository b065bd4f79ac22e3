package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/settings"
)

// joinedView is the screen drawn the general way, as View drew the four panes
// before the tiled path: each pane framed, the boxes joined by lipgloss and every
// line fitted again.
func joinedView(m Model) string {
	var body string
	if m.lay.Stacked {
		body = lipgloss.JoinVertical(lipgloss.Left, m.paneView(paneTree), m.paneView(paneRequest),
			m.paneView(paneResponse), m.paneView(paneExplain))
	} else {
		top := lipgloss.JoinHorizontal(lipgloss.Top, m.paneView(paneTree), m.paneView(paneRequest))
		bottom := lipgloss.JoinHorizontal(lipgloss.Top, m.paneView(paneResponse), m.paneView(paneExplain))
		body = top + "\n" + bottom
	}
	lines := append(strings.Split(body, "\n"), m.statusLine(), m.helpLine())
	return fitBlock(lines[:min(len(lines), m.h)], m.w, m.h)
}

// TestTiledViewIsTheJoinedView walks a session (load, send, scroll, move the
// focus, resize) in the wide and stacked layouts and checks after every step
// that the tiled screen, with its boxes reused from the memo, is byte for byte
// the screen drawn from scratch: a box the memo kept after its pane changed (or
// lost or gained the focus) would show here.
func TestTiledViewIsTheJoinedView(t *testing.T) {
	// In colour, so that a focused box differs from the others.
	lipgloss.SetColorProfile(termenv.ANSI256)
	t.Cleanup(func() { lipgloss.SetColorProfile(termenv.Ascii) })
	url := jsonServer(t)
	for _, tc := range []struct {
		layout string
		w, h   int
	}{{settings.LayoutAuto, 160, 45}, {settings.LayoutWide, 80, 24}, {settings.LayoutStacked, 90, 40}} {
		t.Run(tc.layout, func(t *testing.T) {
			dir := t.TempDir()
			writeHTTP(t, dir, "c.http", "### Big\nGET "+url+"/40000\n\n### Small\nGET "+url+"/300\n")
			m := New(Config{Dir: dir, Layout: tc.layout, Client: requests.NewClient(requests.Options{}),
				Options: requests.Options{SpoolDir: t.TempDir()}})
			m, _ = drainOne(m, tea.WindowSizeMsg{Width: tc.w, Height: tc.h})
			m, _ = drainOne(m, m.Init()())
			if !m.tiled() {
				t.Fatalf("%dx%d %s: not tiled", tc.w, tc.h, tc.layout)
			}
			check := func(step string) {
				t.Helper()
				if got, want := m.View(), joinedView(m); got != want {
					t.Fatalf("after %s the tiled view differs from the joined one:\n%s\n---\n%s", step, got, want)
				}
			}
			check("load")
			steps := []tea.Msg{keyMsg("ctrl+r"), keyMsg("tab"), keyMsg("down"), keyMsg("down"), keyMsg("up"),
				keyMsg("pgdown"), keyMsg("tab"), keyMsg("down"), keyMsg("shift+tab"), keyMsg("shift+tab"),
				keyMsg("shift+tab"), keyMsg("down"), keyMsg("ctrl+r"), keyMsg("tab"), keyMsg("tab"), keyMsg("end"),
				tea.WindowSizeMsg{Width: tc.w + 7, Height: tc.h + 3}, keyMsg("up")}
			for i, msg := range steps {
				m, _ = drainOne(m, msg)
				if i == 0 {
					m.setFocus(paneResponse)
				}
				check(strings.TrimSpace(strings.ReplaceAll(fmtMsg(msg), "\n", " ")))
			}
		})
	}
}

func fmtMsg(msg tea.Msg) string {
	if k, ok := msg.(tea.KeyMsg); ok {
		return k.String()
	}
	return "resize"
}
