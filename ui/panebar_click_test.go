package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// At 80x24 one pane shows at a time under the pane bar: a click on a label in
// the bar focuses that pane, and the bar marks it; a click past the labels
// changes nothing.
func TestPaneBarClickFocusesThePane(t *testing.T) {
	dir := t.TempDir()
	writeHTTP(t, dir, "a.http", "### A\nGET http://127.0.0.1:9/a\n")
	m := New(Config{Dir: dir, Client: testClient(t)})
	var model tea.Model = m
	model, _ = model.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	model, _ = model.Update(m.Init()())
	if !model.(Model).lay.Single {
		t.Fatal("80x24 is not single-pane")
	}
	click := func(x int) {
		model, _ = model.Update(tea.MouseMsg{X: x, Y: 0, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
	}
	at := 0
	for p := range paneCount {
		// The label's last cell: an off-by-one in the label widths lands elsewhere.
		click(at + len(p.String()) + 1)
		if got := model.(Model).focus; got != p {
			t.Fatalf("click on %s's label focused %v", p, got)
		}
		if bar := strings.SplitN(plain(model.View()), "\n", 2)[0]; !strings.Contains(bar, "["+p.String()+"]") {
			t.Fatalf("the bar does not mark %s: %q", p, bar)
		}
		at += len(p.String()) + 2
	}
	click(at + 1) // on the "next pane" hint
	if got := model.(Model).focus; got != paneExplain {
		t.Fatalf("a click past the labels moved the focus to %v", got)
	}
}
