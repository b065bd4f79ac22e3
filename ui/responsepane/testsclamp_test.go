package responsepane

import (
	"strings"
	"testing"

	"github.com/httplens/httplens/runner"
	rc "github.com/httplens/httplens/ui/responsecontent"
	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/uimsg"
)

// TestTestsTabStaysInBoundsWhenWidened: the Tests tab wraps to the pane's width,
// so widening the pane shortens it; a view scrolled to the end must still end on
// the last line, not past it on blank rows.
func TestTestsTabStaysInBoundsWhenWidened(t *testing.T) {
	long := strings.Repeat("the status was not the one expected ", 6)
	var checks []runner.Check
	for i := range 8 {
		checks = append(checks, runner.Check{Kind: runner.KindTest, Name: "check " + string(rune('a'+i)), Message: long})
	}
	c := rc.New(jsonExchange(`{}`), styles.New())
	c.SetTests([]runner.StepResult{{Name: "read", Checks: checks}}, styles.New())
	p := newPane(30, 10)
	p.SetContent(c)
	p, _ = p.Update(uimsg.RunAction{ID: ActionTests})
	p = press(t, p, keyMsg("end"))
	narrow := p.lineCount()
	p.SetSize(120, 10)
	if p.lineCount() >= narrow {
		t.Fatalf("widening did not shorten the Tests tab: %d then %d lines", narrow, p.lineCount())
	}
	view := strings.Split(plain(p.View()), "\n")
	assertSize(t, p.View(), 120, 10)
	last, _ := c.Tests.Lines(120)
	want := strings.TrimSpace(plain(last[len(last)-1]))
	if got := strings.TrimSpace(view[len(view)-1]); got != want {
		t.Errorf("the view does not end on the last line %q:\n%s", want, strings.Join(view, "\n"))
	}
	// Back to narrow and to the top: nothing left over from the clamp.
	p.SetSize(30, 10)
	p = press(t, p, keyMsg("home"))
	if got := strings.TrimSpace(strings.Split(plain(p.View()), "\n")[1]); got == "" {
		t.Errorf("the top of the Tests tab is blank")
	}
}
