package scripts

import (
	"fmt"
	"strings"

	"github.com/dop251/goja"
)

// session is the state of one run: the runtime, what the script may see, and what it
// produced.
type session struct {
	vm         *goja.Runtime
	env        Env
	globals    *Globals
	pending    []pendingTest
	tests      []Test
	logs       []string
	parsedBody goja.Value // response.body, once read
	// call is Function.prototype.call as the runtime built it: a test's function
	// is called through it (this, the function; no arguments), which needs no
	// Callable made for each test (goja.AssertFunction: two allocations).
	call goja.Callable
}

type pendingTest struct {
	name string
	fn   *goja.Object
}

// maxLogLines bounds client.log output kept per run: a looping log must not fill
// memory before the time limit stops it.
const maxLogLines = 1000

// machine is a runtime with the sandbox installed, reused run after run: building
// one costs more than running a small handler. Each run gets a fresh session, and
// the natives reach it through m.s. Scripts run inside a function of their own, so
// their declarations do not outlive the run; a global assigned without a declaration
// does, as it would in any shared JavaScript context.
type machine struct {
	vm       *goja.Runtime
	s        *session
	request  *goja.Object
	response *goja.Object
	watch    watchdog
	sess     session // the current run's, in place: one allocation less per run
	// tests and logs back the runs' outcome lists.
	tests slab[Test]
	logs  slab[string]
	// fns are the scripts' functions made on this runtime, so that a run only
	// calls one: evaluating a program each run costs a fresh function object.
	// Keyed by the Program itself, so that a run finds its function without
	// the Engine's lock.
	fns map[fnKey]goja.Callable
	// lastKey and lastFn are the function the last run found, checked before
	// fns: a run of one handler file, or of requests sharing a handler, finds
	// it by comparing strings whose pointers are equal rather than hashing the
	// source again.
	lastKey fnKey
	lastFn  goja.Callable
	// call is Function.prototype.call (see session.call).
	call goja.Callable
	// client, console and jsonPath are the objects the scripts' functions are
	// made with (see function).
	client, console, jsonPath goja.Value
	// shared are the objects built by object, frozen once the runtime is built.
	shared []*goja.Object
}

// object is a new object that outlives the run (client, response.headers...):
// newMachine freezes it, so that a script cannot change it for the next run.
func (m *machine) object() *goja.Object {
	o := m.vm.NewObject()
	m.shared = append(m.shared, o)
	return o
}

// newMachine builds a runtime with client, console, jsonPath, the refusals and the
// memory guards; begin readies it for one run.
func newMachine(maxMemory int64) (*machine, error) {
	vm := goja.New()
	vm.SetMaxCallStackSize(maxCallDepth)
	m := &machine{vm: vm, s: &session{vm: vm, globals: &Globals{}}, watch: watchdog{vm: vm}}
	// Taken before any script runs, so that no script can replace it.
	m.call, _ = goja.AssertFunction(vm.Get("Function").ToObject(vm).Get("prototype").ToObject(vm).Get("call"))
	call := func(f func(*session, goja.FunctionCall) goja.Value) goja.Value {
		return vm.ToValue(func(c goja.FunctionCall) goja.Value { return f(m.s, c) })
	}
	client := m.object()
	must(client.Set("global", m.globalObject()))
	must(client.Set("test", call((*session).test)))
	must(client.Set("assert", call((*session).assert)))
	must(client.Set("log", call((*session).log)))
	must(client.Set("exit", native(func(goja.FunctionCall) goja.Value {
		vm.Interrupt(stopExit)
		return goja.Undefined()
	})))
	must(vm.Set("client", client))
	console := m.object()
	for _, name := range []string{"log", "info", "warn", "error"} {
		must(console.Set(name, call((*session).log)))
	}
	must(vm.Set("console", console))
	m.jsonPath = call(func(s *session, c goja.FunctionCall) goja.Value {
		return s.jsonPath(c.Argument(0), c.Argument(1).String())
	})
	must(vm.Set("jsonPath", m.jsonPath))
	m.client, m.console = client, console
	for _, name := range []string{"require", "setTimeout", "setInterval", "setImmediate",
		"clearTimeout", "clearInterval", "fetch", "XMLHttpRequest"} {
		must(vm.Set(name, refuse(vm, name)))
	}
	// Objects other runtimes provide throw on first touch, so process.exit() names
	// the sandbox rather than failing as "no member exit".
	for _, name := range []string{"process", "Deno", "Bun", "module", "exports"} {
		getter := vm.ToValue(refuse(vm, name))
		must(vm.GlobalObject().DefineAccessorProperty(name, getter, nil, goja.FLAG_TRUE, goja.FLAG_FALSE))
	}
	m.request, m.response = m.requestObject(), m.responseObject()
	m.globals()
	// The objects outlive the run, so a script must not change them for the next.
	// Frozen from the list of those built rather than found by walking their
	// properties: reading each property's descriptor from Go took a third of
	// building the runtime.
	freeze, _ := goja.AssertFunction(vm.Get("Object").ToObject(vm).Get("freeze"))
	for _, o := range m.shared {
		if _, err := freeze(goja.Undefined(), o); err != nil {
			return nil, err
		}
	}
	m.shared = nil
	if err := m.s.guard(maxMemory / 4); err != nil {
		return nil, err
	}
	return m, nil
}

// function returns prog's function on this runtime, made on first use: the
// program's outer function (see wrap) is called with this runtime's objects, a
// handler's with response, a pre-request script's without.
func (m *machine) function(prog *goja.Program, handler bool) (goja.Callable, error) {
	v, err := m.vm.RunProgram(prog)
	if err != nil {
		return nil, err
	}
	outer, ok := goja.AssertFunction(v)
	if !ok {
		return nil, fmt.Errorf("not a function: %v", v)
	}
	var resp goja.Value = goja.Undefined()
	if handler {
		resp = m.response
	}
	if v, err = outer(goja.Undefined(), m.client, m.request, resp, m.jsonPath, m.console); err != nil {
		return nil, err
	}
	f, ok := goja.AssertFunction(v)
	if !ok {
		return nil, fmt.Errorf("not a function: %v", v)
	}
	return f, nil
}

// fnKey names a script's function on a machine: the same file may serve as a
// pre-request script and as a handler, which see different objects.
type fnKey struct {
	p       Program
	handler bool
}

// begin starts a run with a fresh session; a pre-request script has no response.
func (m *machine) begin(env Env, globals *Globals) *session {
	// The pending list's array is kept from run to run; tests and logs leave
	// with the Outcome.
	m.sess = session{vm: m.vm, env: env, globals: globals, pending: m.sess.pending[:0], call: m.call,
		tests: m.tests.room(), logs: m.logs.room()}
	s := &m.sess
	m.s = s
	return s
}

// globals defines the global names request and response, for code outside a
// script's closure (a function a script left on globalThis, new Function): getters
// that answer for the current run, fixed so that no script can change them.
func (m *machine) globals() {
	g := m.vm.GlobalObject()
	request := m.vm.ToValue(func(goja.FunctionCall) goja.Value { return m.request })
	response := m.vm.ToValue(func(goja.FunctionCall) goja.Value {
		if m.s == nil || m.s.env.Response == nil {
			return goja.Undefined()
		}
		return m.response
	})
	must(g.DefineAccessorProperty("request", request, nil, goja.FLAG_FALSE, goja.FLAG_TRUE))
	must(g.DefineAccessorProperty("response", response, nil, goja.FLAG_FALSE, goja.FLAG_TRUE))
}

// native marks a Go function written against goja's calling convention, which goja
// calls without reflection.
func native(f func(goja.FunctionCall) goja.Value) func(goja.FunctionCall) goja.Value { return f }

// must panics on an error that only a programming mistake here can cause (setting a
// property on a fresh object).
func must(err error) {
	if err != nil {
		panic(err)
	}
}

// refuse returns a function that throws a clear error for a capability scripts lack.
func refuse(vm *goja.Runtime, name string) func(goja.FunctionCall) goja.Value {
	return func(call goja.FunctionCall) goja.Value {
		what := name
		if name == "require" && len(call.Arguments) > 0 {
			what = fmt.Sprintf("require(%q)", call.Argument(0).String())
		}
		panic(vm.NewTypeError(what + " is not available: scripts run sandboxed, with no modules, files, network, processes or timers; use client, request, response and jsonPath"))
	}
}

// binaryTypes are the buffer constructors. A script could size one at will
// (new Uint8Array(1e10)) and have it allocated in one step, before the watchdog can
// look, and wrapping each constructor in a guard costs more than a whole small
// handler (goja builds each lazily, ~30 µs apiece). Response handlers work on text
// and JSON, so they are left out of the sandbox, with a clear error.
var binaryTypes = []string{"ArrayBuffer", "SharedArrayBuffer", "DataView", "Int8Array", "Uint8Array",
	"Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array",
	"Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array"}

// guard refuses the single allocations a script can size at will past limit bytes:
// String.prototype.repeat, padStart and padEnd are checked before they run, and the
// binary buffer types are not available.
func (s *session) guard(limit int64) error {
	vm := s.vm
	proto := vm.Get("String").ToObject(vm).Get("prototype").ToObject(vm)
	size := map[string]func(this string, args []goja.Value) float64{
		"repeat":   func(this string, a []goja.Value) float64 { return float64(len(this)) * argNumber(a) },
		"padStart": func(_ string, a []goja.Value) float64 { return argNumber(a) },
		"padEnd":   func(_ string, a []goja.Value) float64 { return argNumber(a) },
	}
	for name, sizeOf := range size {
		orig, ok := goja.AssertFunction(proto.Get(name))
		if !ok {
			return fmt.Errorf("String.prototype.%s is missing", name)
		}
		name, sizeOf := name, sizeOf
		wrapped := vm.ToValue(func(call goja.FunctionCall) goja.Value {
			if n := sizeOf(call.This.String(), call.Arguments); n > float64(limit) {
				panic(vm.NewGoError(fmt.Errorf("String.%s of %.0f characters exceeds the script memory bound", name, n)))
			}
			v, err := orig(call.This, call.Arguments...)
			if err != nil {
				panic(err)
			}
			return v
		})
		if err := proto.DefineDataProperty(name, wrapped, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_FALSE); err != nil {
			return err
		}
	}
	// The binary types become getters that throw. Defining them makes goja build
	// each constructor first (it builds builtins lazily), ~0.2 ms per runtime, paid
	// once since runtimes are reused; a proxy of the global object would cost every
	// global name lookup of every run instead. Not configurable, so that a script
	// cannot put a constructor back for the next run on this runtime.
	global := vm.GlobalObject()
	for _, name := range binaryTypes {
		name := name
		deny := vm.ToValue(func(goja.FunctionCall) goja.Value {
			panic(vm.NewTypeError(name + " is not available: scripts work on text and JSON, and binary buffers could outgrow the script memory bound"))
		})
		if err := global.DefineAccessorProperty(name, deny, nil, goja.FLAG_FALSE, goja.FLAG_FALSE); err != nil {
			return err
		}
	}
	return nil
}

func argNumber(a []goja.Value) float64 {
	if len(a) == 0 {
		return 0
	}
	return a[0].ToFloat()
}

func (m *machine) globalObject() *goja.Object {
	vm := m.vm
	g := m.object()
	must(g.Set("set", native(func(c goja.FunctionCall) goja.Value {
		m.s.globals.Set(c.Argument(0).String(), stringOf(c.Argument(1)))
		return goja.Undefined()
	})))
	must(g.Set("get", native(func(c goja.FunctionCall) goja.Value {
		if v, ok := m.s.globals.Lookup(c.Argument(0).String()); ok {
			return vm.ToValue(v)
		}
		return goja.Null()
	})))
	must(g.Set("isEmpty", native(func(goja.FunctionCall) goja.Value { return vm.ToValue(m.s.globals.Len() == 0) })))
	must(g.Set("clear", native(func(c goja.FunctionCall) goja.Value {
		m.s.globals.Delete(c.Argument(0).String())
		return goja.Undefined()
	})))
	must(g.Set("clearAll", native(func(goja.FunctionCall) goja.Value {
		m.s.globals.Clear()
		return goja.Undefined()
	})))
	return g
}

// stringOf turns a script value into the string stored in a variable: objects and
// arrays as JSON (so a later {{name}} sends what the script held), the rest as JS
// prints them.
func stringOf(v goja.Value) string {
	if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
		return ""
	}
	if o, ok := v.(*goja.Object); ok && o.ClassName() != "String" && o.ClassName() != "Function" {
		if b, err := o.MarshalJSON(); err == nil {
			return string(b)
		}
	}
	return v.String()
}

func (s *session) test(c goja.FunctionCall) goja.Value {
	name := c.Argument(0).String()
	fn, ok := c.Argument(1).(*goja.Object)
	// Every object of class Function is callable; AssertFunction, which
	// allocates, answers for the rest (none is callable but a proxy's kin).
	if ok && fn.ClassName() != "Function" {
		_, ok = goja.AssertFunction(fn)
	}
	if !ok {
		panic(s.vm.NewTypeError("client.test(" + name + "): the second argument must be a function"))
	}
	s.pending = append(s.pending, pendingTest{name, fn})
	return goja.Undefined()
}

func (s *session) assert(c goja.FunctionCall) goja.Value {
	if c.Argument(0).ToBoolean() {
		return goja.Undefined()
	}
	m := "assertion failed"
	if msg := c.Argument(1); !goja.IsUndefined(msg) && msg.String() != "" {
		m = msg.String()
	}
	panic(s.vm.NewGoError(assertionError(m)))
}

// assertionError is what client.assert throws; a failed test reports its text alone.
type assertionError string

func (a assertionError) Error() string { return string(a) }

func (s *session) log(call goja.FunctionCall) goja.Value {
	if len(s.logs) >= maxLogLines {
		return goja.Undefined()
	}
	var line string
	if len(call.Arguments) == 1 { // the usual case, without a list to join
		line = logText(call.Arguments[0])
	} else {
		parts := make([]string, len(call.Arguments))
		for i, a := range call.Arguments {
			parts[i] = logText(a)
		}
		line = strings.Join(parts, " ")
	}
	s.logs = append(s.logs, line)
	if len(s.logs) == maxLogLines {
		s.logs = append(s.logs, fmt.Sprintf("(log cut at %d lines)", maxLogLines))
	}
	return goja.Undefined()
}

// logText is how client.log prints a value: objects and arrays as JSON.
func logText(a goja.Value) string {
	if o, ok := a.(*goja.Object); ok && o.ClassName() == "Object" || ok && o.ClassName() == "Array" {
		return stringOf(a)
	}
	return a.String()
}

// runTests runs the registered tests in order; one that throws fails with the message
// it threw. An interruption (time limit, memory bound) fails the test it cut short
// and ends the run of tests.
func (s *session) runTests() {
	for i := 0; i < len(s.pending); i++ {
		p := s.pending[i]
		_, err := s.call(p.fn)
		if err == nil {
			s.tests = append(s.tests, Test{Name: p.name, Passed: true})
			continue
		}
		r := reasonOf(err)
		if r == stopExit {
			s.vm.ClearInterrupt()
			s.tests = append(s.tests, Test{Name: p.name, Passed: true})
			continue
		}
		s.tests = append(s.tests, Test{Name: p.name, Message: testMessage(err)})
		if r > stopExit {
			s.tests[len(s.tests)-1].Message = "stopped by the script limit"
			return
		}
	}
}

// testMessage is the reason a test failed: the assertion's message, or the error it
// threw with its position.
func testMessage(err error) string {
	if ex, ok := err.(*goja.Exception); ok {
		if o, ok := ex.Value().(*goja.Object); ok {
			if v := o.Get("value"); v != nil {
				if a, ok := v.Export().(assertionError); ok {
					return string(a)
				}
			}
		}
		return strings.TrimSpace(ex.Error())
	}
	return err.Error()
}
