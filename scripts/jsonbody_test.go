package scripts

import (
	"testing"

	"github.com/dop251/goja"
)

// TestParseJSONMatchesJSONParse compares the fast body parser with goja's JSON.parse
// through JSON.stringify, and a few things stringify does not show.
func TestParseJSONMatchesJSONParse(t *testing.T) {
	vm := goja.New()
	parse, _ := goja.AssertFunction(vm.Get("JSON").ToObject(vm).Get("parse"))
	stringify, _ := goja.AssertFunction(vm.Get("JSON").ToObject(vm).Get("stringify"))
	for _, in := range []string{
		`{"b":1,"a":[1,2.5,-0,-1e-7,9007199254740993,{"x":null}],"c":"\u00e9\n\"q\"\\/","d":true,"e":false}`,
		` [ ] `, `{}`, `"s"`, `12`, `-3.25e2`, `[[[]],{"":""}]`,
		`{"__proto__":{"polluted":1},"k":"v"}`,
		`{"a":1,"a":2}`,
		`"\ud83d\ude00 emoji"`,
	} {
		t.Run(in, func(t *testing.T) {
			want, err := parse(goja.Undefined(), vm.ToValue(in))
			if err != nil {
				t.Fatal(err)
			}
			got, ok := parseJSON(vm, []byte(in))
			if !ok {
				t.Fatal("rejected valid JSON")
			}
			ws, _ := stringify(goja.Undefined(), want)
			gs, _ := stringify(goja.Undefined(), got)
			if ws.String() != gs.String() {
				t.Errorf("got %s, want %s", gs, ws)
			}
		})
	}
	if _, ok := parseJSON(vm, []byte(`{"a":}`)); ok {
		t.Error("accepted invalid JSON")
	}
	// __proto__ is an own property, not the prototype; -0 stays negative zero.
	v, _ := parseJSON(vm, []byte(`{"__proto__":{"polluted":1},"z":-0}`))
	vm.Set("v", v)
	check, err := vm.RunString(`Object.keys(v).join() === "__proto__,z" && v.polluted === undefined && 1/v.z === -Infinity`)
	if err != nil || !check.ToBoolean() {
		t.Errorf("own __proto__ and -0: %v %v", check, err)
	}
}

// TestLazyObjectActsAsJSONParse runs the same script on a body from JSON.parse and
// on the lazy one: reading, changing, deleting, listing and copying members must
// give the same results.
func TestLazyObjectActsAsJSONParse(t *testing.T) {
	const body = `{"a":1,"b":{"c":[1,{"d":"e"}],"f":null},"a":3,"g":"h\"i","__proto__":{"x":1},"e\u0073c":2,"\u0061":4,"":5,"10":6,"2":7,"01":8,"4294967295":9,"4294967294":10}`
	const script = `(function (o) {
		var out = [];
		out.push(JSON.stringify(o), Object.keys(o).join(), o.a, o.b === o.b, o.b.c[1].d, typeof o.zz, o.esc, o[""]);
		out.push("a" in o, o.hasOwnProperty("g"), o.hasOwnProperty("zz"), Object.getPrototypeOf(o) === Object.prototype);
		out.push(o.x, Object.getOwnPropertyNames(o).length, Array.isArray(o.b.c), o.b.c.length);
		o.a = 10; o.n = "new"; delete o.g; delete o.missing; o.b.c.push(2);
		out.push(JSON.stringify(o), Object.keys(o).join(), "g" in o);
		var seen = []; for (var k in o) seen.push(k); out.push(seen.join());
		out.push(JSON.stringify(Object.entries(o.b)), JSON.stringify(Object.assign({}, o)));
		o.g = "back"; out.push(Object.keys(o).join());
		return out.join("|");
	})`
	vm := goja.New()
	fn, err := vm.RunString(script)
	if err != nil {
		t.Fatal(err)
	}
	call, _ := goja.AssertFunction(fn)
	parse, _ := goja.AssertFunction(vm.Get("JSON").ToObject(vm).Get("parse"))
	want, err := parse(goja.Undefined(), vm.ToValue(body))
	if err != nil {
		t.Fatal(err)
	}
	lazy, ok := parseJSON(vm, []byte(body))
	if !ok {
		t.Fatal("rejected valid JSON")
	}
	w, err := call(goja.Undefined(), want)
	if err != nil {
		t.Fatal(err)
	}
	g, err := call(goja.Undefined(), lazy)
	if err != nil {
		t.Fatal(err)
	}
	if g.String() != w.String() {
		t.Errorf("lazy:\n%s\nJSON.parse:\n%s", g, w)
	}
}
