package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// A model told the terminal's size draws the whole screen in its first View,
// before any message: bubbletea paints that View at its first tick, one tick
// before the size message would have been drawn (issue 24). The size message
// that follows gives the same screen.
func TestFirstViewIsTheWholeScreen(t *testing.T) {
	dir := t.TempDir()
	writeHTTP(t, dir, "a.http", "### One\nGET http://127.0.0.1:1/one\n")
	m := NewWithStyles(Config{Dir: dir, Width: 120, Height: 30}, NewStyles())
	first := m.View()
	lines := strings.Split(first, "\n")
	if len(lines) != 30 || !strings.Contains(plain(first), "┌ Collection") {
		t.Fatalf("the first View is not the 120×30 screen (%d lines):\n%s", len(lines), plain(first))
	}
	sized, _ := drainOne(m, tea.WindowSizeMsg{Width: 120, Height: 30})
	if got := sized.View(); got != first {
		t.Fatalf("the size message changes the first screen:\n%s\nwas:\n%s", plain(got), plain(first))
	}
	if v := NewWithStyles(Config{Dir: dir}, NewStyles()).View(); v != "" {
		t.Fatalf("a model without a size draws before knowing it:\n%s", plain(v))
	}
}
