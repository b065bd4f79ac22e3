package runner

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/scripts"
)

func checkNamed(t *testing.T, r StepResult, name string) Check {
	t.Helper()
	for _, c := range r.Checks {
		if c.Name == name {
			return c
		}
	}
	t.Fatalf("step %q has no check %q: %+v", r.Name, name, r.Checks)
	return Check{}
}

func TestLoginTokenThenAuthorisedCall(t *testing.T) {
	s := newSuite(startDemo(t))
	s.add("me before login", "GET", "{{host}}/me", "", nil, expects("status 401", "header WWW-Authenticate"))
	s.add("login", "POST", "{{host}}/login", "", post(`
		client.test("a token came back", function () {
			client.assert(typeof response.body.token === "string" && response.body.token.length > 0, "no token in " + JSON.stringify(response.body));
		});
		client.global.set("token", response.body.token);
		client.log("token kept");
	`, 20), expects("status 200", "cacheable none", "no-errors"))
	s.add("me", "GET", "{{host}}/me", "", post(`
		client.test("authorised", () => client.assert(response.status === 200, "status " + response.status));
		client.test("user", () => client.assert(jsonPath(response.body, "$.user") === "demo"));
	`, 30), expects("status 2xx", "cacheable private"), "Authorization", "Bearer {{token}}")

	rep := Run(context.Background(), s.steps, Options{Engine: &scripts.Engine{Globals: s.globals}})
	if code := rep.ExitCode(); code != ExitPassed {
		for _, st := range rep.Steps {
			t.Log(strings.Join(Lines(st), "\n"))
		}
		t.Fatalf("exit code %d, want 0", code)
	}
	if tok, ok := s.globals.Lookup("token"); !ok || len(tok) != 32 {
		t.Errorf("global token = %q", tok)
	}
	me := rep.Steps[2]
	var auth string
	for _, h := range me.Exchange.Request.Headers {
		if strings.EqualFold(h.Name, "Authorization") {
			auth = h.Value
		}
	}
	if !strings.HasPrefix(auth, "Bearer ") || strings.Contains(auth, "{{") {
		t.Errorf("the token did not reach the request: %v", me.Exchange.Request.Headers)
	}
	if !checkNamed(t, me, "authorised").Passed || !checkNamed(t, me, "user").Passed {
		t.Errorf("me: %+v", me.Checks)
	}
	if logs := rep.Steps[1].Logs; len(logs) != 1 || logs[0] != "token kept" {
		t.Errorf("logs %q", logs)
	}
	if checks, failed := rep.Counts(); failed != 0 || checks != 13 {
		t.Errorf("counts %d checks, %d failed; want 13, 0", checks, failed)
	}
}

func TestFailuresDoNotStopTheRun(t *testing.T) {
	s := newSuite(startDemo(t))
	s.add("failing test", "GET", "{{host}}/items/1", "", post(`client.test("is 201", () => client.assert(response.status === 201, "want 201"))`, 2), nil)
	s.add("throws", "GET", "{{host}}/items/1", "", post("var x = response.body;\nx.nope.deeper", 5), nil)
	s.add("loops", "GET", "{{host}}/items/1", "", post("while (true) {}", 8), nil)
	s.add("require fs", "GET", "{{host}}/items/1", "", post(`require('fs').readFileSync('/etc/passwd')`, 11), nil)
	s.add("wrong expectation", "GET", "{{host}}/items/1", "", nil, expects("status 204", "header ETag"))
	s.add("still runs", "GET", "{{host}}/items/1", "", post(`client.test("ok", () => {})`, 14), expects("status 200"))

	engine := &scripts.Engine{Globals: s.globals, Timeout: 200 * time.Millisecond}
	rep := Run(context.Background(), s.steps, Options{Engine: engine})
	if rep.ExitCode() != ExitFailed {
		t.Fatalf("exit code %d, want 1", rep.ExitCode())
	}
	want := []struct {
		check, contains string
	}{
		{"is 201", "want 201"},
		{"script", "TypeError"},
		{"script", "time limit"},
		{"script", `require("fs") is not available`},
		{"@expect status 204", "status 200, not 204"},
	}
	for i, w := range want {
		st := rep.Steps[i]
		if st.Passed() {
			t.Errorf("step %q passed", st.Name)
		}
		c := checkNamed(t, st, w.check)
		if c.Passed || !strings.Contains(c.Message, w.contains) {
			t.Errorf("step %q check %q: %+v, want a failure saying %q", st.Name, w.check, c, w.contains)
		}
	}
	if c := checkNamed(t, rep.Steps[1], "script"); !strings.Contains(c.Message, "suite.http:6") {
		t.Errorf("the script error names the file line: %q", c.Message)
	}
	if c := checkNamed(t, rep.Steps[4], "@expect status 204"); len(c.Refs) == 0 || !strings.HasPrefix(c.Refs[0], "RFC 9110") {
		t.Errorf("a semantic check carries its RFC reference: %+v", c)
	}
	if !checkNamed(t, rep.Steps[4], "@expect header ETag").Passed {
		t.Error("header ETag on /items/1 should pass")
	}
	if last := rep.Steps[5]; !last.Passed() {
		t.Errorf("the step after the failures: %+v", last.Checks)
	}
}

func TestFileErrorsExitTwoAndSendNothing(t *testing.T) {
	s := newSuite(startDemo(t))
	s.add("bad directive", "DELETE", "{{host}}/items/1", "", nil, expects("status 204", "statuz 204"))
	s.add("missing handler", "DELETE", "{{host}}/items/2", "", []Script{{File: "./nope.js", Line: 21}}, nil)
	s.add("fine", "GET", "{{host}}/items/1", "", nil, expects("status 200"))
	rep := Run(context.Background(), s.steps, Options{})
	if rep.ExitCode() != ExitFileErrors {
		t.Fatalf("exit code %d, want 2", rep.ExitCode())
	}
	c := checkNamed(t, rep.Steps[0], "@expect statuz 204")
	if c.Kind != KindFile || !strings.Contains(c.Message, "suite.http:101: ") || !strings.Contains(c.Message, `unknown check "statuz"`) {
		t.Errorf("bad directive: %+v", c)
	}
	if rep.Steps[0].Exchange != nil || rep.Steps[1].Exchange != nil {
		t.Error("a step with file errors was sent")
	}
	if c := checkNamed(t, rep.Steps[1], "script file"); !strings.Contains(c.Message, "suite.http:21: ") || !strings.Contains(c.Message, "nope.js") {
		t.Errorf("missing handler: %+v", c)
	}
	// The DELETE of item 1 was not sent, so the next GET still finds it.
	if !rep.Steps[2].Passed() {
		t.Errorf("fine: %+v", rep.Steps[2].Checks)
	}
}

func TestHandlerFileBesideTheHTTPFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "check.js"), []byte(`client.test("from a file", () => client.assert(response.status === 200));`), 0o644); err != nil {
		t.Fatal(err)
	}
	s := newSuite(startDemo(t))
	s.add("file handler", "GET", "{{host}}/items/1", "", []Script{{File: "./check.js", Line: 4}}, nil)
	s.steps[0].File = filepath.Join(dir, "api.http")
	rep := Run(context.Background(), s.steps, Options{})
	if rep.ExitCode() != ExitPassed || !checkNamed(t, rep.Steps[0], "from a file").Passed {
		t.Fatalf("%+v", rep.Steps[0].Checks)
	}
}

// TestHandlerFileReadOncePerRun: requests naming the same handler file share one
// reading of it: the run goes on with it after the file is gone.
func TestHandlerFileReadOncePerRun(t *testing.T) {
	dir := t.TempDir()
	check := filepath.Join(dir, "check.js")
	if err := os.WriteFile(check, []byte(`client.test("from a file", () => client.assert(response.status === 200));`), 0o644); err != nil {
		t.Fatal(err)
	}
	s := newSuite(startDemo(t))
	for range 3 {
		s.add("file handler", "GET", "{{host}}/items/1", "", []Script{{File: "./check.js", Line: 4}}, nil)
	}
	for i := range s.steps {
		s.steps[i].File = filepath.Join(dir, "api.http")
	}
	rep := Run(context.Background(), s.steps, Options{Progress: func(i, n int, r StepResult) {
		if i == 0 {
			_ = os.Remove(check)
		}
	}})
	if rep.ExitCode() != ExitPassed || len(rep.Steps) != 3 || !checkNamed(t, rep.Steps[2], "from a file").Passed {
		t.Fatalf("exit %d: %+v", rep.ExitCode(), rep.Steps[len(rep.Steps)-1].Checks)
	}
}

func TestPreRequestScriptSetsVariable(t *testing.T) {
	s := newSuite(startDemo(t))
	s.add("pre", "GET", "{{host}}/items/{{id}}", "", []Script{{Pre: true, Line: 1, Source: `
		client.log(request.url.getRaw(), request.url.tryGetSubstituted().startsWith("http://127.0.0.1"));
		request.variables.set("id", "2");
	`}}, expects("status 200"))
	rep := Run(context.Background(), s.steps, Options{})
	st := rep.Steps[0]
	if rep.ExitCode() != ExitPassed || !strings.HasSuffix(st.Exchange.Request.URL, "/items/2") {
		t.Fatalf("exit %d, url %s, checks %+v", rep.ExitCode(), st.Exchange.Request.URL, st.Checks)
	}
	if len(st.Logs) != 1 || st.Logs[0] != "{{host}}/items/{{id}} true" {
		t.Errorf("logs %q", st.Logs)
	}
	// Without the script, {{id}} is undefined: the request fails to resolve.
	s2 := newSuite(s.file["host"])
	s2.add("no pre", "GET", "{{host}}/items/{{id}}", "", nil, nil)
	rep = Run(context.Background(), s2.steps, Options{})
	if rep.ExitCode() != ExitFailed || !strings.Contains(checkNamed(t, rep.Steps[0], "resolve").Message, "{{id}} is not defined") {
		t.Errorf("%+v", rep.Steps[0].Checks)
	}
}

func TestFailOnFindings(t *testing.T) {
	base := startDemo(t)
	for _, c := range []struct {
		failOn explain.Severity
		path   string
		code   int
	}{
		{"", "/broken/etag-unquoted", ExitPassed},
		{explain.Error, "/broken/etag-unquoted", ExitFailed},
		{explain.Error, "/items/1", ExitPassed},
	} {
		s := newSuite(base)
		s.add("lint", "GET", "{{host}}"+c.path, "", nil, nil)
		rep := Run(context.Background(), s.steps, Options{FailOn: c.failOn})
		if rep.ExitCode() != c.code {
			t.Errorf("fail-on %q %s: exit %d, want %d: %+v", c.failOn, c.path, rep.ExitCode(), c.code, rep.Steps[0].Checks)
		}
		if c.code == ExitFailed {
			f := checkNamed(t, rep.Steps[0], "finding etag-syntax")
			if f.Kind != KindFinding || len(f.Refs) == 0 {
				t.Errorf("finding check %+v", f)
			}
		}
	}
	// warn also fails on warnings: a 201 to POST /items has no warning, but
	// /status/299 (unregistered) has one.
	s := newSuite(base)
	s.add("warn", "GET", "{{host}}/status/299", "", nil, nil)
	if rep := Run(context.Background(), s.steps, Options{FailOn: explain.Warning}); rep.ExitCode() != ExitFailed {
		t.Errorf("fail-on warn: exit %d: %+v", rep.ExitCode(), rep.Steps[0].Checks)
	}
	if rep := Run(context.Background(), s.steps, Options{FailOn: explain.Error}); rep.ExitCode() != ExitPassed {
		t.Errorf("fail-on error on a warning: exit %d", rep.ExitCode())
	}
}

func TestConnectionRefusedFailsTheStep(t *testing.T) {
	s := newSuite("http://127.0.0.1:1")
	s.add("nobody home", "GET", "{{host}}/", "", post(`client.test("never", () => {})`, 1), nil)
	rep := Run(context.Background(), s.steps, Options{})
	c := checkNamed(t, rep.Steps[0], "send")
	if rep.ExitCode() != ExitFailed || c.Passed || c.Message == "" {
		t.Fatalf("%+v", rep.Steps[0].Checks)
	}
	if len(rep.Steps[0].Checks) != 1 {
		t.Errorf("handlers ran without a response: %+v", rep.Steps[0].Checks)
	}
}

func TestLinesEscapeHostileText(t *testing.T) {
	s := newSuite(startDemo(t))
	s.add("hostile", "GET", "{{host}}/items/1", "", post(`client.log("\x1b]0;owned\x07\x1b[31mred"); client.test("t\x1b[2J", () => client.assert(false, "\x1b[H"))`, 1), nil)
	rep := Run(context.Background(), s.steps, Options{})
	text := strings.Join(Lines(rep.Steps[0]), "\n")
	if strings.ContainsAny(text, "\x1b\x07") {
		t.Fatalf("control bytes reached the output: %q", text)
	}
	if !strings.Contains(text, `\x1b]0;owned\x07\x1b[31mred`) {
		t.Errorf("escaped text missing: %q", text)
	}
	var js bytes.Buffer
	if err := WriteJSON(&js, rep); err != nil {
		t.Fatal(err)
	}
	var decoded struct {
		Requests []struct {
			Logs []string `json:"logs"`
		} `json:"requests"`
	}
	if err := json.Unmarshal(js.Bytes(), &decoded); err != nil || decoded.Requests[0].Logs[0] != "\x1b]0;owned\x07\x1b[31mred" {
		t.Errorf("JSON keeps the log exactly (escaped by JSON itself): %v %q", err, js.String())
	}
}

// TestBodyCutShort: a response whose body ends before its Content-Length fails the
// request, unless the request expects the error finding that names it; --fail-on
// does not fail it again for that expected finding.
func TestBodyCutShort(t *testing.T) {
	base := startDemo(t)
	for _, tc := range []struct {
		name    string
		expects []Directive
		failOn  explain.Severity
		passed  bool
	}{
		{"no expectation", nil, "", false},
		{"another finding expected", expects("finding etag-syntax"), "", false},
		{"its finding expected", expects("finding content-length-mismatch"), "", true},
		{"its finding expected, fail on errors", expects("finding content-length-mismatch"), explain.Error, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := newSuite(base)
			s.add("cut", "GET", "{{host}}/broken/length-mismatch", "", nil, tc.expects)
			rep := Run(context.Background(), s.steps, Options{FailOn: tc.failOn})
			st := rep.Steps[0]
			if st.Exchange == nil || st.Exchange.Response == nil || st.Exchange.Err == nil {
				t.Fatalf("want a response head and a body error: %+v", st.Exchange)
			}
			send := checkNamed(t, st, "send")
			if send.Passed != tc.passed || !strings.Contains(send.Message, "200 OK, then ") {
				t.Errorf("send check %+v", send)
			}
			if st.Passed() != tc.passed {
				t.Errorf("passed = %v, want %v: %s", st.Passed(), tc.passed, strings.Join(Lines(st), "\n"))
			}
		})
	}
}
