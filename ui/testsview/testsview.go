// Package testsview draws the Tests tab of the response pane: for each request
// the last send ran (the one shown and the ones it depended on), each test of its
// scripts, each @expect, a failing script's error and the script's log lines. It
// imports runner, styles, termtext and uikit; never ui.
package testsview

import (
	"fmt"
	"strings"
	"sync"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"github.com/httplens/httplens/runner"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/uikit"
)

// Lines is the tab's text, one line each, styled, not wrapped; every message and
// log line is sanitised (they come from the network or a script).
func Lines(steps []runner.StepResult, st styles.Styles) []string {
	return Wrapped(steps, st, 0)
}

// Wrapped is Lines laid out within width cells: a line too long goes on over the
// lines after it, indented to where its text starts, broken between words where a
// word fits. A width under 1 wraps nothing.
func Wrapped(steps []runner.StepResult, st styles.Styles, width int) []string {
	var out []string
	for _, r := range rows(steps, st) {
		out = append(out, r.lines(width)...)
	}
	return out
}

// Tab is the Tests tab of one send, laid out again when the width it is drawn at
// changes. It is safe for concurrent use.
type Tab struct {
	steps []runner.StepResult
	st    styles.Styles

	mu            sync.Mutex
	width         int
	styled, plain []string
}

// NewTab is the Tests tab of steps.
func NewTab(steps []runner.StepResult, st styles.Styles) *Tab {
	return &Tab{steps: steps, st: st, width: -1}
}

// Lines is the tab wrapped to width cells, styled and without styles (for
// search). The slices are never changed after, so a search may read them while
// the tab is laid out for another width.
func (t *Tab) Lines(width int) (styled, plain []string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if width != t.width {
		t.width = width
		t.styled = Wrapped(t.steps, t.st, width)
		t.plain = make([]string, len(t.styled))
		for i, l := range t.styled {
			t.plain[i] = ansi.Strip(l)
		}
	}
	return t.styled, t.plain
}

// row is one line of the tab before it is wrapped: a styled prefix (indent and
// mark) and sanitised text, drawn in style when it is set.
type row struct {
	prefix string
	text   string
	style  *lipgloss.Style
}

// minText is the fewest cells a wrapped text gets, however narrow the pane: past
// that the pane cuts the line rather than wrapping it a word a line.
const minText = 12

func (r row) lines(width int) []string {
	render := func(t string) string {
		if r.style != nil {
			return r.style.Render(t)
		}
		return t
	}
	pw := ansi.StringWidth(r.prefix)
	if width < 1 || pw+ansi.StringWidth(r.text) <= width {
		return []string{r.prefix + render(r.text)}
	}
	pieces := strings.Split(uikit.WrapText(r.text, max(width-pw, minText)), "\n")
	out := make([]string, len(pieces))
	for i, p := range pieces {
		lead := r.prefix
		if i > 0 {
			lead = strings.Repeat(" ", pw)
		}
		out[i] = lead + render(p)
	}
	return out
}

func rows(steps []runner.StepResult, st styles.Styles) []row {
	if len(steps) == 0 {
		return []row{{text: "No tests yet: send a request. Its response handlers (> {% … %}), pre-request scripts and # @expect lines run on send.", style: &st.Muted}}
	}
	s := termtext.String
	pass, fail := st.StatusClasses[2], st.SeverityError
	var out []row
	for i, r := range steps {
		if i > 0 {
			out = append(out, row{})
		}
		head, hs := "PASS", pass
		if !r.Passed() {
			head, hs = "FAIL", fail
		}
		title := s(r.Name)
		if r.File != "" {
			title += fmt.Sprintf(" (%s:%d)", s(r.File), r.Line)
		}
		if x := r.Exchange; x != nil && x.Response != nil {
			title += fmt.Sprintf("  %d %s", x.Response.Status, s(x.Response.Reason))
		}
		out = append(out, row{prefix: hs.Render(head) + "  ", text: title, style: &st.Bold})
		n := 0
		for _, c := range r.Checks {
			if c.Kind == runner.KindRequest && c.Passed {
				continue // the head line says what came back
			}
			n++
			out = append(out, checkRows(c, pass, fail)...)
		}
		for _, l := range r.Logs {
			out = append(out, row{prefix: "  " + st.Muted.Render("log ") + "  ", text: s(l)})
		}
		if n == 0 && len(r.Logs) == 0 {
			out = append(out, row{prefix: "  ", text: "no tests: the request has no script and no # @expect", style: &st.Muted})
		}
	}
	return out
}

// checkRows is one check: its mark and name, and for a failure the message (a
// script error's stack on the lines after) and the references.
func checkRows(c runner.Check, pass, fail lipgloss.Style) []row {
	s := termtext.String
	name := s(c.Name)
	switch c.Kind {
	case runner.KindScript:
		name = "script error"
	case runner.KindFile:
		name = "file error: " + name
	}
	if c.Passed {
		return []row{{prefix: "  " + pass.Render("ok  ") + "  ", text: name}}
	}
	msg := strings.Split(strings.TrimRight(c.Message, "\n"), "\n")
	text := name
	if msg[0] != "" {
		text += ": " + s(msg[0])
	}
	if len(c.Refs) > 0 {
		text += " (" + s(strings.Join(c.Refs, ", ")) + ")"
	}
	out := []row{{prefix: "  " + fail.Render("FAIL") + "  ", text: text}}
	for _, l := range msg[1:] {
		out = append(out, row{prefix: "        ", text: s(l)})
	}
	return out
}

// Summary is the send's tests in a few words for the status line, e.g.
// "tests: 3 passed, 1 failed"; "" when nothing but the send itself was checked.
// failed is true when a test, an expectation or a script failed.
func Summary(steps []runner.StepResult) (text string, failed bool) {
	passed, bad := 0, 0
	scriptErr := ""
	for _, r := range steps {
		for _, c := range r.Checks {
			switch {
			case c.Kind == runner.KindRequest:
				continue // the status line says how the send went
			case c.Passed:
				passed++
			default:
				bad++
				if scriptErr == "" && (c.Kind == runner.KindScript || c.Kind == runner.KindFile) {
					scriptErr = firstLine(c.Message)
				}
			}
		}
	}
	if passed+bad == 0 {
		return "", false
	}
	text = fmt.Sprintf("tests: %d passed", passed)
	if bad > 0 {
		text += fmt.Sprintf(", %d failed", bad)
	}
	if scriptErr != "" {
		text += " · script: " + termtext.String(scriptErr)
	}
	return text, bad > 0
}

// ScriptErrors is every script or file error of the send, whole and sanitised,
// each named by its request: what the request's note shows, wrapped, since a
// stack or a long path does not fit the Tests tab's line.
func ScriptErrors(steps []runner.StepResult) []string {
	var out []string
	for _, r := range steps {
		for _, c := range r.Checks {
			if !c.Passed && (c.Kind == runner.KindScript || c.Kind == runner.KindFile) {
				out = append(out, termtext.String(r.Name+": "+c.Message))
			}
		}
	}
	return out
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}
