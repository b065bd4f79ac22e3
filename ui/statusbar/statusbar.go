// Package statusbar draws the screen's bottom lines and the single-pane bar
// from plain inputs: the status line (the last message or what is in flight,
// and the environment), the hint line (the short help of the keys that act
// now) and the pane bar, with where a click on it lands. It knows nothing of
// the root model; the root gathers the inputs each frame.
package statusbar

import (
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"

	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/uikit"
)

// Status is what the status line shows.
type Status struct {
	// Text is the last message, from anywhere (network included): escaped here.
	Text string
	// Err draws Text as an error.
	Err bool
	// Busy, when not empty, replaces Text: what is in flight, already safe to
	// print (package flight escapes its label) and styled by its maker.
	Busy string
	// Env is the environment's name; empty is "none".
	Env string
}

// Line is the status line in w cells: the message on the left, the environment
// on the right; when both do not fit, the message alone, cut to w.
func Line(st styles.Styles, s Status, w int) string {
	var left string
	switch {
	case s.Busy != "":
		left = s.Busy
	case s.Err:
		left = st.ErrorText.Render(termtext.String(s.Text))
	default:
		left = st.StatusLine.Render(termtext.String(s.Text))
	}
	env := s.Env
	if env == "" {
		env = "none"
	}
	right := st.StatusLine.Render("env: " + termtext.String(env))
	gap := w - lipgloss.Width(left) - lipgloss.Width(right) - 1
	if gap < 1 {
		return uikit.Fit(left, w)
	}
	return left + strings.Repeat(" ", gap) + right + " "
}

// Hints is the hint line in w cells: the short help of keys.
func Hints(h help.Model, keys help.KeyMap, w int) string {
	return uikit.Fit(h.ShortHelpView(keys.ShortHelp()), w)
}

// Joined shows a pane's (or a field's) bindings after the global ones.
type Joined struct{ Global, Pane help.KeyMap }

// ShortHelp is the global short help, then the pane's.
func (k Joined) ShortHelp() []key.Binding {
	return append(k.Global.ShortHelp(), k.Pane.ShortHelp()...)
}

// FullHelp is the global full help, then the pane's.
func (k Joined) FullHelp() [][]key.Binding {
	return append(k.Global.FullHelp(), k.Pane.FullHelp()...)
}

// PaneBar lists the panes by name in single-pane mode, the focused one marked,
// then how to move to the next (nextKey names its key).
func PaneBar(st styles.Styles, names []string, focus int, nextKey string) string {
	var b strings.Builder
	for i, n := range names {
		s := st.Tab
		if i == focus {
			s = st.TabActive
		}
		b.WriteString(s.Render(uikit.TabLabel(n, i == focus)))
	}
	return b.String() + st.Muted.Render("  "+nextKey+": next pane")
}

// PaneAt is the index of the pane whose label in the pane bar covers column x;
// ok is false past the labels. Each label is two cells wider than its name
// (see uikit.TabLabel); names are ASCII.
func PaneAt(names []string, x int) (i int, ok bool) {
	at := 0
	for i, n := range names {
		w := len(n) + 2
		if x >= at && x < at+w {
			return i, true
		}
		at += w
	}
	return 0, false
}
