package scripts

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dop251/goja"
)

func jsonResponse(body string) *Response {
	return &Response{Status: 200, Headers: []Header{
		{Name: "Content-Type", Value: "application/json; charset=utf-8"}, {Name: "Set-Cookie", Value: "a=1"}, {Name: "set-cookie", Value: "b=2"},
	}, Body: []byte(body)}
}

func run(t *testing.T, e *Engine, src string, env Env) Outcome {
	t.Helper()
	return e.Run(context.Background(), Program{Name: "t.http", Source: src, Line: 3}, env)
}

func TestHandlerSeesResponse(t *testing.T) {
	g := &Globals{}
	e := &Engine{Globals: g}
	out := run(t, e, `
		client.global.set("token", response.body.token);
		client.global.set("n", response.body.items.length);
		client.global.set("obj", response.body.items);
		client.log("status", response.status, response.contentType.mimeType, response.contentType.charset);
		client.log(response.headers.valueOf("CONTENT-TYPE"));
		client.log(JSON.stringify(response.headers.valuesOf("set-cookie")), response.headers.valueOf("X-None"));
		client.log(jsonPath(response.body, "$.items[1].id"), jsonPath(response.body, "$.items[*].id"));
	`, Env{Response: jsonResponse(`{"token":"abc","items":[{"id":1},{"id":2}]}`)})
	if out.Err != nil {
		t.Fatal(out.Err)
	}
	want := map[string]string{"token": "abc", "n": "2", "obj": `[{"id":1},{"id":2}]`}
	for k, v := range want {
		if got, _ := g.Lookup(k); got != v {
			t.Errorf("global %s = %q, want %q", k, got, v)
		}
	}
	wantLogs := []string{
		"status 200 application/json utf-8",
		"application/json; charset=utf-8",
		`["a=1","b=2"] null`,
		"2 [1,2]",
	}
	if strings.Join(out.Logs, "\n") != strings.Join(wantLogs, "\n") {
		t.Errorf("logs:\n%s\nwant:\n%s", strings.Join(out.Logs, "\n"), strings.Join(wantLogs, "\n"))
	}
}

func TestBodyIsStringUnlessJSON(t *testing.T) {
	e := &Engine{}
	for _, c := range []struct{ ctype, body, want string }{
		{"text/plain", `{"a":1}`, "string"},
		{"application/problem+json", `{"a":1}`, "object"},
		{"application/json", `not json`, "string"},
	} {
		out := run(t, e, `client.log(typeof response.body)`, Env{Response: &Response{
			Status: 200, Headers: []Header{{Name: "Content-Type", Value: c.ctype}}, Body: []byte(c.body)}})
		if out.Err != nil || len(out.Logs) != 1 || out.Logs[0] != c.want {
			t.Errorf("%s %q: logs %q err %v, want %s", c.ctype, c.body, out.Logs, out.Err, c.want)
		}
	}
}

func TestTestsPassAndFail(t *testing.T) {
	e := &Engine{}
	out := run(t, e, `
		client.test("status is 200", function () { client.assert(response.status === 200, "want 200"); });
		client.test("status is 201", () => { client.assert(response.status === 201, "Response status is not 201"); });
		client.test("throws", () => { null.x; });
		client.log("script ran before the tests");
	`, Env{Response: jsonResponse(`{}`)})
	if out.Err != nil {
		t.Fatal(out.Err)
	}
	if len(out.Tests) != 3 {
		t.Fatalf("tests: %+v", out.Tests)
	}
	if !out.Tests[0].Passed || out.Tests[1].Passed || out.Tests[2].Passed {
		t.Errorf("pass/fail: %+v", out.Tests)
	}
	if out.Tests[1].Message != "Response status is not 201" {
		t.Errorf("message %q", out.Tests[1].Message)
	}
	if !strings.Contains(out.Tests[2].Message, "TypeError") || !strings.Contains(out.Tests[2].Message, "t.http:6:") {
		t.Errorf("a throwing test names the error and the file line: %q", out.Tests[2].Message)
	}
	if !out.Failed() {
		t.Error("Failed() = false with a failing test")
	}
}

func TestThrowingScriptFailsClearly(t *testing.T) {
	e := &Engine{}
	out := run(t, e, "client.test('registered first', () => {});\nthrow new Error('boom')", Env{Response: jsonResponse(`{}`)})
	if out.Err == nil || !strings.Contains(out.Err.Error(), "boom") || !strings.Contains(out.Err.Error(), "t.http:4:7") {
		t.Fatalf("err = %v; want boom at t.http:4:", out.Err)
	}
	if len(out.Tests) != 1 || !out.Tests[0].Passed {
		t.Errorf("the tests registered before the throw still run: %+v", out.Tests)
	}
}

func TestAssertOutsideTestFailsScript(t *testing.T) {
	out := run(t, &Engine{}, `client.assert(false, "no token")`, Env{Response: jsonResponse(`{}`)})
	if out.Err == nil || !strings.Contains(out.Err.Error(), "no token") {
		t.Fatalf("err = %v", out.Err)
	}
}

func TestInfiniteLoopStoppedByTimeLimit(t *testing.T) {
	e := &Engine{Timeout: 50 * time.Millisecond}
	out := run(t, e, `while (true) {}`, Env{Response: jsonResponse(`{}`)})
	if out.Err == nil || !strings.Contains(out.Err.Error(), "time limit") {
		t.Fatalf("err = %v", out.Err)
	}
	// A loop inside a test is stopped too, and that test fails.
	out = run(t, e, `client.test("spins", () => { for (;;) {} }); client.test("never runs", () => {});`, Env{Response: jsonResponse(`{}`)})
	if out.Err == nil || len(out.Tests) != 1 || out.Tests[0].Passed {
		t.Fatalf("err %v tests %+v", out.Err, out.Tests)
	}
}

func TestCancelStopsScript(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out := (&Engine{}).Run(ctx, Program{Name: "x", Source: "for(;;){}"}, Env{})
	if out.Err == nil || !strings.Contains(out.Err.Error(), "cancelled") {
		t.Fatalf("err = %v", out.Err)
	}
}

func TestSandboxRefusesModulesAndTimers(t *testing.T) {
	for _, src := range []string{`require('fs').readFileSync('/etc/passwd')`, `setTimeout(() => {}, 1)`,
		`fetch('http://127.0.0.1/')`, `process.exit(1)`} {
		out := run(t, &Engine{}, src, Env{})
		if out.Err == nil || !strings.Contains(out.Err.Error(), "not available: scripts run sandboxed") {
			t.Errorf("%s: err = %v", src, out.Err)
		}
	}
	out := run(t, &Engine{}, `require('fs')`, Env{})
	if !strings.Contains(out.Err.Error(), `require("fs")`) {
		t.Errorf("the refusal names the module: %v", out.Err)
	}
}

func TestMemoryBound(t *testing.T) {
	e := &Engine{MaxMemory: 16 << 20, Timeout: 30 * time.Second}
	for _, src := range []string{
		`"x".repeat(1e9)`,
		`"ab".repeat(1e9)`,
		`"".padStart(1e9)`,
		// No single big allocation: only the watchdog can stop this one.
		`var a = []; for (;;) a.push("y".repeat(1000) + a.length);`,
	} {
		out := run(t, e, src, Env{})
		if out.Err == nil || !strings.Contains(out.Err.Error(), "memory") {
			t.Errorf("%s: err = %v", src, out.Err)
		}
	}
}

func TestBinaryBuffersRefused(t *testing.T) {
	for _, src := range []string{`new Uint8Array(1e9)`, `new globalThis.ArrayBuffer(1e9)`, `this["Int8Array"]`,
		`Function("return this")().DataView`, `new (Object.getOwnPropertyDescriptor(globalThis, "Float64Array").value)(1e9)`} {
		out := run(t, &Engine{}, src, Env{})
		if out.Err == nil || !strings.Contains(out.Err.Error(), "is not available") && !strings.Contains(out.Err.Error(), "undefined") {
			t.Errorf("%s: err = %v", src, out.Err)
		}
	}
	// Plain globals still work beside the refused names.
	out := run(t, &Engine{}, `var q = 1; r = 2; client.log(q, globalThis.q, r, typeof JSON, Object.keys(globalThis).indexOf("r") >= 0)`, Env{})
	if out.Err != nil || len(out.Logs) != 1 || out.Logs[0] != "1 undefined 2 object true" {
		t.Errorf("globals: %v %q", out.Err, out.Logs)
	}
}

func TestRunsDoNotShareDeclarations(t *testing.T) {
	e := &Engine{}
	first := run(t, e, `var a = 1; function f() {} let b = 2; client.test("t", () => {})`, Env{Response: jsonResponse(`{"n":1}`)})
	if first.Err != nil {
		t.Fatal(first.Err)
	}
	// The runtime is reused, but declarations, tests, logs and the response are not.
	second := run(t, e, `client.log(typeof a, typeof f, typeof b, typeof response, request.method)`, Env{Request: Request{Method: "PUT"}})
	if second.Err != nil || len(second.Tests) != 0 || strings.Join(second.Logs, "|") != "undefined undefined undefined undefined PUT" {
		t.Fatalf("err %v tests %+v logs %q", second.Err, second.Tests, second.Logs)
	}
	// The shared objects cannot be changed for the next run.
	third := run(t, e, `"use strict"; try { response.headers.valueOf = null } catch (e) { client.log(e.name) }; client.test = null`, Env{Response: jsonResponse(`{}`)})
	if len(third.Logs) != 1 || third.Logs[0] != "TypeError" {
		t.Errorf("response.headers changed: %q %v", third.Logs, third.Err)
	}
	if out := run(t, e, `client.test("still there", () => client.assert(response.headers.valueOf("content-type") !== null))`, Env{Response: jsonResponse(`{}`)}); out.Failed() || len(out.Tests) != 1 {
		t.Errorf("after a script tried to change them: %v %+v", out.Err, out.Tests)
	}
	// A runtime stopped by the time limit is not reused, and the next run is clean.
	e.Timeout = 50 * time.Millisecond
	if out := run(t, e, `for (;;) {}`, Env{}); out.Err == nil {
		t.Fatal("loop not stopped")
	}
	if out := run(t, e, `client.log("after")`, Env{}); out.Err != nil || len(out.Logs) != 1 {
		t.Fatalf("after a stopped run: %v %q", out.Err, out.Logs)
	}
}

func TestRecursionBounded(t *testing.T) {
	out := run(t, &Engine{}, `function f() { return f() + 1 } f()`, Env{})
	if out.Err == nil || !strings.Contains(out.Err.Error(), "call stack") {
		t.Fatalf("err = %v", out.Err)
	}
}

func TestExitEndsScriptButKeepsTests(t *testing.T) {
	g := &Globals{}
	out := run(t, &Engine{Globals: g}, `client.test("t", () => {}); client.exit(); client.global.set("after", "1")`, Env{Response: jsonResponse(`{}`)})
	if out.Err != nil || len(out.Tests) != 1 {
		t.Fatalf("err %v tests %+v", out.Err, out.Tests)
	}
	if _, ok := g.Lookup("after"); ok {
		t.Error("code after client.exit() ran")
	}
}

func TestGlobalsAPI(t *testing.T) {
	g := &Globals{}
	g.Set("keep", "k")
	out := run(t, &Engine{Globals: g}, `
		client.log(client.global.isEmpty(), client.global.get("keep"), client.global.get("none"));
		client.global.clear("keep"); client.log(client.global.isEmpty());
		client.global.set("a", 1); client.global.set("b", true); client.global.clearAll();
		client.log(client.global.isEmpty());
		client.global.set("z", 42);
	`, Env{})
	if out.Err != nil {
		t.Fatal(out.Err)
	}
	if got := strings.Join(out.Logs, "|"); got != "false k null|true|true" {
		t.Errorf("logs %q", got)
	}
	if all := g.All(); len(all) != 1 || all[0] != (Var{"z", "42"}) {
		t.Errorf("globals %+v", all)
	}
}

func TestPreRequestScript(t *testing.T) {
	vars := map[string]string{}
	env := map[string]string{"user": "ada"}
	out := run(t, &Engine{}, `
		request.variables.set("firstname", "John");
		client.log(request.method, request.url.getRaw(), request.url.tryGetSubstituted());
		client.log(request.headers.findByName("authorization").getRawValue(), request.headers.all().length);
		client.log(request.body.getRaw(), request.environment.get("user"), request.environment.get("none"));
		client.log(request.variables.get("firstname"), typeof response);
	`, Env{Variables: vars, Request: Request{
		Method: "POST", URL: "{{host}}/x", Headers: []Header{{Name: "Authorization", Value: "Bearer {{token}}"}},
		Body:        `{"a":1}`,
		Substitute:  func(s string) string { return strings.ReplaceAll(s, "{{host}}", "http://127.0.0.1") },
		Environment: func(n string) (string, bool) { v, ok := env[n]; return v, ok },
	}})
	if out.Err != nil {
		t.Fatal(out.Err)
	}
	want := "POST {{host}}/x http://127.0.0.1/x|Bearer {{token}} 1|{\"a\":1} ada null|John undefined"
	if got := strings.Join(out.Logs, "|"); got != want {
		t.Errorf("logs %q\nwant %q", got, want)
	}
	if vars["firstname"] != "John" {
		t.Errorf("variables %v", vars)
	}
}

func TestLoadFileBesideHTTPFile(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "check.js"), []byte("client.test('ok', () => client.assert(response.status == 200))"), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := LoadFile(dir, "./check.js")
	if err != nil {
		t.Fatal(err)
	}
	out := (&Engine{}).Run(context.Background(), p, Env{Response: jsonResponse(`{}`)})
	if out.Err != nil || len(out.Tests) != 1 || !out.Tests[0].Passed {
		t.Fatalf("err %v tests %+v", out.Err, out.Tests)
	}
	if _, err := LoadFile(dir, "missing.js"); err == nil || !strings.Contains(err.Error(), "missing.js") {
		t.Errorf("missing file: %v", err)
	}
}

func TestSyntaxErrorNamesLine(t *testing.T) {
	out := run(t, &Engine{}, "var a = ;", Env{})
	if out.Err == nil || !strings.Contains(out.Err.Error(), "t.http") || !strings.Contains(out.Err.Error(), "3:") {
		t.Fatalf("err = %v", out.Err)
	}
}

// TestRefusalsHoldOnAReusedRuntime: runtimes are reused, so a script must not be
// able to undo the sandbox for the runs after it, and the watchdog of a runtime
// that has just run still stops a loop, a cancelled run and a memory hog.
func TestRefusalsHoldOnAReusedRuntime(t *testing.T) {
	e := &Engine{Timeout: 200 * time.Millisecond, MaxMemory: 16 << 20}
	run(t, e, `try { delete globalThis.Uint8Array } catch (e) {}
		try { Object.defineProperty(globalThis, "Uint8Array", {value: function () {}}) } catch (e) {}
		try { Uint8Array = function () {} } catch (e) {}`, Env{})
	if out := run(t, e, `new Uint8Array(1e9)`, Env{}); out.Err == nil || !strings.Contains(out.Err.Error(), "is not available") {
		t.Errorf("after a script tried to restore Uint8Array: %v", out.Err)
	}
	for i := 0; i < 50; i++ { // back-to-back runs keep the watchdog's timer ticking
		if out := run(t, e, `client.log(1)`, Env{}); out.Err != nil {
			t.Fatal(out.Err)
		}
	}
	if out := run(t, e, `for (;;) {}`, Env{}); out.Err == nil || !strings.Contains(out.Err.Error(), "time limit") {
		t.Errorf("loop on a reused runtime: %v", out.Err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	run(t, e, `client.log(1)`, Env{})
	if out := e.Run(ctx, Program{Name: "x", Source: "for(;;){}"}, Env{}); out.Err == nil || !strings.Contains(out.Err.Error(), "cancelled") {
		t.Errorf("cancelled run on a reused runtime: %v", out.Err)
	}
	e.Timeout = 30 * time.Second // the hog must meet the memory bound, not the time limit
	run(t, e, `client.log(1)`, Env{})
	if out := run(t, e, `var a = []; for (;;) a.push("y".repeat(1000) + a.length);`, Env{}); out.Err == nil || !strings.Contains(out.Err.Error(), "memory") {
		t.Errorf("memory hog on a reused runtime: %v", out.Err)
	}
}

// TestThrownScriptKeepsItsRuntime: a script that throws leaves its runtime for
// the next run (a failing collection must not build one per request), clean; one
// stopped by a limit does not.
func TestThrownScriptKeepsItsRuntime(t *testing.T) {
	e := &Engine{Timeout: 100 * time.Millisecond}
	if out := run(t, e, `var leaked = 1; throw new Error("boom")`, Env{}); out.Err == nil || !strings.Contains(out.Err.Error(), "boom") {
		t.Fatalf("err = %v", out.Err)
	}
	if n := idleCount(e); n != 1 {
		t.Fatalf("%d idle runtimes after a throw, want 1", n)
	}
	if out := run(t, e, `client.log(typeof leaked)`, Env{}); out.Err != nil || len(out.Logs) != 1 || out.Logs[0] != "undefined" {
		t.Fatalf("after a throw: %v %q", out.Err, out.Logs)
	}
	if out := run(t, e, `for (;;) {}`, Env{}); out.Err == nil {
		t.Fatal("loop not stopped")
	}
	if n := idleCount(e); n != 0 {
		t.Errorf("%d idle runtimes after a run stopped by the time limit, want 0", n)
	}
}

// TestConcurrentRuns: runs on one Engine from many goroutines share its globals
// and compiled scripts but not a runtime; one that throws or is stopped does not
// disturb the others. Run with -race.
func TestConcurrentRuns(t *testing.T) {
	g := &Globals{}
	e := &Engine{Globals: g, Timeout: 100 * time.Millisecond}
	const workers, runs = 6, 40
	errs := make(chan string, workers*runs)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range runs {
				switch i % 10 {
				case 3:
					if out := run(t, e, `throw new Error("boom")`, Env{}); out.Err == nil || !strings.Contains(out.Err.Error(), "boom") {
						errs <- fmt.Sprintf("throw: %v", out.Err)
					}
				case 7:
					if w == 0 {
						if out := run(t, e, `for (;;) {}`, Env{}); out.Err == nil || !strings.Contains(out.Err.Error(), "time limit") {
							errs <- fmt.Sprintf("loop: %v", out.Err)
						}
					}
				default:
					src := fmt.Sprintf(`client.global.set("w%d", String(response.body.n)); client.test("n", () => client.assert(response.body.n === %d, "n " + response.body.n))`, w, i)
					out := run(t, e, src, Env{Response: jsonResponse(fmt.Sprintf(`{"n":%d}`, i))})
					if out.Failed() || len(out.Tests) != 1 {
						errs <- fmt.Sprintf("worker %d run %d: %v %+v", w, i, out.Err, out.Tests)
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if v, _ := g.Lookup("w5"); v != strconv.Itoa(runs-1) {
		t.Errorf("global w5 = %q, want %d", v, runs-1)
	}
}

// TestScriptObjectsAreBound: a script reads client, request and response from its
// function's closure (see wrap). The same file run as a pre-request script and as
// a handler sees each its own; a script may declare the names for itself; one that
// assigns to them without declaring fails clearly and the next run is unharmed.
func TestScriptObjectsAreBound(t *testing.T) {
	e := &Engine{}
	src := `client.log(typeof response, request.method, typeof jsonPath, typeof console.log)`
	for i, env := range []Env{{Request: Request{Method: "GET"}}, {Request: Request{Method: "GET"}, Response: jsonResponse(`{}`)}, {Request: Request{Method: "GET"}}} {
		want := []string{"undefined GET function function", "object GET function function"}[i%2]
		if out := run(t, e, src, env); out.Err != nil || strings.Join(out.Logs, "|") != want {
			t.Errorf("run %d: err %v logs %q, want %q", i, out.Err, out.Logs, want)
		}
	}
	out := run(t, e, `let response = {status: 7}; const client = 1; console.log(response.status, client)`, Env{Response: jsonResponse(`{}`)})
	if out.Err != nil || strings.Join(out.Logs, "|") != "7 1" {
		t.Errorf("declared names: err %v logs %q", out.Err, out.Logs)
	}
	out = run(t, e, `response = null`, Env{Response: jsonResponse(`{}`)})
	if out.Err == nil || !strings.Contains(out.Err.Error(), "TypeError") {
		t.Errorf("assigning response: %v", out.Err)
	}
	out = run(t, e, `response = null`, Env{Response: jsonResponse(`{}`)})
	if out.Err == nil || !strings.Contains(out.Err.Error(), "TypeError") {
		t.Errorf("assigning response again: %v", out.Err)
	}
	if out := run(t, e, `client.log(response.status)`, Env{Response: jsonResponse(`{}`)}); out.Err != nil || strings.Join(out.Logs, "|") != "200" {
		t.Errorf("after: err %v logs %q", out.Err, out.Logs)
	}
	// Code outside a script's closure reads the global names, which answer for
	// the run at hand and cannot be replaced.
	out = run(t, e, `globalThis.g = new Function("return typeof response + ' ' + request.method"); globalThis.response = 1; delete globalThis.response`,
		Env{Request: Request{Method: "PUT"}, Response: jsonResponse(`{}`)})
	if out.Err != nil {
		t.Fatal(out.Err)
	}
	for _, c := range []struct {
		env  Env
		want string
	}{{Env{Request: Request{Method: "GET"}}, "undefined GET"}, {Env{Request: Request{Method: "POST"}, Response: jsonResponse(`{}`)}, "object POST"}} {
		if out := run(t, e, `client.log(g())`, c.env); out.Err != nil || strings.Join(out.Logs, "|") != c.want {
			t.Errorf("global names: err %v logs %q, want %q", out.Err, out.Logs, c.want)
		}
	}
}

// idleCount is the number of runtimes e keeps for another run.
func idleCount(e *Engine) int {
	e.mu.Lock()
	defer e.mu.Unlock()
	n := len(e.idle)
	if e.last.Load() != nil {
		n++
	}
	return n
}

// TestTimeLimitNeverEarly: the watchdog notes a run at its first tick, not at its
// start (see watchdog); a looping script still runs at least its whole limit.
func TestTimeLimitNeverEarly(t *testing.T) {
	e := &Engine{Timeout: 30 * time.Millisecond}
	for i := 0; i < 3; i++ {
		start := time.Now()
		out := run(t, e, `for (;;) {}`, Env{})
		if took := time.Since(start); out.Err == nil || took < e.Timeout {
			t.Fatalf("stopped after %v (limit %v): %v", took, e.Timeout, out.Err)
		}
	}
}

// TestWatchdogTicksOnBetweenRuns: a tick that finds the machine between two runs,
// as most ticks of a collection run do, keeps the timer going when a run started
// since the tick before, so that the next run need not re-arm it (which woke the
// network poller with a syscall inside the run); a tick with no run since the last
// one stops it. The ticks are called by hand, on a timer that never fires.
func TestWatchdogTicksOnBetweenRuns(t *testing.T) {
	w := &watchdog{vm: goja.New(), state: idle}
	w.timer = time.AfterFunc(time.Hour, func() {})
	w.armed = true
	defer w.timer.Stop()
	for i := 0; i < 3; i++ {
		w.start(context.Background(), time.Second, 1<<20)
		w.stop()
		w.timer.Stop() // the tick is called here, not by the timer
		w.tick()
		if !w.armed {
			t.Fatalf("round %d: a tick after a run stopped the timer; the next run re-arms it", i)
		}
	}
	w.timer.Stop()
	w.tick()
	if w.armed {
		t.Fatal("a tick with no run since the last one left the timer going")
	}
}

// TestSharedObjectsFrozen: every object a runtime keeps from run to run, down to
// client.global and response.contentType, is frozen, so that no script changes
// it for the next; the getters still answer for each run.
func TestSharedObjectsFrozen(t *testing.T) {
	e := &Engine{}
	out := run(t, e, `
		const objs = {client, "client.global": client.global, console, request, "request.url": request.url,
			"request.body": request.body, "request.headers": request.headers, "request.variables": request.variables,
			"request.environment": request.environment, response, "response.headers": response.headers,
			"response.contentType": response.contentType};
		for (const [name, o] of Object.entries(objs)) if (!Object.isFrozen(o)) client.log(name + " not frozen");
		client.log(response.contentType.mimeType);
	`, Env{Response: jsonResponse(`{}`)})
	if out.Err != nil || strings.Join(out.Logs, "|") != "application/json" {
		t.Fatalf("err %v logs %q", out.Err, out.Logs)
	}
}

// TestErrorLinesFarDownTheFile: a block far down its file reports the file's
// lines (wrap pads it in blocks of blank lines).
func TestErrorLinesFarDownTheFile(t *testing.T) {
	e := &Engine{}
	for _, line := range []int{2, 512, 513, 514, 1025, 9000} {
		out := e.Run(context.Background(), Program{Name: "t.http", Source: "\n  throw new Error('boom')", Line: line}, Env{})
		if want := fmt.Sprintf("t.http:%d:9", line+1); out.Err == nil || !strings.Contains(out.Err.Error(), want) {
			t.Errorf("line %d: %v, want %s", line, out.Err, want)
		}
	}
}
