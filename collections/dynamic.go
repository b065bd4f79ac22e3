package collections

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"time"
)

// dynamic returns the value of $uuid, $timestamp, $isoTimestamp, $randomInt [min max]
// or $processEnv NAME. Each use gives a fresh value.
// The others come from dynamicMore: the JetBrains client's first, then the
// REST Client's where the two differ.
func (x *expander) dynamic(expr string) (string, error) {
	f := strings.Fields(expr)
	args := f[1:]
	if v, ok, err := x.dynamicMore(expr); ok && (f[0] != "$timestamp" || len(args) > 0) {
		return v, err
	}
	switch f[0] {
	case "$uuid":
		if len(args) == 0 {
			return x.uuid(), nil
		}
	case "$timestamp":
		if len(args) == 0 {
			return strconv.FormatInt(x.now().Unix(), 10), nil
		}
	case "$isoTimestamp":
		if len(args) == 0 {
			return x.now().UTC().Format("2006-01-02T15:04:05.000Z"), nil
		}
	case "$randomInt":
		return x.randomInt(expr, args)
	case "$processEnv":
		if len(args) == 1 {
			lookup := x.rv.LookupEnv
			if lookup == nil {
				lookup = os.LookupEnv
			}
			if v, ok := lookup(args[0]); ok {
				return v, nil
			}
			return "", fmt.Errorf("{{%s}}: environment variable %s is not set", expr, args[0])
		}
		return "", fmt.Errorf("{{%s}}: expected {{$processEnv NAME}}", expr)
	default:
		return "", fmt.Errorf("unknown dynamic variable {{%s}}", expr)
	}
	return "", fmt.Errorf("{{%s}}: %s takes no arguments", expr, f[0])
}

func (x *expander) now() time.Time {
	if x.rv.Now != nil {
		return x.rv.Now()
	}
	return time.Now()
}

func (x *expander) uint64() uint64 {
	if x.rv.Rand != nil {
		return x.rv.Rand.Uint64()
	}
	return rand.Uint64()
}

// uuid returns a random (version 4) UUID.
func (x *expander) uuid() string {
	var b [16]byte
	hi, lo := x.uint64(), x.uint64()
	for i := range 8 {
		b[i], b[8+i] = byte(hi>>(8*i)), byte(lo>>(8*i))
	}
	b[6] = b[6]&0x0f | 0x40 // version 4
	b[8] = b[8]&0x3f | 0x80 // RFC 9562 variant
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// randomInt returns an integer in [0, 1000), or in [min, max) when both are given.
func (x *expander) randomInt(expr string, args []string) (string, error) {
	lo, hi := int64(0), int64(1000)
	if len(args) == 2 {
		var err1, err2 error
		lo, err1 = strconv.ParseInt(args[0], 10, 64)
		hi, err2 = strconv.ParseInt(args[1], 10, 64)
		if err1 != nil || err2 != nil {
			return "", fmt.Errorf("{{%s}}: min and max must be integers", expr)
		}
	} else if len(args) != 0 {
		return "", fmt.Errorf("{{%s}}: expected {{$randomInt}} or {{$randomInt min max}}", expr)
	}
	if hi <= lo {
		return "", fmt.Errorf("{{%s}}: max must be greater than min", expr)
	}
	return strconv.FormatInt(lo+int64(x.uint64()%uint64(hi-lo)), 10), nil
}

// jsonPath reads one value from a JSON body: "$.a.b", "$.items[0].name", "$[2]".
// "*" or "$" alone give the whole body. Strings come out without their quotes;
// objects and arrays as compact JSON.
func jsonPath(body []byte, path string) (string, error) {
	if path == "*" || path == "$" {
		return string(body), nil
	}
	if !strings.HasPrefix(path, "$") {
		return "", fmt.Errorf("a body path starts with $, as in $.items[0].name")
	}
	d := json.NewDecoder(bytes.NewReader(body))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return "", fmt.Errorf("the body is not JSON: %v", err)
	}
	rest := path[1:]
	for rest != "" {
		var err error
		if v, rest, err = step(v, rest); err != nil {
			return "", fmt.Errorf("%s: %v", path, err)
		}
	}
	switch v := v.(type) {
	case string:
		return v, nil
	case json.Number:
		return v.String(), nil
	}
	out, err := json.Marshal(v)
	return string(out), err
}

// step follows one ".key" or "[n]" of a path.
func step(v any, rest string) (any, string, error) {
	switch rest[0] {
	case '.':
		end := strings.IndexAny(rest[1:], ".[") + 1
		if end == 0 {
			end = len(rest)
		}
		key := rest[1:end]
		m, ok := v.(map[string]any)
		if !ok {
			return nil, "", fmt.Errorf("no key %q: not an object", key)
		}
		next, ok := m[key]
		if !ok {
			return nil, "", fmt.Errorf("no key %q", key)
		}
		return next, rest[end:], nil
	case '[':
		end := strings.IndexByte(rest, ']')
		if end < 0 {
			return nil, "", fmt.Errorf("missing ]")
		}
		n, err := strconv.Atoi(rest[1:end])
		a, ok := v.([]any)
		switch {
		case err != nil:
			return nil, "", fmt.Errorf("bad index %q", rest[1:end])
		case !ok:
			return nil, "", fmt.Errorf("index [%d]: not an array", n)
		case n < 0 || n >= len(a):
			return nil, "", fmt.Errorf("index [%d] out of range (%d items)", n, len(a))
		}
		return a[n], rest[end+1:], nil
	}
	return nil, "", fmt.Errorf("unexpected %q: use .key or [n]", rest)
}
