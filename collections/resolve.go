package collections

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/httplens/httplens/headers"
)

// Response is what the resolver needs of a request's last response to fill in
// {{name.response.headers.H}} and {{name.response.body.$.path}}.
type Response struct {
	Headers []Header
	Body    []byte
}

// Resolved is a request ready to send: every variable substituted, a `< file` body
// read. Headers keep their order and letter case.
type Resolved struct {
	Method  string
	URL     string
	Headers []Header
	Body    []byte
	Scripts []Script // the request's scripts, never part of the bytes above
}

// Resolver substitutes variables. The zero value works: it knows file variables and
// dynamic variables, with the real clock, randomness and process environment. A
// Resolver is not safe for concurrent use when Rand is set.
//
// A plain {{name}} is looked up in Vars, then the request's file variables, then
// Env, then Globals, then the built-in {{demo}}. Values found there may use
// variables themselves.
type Resolver struct {
	Vars map[string]string // --var overrides
	Env  map[string]string // the selected environment, from LoadEnv
	Demo string            // base URL of the demo API, for {{demo}}; "" when it is not running
	// Responses returns the last response of the request with that name, if any.
	Responses func(name string) (Response, bool)
	Now       func() time.Time                  // for $timestamp and $isoTimestamp
	Rand      *rand.Rand                        // for $uuid and $randomInt
	LookupEnv func(string) (string, bool)       // for $processEnv
	ReadFile  func(path string) ([]byte, error) // for a `< file` body
	// DotEnv holds the values of the .env file for $dotenv and as the last place a
	// plain name is looked up; nil reads .env beside the request's file (and up to
	// the project root) when one is needed.
	DotEnv map[string]string
	// Globals answers the names scripts keep with client.global.set (for example
	// scripts.Globals.Lookup); nil means there are none.
	Globals func(name string) (string, bool)
}

// Resolve returns r with its variables substituted. An error names the variable and
// where it is used, as "path:line:col: message".
func (rv *Resolver) Resolve(r *Request) (Resolved, error) {
	if len(r.Errors) > 0 {
		return Resolved{}, r.Errors[0]
	}
	x := newExpander(rv, r)
	out := Resolved{Method: r.Method, Scripts: r.Scripts}
	var err error
	if out.URL, err = x.at(r, r.URL, r.urlOffset); err != nil {
		return Resolved{}, err
	}
	for i, h := range r.Headers {
		name, err := x.at(r, h.Name, r.headerOffset(i, false))
		if err != nil {
			return Resolved{}, err
		}
		value, err := x.at(r, h.Value, r.headerOffset(i, true))
		if err != nil {
			return Resolved{}, err
		}
		out.Headers = append(out.Headers, Header{Name: name, Value: value})
	}
	if out.Body, err = rv.body(x, r, &out); err != nil {
		return Resolved{}, err
	}
	if err := finish(r, &out, x); err != nil {
		return Resolved{}, err
	}
	return out, nil
}

// Substitute returns text with its {{variables}} substituted as they would be in r
// (a script's tryGetSubstituted). An error names the variable, not a place in the
// file: text need not be part of it.
func (rv *Resolver) Substitute(r *Request, text string) (string, error) {
	out, _, err := newExpander(rv, r).expand(text, nil)
	return out, err
}

func (rv *Resolver) body(x *expander, r *Request, out *Resolved) ([]byte, error) {
	if len(r.Body) == 0 {
		return nil, nil
	}
	file, expand := r.BodyFile(), false
	if file == "" {
		file, expand = r.bodyFileWithVars(), true
	}
	if file == "" {
		body, err := x.at(r, string(r.Body), func(i int) int { return r.BodySpan.Start.Offset + i })
		if err == nil && isMultipart(out.Headers) {
			return rv.multipart(r, []byte(body))
		}
		return []byte(body), err
	}
	body, err := rv.readFile(r, file)
	if err != nil || !expand {
		return body, err
	}
	// "<@ file": the file's text with its variables substituted (JetBrains).
	s, _, err := x.expand(string(body), nil)
	if err != nil {
		return nil, errorAt(r, r.BodySpan.Start.Offset, fmt.Sprintf("%s: %v", file, err))
	}
	return []byte(s), nil
}

// readFile reads a file named in the request, relative to the request's file.
func (rv *Resolver) readFile(r *Request, file string) ([]byte, error) {
	if !filepath.IsAbs(file) && r.File != nil {
		file = filepath.Join(filepath.Dir(r.File.Path), file)
	}
	read := rv.ReadFile
	if read == nil {
		read = os.ReadFile
	}
	body, err := read(file)
	if err != nil {
		return nil, errorAt(r, r.BodySpan.Start.Offset, fmt.Sprintf("body file: %v", err))
	}
	return body, nil
}

// urlOffset maps an index in r.URL to a file offset, or -1.
func (r *Request) urlOffset(i int) int {
	off := -1
	for _, p := range r.urlParts {
		if p.at <= i {
			off = p.off + i - p.at
		}
	}
	return off
}

// headerOffset maps an index in header n's name or value to a file offset.
func (r *Request) headerOffset(n int, value bool) func(int) int {
	return func(i int) int {
		switch {
		case n >= len(r.HeaderPos):
			return r.reqLine.Start.Offset
		case value:
			return r.HeaderPos[n].Value.Start.Offset + i
		}
		return r.HeaderPos[n].Name.Start.Offset + i
	}
}

func errorAt(r *Request, offset int, msg string) error {
	if r.File == nil {
		return errors.New(msg)
	}
	return &Error{Path: r.File.Path, Pos: r.File.Pos(offset), Msg: msg}
}

// expander substitutes {{...}} references for one request.
type expander struct {
	rv      *Resolver
	r       *Request
	file    map[string]string
	prompts map[string]bool // names asked for by "# @prompt name"
	dotenv  map[string]string
}

// newExpander collects the file variables in effect for r: a variable takes effect
// where it is written, so the last definition before the request line wins; a name
// defined only further down takes its first definition (the REST Client reads file
// variables wherever they are).
func newExpander(rv *Resolver, r *Request) *expander {
	x := &expander{rv: rv, r: r, file: map[string]string{}, prompts: map[string]bool{}}
	if r.File != nil {
		at := r.reqLine.Start.Offset
		later := map[string]string{}
		for _, v := range r.File.Vars {
			switch {
			case r.reqLine.IsZero() || v.Span.Start.Offset < at:
				x.file[v.Name] = v.Value
			case later[v.Name] == "":
				later[v.Name] = v.Value
			}
		}
		for k, v := range later {
			if _, ok := x.file[k]; !ok {
				x.file[k] = v
			}
		}
	}
	for _, p := range r.Prompts() {
		x.prompts[p.Name] = true
	}
	return x
}

// at expands s, a part of r; offset maps an index in s to a file offset for errors.
func (x *expander) at(r *Request, s string, offset func(int) int) (string, error) {
	out, i, err := x.expand(s, nil)
	if err != nil {
		if off := offset(i); off >= 0 {
			return "", errorAt(r, off, err.Error())
		}
		return "", errorAt(r, r.reqLine.Start.Offset, err.Error())
	}
	return out, nil
}

// expand replaces every {{...}} in s. stack holds the variables being expanded, to
// catch cycles. On failure it returns the index in s of the reference that failed.
func (x *expander) expand(s string, stack []string) (string, int, error) {
	var b strings.Builder
	done := 0
	for {
		i := strings.Index(s[done:], "{{")
		if i < 0 {
			b.WriteString(s[done:])
			return b.String(), 0, nil
		}
		i += done
		j := strings.Index(s[i+2:], "}}")
		if j < 0 {
			return "", i, errors.New("unclosed {{: add }}")
		}
		v, err := x.value(strings.TrimSpace(s[i+2:i+2+j]), stack)
		if err != nil {
			return "", i, err
		}
		b.WriteString(s[done:i])
		b.WriteString(v)
		done = i + 2 + j + 2
	}
}

// value returns the value of one reference: a dynamic variable, a request variable
// or a plain name.
func (x *expander) value(expr string, stack []string) (string, error) {
	if strings.HasPrefix(expr, "$") {
		return x.dynamic(expr)
	}
	if name, path, ok := strings.Cut(expr, ".response."); ok {
		return x.requestVar(expr, name, path)
	}
	if slices.Contains(stack, expr) {
		return "", fmt.Errorf("variable cycle: %s -> %s", strings.Join(stack, " -> "), expr)
	}
	v, ok := x.lookup(expr)
	if !ok {
		msg := fmt.Sprintf("unresolved variable {{%s}}", expr)
		if len(stack) > 0 {
			msg += fmt.Sprintf(" (used by {{%s}})", strings.Join(stack, "}} -> {{"))
		}
		if expr == "demo" {
			msg += ": the demo API is not running"
		}
		if x.prompts[expr] {
			msg = fmt.Sprintf("{{%s}} is asked for by # @prompt: pass --var %s=VALUE", expr, expr)
		}
		return "", errors.New(msg)
	}
	out, _, err := x.expand(v, append(stack, expr))
	return out, err
}

func (x *expander) lookup(name string) (string, bool) {
	if v, ok := x.rv.Vars[name]; ok {
		return v, true
	}
	if v, ok := x.file[name]; ok {
		return v, true
	}
	if v, ok := x.rv.Env[name]; ok {
		return v, true
	}
	if x.rv.Globals != nil {
		if v, ok := x.rv.Globals(name); ok {
			return v, true
		}
	}
	if name == "demo" && x.rv.Demo != "" {
		return x.rv.Demo, true
	}
	v, ok := x.dotEnv()[name]
	return v, ok
}

// requestVar reads name.response.headers.H or name.response.body.PATH from the
// last response of the request called name.
func (x *expander) requestVar(expr, name, path string) (string, error) {
	var resp Response
	ok := false
	if x.rv.Responses != nil {
		resp, ok = x.rv.Responses(name)
	}
	if !ok {
		return "", fmt.Errorf("{{%s}}: request %s has no response yet; send it first", expr, name)
	}
	kind, sel, _ := strings.Cut(path, ".")
	switch kind {
	case "headers":
		if v, ok := headers.List(resp.Headers).Lookup(sel); ok {
			return v, nil
		}
		return "", fmt.Errorf("{{%s}}: the last response of %s has no %s header", expr, name, sel)
	case "body":
		if sel != "*" && !strings.HasPrefix(sel, "$") {
			sel = "$." + sel // kulala and httpyac write the path without "$."
		}
		v, err := jsonPath(resp.Body, sel)
		if err != nil {
			return "", fmt.Errorf("{{%s}}: %v", expr, err)
		}
		return v, nil
	}
	return "", fmt.Errorf("{{%s}}: expected %s.response.headers.NAME or %s.response.body.$.path", expr, name, name)
}
