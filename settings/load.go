package settings

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// Error is one problem in a settings file. The setting it names keeps its default.
type Error struct {
	File string
	Line int    // 0 when unknown
	Key  string // dotted, such as "request.timeout"; empty for a syntax error
	Msg  string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Key != "" {
		b.WriteString(": " + e.Key)
	}
	b.WriteString(": " + e.Msg)
	return b.String()
}

// Load reads the settings file at path. A missing file gives the defaults and no
// error. Every problem is returned as an *Error naming the file, the line and the
// key; the setting in question keeps its default and the rest still applies. A
// file that is not valid TOML is ignored as a whole. acts are the actions [keys]
// may bind.
func Load(path string, acts []ActionInfo) (Settings, []error) {
	return load(path, acts, nil)
}

// load is Load; lazy, when not nil, gives the actions when the file has a [keys]
// table to check (see OpenKeyless).
func load(path string, acts []ActionInfo, lazy func() []ActionInfo) (Settings, []error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return Defaults(acts), nil
	}
	if err != nil {
		return Defaults(acts), []error{&Error{File: path, Msg: err.Error() + "; using the defaults"}}
	}
	return parse(path, data, acts, lazy)
}

// Parse reads settings from data; file names it in errors. See Load.
func Parse(file string, data []byte, acts []ActionInfo) (Settings, []error) {
	return parse(file, data, acts, nil)
}

func parse(file string, data []byte, acts []ActionInfo, lazy func() []ActionInfo) (Settings, []error) {
	s := Defaults(acts)
	var root map[string]toml.Primitive
	md, err := toml.Decode(string(data), &root)
	if err != nil {
		e := &Error{File: file, Msg: err.Error()}
		var pe toml.ParseError
		if errors.As(err, &pe) {
			e.Line, e.Msg = pe.Position.Line, pe.Message
		}
		e.Msg += "; the whole file is ignored and every setting is at its default"
		return s, []error{e}
	}
	l := &loader{file: file, md: &md, prims: map[string]toml.Primitive{}, acts: acts, lazy: lazy}
	l.root(&s, root)
	l.checkTheme(&s)
	l.checkConflicts(&s)
	slices.SortStableFunc(l.errs, func(a, b *Error) int { return a.Line - b.Line })
	out := make([]error, len(l.errs))
	for i, e := range l.errs {
		out[i] = e
	}
	return s, out
}

// loader walks the decoded file, table by table, against the settings it knows.
type loader struct {
	file  string
	md    *toml.MetaData
	errs  []*Error
	prims map[string]toml.Primitive // every key read, for checks made after the walk
	keys  map[Action]bool           // actions the file binds
	acts  []ActionInfo              // the actions [keys] may bind
	lazy  func() []ActionInfo       // when not nil: acts, asked for at [keys]
}

// leaf lets a function take a TOML value through the decoder, so that an error it
// returns comes back as a toml.ParseError carrying the key and its line.
type leaf func(v any) error

// UnmarshalTOML implements toml.Unmarshaler.
func (f leaf) UnmarshalTOML(v any) error { return f(v) }

// decode hands p's value to f; an error from f is recorded with p's key and line.
func (l *loader) decode(p toml.Primitive, f func(v any) error) bool {
	err := l.md.PrimitiveDecode(p, leaf(f))
	if err == nil {
		return true
	}
	e := &Error{File: l.file, Msg: err.Error()}
	var pe toml.ParseError
	if errors.As(err, &pe) {
		e.Line, e.Key, e.Msg = pe.Position.Line, pe.LastKey, pe.Message
	}
	l.errs = append(l.errs, e)
	return false
}

// fail records msg at p's key and line.
func (l *loader) fail(p toml.Primitive, msg string) {
	l.decode(p, func(any) error { return errors.New(msg) })
}

// table decodes p as a table; a value that is not one is an error.
func (l *loader) table(p toml.Primitive) (map[string]toml.Primitive, bool) {
	isTable := l.decode(p, func(v any) error {
		if _, ok := v.(map[string]any); !ok {
			return fmt.Errorf("%s is not allowed: must be a table; ignored", show(v))
		}
		return nil
	})
	var t map[string]toml.Primitive
	if !isTable {
		return nil, false
	}
	if err := l.md.PrimitiveDecode(p, &t); err != nil {
		l.fail(p, err.Error())
		return nil, false
	}
	return t, true
}

func (l *loader) unknown(p toml.Primitive, key string, known []string) {
	msg := "unknown key; ignored"
	if near := nearest(key, known); near != "" {
		msg = fmt.Sprintf("unknown key; ignored (did you mean %q?)", near)
	}
	l.fail(p, msg)
}

// root walks the top level: scalar fields, their tables, [keys] and [themes].
func (l *loader) root(s *Settings, root map[string]toml.Primitive) {
	byTable := map[string][]field{}
	var tables []string
	for _, f := range fields() {
		if _, seen := byTable[f.table]; !seen && f.table != "" {
			tables = append(tables, f.table)
		}
		byTable[f.table] = append(byTable[f.table], f)
	}
	known := append(slices.Clone(tables), "keys", "themes")
	for _, f := range byTable[""] {
		known = append(known, f.key)
	}
	for key, p := range root {
		switch {
		case key == "keys":
			l.keymap(s, p)
		case key == "themes":
			l.themes(s, p)
		case slices.Contains(tables, key):
			l.section(s, key, p, byTable[key])
		default:
			if f, ok := findField(byTable[""], key); ok {
				l.field(s, f, p)
			} else {
				l.unknown(p, key, known)
			}
		}
	}
}

func findField(fs []field, key string) (field, bool) {
	for _, f := range fs {
		if f.key == key {
			return f, true
		}
	}
	return field{}, false
}

// section walks one table of scalar fields.
func (l *loader) section(s *Settings, name string, p toml.Primitive, fs []field) {
	t, ok := l.table(p)
	if !ok {
		return
	}
	var known []string
	for _, f := range fs {
		known = append(known, f.key)
	}
	for key, q := range t {
		if f, ok := findField(fs, key); ok {
			l.field(s, f, q)
		} else if name == "cookies" && key == "environments" {
			l.cookieEnvs(s, q)
		} else {
			l.unknown(q, key, append(known, "environments"))
		}
	}
}

// field sets one scalar; a bad value leaves the default and says what is allowed.
func (l *loader) field(s *Settings, f field, p toml.Primitive) {
	name := f.key
	if f.table != "" {
		name = f.table + "." + f.key
	}
	l.prims[name] = p
	def := f.show(s) // s still holds the default here: each key is read once
	l.decode(p, func(v any) error {
		if err := f.parse(s, v); err != nil {
			return fmt.Errorf("%s is not allowed: use %s; using the default %s", show(v), f.allowed, def)
		}
		return nil
	})
}

// show writes a decoded TOML value back as it would appear in the file.
func show(v any) string {
	switch x := v.(type) {
	case string:
		return quote(x)
	case map[string]any:
		return "a table"
	case []any, []map[string]any:
		return "a list"
	}
	return fmt.Sprint(v)
}

func (l *loader) cookieEnvs(s *Settings, p toml.Primitive) {
	t, ok := l.table(p)
	if !ok {
		return
	}
	s.Cookies.Environments = map[string]bool{}
	for env, q := range t {
		l.decode(q, func(v any) error {
			b, ok := v.(bool)
			if !ok {
				return fmt.Errorf("%s is not allowed: use true or false; ignored", show(v))
			}
			s.Cookies.Environments[env] = b
			return nil
		})
	}
}

// nearest returns the known name closest to key, if it is a likely typo.
func nearest(key string, known []string) string {
	best, bestD := "", 3
	for _, k := range known {
		if d := distance(key, k); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

// distance is the Levenshtein distance between a and b.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// quoteList writes keys as a TOML array.
func quoteList(keys []string) string {
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = quote(k)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}
