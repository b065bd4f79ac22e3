// Package scripts runs the JavaScript of .http files — JetBrains HTTP Client response
// handlers (`> {% ... %}`) and pre-request scripts (`< {% ... %}`) — in-process with
// goja, against the objects that client documents: client (global, test, assert, log,
// exit), response, request and jsonPath.
//
// Scripts are sandboxed: goja itself has no file system, network, process or timer
// access, and this package adds none beyond those objects; require, setTimeout and
// friends throw a clear error instead. Each run has a time limit and a memory bound
// (see Engine). A script that throws, loops or exceeds them yields an Outcome whose
// Err says so; it never panics the caller.
//
// Cost. A runtime is built once (~0.3-0.45 ms, 104 KB, BenchmarkNewMachine) and
// reused, ahead of the first run when the caller says what is coming (Prepare: in
// a fresh process the first script cost milliseconds, and Prepare also compiles
// a run's scripts ahead of their requests); a script
// is compiled once per Engine and made a function once per runtime, inside a
// closure that holds client, request, response, jsonPath and console (see wrap), so
// a script reads them from a slot rather than the global object; a run then calls
// that function and, for each client.test, the test's. A run finds its function by
// the Program in its runtime's own table (no lock; the last one found without
// hashing the source, an empty run 0.29 µs against 0.34), takes the runtime from a
// lock-free slot, reads no clock (see watchdog) and defines nothing: the global
// request and response are getters made once. The buffer refusals are getters on
// the global object rather than a proxy of it (which cost every global name
// lookup), and response.body's objects are lazy (see parseJSON), checked by
// validJSON (six times json.Valid's speed). A small handler — a test with an
// assert, a global from a JSON body, a log line — costs 2.99-3.67 µs of CPU with
// the collector's share (BenchmarkParts/small, min-median of 5 rounds), against
// 3.56-4.52 µs before (2026-12-03, a 2-core machine under a load of 16-20, the two
// builds alternating): an empty script 0.28-0.30 µs (was 0.38-0.41), reading one
// member of a JSON body 1.04-1.06 (was 1.17-1.26), one empty client.test 1.41-1.56
// (was 1.56-1.67: most of it is goja making the test's function and entering the
// runtime again to call it). Run after an 8 MB sweep, as in a collection run
// (BenchmarkRunCold), the small handler takes about twice its hot time. Tried and
// dropped, since goja drops its value stack each time control leaves it and grows
// it anew (two allocations) on the next entry: running the script and its tests in
// one entry, through a JS trampoline (an empty run 0.7 µs against 0.3) or from a
// finally in the script's function (0.45 µs; the small handler 3.4 µs against
// 3.1); either cost more than the regrowth. What remains is goja's. Against a
// loopback exchange, see runner's BenchmarkRun1000.
//
// Where the small handler's allocations go (BenchmarkRun: 24, 1.57 KB; 27 and
// 1.67 KB before the outcome's lists came from a slab shared by runs, a test's
// function was called through Function.prototype.call rather than a Callable made
// for it, and the lazy object's offsets became int32):
// goja's value stack, dropped whenever control returns to Go and grown twice on
// each of the two entries (the script, its tests), 4 (384 B); the test's function
// expression, a function object with its own property map, 7 (672 B), and one to
// call it; the script's "status " + response.status, 2-3; response.body, the lazy
// object (240 B) and goja's dynamic object around it (2), the member read copied
// and made a value (3); headers.valueOf's value made a value (2). Only the lazy
// object and the member's copy are this package's; a Go string becomes a goja
// value through ToValue alone, two allocations.
package scripts

import (
	"context"
	"errors"
	"fmt"
	"runtime/metrics"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dop251/goja"
	"github.com/httplens/httplens/headers"
)

// Defaults for an Engine whose fields are zero.
const (
	DefaultTimeout   = 2 * time.Second
	DefaultMaxMemory = 256 << 20 // bytes of heap growth while a script runs
	// maxCallDepth bounds recursion: goja's own default is unbounded, and a runaway
	// recursion would grow the Go stack until the process dies.
	maxCallDepth = 4096
	// pollEvery is how often the memory bound, the time limit and the caller's
	// context are checked while a script runs.
	pollEvery = 5 * time.Millisecond
)

// Engine runs scripts. Globals is the client.global store shared by every run; nil
// means the engine keeps none (client.global works within one run only). Zero Timeout
// and MaxMemory mean the defaults.
//
// MaxMemory is enforced three ways. Single allocations a script can size at will are
// refused before they happen: String.prototype.repeat, padStart and padEnd past
// MaxMemory/4, and the binary buffer types (ArrayBuffer, the typed arrays, DataView)
// are not available at all. Recursion is bounded in depth. Everything else is bounded
// by a watchdog that samples the Go heap every few milliseconds and interrupts the
// script when the heap has grown by more than MaxMemory since its first sample. The
// heap is the process's, so this bounds the growth of the whole process while a script
// runs, not the script's own bytes exactly; a burst between two samples (5 ms) can
// overshoot it.
//
// An Engine keeps the scripts it has compiled and reuses its runtimes (a runtime whose
// script failed is dropped), so a collection run compiles each script once and makes
// its function once per runtime. Set the fields before the first Run or Prepare. It
// is safe for concurrent use; do not copy it.
type Engine struct {
	Globals   *Globals
	Timeout   time.Duration
	MaxMemory int64

	mu       sync.Mutex
	compiled map[Program]*goja.Program
	// compiling are the programs being compiled, so that Prepare and a Run
	// that reach the same one compile it once.
	compiling map[Program]*compilation
	// idle are runtimes ready for another run. A list rather than a sync.Pool,
	// which a garbage collection empties: a runtime costs ~0.5 ms to build, a
	// small handler's run ~100 times less. last holds one more, taken first.
	idle []*machine
	last atomic.Pointer[machine]
	// warming is closed when the runtime Prepare builds is ready; nil when
	// none is being built.
	warming chan struct{}
}

// MaxPrepared bounds the programs Prepare makes functions of on the runtime it
// builds: a Run waits for that runtime, so it must not wait for a whole
// collection's scripts.
const MaxPrepared = 8

// maxAhead bounds the programs Prepare compiles ahead, so that they fit the
// Engine's cache (maxCompiled) with room for what the run compiles itself.
const maxAhead = maxCompiled / 2

// Planned is a program a run will use, as a handler or a pre-request script.
type Planned struct {
	Program
	Handler bool
}

// Prepare readies in the background what a run of plan (its scripts in the order
// it runs them) will need, so that its work overlaps the requests before each
// script rather than adding to them. First, unless the Engine has a runtime, it
// builds one and makes the functions of plan's first MaxPrepared programs on it:
// the first script of a process is its dearest by far, since besides building
// the runtime (~0.5 ms) and compiling, it runs goja's parser, compiler and
// interpreter for the first time, whose code and memory are pages the process
// has not touched, and a first touch costs ~17 µs a page on the VMs this was
// measured on (2.6-12 ms for the first small handler of a fresh `httplens run`,
// against ~4 µs for the next). Then it compiles the rest of plan in order into
// the Engine's cache (up to maxAhead programs): a collection's scripts are
// mostly each its own (a block per request), and compiling a small handler
// costs ~40-60 µs, more the further down its file it starts (see wrap), as much
// as a loopback exchange. It stops when ctx ends. A Run that starts before the
// runtime is ready waits for it rather than building another; one that reaches
// a script not compiled yet compiles it itself. Errors are left for Run to find
// and report. Prepare returns at once; plan must not change after.
func (e *Engine) Prepare(ctx context.Context, plan []Planned) {
	e.mu.Lock()
	var done chan struct{}
	if e.warming == nil && len(e.idle) == 0 && e.last.Load() == nil {
		done = make(chan struct{})
		e.warming = done
	}
	e.mu.Unlock()
	go func() {
		if done != nil {
			m, err := newMachine(e.maxMemory())
			if err == nil {
				for _, p := range plan[:min(len(plan), MaxPrepared)] {
					_, _ = e.function(m, p.Program, p.Handler)
				}
				e.release(m)
			}
			e.mu.Lock()
			e.warming = nil
			e.mu.Unlock()
			close(done)
		}
		for _, p := range plan[:min(len(plan), maxAhead)] {
			if ctx.Err() != nil {
				return
			}
			_, _ = e.compile(p.Program)
		}
	}()
}

// maxIdle bounds the runtimes an Engine keeps between runs (each holds ~150 KB);
// more than this many scripts at once is rare.
const maxIdle = 4

// maxCompiled bounds the compiled scripts an Engine keeps; past it the cache starts
// over, which costs only recompiling.
const maxCompiled = 1024

// compile returns p compiled (as a function, see wrap), from the cache when it was
// compiled before. A goja Program may run in many runtimes at once. A program
// being compiled (by Prepare, ahead of its run) is waited for, not compiled twice.
func (e *Engine) compile(p Program) (*goja.Program, error) {
	e.mu.Lock()
	if prog, ok := e.compiled[p]; ok {
		e.mu.Unlock()
		return prog, nil
	}
	if c, ok := e.compiling[p]; ok {
		e.mu.Unlock()
		<-c.done
		return c.prog, c.err
	}
	c := &compilation{done: make(chan struct{})}
	if e.compiling == nil {
		e.compiling = map[Program]*compilation{}
	}
	e.compiling[p] = c
	e.mu.Unlock()
	c.prog, c.err = goja.Compile(p.Name, wrap(p), false)
	e.mu.Lock()
	delete(e.compiling, p)
	if c.err == nil {
		if e.compiled == nil || len(e.compiled) >= maxCompiled {
			e.compiled = map[Program]*goja.Program{}
		}
		e.compiled[p] = c.prog
	}
	e.mu.Unlock()
	close(c.done)
	return c.prog, c.err
}

// compilation is a program being compiled; done is closed when prog or err is set.
type compilation struct {
	done chan struct{}
	prog *goja.Program
	err  error
}

// Header is one header field of a request or response (headers.Field).
type Header = headers.Field

// Request is the request a script sees. In a pre-request script the fields are as
// written in the file, {{variables}} not yet substituted; Substitute, when set,
// resolves them for tryGetSubstituted. Environment, when set, answers
// request.environment.get.
type Request struct {
	Method      string
	URL         string
	Headers     []Header
	Body        string
	Substitute  func(string) string
	Environment func(name string) (string, bool)
}

// Response is the response a handler sees.
type Response struct {
	Status  int
	Headers []Header
	Body    []byte
}

// Program is one script to run. Name identifies it in error messages (a file name,
// or "FILE:LINE" for an inline block). Line is the line of the file the source
// starts on, so that error positions name lines of that file; 0 or 1 means line 1.
type Program struct {
	Name   string
	Source string
	Line   int
}

// Env is what one run sees. Variables holds request.variables: the caller owns the
// map and passes the same one to a request's pre-request script and its handler, so
// what one sets the other and the resolver read. Nil means request.variables.set has
// nowhere to write and is ignored. Response is nil for a pre-request script.
type Env struct {
	Request   Request
	Response  *Response
	Variables map[string]string
}

// Test is the result of one client.test.
type Test struct {
	Name    string `json:"name"`
	Passed  bool   `json:"passed"`
	Message string `json:"message,omitempty"` // why it failed
}

// Outcome is what a run produced. Err is set when the script itself failed (threw,
// ran past the time limit or the memory bound); the tests it registered still ran.
type Outcome struct {
	Tests []Test
	Logs  []string
	Err   error
}

// Failed says whether the script failed or any of its tests did.
func (o Outcome) Failed() bool {
	if o.Err != nil {
		return true
	}
	for _, t := range o.Tests {
		if !t.Passed {
			return true
		}
	}
	return false
}

// stopReason is the value a run is interrupted with; it names why.
type stopReason int

const (
	stopExit    stopReason = iota // client.exit()
	stopTimeout                   // the time limit
	stopMemory                    // the memory bound
	stopCancel                    // the caller's context
)

// Run runs p with env and returns what it produced. Tests registered with client.test
// run after the script, as in the JetBrains client; the time limit covers both.
// Cancelling ctx stops the run.
func (e *Engine) Run(ctx context.Context, p Program, env Env) Outcome {
	m, err := e.machine()
	if err != nil {
		return Outcome{Err: fmt.Errorf("script %s: setting up: %w", p.Name, err)}
	}
	body, err := e.function(m, p, env.Response != nil)
	if err != nil {
		e.release(m)
		return Outcome{Err: fmt.Errorf("script %s: %v", p.Name, err)}
	}
	globals := e.Globals
	if globals == nil {
		globals = &Globals{}
	}
	s := m.begin(env, globals)
	vm := m.vm

	m.watch.start(ctx, e.timeout(), e.maxMemory())
	_, runErr := body(goja.Undefined())
	if r := reasonOf(runErr); r == stopExit {
		runErr = nil
		vm.ClearInterrupt()
	}
	if reasonOf(runErr) < 0 {
		s.runTests()
	}
	why := m.watch.stop()
	out := Outcome{Tests: m.tests.keep(s.tests), Logs: m.logs.keep(s.logs)}
	if runErr == nil && why > stopExit {
		// The limit struck while the tests ran: the test it cut short says so too.
		runErr = &goja.InterruptedError{}
	}
	if runErr != nil {
		out.Err = e.describe(p.Name, runErr, why)
		// A runtime stopped mid-way (a limit, client.exit's kin, a runaway
		// recursion) may hold anything and is not reused; one whose script threw
		// unwound as JavaScript does, and building another costs ~0.5 ms.
		var ex *goja.Exception
		if !errors.As(runErr, &ex) || why >= 0 {
			return out
		}
	}
	// An idle runtime holds nothing of the run: not its response, nor its tests'
	// functions in the pending list's kept array.
	clear(m.sess.pending)
	m.sess = session{pending: m.sess.pending[:0]}
	m.s = nil
	e.release(m)
	return out
}

// function returns p's function on m: from m's own table when m ran p before
// (no lock, one map lookup), else compiled, or taken from the Engine's cache.
func (e *Engine) function(m *machine, p Program, handler bool) (goja.Callable, error) {
	key := fnKey{p, handler}
	if m.lastFn != nil && m.lastKey == key { // a handler shared by the requests of a run
		return m.lastFn, nil
	}
	if f, ok := m.fns[key]; ok {
		m.lastKey, m.lastFn = key, f
		return f, nil
	}
	prog, err := e.compile(p)
	if err != nil {
		return nil, err
	}
	f, err := m.function(prog, handler)
	if err != nil {
		return nil, err
	}
	if m.fns == nil || len(m.fns) >= maxCompiled {
		m.fns = map[fnKey]goja.Callable{}
	}
	m.fns[key] = f
	m.lastKey, m.lastFn = key, f
	return f, nil
}

// release keeps m for another run: in the one-machine slot, which costs no lock
// (runs one after another, as in a collection run, pass one machine along), or
// among the idle.
func (e *Engine) release(m *machine) {
	if e.last.CompareAndSwap(nil, m) {
		return
	}
	e.mu.Lock()
	if len(e.idle) < maxIdle {
		e.idle = append(e.idle, m)
	}
	e.mu.Unlock()
}

// machine returns a ready runtime, a reused one when there is one, or the one
// Prepare is building once it is ready.
func (e *Engine) machine() (*machine, error) {
	for {
		if m := e.last.Swap(nil); m != nil {
			return m, nil
		}
		e.mu.Lock()
		if n := len(e.idle); n > 0 {
			m := e.idle[n-1]
			e.idle = e.idle[:n-1]
			e.mu.Unlock()
			return m, nil
		}
		warming := e.warming
		e.mu.Unlock()
		if warming == nil {
			return newMachine(e.maxMemory())
		}
		<-warming
	}
}

// wrap puts the source in a function, so its declarations end with the run, after
// blank lines so that goja's positions are lines of the file. (Those lines cost
// the parser time: a small handler at line 9,000 compiled in ~115 µs against ~60
// at line 1, under load; Prepare compiles ahead of the run to hide it.) That function is made
// inside another whose constants hold the objects a script uses (see
// machine.function): a script's every mention of client or response then reads a
// closure slot instead of looking the name up on the global object, which was a
// tenth of a small handler. The outer function names no parameters, so that the
// script sees no names but these. A script may still declare those names itself; one
// that assigns to them without declaring gets a TypeError, as in strict code.
func wrap(p Program) string {
	const head = "(function () { const client = arguments[0], request = arguments[1], response = arguments[2], " +
		"jsonPath = arguments[3], console = arguments[4]; return function () {"
	const tail = "\n} })"
	// Built in one buffer: the blank lines of a block far down a file are
	// kilobytes, which a concatenation copied twice.
	pad := max(p.Line-1, 0)
	var b strings.Builder
	b.Grow(len(head) + pad + len(p.Source) + len(tail))
	b.WriteString(head)
	for ; pad > len(newlines); pad -= len(newlines) {
		b.WriteString(newlines)
	}
	b.WriteString(newlines[:pad])
	b.WriteString(p.Source)
	b.WriteString(tail)
	return b.String()
}

// newlines is wrap's padding, written a block at a time.
var newlines = strings.Repeat("\n", 512)

func (e *Engine) timeout() time.Duration {
	if e.Timeout > 0 {
		return e.Timeout
	}
	return DefaultTimeout
}

func (e *Engine) maxMemory() int64 {
	if e.MaxMemory > 0 {
		return e.MaxMemory
	}
	return DefaultMaxMemory
}

// reasonOf returns why a run was interrupted, or -1 when err is not an interruption.
func reasonOf(err error) stopReason {
	if err == nil {
		return -1
	}
	var ie *goja.InterruptedError
	if errors.As(err, &ie) {
		if r, ok := ie.Value().(stopReason); ok {
			return r
		}
	}
	return -1
}

// watchdog interrupts a machine's run when the time limit passes, the heap grows
// past the memory bound or the run's context ends. One timer does all three: it
// ticks every pollEvery (or at the deadline, if sooner), so a cancelled context is
// noticed within a tick. A timer rather than a goroutine: stop must not wait for a
// scheduler that a busy machine keeps waiting. One timer per machine, left ticking
// across runs while they follow each other, and stopping at a tick that finds no run
// started since the tick before: arming a timer for each run cost a tenth of a small
// handler, and re-arming it whenever a tick had found the machine between two runs
// (most ticks do in a collection run, where a handler is a tenth of a request) made
// the run that re-armed it wake the network poller with a write syscall.
//
// start reads no clock (a clock read was a sixth of an empty run's cost here): the
// first tick that finds a run notes the time, and the run is stopped once that is
// timeout ago. The run started at most a tick before that first sighting, so a
// script is never stopped before its limit, and at most pollEvery after it.
type watchdog struct {
	vm *goja.Runtime

	mu      sync.Mutex // a strike lands whole before stop returns, or not at all
	timer   *time.Timer
	armed   bool       // a tick is due
	ran     bool       // a run started since the last tick
	state   stopReason // watching, idle, or why it struck
	ctx     context.Context
	timeout time.Duration
	seen    time.Time // when a tick first saw the run; zero before
	limit   int64
	base    int64 // the heap at the run's first tick, -1 before: most runs end before one
}

const (
	watching stopReason = -1
	idle     stopReason = -2
)

// start watches a run that may last timeout and grow the heap by limit bytes.
func (w *watchdog) start(ctx context.Context, timeout time.Duration, limit int64) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.ctx, w.timeout, w.seen, w.limit, w.base, w.state = ctx, timeout, time.Time{}, limit, -1, watching
	w.ran = true
	if w.armed && timeout >= pollEvery {
		return // the tick due within pollEvery watches this run
	}
	first := min(pollEvery, timeout)
	if w.timer == nil {
		w.timer = time.AfterFunc(first, w.tick)
	} else {
		w.timer.Reset(first)
	}
	w.armed = true
}

// tick checks the run, and ticks again while there is one.
func (w *watchdog) tick() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.state != watching {
		if w.ran { // between two runs: tick on, so that the next finds it armed
			w.ran = false
			w.timer.Reset(pollEvery)
			return
		}
		w.armed = false
		return
	}
	w.ran = false
	now := time.Now()
	if w.seen.IsZero() {
		w.seen = now
	}
	left := w.timeout - now.Sub(w.seen)
	why := watching
	switch {
	case w.ctx.Err() != nil:
		why = stopCancel
	case left <= 0:
		why = stopTimeout
	default:
		h := heapBytes()
		if w.base < 0 {
			w.base = h
		} else if h-w.base > w.limit {
			why = stopMemory
		}
	}
	if why != watching {
		w.state, w.armed = why, false
		w.vm.Interrupt(why)
		return
	}
	w.timer.Reset(min(pollEvery, left))
}

// stop ends the watch and says what, if anything, interrupted the run (-1 for
// nothing). The timer is left to its next tick, which stops it unless another run
// has started by then.
func (w *watchdog) stop() stopReason {
	w.mu.Lock()
	defer w.mu.Unlock()
	why := w.state
	w.state, w.ctx = idle, nil
	if why >= 0 {
		return why
	}
	return -1
}

// heapBytes reads the bytes of heap objects, live or not yet swept. runtime/metrics
// reads it without stopping the world, unlike runtime.ReadMemStats.
func heapBytes() int64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(s[0].Value.Uint64())
}

// describe turns a run error into a clear message naming the script.
func (e *Engine) describe(name string, err error, why stopReason) error {
	if reasonOf(err) >= 0 || why > stopExit {
		if r := reasonOf(err); r > stopExit {
			why = r
		}
		switch why {
		case stopTimeout:
			return fmt.Errorf("script %s stopped: still running after its %v time limit", name, e.timeout())
		case stopMemory:
			return fmt.Errorf("script %s stopped: memory grew past its %d MiB bound", name, e.maxMemory()>>20)
		case stopCancel:
			return fmt.Errorf("script %s stopped: the run was cancelled", name)
		}
	}
	var so *goja.StackOverflowError
	if errors.As(err, &so) {
		return fmt.Errorf("script %s: call stack deeper than %d (runaway recursion?)", name, maxCallDepth)
	}
	var ex *goja.Exception
	if errors.As(err, &ex) {
		return fmt.Errorf("script %s: %s", name, testMessage(ex))
	}
	return fmt.Errorf("script %s: %v", name, err)
}
