package scripts

import (
	"fmt"
	"strings"

	"github.com/dop251/goja"
)

// session is the state of one run: the runtime, what the script may see, and what it
// produced.
type session struct {
	vm      *goja.Runtime
	env     Env
	globals *Globals
	pending []pendingTest
	tests   []Test
	logs    []string
}

type pendingTest struct {
	name string
	fn   goja.Callable
}

// maxLogLines bounds client.log output kept per run: a looping log must not fill
// memory before the time limit stops it.
const maxLogLines = 1000

// install defines the objects a script sees and the sandbox around them.
func (s *session) install(maxMemory int64) error {
	vm := s.vm
	client := vm.NewObject()
	must(client.Set("global", s.globalObject()))
	must(client.Set("test", s.test))
	must(client.Set("assert", s.assert))
	must(client.Set("log", s.log))
	must(client.Set("exit", func() { vm.Interrupt(stopExit) }))
	must(vm.Set("client", client))
	must(vm.Set("console", map[string]any{"log": s.log, "info": s.log, "warn": s.log, "error": s.log}))
	must(vm.Set("request", s.requestObject()))
	if s.env.Response != nil {
		resp, err := s.responseObject(*s.env.Response)
		if err != nil {
			return err
		}
		must(vm.Set("response", resp))
	}
	must(vm.Set("jsonPath", s.jsonPath))
	for _, name := range []string{"require", "setTimeout", "setInterval", "setImmediate",
		"clearTimeout", "clearInterval", "fetch", "XMLHttpRequest"} {
		must(vm.Set(name, refuse(vm, name)))
	}
	// Objects other runtimes provide throw on first touch, so process.exit() names
	// the sandbox rather than failing as "no member exit".
	for _, name := range []string{"process", "Deno", "Bun", "module", "exports"} {
		getter := vm.ToValue(refuse(vm, name))
		must(vm.GlobalObject().DefineAccessorProperty(name, getter, nil, goja.FLAG_FALSE, goja.FLAG_TRUE))
	}
	guard, err := vm.RunProgram(guards)
	if err != nil {
		return err
	}
	fn, _ := goja.AssertFunction(guard)
	_, err = fn(goja.Undefined(), vm.ToValue(maxMemory/4))
	return err
}

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

// guards wraps the operations that allocate as much as their argument asks for, so a
// single call cannot take more than the bound before the watchdog can look.
var guards = goja.MustCompile("guards", `
(function (limit) {
	function check(n, what) {
		if (n > limit) throw new RangeError(what + " of " + n + " exceeds the script memory bound");
	}
	var S = String.prototype;
	[["repeat", function (s, a) { return s.length * a[0]; }],
	 ["padStart", function (s, a) { return a[0]; }],
	 ["padEnd", function (s, a) { return a[0]; }]].forEach(function (g) {
		var orig = S[g[0]], size = g[1];
		Object.defineProperty(S, g[0], {writable: true, configurable: true, value: function () {
			check(size(String(this), arguments), "String." + g[0]);
			return orig.apply(this, arguments);
		}});
	});
	["ArrayBuffer", "SharedArrayBuffer", "Int8Array", "Uint8Array", "Uint8ClampedArray",
	 "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "Float32Array",
	 "Float64Array", "BigInt64Array", "BigUint64Array"].forEach(function (name) {
		var C = globalThis[name];
		if (!C) return;
		var per = C.BYTES_PER_ELEMENT || 1;
		globalThis[name] = new Proxy(C, {construct: function (t, args, nt) {
			if (typeof args[0] === "number") check(args[0] * per, name);
			return Reflect.construct(t, args, nt);
		}});
	});
})`, true)

func (s *session) globalObject() *goja.Object {
	g := s.vm.NewObject()
	must(g.Set("set", func(name string, value goja.Value) {
		s.globals.Set(name, stringOf(value))
	}))
	must(g.Set("get", func(name string) goja.Value {
		if v, ok := s.globals.Lookup(name); ok {
			return s.vm.ToValue(v)
		}
		return goja.Null()
	}))
	must(g.Set("isEmpty", func() bool { return s.globals.Len() == 0 }))
	must(g.Set("clear", func(name string) { s.globals.Delete(name) }))
	must(g.Set("clearAll", func() { s.globals.Clear() }))
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

func (s *session) test(name string, fn goja.Value) {
	call, ok := goja.AssertFunction(fn)
	if !ok {
		panic(s.vm.NewTypeError("client.test(" + name + "): the second argument must be a function"))
	}
	s.pending = append(s.pending, pendingTest{name, call})
}

func (s *session) assert(cond goja.Value, msg ...string) {
	if cond.ToBoolean() {
		return
	}
	m := "assertion failed"
	if len(msg) > 0 && msg[0] != "" {
		m = msg[0]
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
	parts := make([]string, len(call.Arguments))
	for i, a := range call.Arguments {
		if o, ok := a.(*goja.Object); ok && o.ClassName() == "Object" || ok && o.ClassName() == "Array" {
			parts[i] = stringOf(a)
			continue
		}
		parts[i] = a.String()
	}
	s.logs = append(s.logs, strings.Join(parts, " "))
	if len(s.logs) == maxLogLines {
		s.logs = append(s.logs, fmt.Sprintf("(log cut at %d lines)", maxLogLines))
	}
	return goja.Undefined()
}

// runTests runs the registered tests in order; one that throws fails with the message
// it threw. An interruption (time limit, memory bound) fails the test it cut short
// and ends the run of tests.
func (s *session) runTests() {
	for i := 0; i < len(s.pending); i++ {
		p := s.pending[i]
		_, err := p.fn(goja.Undefined())
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
