package scripts

import (
	"encoding/json"
	"strconv"

	"github.com/dop251/goja"
)

// parseJSON builds the value JSON.parse would, straight from the bytes. goja's own
// JSON.parse goes through encoding/json's token stream, which was a third of the cost
// of a small handler. Members keep their order and "__proto__" stays an own property,
// as with JSON.parse. ok is false when b is not valid JSON.
func parseJSON(vm *goja.Runtime, b []byte) (v goja.Value, ok bool) {
	if !json.Valid(b) {
		return nil, false
	}
	p := jsonParser{vm: vm, b: b}
	return p.value(), true
}

// jsonParser reads JSON already checked by json.Valid, so it need not report errors.
type jsonParser struct {
	vm *goja.Runtime
	b  []byte
	i  int
}

func (p *jsonParser) space() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *jsonParser) value() goja.Value {
	p.space()
	switch c := p.b[p.i]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		return p.vm.ToValue(p.str())
	case c == 't':
		p.i += 4
		return p.vm.ToValue(true)
	case c == 'f':
		p.i += 5
		return p.vm.ToValue(false)
	case c == 'n':
		p.i += 4
		return goja.Null()
	default:
		return p.number()
	}
}

func (p *jsonParser) object() goja.Value {
	o := p.vm.NewObject()
	p.i++ // {
	for {
		p.space()
		if p.b[p.i] == '}' {
			p.i++
			return o
		}
		if p.b[p.i] == ',' {
			p.i++
			p.space()
		}
		key := p.str()
		p.space()
		p.i++ // :
		v := p.value()
		// A define, not a Set: "__proto__" must become an own property.
		must(o.DefineDataProperty(key, v, goja.FLAG_TRUE, goja.FLAG_TRUE, goja.FLAG_TRUE))
	}
}

func (p *jsonParser) array() goja.Value {
	var items []any
	p.i++ // [
	for {
		p.space()
		switch p.b[p.i] {
		case ']':
			p.i++
			return p.vm.NewArray(items...)
		case ',':
			p.i++
		default:
			items = append(items, p.value())
		}
	}
}

// str reads a string token; one with escapes is decoded by encoding/json.
func (p *jsonParser) str() string {
	start := p.i
	p.i++ // "
	escaped := false
	for p.b[p.i] != '"' {
		if p.b[p.i] == '\\' {
			escaped = true
			p.i++
		}
		p.i++
	}
	p.i++
	if !escaped {
		return string(p.b[start+1 : p.i-1])
	}
	var s string
	_ = json.Unmarshal(p.b[start:p.i], &s) // valid: json.Valid passed
	return s
}

func (p *jsonParser) number() goja.Value {
	start := p.i
	integral := true
	for p.i < len(p.b) {
		c := p.b[p.i]
		if c == '.' || c == 'e' || c == 'E' {
			integral = false
		} else if !(c == '-' || c == '+' || (c >= '0' && c <= '9')) {
			break
		}
		p.i++
	}
	tok := string(p.b[start:p.i])
	if integral && tok != "-0" {
		if n, err := strconv.ParseInt(tok, 10, 64); err == nil && n > -1<<53 && n < 1<<53 {
			return p.vm.ToValue(n)
		}
	}
	f, _ := strconv.ParseFloat(tok, 64) // out of range gives ±Inf, as in JSON.parse
	return p.vm.ToValue(f)
}
