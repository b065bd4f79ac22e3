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
