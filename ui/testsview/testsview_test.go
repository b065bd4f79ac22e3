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
