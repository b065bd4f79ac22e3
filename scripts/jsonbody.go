package scripts

import (
	"encoding/json"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/dop251/goja"
)

// parseJSON builds the value JSON.parse would, straight from the bytes. goja's own
// JSON.parse goes through encoding/json's token stream, which was a third of the cost
// of a small handler. Members keep their order and "__proto__" stays an own property,
// as with JSON.parse. ok is false when b is not valid JSON,
// or 2 GiB or more (far past what a response keeps, 64 MiB by default).
//
// Objects are lazy (see lazyObject): a handler reads a member or two of a body, and
// building every member as a goja property was a quarter of a small handler's cost.
// Arrays are built at once, as real arrays, their objects lazy in turn.
func parseJSON(vm *goja.Runtime, b []byte) (v goja.Value, ok bool) {
	if len(b) > math.MaxInt32 || !validJSON(b) {
		return nil, false
	}
	p := jsonParser{vm: vm, b: b}
	if p.space(); p.b[p.i] == '{' {
		// The body's own object ends where the body does: no need to find its end.
		return vm.NewDynamicObject(&lazyObject{vm: vm, b: b, start: int32(p.i)}), true
	}
	return p.value(), true
}

// jsonParser reads JSON already checked by validJSON, so it need not report errors.
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
	o := &lazyObject{vm: p.vm, b: p.b, start: int32(p.i)}
	p.skip()
	return p.vm.NewDynamicObject(o)
}

// skip moves past the value at p.i.
func (p *jsonParser) skip() {
	p.space()
	switch p.b[p.i] {
	case '"':
		p.i++
		for p.b[p.i] != '"' {
			if p.b[p.i] == '\\' {
				p.i++
			}
			p.i++
		}
		p.i++
	case '{', '[':
		depth := 0
		for {
			switch p.b[p.i] {
			case '{', '[':
				depth++
			case '}', ']':
				depth--
			case '"':
				p.skip()
				continue
			}
			p.i++
			if depth == 0 {
				return
			}
		}
	default: // a number, true, false or null
		for p.i < len(p.b) && !strings.ContainsRune(",]} \t\n\r", rune(p.b[p.i])) {
			p.i++
		}
	}
}

// skipString moves past the string at p.i and says whether it had escapes.
func (p *jsonParser) skipString() (escaped bool) {
	p.i++ // "
	for p.b[p.i] != '"' {
		if p.b[p.i] == '\\' {
			escaped = true
			p.i++
		}
		p.i++
	}
	p.i++
	return escaped
}

// lazyObject is a JSON object whose members are read from the bytes when a script
// first touches the object, and each member's value when it is first read. To a
// script it is an ordinary object of Object.prototype: members in document order,
// the last of duplicate names winning, "__proto__" an own member; it can be
// changed, extended and deleted from. Unlike an ordinary object it cannot be frozen
// or given accessors (goja's dynamic objects refuse both).
//
// Offsets are int32 (parseJSON takes bodies under 2 GiB), and so the object a
// small body makes is 240 bytes rather than 320: it is a handler's largest.
type lazyObject struct {
	vm      *goja.Runtime
	b       []byte
	start   int32 // the offset of its {
	deleted int32 // members deleted, kept in place
	indexed bool
	members []member
	small   [4]member // members' first home: one allocation for a small object
}

// member is one member of a lazyObject: its name, where its value starts in the
// bytes, or the value once read or set.
type member struct {
	// The name is b[ks:ke] when ke > 0, so that indexing allocates no strings;
	// *key when it had escapes or a script added it.
	ks, ke int32
	at     int32 // the offset of its value; -1 once val holds it, -2 once deleted
	key    *string
	val    goja.Value
}

func (o *lazyObject) name(m *member) string {
	if m.ke > 0 {
		return string(o.b[m.ks:m.ke])
	}
	return *m.key
}

// index reads the member names and where their values start.
func (o *lazyObject) index() {
	if o.indexed {
		return
	}
	o.indexed = true
	o.members = o.small[:0]
	p := jsonParser{vm: o.vm, b: o.b, i: int(o.start) + 1}
	for {
		p.space()
		switch p.b[p.i] {
		case '}':
			return
		case ',':
			p.i++
			continue
		}
		m := member{ks: int32(p.i + 1)}
		if escaped := p.skipString(); escaped {
			p.i = int(m.ks) - 1
			key := p.str()
			m.key, m.ks = &key, 0
		} else {
			m.ke = int32(p.i - 1)
		}
		p.space()
		p.i++ // :
		p.space()
		m.at = int32(p.i)
		p.skip()
		if i := o.find(o.name(&m)); i >= 0 {
			o.members[i] = m // the last duplicate wins, in the first's place
			continue
		}
		o.members = append(o.members, m)
	}
}

// find returns the position of key, or -1. A linear search: bodies a script reads
// members of have few; a big object costs its size per lookup.
func (o *lazyObject) find(key string) int {
	for i := range o.members {
		m := &o.members[i]
		if m.at == -2 {
			continue
		}
		if m.ke > 0 && string(o.b[m.ks:m.ke]) == key || m.ke == 0 && *m.key == key {
			return i
		}
	}
	return -1
}

func (o *lazyObject) Get(key string) goja.Value {
	o.index()
	i := o.find(key)
	if i < 0 {
		return nil
	}
	m := &o.members[i]
	if m.at >= 0 {
		p := jsonParser{vm: o.vm, b: o.b, i: int(m.at)}
		m.val, m.at = p.value(), -1
	}
	return m.val
}

func (o *lazyObject) Set(key string, v goja.Value) bool {
	o.index()
	if i := o.find(key); i >= 0 {
		o.members[i].val, o.members[i].at = v, -1
		return true
	}
	o.members = append(o.members, member{key: &key, at: -1, val: v})
	return true
}

func (o *lazyObject) Has(key string) bool {
	o.index()
	return o.find(key) >= 0
}

func (o *lazyObject) Delete(key string) bool {
	o.index()
	if i := o.find(key); i >= 0 {
		o.members[i] = member{key: &key, at: -2}
		o.deleted++
	}
	return true
}

// Keys lists the members as an ordinary object orders its keys (and JSON.parse's
// result does): array indexes first, ascending, then the other names in the
// order they came.
func (o *lazyObject) Keys() []string {
	o.index()
	out := make([]string, 0, len(o.members)-int(o.deleted))
	var indexes []string
	for i := range o.members {
		if m := &o.members[i]; m.at != -2 {
			if k := o.name(m); arrayIndex(k) >= 0 {
				indexes = append(indexes, k)
			} else {
				out = append(out, k)
			}
		}
	}
	if len(indexes) == 0 {
		return out
	}
	sort.Slice(indexes, func(i, j int) bool { return arrayIndex(indexes[i]) < arrayIndex(indexes[j]) })
	return append(indexes, out...)
}

// arrayIndex is k's value when k is an array index (a canonical decimal below
// 2^32-1), else -1.
func arrayIndex(k string) int64 {
	if k == "" || len(k) > 10 || len(k) > 1 && k[0] == '0' {
		return -1
	}
	var n int64
	for i := 0; i < len(k); i++ {
		if k[i] < '0' || k[i] > '9' {
			return -1
		}
		n = n*10 + int64(k[i]-'0')
	}
	if n >= 1<<32-1 {
		return -1
	}
	return n
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
	_ = json.Unmarshal(p.b[start:p.i], &s) // valid: validJSON passed
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
