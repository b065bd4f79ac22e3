package scripts

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// Runs that follow each other share one array for their lists (slab): an outcome
// is still its own. Appending to one must not write into the next run's, and a run
// with no tests or logs reports nil lists, as before (a JSON report says null).
func TestOutcomeListsAreTheirOwn(t *testing.T) {
	e := &Engine{}
	src := `client.test("t" + request.method, function () {}); client.log("l" + request.method);`
	var outs []Outcome
	for _, m := range []string{"A", "B", "C"} {
		outs = append(outs, run(t, e, src, Env{Request: Request{Method: m}}))
	}
	outs[0].Tests = append(outs[0].Tests, Test{Name: "extra"})
	outs[0].Logs = append(outs[0].Logs, "extra")
	outs[1].Logs[0] = "changed"
	for i, m := range []string{"A", "B", "C"} {
		wantLog := "l" + m
		if i == 1 {
			wantLog = "changed"
		}
		if got := outs[i].Tests; got[0].Name != "t"+m || len(got) != 1+btoi(i == 0) {
			t.Errorf("run %s: tests %+v", m, got)
		}
		if got := outs[i].Logs; got[0] != wantLog || len(got) != 1+btoi(i == 0) {
			t.Errorf("run %s: logs %q", m, got)
		}
	}
	if out := run(t, e, `1`, Env{}); out.Tests != nil || out.Logs != nil {
		t.Errorf("a run without tests or logs: %#v, %#v, want nil lists", out.Tests, out.Logs)
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// A slab's room is handed out once: a list kept from it and the next room do not
// overlap, and a list that outgrew its room leaves the slab where it was.
func TestSlabKeep(t *testing.T) {
	var s slab[int]
	a := append(s.room(), 1, 2)
	a = s.keep(a)
	b := append(s.room(), 3)
	b = s.keep(b)
	a = append(a, 9)
	if !slices.Equal(b, []int{3}) || !slices.Equal(a, []int{1, 2, 9}) {
		t.Fatalf("a %v, b %v", a, b)
	}
	big := s.keep(append(s.room(), make([]int, slabSize+1)...))
	c := s.keep(append(s.room(), 4))
	if len(big) != slabSize+1 || !slices.Equal(c, []int{4}) || !slices.Equal(b, []int{3}) {
		t.Fatalf("big %d, c %v, b %v", len(big), c, b)
	}
	if &c[0] != &s.buf[len(s.buf)-1] {
		t.Errorf("c was not taken from the slab after a list outgrew its room")
	}
}

// client.test takes anything callable as its test and runs it with no arguments
// and no this (tests are called through Function.prototype.call, taken when the
// runtime is built); anything else fails the script with a clear message.
func TestTestFunctionKinds(t *testing.T) {
	e := &Engine{}
	for _, c := range []struct{ fn, msg string }{
		{`function () { client.assert(this === globalThis && arguments.length === 0, "this " + this) }`, ""},
		{`function () { "use strict"; client.assert(this === undefined, "this " + this) }`, ""},
		{`() => {}`, ""},
		{`function () {}.bind(null)`, ""},
		{`new Proxy(function () {}, {})`, ""},
		{`client.log`, ""},
		{`async function () {}`, ""},
		{`function () { throw new Error("boom") }`, "Error: boom at t.http:2:38(3)"},
		{`class {}`, "TypeError: Class constructor"},
		{`{}`, "script t.http: TypeError: client.test(x): the second argument must be a function"},
		{`"f"`, "script t.http: TypeError: client.test(x): the second argument must be a function"},
		{`new Proxy({}, {})`, "script t.http: TypeError: client.test(x): the second argument must be a function"},
	} {
		// Function.prototype.call replaced by the script changes nothing.
		src := "Function.prototype.call = function () { throw new Error('replaced') };\nclient.test(\"x\", " + c.fn + ");"
		out := e.Run(context.Background(), Program{Name: "t.http", Source: src, Line: 1}, Env{})
		got := ""
		if out.Err != nil {
			got = out.Err.Error()
		} else if len(out.Tests) != 1 {
			got = fmt.Sprintf("%d tests", len(out.Tests))
		} else if !out.Tests[0].Passed {
			got = out.Tests[0].Message
		}
		if c.msg == "" && got != "" || !strings.HasPrefix(got, c.msg) {
			t.Errorf("client.test(x, %s): %q, want %q", c.fn, got, c.msg)
		}
	}
}
