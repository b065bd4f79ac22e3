package explainview

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/ui/keyset"
	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/uikit"
)

// View comes from its memo only while what it draws is the same: every change
// of text, scroll position or size shows at once, in the pane and in the copies
// of the model that share the memo.
func TestViewMemoFollowsChanges(t *testing.T) {
	m := New(styles.New(), keyset.Set{})
	m.SetSize(40, 6)
	check := func(step string, m Model) string {
		t.Helper()
		got := m.View()
		if want := m.view(); got != want {
			t.Fatalf("%s: View is stale:\n%s\nwant:\n%s", step, got, want)
		}
		return got
	}
	empty := check("empty", m)
	var findings []explain.Finding
	for i := range 12 {
		findings = append(findings, explain.Finding{ID: fmt.Sprint(i), Severity: explain.Info, Title: fmt.Sprintf("Note number %d", i)})
	}
	r := explain.Report{Status: explain.Status{Code: 200, Class: "successful", Meaning: "It worked."}, Findings: findings}
	before := m // a copy made before the report, sharing the memo
	m.SetReport(&r, "OK")
	top := check("report", m)
	if top == empty {
		t.Fatal("the report does not show")
	}
	m, _ = m.Update(tea.MouseMsg{Button: tea.MouseButtonWheelDown})
	if scrolled := check("scrolled", m); scrolled == top {
		t.Fatal("scrolling does not show")
	}
	if got := check("the copy from before", before); got != empty {
		t.Fatalf("a copy made before the report shows:\n%s", got)
	}
	m.SetNote("A note above it all")
	if !strings.Contains(check("note", m), "A note above") {
		t.Fatal("the note does not show")
	}
	m.SetSize(30, 8)
	if v := check("resized", m); len(strings.Split(v, "\n")) != 8 {
		t.Fatalf("resized view has %d lines", len(strings.Split(v, "\n")))
	}
}

// The pane's lines are taken from the text, not from the viewport's View
// (issue 24): the screen is the same, in colour, empty, with a report,
// scrolled, narrow, with a word wider than the pane and with a tab.
func TestShownIsTheViewportsView(t *testing.T) {
	was := lipgloss.ColorProfile()
	lipgloss.SetColorProfile(termenv.TrueColor)
	defer lipgloss.SetColorProfile(was)
	var findings []explain.Finding
	for i := range 12 {
		findings = append(findings, explain.Finding{ID: fmt.Sprint(i), Severity: []explain.Severity{explain.Info, explain.Warning, explain.Error}[i%3], Title: fmt.Sprintf("Note number %d, long enough to wrap in a narrow pane", i)})
	}
	r := explain.Report{Status: explain.Status{Code: 404, Class: "client error", Meaning: "Not there."}, Findings: findings}
	same := func(step string, m Model) {
		t.Helper()
		got := uikit.FitBlock(m.shown(), m.w, m.h)
		want := uikit.FitBlock(strings.Split(m.vp.View(), "\n"), m.w, m.h)
		if got != want {
			t.Fatalf("%s:\n got %q\nwant %q", step, got, want)
		}
	}
	for _, size := range [][2]int{{40, 6}, {12, 20}, {80, 3}} {
		m := New(styles.New(), keyset.Set{})
		m.SetSize(size[0], size[1])
		same("empty", m)
		m.SetEmpty("https://127.0.0.1:8080/a/path/far/wider/than/any/pane/that/the/test/draws?with=a&query")
		same("a wide word", m)
		m.SetEmpty("a\ttab")
		same("a tab", m)
		m.setContent("a\ttab, which lipgloss turns into spaces\n" + strings.Repeat("wide", 30)) // neither comes from the wrapped text
		same("a raw tab and a line wider than the pane", m)
		m.setContent("a\ttab\nand a\rcarriage return")
		same("a raw tab", m)
		m.setContent(strings.Repeat("wide", 30) + "\nand more")
		same("a line wider than the pane", m)
		m.SetReport(&r, "Not Found")
		m.Focus()
		same("report", m)
		for range 3 {
			m, _ = m.Update(tea.MouseMsg{Button: tea.MouseButtonWheelDown})
			same("scrolled", m)
		}
	}
}
