package scripts

import (
	"context"
	"strings"
	"testing"
	"time"
)

// plan lists ps, as handlers or pre-request scripts.
func plan(handler bool, ps ...Program) []Planned {
	var out []Planned
	for _, p := range ps {
		out = append(out, Planned{p, handler})
	}
	return out
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
	e.Prepare(context.Background(), plan(true, p))
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
	// A second Prepare finds a runtime: it builds none, and compiles ahead.
	other := Program{Name: "other", Source: `1`}
	e.Prepare(context.Background(), plan(true, other))
	waitCompiled(t, e, other)
	if e.last.Load() != m || len(e.idle) != 0 {
		t.Errorf("second Prepare: idle %d", len(e.idle))
	}
}

// TestPrepareThenRunAtOnce: a Run that starts while Prepare builds waits for that
// runtime rather than building another (run with -race: the two goroutines share
// the Engine).
func TestPrepareThenRunAtOnce(t *testing.T) {
	for i := 0; i < 20; i++ {
		e := &Engine{}
		pre := Program{Name: "pre.http", Source: `request.variables.set("a", "1")`, Line: 1}
		e.Prepare(context.Background(), plan(false, pre))
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

// TestPrepareBounded: Prepare makes functions of a few programs on its runtime,
// not a whole collection's, and compiles the rest ahead, up to its bound; one
// that does not compile is left for Run to report.
func TestPrepareBounded(t *testing.T) {
	e := &Engine{}
	bad := Program{Name: "bad.http", Source: `client.log(`, Line: 7}
	ps := []Program{bad}
	for i := 0; i < maxAhead+10; i++ {
		ps = append(ps, Program{Name: "t.http", Source: "client.log(1)", Line: i + 1})
	}
	e.Prepare(context.Background(), plan(true, ps...))
	waitPrepared(e)
	if n := len(e.last.Load().fns); n != MaxPrepared-1 { // the bad one has none
		t.Errorf("%d functions made", n)
	}
	waitCompiled(t, e, ps[maxAhead-1])
	e.mu.Lock()
	_, beyond := e.compiled[ps[maxAhead]]
	e.mu.Unlock()
	if beyond {
		t.Error("compiled past the bound")
	}
	out := e.Run(context.Background(), bad, Env{Response: jsonResponse(`{}`)})
	if out.Err == nil || !strings.Contains(out.Err.Error(), "bad.http") {
		t.Errorf("syntax error: %v", out.Err)
	}
	if out := e.Run(context.Background(), ps[maxAhead+5], Env{Response: jsonResponse(`{}`)}); out.Err != nil || len(out.Logs) != 1 {
		t.Errorf("a script past the bound: %v %q", out.Err, out.Logs)
	}
}

// waitCompiled waits until p is in e's cache of compiled programs.
func waitCompiled(t *testing.T, e *Engine, p Program) {
	t.Helper()
	for i := 0; i < 2000; i++ {
		e.mu.Lock()
		_, ok := e.compiled[p]
		e.mu.Unlock()
		if ok {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("%s:%d never compiled", p.Name, p.Line)
}

// TestCompileOnce: a program that several goroutines (Prepare ahead, a Run) reach
// at once is compiled once: they all get the same compiled program.
func TestCompileOnce(t *testing.T) {
	for round := 0; round < 20; round++ {
		e := &Engine{}
		p := Program{Name: "t.http", Source: strings.Repeat("client.log(1);\n", 200), Line: round + 1}
		const n = 4
		got := make(chan any, n)
		start := make(chan struct{})
		for range n {
			go func() {
				<-start
				prog, err := e.compile(p)
				if err != nil {
					got <- err
					return
				}
				got <- prog
			}()
		}
		close(start)
		first := <-got
		for range n - 1 {
			if g := <-got; g != first {
				t.Fatalf("round %d: compiled more than once (%p, %p)", round, g, first)
			}
		}
	}
}
