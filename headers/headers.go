// Package headers is the one header type of httplens: a field keeps its name and
// value exactly as written or received (the wire is byte-exact), and a List keeps
// the fields in order, duplicates and letter case included. Look-ups by name are
// ASCII case-insensitive (RFC 9110 §5.1); nothing here ever rewrites a name.
//
// It imports only the standard library, so every package can use it.
package headers

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Field is one header field: Name in the letter case it was written or received in,
// Value as given (the reader that made it decides about surrounding spaces). It
// marshals to JSON as a ["Name", "value"] pair.
type Field struct {
	Name  string
	Value string
}

// Is reports whether the field is named name, in any letter case. Field names are
// ASCII tokens (RFC 9110 §5.1), so only ASCII letters fold: unlike strings.EqualFold,
// "Tran\u017ffer-Encoding" (a long s) is not Transfer-Encoding, as no server reads it so.
func (f Field) Is(name string) bool { return equalFoldASCII(f.Name, name) }

func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if x, y := a[i], b[i]; x != y && lowerASCII(x) != lowerASCII(y) {
			return false
		}
	}
	return true
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// MarshalJSON writes the field as ["Name", "value"].
func (f Field) MarshalJSON() ([]byte, error) {
	return json.Marshal([2]string{f.Name, f.Value})
}

// UnmarshalJSON reads a ["Name", "value"] pair.
func (f *Field) UnmarshalJSON(b []byte) error {
	var pair []string
	if err := json.Unmarshal(b, &pair); err != nil {
		return err
	}
	if len(pair) != 2 {
		return fmt.Errorf("header: want [name, value], got %d elements", len(pair))
	}
	f.Name, f.Value = pair[0], pair[1]
	return nil
}

// List is a header section in order. Any []Field converts to a List for free:
// List(x.Headers).Get("ETag"). The zero value is an empty list.
type List []Field

// Lookup returns the value of the first field named name and whether there is one.
func (l List) Lookup(name string) (string, bool) {
	if i := l.Index(name); i >= 0 {
		return l[i].Value, true
	}
	return "", false
}

// Get returns the value of the first field named name, or "" when there is none.
func (l List) Get(name string) string {
	v, _ := l.Lookup(name)
	return v
}

// Values returns the value of every field named name, in order; nil when there is
// none. Lines are not combined or split (see Tokens for list members).
func (l List) Values(name string) []string {
	var out []string
	for _, f := range l {
		if f.Is(name) {
			out = append(out, f.Value)
		}
	}
	return out
}

// Has reports whether a field named name is present, with any value (even empty).
func (l List) Has(name string) bool { return l.Index(name) >= 0 }

// HasAny reports whether a field with any of the names is present.
func (l List) HasAny(names ...string) bool {
	for _, n := range names {
		if l.Has(n) {
			return true
		}
	}
	return false
}

// Index returns the position of the first field named name, or -1.
func (l List) Index(name string) int {
	for i, f := range l {
		if f.Is(name) {
			return i
		}
	}
	return -1
}

// Without returns a new list of the fields not named any of names, in order; l is
// not changed.
func (l List) Without(names ...string) List {
	out := make(List, 0, len(l))
	for _, f := range l {
		if !f.isAny(names) {
			out = append(out, f)
		}
	}
	return out
}

// HasToken reports whether a comma-separated field (Connection, Transfer-Encoding,
// Vary...) lists token, on any of its lines, in any ASCII letter case.
func (l List) HasToken(name, token string) bool {
	for _, f := range l {
		if !f.Is(name) {
			continue
		}
		for _, m := range Tokens(f.Value) {
			if equalFoldASCII(m, token) {
				return true
			}
		}
	}
	return false
}

func (f Field) isAny(names []string) bool {
	for _, n := range names {
		if f.Is(n) {
			return true
		}
	}
	return false
}

// Tokens splits a list-valued field value into its members (RFC 9110 §5.6.1): on
// commas that are not inside a quoted string (where a backslash escapes the next
// character), each member trimmed of white space, empty members dropped.
func Tokens(v string) []string { return AppendTokens(nil, v) }

// AppendTokens appends the members Tokens returns to out, and makes no other
// slice: a caller that only reads them passes an array on its stack
// (var buf [8]string; AppendTokens(buf[:0], v)) and allocates nothing.
func AppendTokens(out []string, v string) []string { return appendSplit(out, v, ',', false) }

// Split splits v on sep where sep is not inside a quoted string (a backslash
// escapes the next character there) and trims each part; empty parts are kept
// (a parameter list's "a;;b" says something a member list's "a,,b" does not).
func Split(v string, sep byte) []string { return appendSplit(nil, v, sep, true) }

// appendSplit appends the parts of v between the seps outside quoted strings,
// trimmed, to out; empty parts only when keepEmpty.
func appendSplit(out []string, v string, sep byte, keepEmpty bool) []string {
	add := func(part string) {
		if m := strings.TrimSpace(part); m != "" || keepEmpty {
			out = append(out, m)
		}
	}
	start, inQuote := 0, false
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '\\':
			if inQuote {
				i++
			}
		case '"':
			inQuote = !inQuote
		case sep:
			if !inQuote {
				add(v[start:i])
				start = i + 1
			}
		}
	}
	add(v[min(start, len(v)):])
	return out
}
