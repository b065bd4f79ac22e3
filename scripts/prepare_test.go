package scripts

import (
	"context"
	"strings"
	"testing"
)

// progs yields ps as handlers (pre false) or pre-request scripts, counting how
// many were taken.
func progs(taken *int, handler bool, ps ...Program) func(func(Program, bool) bool) {
	return func(yield func(Program, bool) bool) {
		for _, p := range ps {
			*taken++
			if !yield(p, handler) {
				return
			}
		}
	}
}

// waitPrepared waits for the runtime Prepare is building.
func waitPrepared(e *Engine) {
	e.mu.Lock()
	w := e.warming
	e.mu.Unlock()
	if w != nil {
		<-w
	}
}

// TestPrepareReadiesTheFirstRun: the runtime Prepare builds, with the program's
// function made, is the one the first Run takes, and the run behaves as one
// without Prepare.
func TestPrepareReadiesTheFirstRun(t *testing.T) {
	e := &Engine{Globals: &Globals{}}
	p := Program{Name: "t.http", Source: `client.global.set("token", response.body.token); client.test("ok", () => client.assert(response.status === 200))`, Line: 3}
	var n int
	e.Prepare(progs(&n, true, p))
	waitPrepared(e)
	m := e.last.Load()
	if m == nil {
		t.Fatal("no runtime prepared")
	}
	if _, ok := m.fns[fnKey{p, true}]; !ok {
		t.Fatal("the handler's function was not made")
	}
	out := e.Run(context.Background(), p, Env{Response: jsonResponse(`{"token":"abc"}`)})
	if out.Failed() || len(out.Tests) != 1 {
		t.Fatalf("%v %+v", out.Err, out.Tests)
	}
	if v, _ := e.Globals.Lookup("token"); v != "abc" {
		t.Errorf("token %q", v)
	}
	if e.last.Load() != m {
		t.Error("the run did not use the prepared runtime")
	}
	// A second Prepare finds a runtime and does nothing.
	e.Prepare(progs(&n, true, Program{Name: "other", Source: `1`}))
	waitPrepared(e)
	if n != 1 || e.last.Load() != m || len(e.idle) != 0 {
		t.Errorf("second Prepare: %d programs taken, idle %d", n, len(e.idle))
	}
}

// TestPrepareThenRunAtOnce: a Run that starts while Prepare builds waits for that
// runtime rather than building another (run with -race: the two goroutines share
// the Engine).
func TestPrepareThenRunAtOnce(t *testing.T) {
	for i := 0; i < 20; i++ {
		e := &Engine{}
		var n int
		pre := Program{Name: "pre.http", Source: `request.variables.set("a", "1")`, Line: 1}
		e.Prepare(progs(&n, false, pre))
		vars := map[string]string{}
		if out := e.Run(context.Background(), pre, Env{Variables: vars}); out.Err != nil || vars["a"] != "1" {
			t.Fatalf("%v %v", out.Err, vars)
		}
		waitPrepared(e)
		if e.last.Load() == nil || len(e.idle) != 0 {
			t.Fatalf("round %d: %d runtimes idle besides the last (a second one was built)", i, len(e.idle))
		}
	}
}

// TestPrepareBounded: Prepare readies a few programs, not a whole collection's,
// and one that does not compile is left for Run to report.
func TestPrepareBounded(t *testing.T) {
	e := &Engine{}
	var ps []Program
	for i := 0; i < 50; i++ {
		ps = append(ps, Program{Name: "t.http", Source: strings.Repeat(" ", i) + "client.log(1)", Line: 1})
	}
	bad := Program{Name: "bad.http", Source: `client.log(`, Line: 7}
	var n int
	e.Prepare(progs(&n, true, append([]Program{bad}, ps...)...))
	waitPrepared(e)
	if n > MaxPrepared+1 {
		t.Errorf("%d programs taken", n)
	}
	out := e.Run(context.Background(), bad, Env{Response: jsonResponse(`{}`)})
	if out.Err == nil || !strings.Contains(out.Err.Error(), "bad.http") {
		t.Errorf("syntax error: %v", out.Err)
	}
}
