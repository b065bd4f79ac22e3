package explainview

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/ui/keyset"
	"github.com/httplens/httplens/ui/styles"
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
