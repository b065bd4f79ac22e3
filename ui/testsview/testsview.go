// Package testsview draws the Tests tab of the response pane: for each request
// the last send ran (the one shown and the ones it depended on), each test of its
// scripts, each @expect, a failing script's error and the script's log lines. It
// imports runner, styles and termtext; never ui.
package testsview

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"github.com/httplens/httplens/runner"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/styles"
)

// Lines is the tab's text, one line each, styled; every message and log line is
// sanitised (they come from the network or a script).
func Lines(steps []runner.StepResult, st styles.Styles) []string {
	if len(steps) == 0 {
		return []string{st.Muted.Render("No tests yet: send a request. Its response handlers (> {% … %}), pre-request scripts and # @expect lines run on send.")}
	}
	s := termtext.String
	pass, fail := st.StatusClasses[2], st.SeverityError
	var out []string
	for i, r := range steps {
		if i > 0 {
			out = append(out, "")
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
		out = append(out, hs.Render(head)+"  "+st.Bold.Render(title))
		n := 0
		for _, c := range r.Checks {
			if c.Kind == runner.KindRequest && c.Passed {
				continue // the head line says what came back
			}
			n++
			out = append(out, checkLines(c, pass, fail)...)
		}
		for _, l := range r.Logs {
			out = append(out, "  "+st.Muted.Render("log ")+"  "+s(l))
		}
		if n == 0 && len(r.Logs) == 0 {
			out = append(out, "  "+st.Muted.Render("no tests: the request has no script and no # @expect"))
		}
	}
	return out
}

// checkLines is one check: its mark and name, and for a failure the message (a
// script error's stack on the lines after) and the references.
func checkLines(c runner.Check, pass, fail lipgloss.Style) []string {
	s := termtext.String
	name := s(c.Name)
	switch c.Kind {
	case runner.KindScript:
		name = "script error"
	case runner.KindFile:
		name = "file error: " + name
	}
	if c.Passed {
		return []string{"  " + pass.Render("ok  ") + "  " + name}
	}
	msg := strings.Split(strings.TrimRight(c.Message, "\n"), "\n")
	line := "  " + fail.Render("FAIL") + "  " + name
	if msg[0] != "" {
		line += ": " + s(msg[0])
	}
	if len(c.Refs) > 0 {
		line += " (" + s(strings.Join(c.Refs, ", ")) + ")"
	}
	out := []string{line}
	for _, l := range msg[1:] {
		out = append(out, "        "+s(l))
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
