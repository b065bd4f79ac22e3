package testsview

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/runner"
	"github.com/httplens/httplens/ui/styles"
)

func TestLinesAndSummary(t *testing.T) {
	x := &requests.Exchange{Response: &requests.Response{Status: 200, Reason: "OK"}}
	steps := []runner.StepResult{
		{Name: "login", File: "api.http", Line: 3, Exchange: x, Checks: []runner.Check{
			{Kind: runner.KindRequest, Name: "send", Passed: true},
			{Kind: runner.KindTest, Name: "logged in", Passed: true}}, Logs: []string{"token \x1b[31mkept"}},
		{Name: "me", File: "api.http", Line: 9, Exchange: x, Checks: []runner.Check{
			{Kind: runner.KindTest, Name: "is admin", Message: "expected admin"},
			{Kind: runner.KindScript, Name: "script", Message: "api.http:12: TypeError: boom\n  at x"},
			{Kind: runner.KindExpect, Name: "@expect status 204", Message: "status 200, not 204", Refs: []string{"RFC 9110 §15.3.5"}}}},
		{Name: "plain", Exchange: x, Checks: []runner.Check{{Kind: runner.KindRequest, Name: "send", Passed: true}}},
	}
	text := ansi.Strip(strings.Join(Lines(steps, styles.New()), "\n"))
	for _, want := range []string{
		"PASS  login (api.http:3)  200 OK", "ok    logged in", "log   token ␛[31mkept", "        at x",
		"FAIL  me (api.http:9)", "FAIL  is admin: expected admin", "FAIL  script error: api.http:12: TypeError: boom",
		"FAIL  @expect status 204: status 200, not 204 (RFC 9110 §15.3.5)", "no tests: the request has no script",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("lines lack %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "\x1b[31m") {
		t.Error("a log line's escape reached the screen")
	}
	sum, failed := Summary(steps)
	if !failed || sum != "tests: 1 passed, 3 failed · script: api.http:12: TypeError: boom" {
		t.Errorf("summary %q %v", sum, failed)
	}
	if errs := ScriptErrors(steps); len(errs) != 1 || errs[0] != "me: api.http:12: TypeError: boom␊  at x" {
		t.Errorf("script errors %q", errs)
	}
	if sum, failed := Summary(steps[2:]); sum != "" || failed {
		t.Errorf("plain request summary %q", sum)
	}
}

// TestLongLinesWrapInsideWidth: a long message, a long test name and a log line
// with a word longer than the pane go on over the next lines, within the width,
// indented under their text, broken between words where a word fits.
func TestLongLinesWrapInsideWidth(t *testing.T) {
	msg := "expected the list of items to hold exactly three entries after the import but it held seven, see the import log"
	long := "https://127.0.0.1:8080/" + strings.Repeat("segment/", 8)
	steps := []runner.StepResult{{Name: "import then list", File: "items.http", Line: 12, Checks: []runner.Check{
		{Kind: runner.KindTest, Name: "the imported items are listed", Message: msg},
		{Kind: runner.KindTest, Name: "a passing test whose name alone is longer than the pane is wide", Passed: true},
	}, Logs: []string{"fetched " + long + " in 3 ms"}}}
	const width = 40
	lines := Wrapped(steps, styles.New(), width)
	plainText := make([]string, len(lines))
	for i, l := range lines {
		plainText[i] = ansi.Strip(l)
		if w := ansi.StringWidth(l); w > width {
			t.Errorf("line %d is %d cells wide, more than %d: %q", i, w, width, plainText[i])
		}
	}
	text := strings.Join(plainText, "\n")
	// Each word of the message is whole on some line: no break inside a word.
	for _, word := range strings.Fields("the imported items are listed: " + msg) {
		found := false
		for _, l := range plainText {
			for _, f := range strings.Fields(l) {
				found = found || f == word
			}
		}
		if !found {
			t.Errorf("%q is not whole on any line:\n%s", word, text)
		}
	}
	// Continuation lines start under the text, after "  FAIL  ".
	first := -1
	for i, l := range plainText {
		if strings.HasPrefix(l, "  FAIL  the imported") {
			first = i
		}
	}
	if first < 0 || !strings.HasPrefix(plainText[first+1], "        ") || strings.TrimSpace(plainText[first+1]) == "" {
		t.Errorf("no indented continuation after the FAIL line:\n%s", text)
	}
	// The word longer than the pane is broken, and nothing of it is lost.
	if joined := strings.ReplaceAll(strings.ReplaceAll(text, "\n", ""), " ", ""); !strings.Contains(joined, strings.ReplaceAll(long, " ", "")) {
		t.Errorf("the long word lost characters:\n%s", text)
	}
	// Unwrapped, the same text is one line per row.
	if n := len(Lines(steps, styles.New())); n != 4 || len(lines) <= n {
		t.Errorf("%d unwrapped lines, %d wrapped", n, len(lines))
	}
}

// TestTabLaysOutAgainForANewWidth: the tab keeps one layout per width it is asked
// for, and a layout handed out is not changed by the next.
func TestTabLaysOutAgainForANewWidth(t *testing.T) {
	steps := []runner.StepResult{{Name: "n", Checks: []runner.Check{{Kind: runner.KindTest, Name: "t",
		Message: strings.Repeat("word ", 30)}}}}
	tab := NewTab(steps, styles.New())
	narrow, narrowPlain := tab.Lines(30)
	keep := strings.Join(narrowPlain, "\n")
	wide, _ := tab.Lines(200)
	if len(wide) >= len(narrow) || len(wide) != 2 {
		t.Errorf("wide %d lines, narrow %d", len(wide), len(narrow))
	}
	if strings.Join(narrowPlain, "\n") != keep {
		t.Error("laying out again changed lines handed out before")
	}
	if again, _ := tab.Lines(30); len(again) != len(narrow) {
		t.Errorf("narrow again: %d lines, want %d", len(again), len(narrow))
	}
}
