package scripts

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// pathStep is one step of a JSONPath: a member name, an index, or every child.
type pathStep struct {
	name  string
	index int
	kind  byte // 'n' name, 'i' index, '*' every child
}

// parsePath reads the JSONPath subset scripts use: $ followed by .name, ['name'],
// [n] (negative counts from the end), [*] and .*. The leading $ may be left out.
func parsePath(expr string) ([]pathStep, error) {
	p := strings.TrimSpace(expr)
	p = strings.TrimPrefix(p, "$")
	var steps []pathStep
	for p != "" {
		switch {
		case strings.HasPrefix(p, ".*"):
			steps, p = append(steps, pathStep{kind: '*'}), p[2:]
		case strings.HasPrefix(p, ".."):
			return nil, fmt.Errorf("jsonPath %q: deep scan (..) is not supported", expr)
		case p[0] == '.':
			end := strings.IndexAny(p[1:], ".[")
			if end < 0 {
				end = len(p) - 1
			}
			name := p[1 : end+1]
			if name == "" {
				return nil, fmt.Errorf("jsonPath %q: empty member name", expr)
			}
			steps, p = append(steps, pathStep{kind: 'n', name: name}), p[end+1:]
		case p[0] == '[':
			end := strings.IndexByte(p, ']')
			if end < 0 {
				return nil, fmt.Errorf("jsonPath %q: missing ]", expr)
			}
			in := strings.TrimSpace(p[1:end])
			p = p[end+1:]
			switch {
			case in == "*":
				steps = append(steps, pathStep{kind: '*'})
			case len(in) >= 2 && (in[0] == '\'' || in[0] == '"') && in[len(in)-1] == in[0]:
				steps = append(steps, pathStep{kind: 'n', name: in[1 : len(in)-1]})
			default:
				n, err := strconv.Atoi(in)
				if err != nil {
					return nil, fmt.Errorf("jsonPath %q: [%s] is neither an index, a quoted name nor *", expr, in)
				}
				steps = append(steps, pathStep{kind: 'i', index: n})
			}
		default:
			// A path written without $ or a leading dot: "a.b".
			if len(steps) == 0 && !strings.HasPrefix(strings.TrimSpace(expr), "$") {
				p = "." + p
				continue
			}
			return nil, fmt.Errorf("jsonPath %q: unexpected %q", expr, p)
		}
	}
	return steps, nil
}

// jsonPath is the script's jsonPath(data, expression). A path without * yields the
// value found or null; one with * yields the array of every match. data may be an
// object or a JSON string.
func (s *session) jsonPath(data goja.Value, expr string) goja.Value {
	vm := s.vm
	steps, err := parsePath(expr)
	if err != nil {
		panic(vm.NewTypeError(err.Error()))
	}
	if data != nil && data.ExportType() != nil && data.ExportType().Kind().String() == "string" {
		parse, _ := goja.AssertFunction(vm.Get("JSON").ToObject(vm).Get("parse"))
		v, err := parse(goja.Undefined(), data)
		if err != nil {
			panic(err)
		}
		data = v
	}
	current := []goja.Value{data}
	many := false
	for _, st := range steps {
		var next []goja.Value
		for _, v := range current {
			o, ok := v.(*goja.Object)
			if !ok {
				continue
			}
			switch st.kind {
			case 'n':
				if c := o.Get(st.name); c != nil && !goja.IsUndefined(c) {
					next = append(next, c)
				}
			case 'i':
				i := st.index
				if i < 0 {
					i += int(o.Get("length").ToInteger())
				}
				if c := o.Get(strconv.Itoa(i)); c != nil && !goja.IsUndefined(c) {
					next = append(next, c)
				}
			case '*':
				many = true
				for _, k := range o.Keys() {
					next = append(next, o.Get(k))
				}
			}
		}
		current = next
	}
	if many {
		out := make([]any, len(current))
		for i, v := range current {
			out[i] = v
		}
		return vm.NewArray(out...)
	}
	if len(current) == 0 {
		return goja.Null()
	}
	return current[0]
}
