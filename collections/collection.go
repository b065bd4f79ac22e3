// Package collections reads and writes collections of saved HTTP requests in the
// plain-text .http format shared by the JetBrains HTTP Client and the VS Code REST
// Client: parsing (with the source position of every part), variables and
// environments, resolving a request for sending, and writing one edited request back
// without touching the rest of its file.
//
// Parsing is pure. Files are read only by Load, LoadEnv, Save and, for a `< file`
// body, by Resolve.
//
// # Syntax decisions
//
// Where the dialects differ, the JetBrains HTTP Client comes first, then the VS
// Code REST Client. No file is rejected for its syntax: a problem is an error on
// its request (Request.Errors) or, outside any request, on the file (File.Errors).
//
//   - A line whose first three bytes are "###" always starts a new request, also
//     inside a body (as in the JetBrains client). "###" anywhere else in a line,
//     for example inside a JSON string, is ordinary text.
//   - A request line written after a blank line ("METHOD URL", a method of three
//     or more capitals, one URL word) also starts a new request, as httpyac and the
//     REST Client read it; so does a final run of "@var = value" lines.
//   - Before the request line, blank lines, comments (#, // and /* */), directives
//     ("# @name x", any "# @word value"), "@var = value" lines and pre-request
//     scripts (< {% %}, < file.js) may appear. Between headers, comments are skipped.
//   - The request line may go on over lines starting with ? or &, or indented
//     lines starting with / (JetBrains' long URLs).
//   - The body starts at the first non-blank line after the blank line that ends the
//     headers and stops at its last non-blank line before the response handlers
//     (> {% %}, > file.js), >> redirects, <> references and httpyac {{ }} blocks or
//     saved responses; blank lines around it are not part of it. Its line breaks
//     are kept as they are in the file.
//   - A body that is exactly one line "< path" sends that file (relative to the .http
//     file) as it is; "<@ path" substitutes variables in it.
//   - Other tools' constructs (resterm and httpyac directives and scripts, gRPC) are
//     kept byte-exact and listed in Request.Unsupported.
//   - Columns count bytes from 1, after a UTF-8 byte order mark on the first line.
package collections

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/httplens/httplens/headers"
)

// Pos is a position in a file: Offset counts bytes from 0, Line and Col count from 1.
// The zero Pos means "no position".
type Pos struct {
	Offset int
	Line   int
	Col    int
}

// Span is the half-open byte range [Start, End) of one part of a file.
type Span struct {
	Start Pos
	End   Pos
}

// IsZero reports whether the span is absent (the part does not occur in the file).
func (s Span) IsZero() bool { return s.Start.Line == 0 }

// Header is one header field, with its name in the letter case written. It is
// headers.Field, the type requests sends.
type Header = headers.Field

// HeaderPos holds where one header of a parsed request is: the whole line's text,
// the name and the value.
type HeaderPos struct {
	Line  Span
	Name  Span
	Value Span
}

// Variable is a file variable, "@name = value". Value is unresolved.
type Variable struct {
	Name  string
	Value string
	Span  Span // the value
}

// Error is an error at a place in a file. It prints as "path:line:col: message".
type Error struct {
	Path string
	Pos  Pos
	Msg  string
}

// Error formats the error as "path:line:col: message" ("path: message" without a
// position).
func (e *Error) Error() string {
	if e.Pos.Line == 0 {
		return fmt.Sprintf("%s: %s", e.Path, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Pos.Line, e.Pos.Col, e.Msg)
}

// Collection is a .http file or a folder of them. Files in subfolders belong to the
// group named by their folder.
type Collection struct {
	Root  string  // the path given to Load
	Dir   string  // the folder where the environment files are looked up
	Files []*File // in lexical path order
	// Errors holds one error per file that could not be read (missing rights,
	// too large, not UTF-8); those files are left out of Files and every other file
	// is loaded. A file's syntax problems are on its File and its requests.
	Errors []error
}

// Requests returns every request of the collection, file by file, in file order.
func (c *Collection) Requests() []*Request {
	var all []*Request
	for _, f := range c.Files {
		for i := range f.Requests {
			all = append(all, &f.Requests[i])
		}
	}
	return all
}

// Find returns the request whose name is nameOrTitle or, failing that, whose title
// is (exactly, then ignoring case). The error lists the candidates when none or more
// than one request matches.
func (c *Collection) Find(nameOrTitle string) (*Request, error) {
	all := c.Requests()
	matchers := []func(r *Request) bool{
		func(r *Request) bool { return r.Name == nameOrTitle },
		func(r *Request) bool { return r.Title == nameOrTitle },
		func(r *Request) bool { return strings.EqualFold(r.Title, nameOrTitle) },
	}
	for _, match := range matchers {
		var found []*Request
		for _, r := range all {
			if match(r) {
				found = append(found, r)
			}
		}
		switch {
		case len(found) == 1:
			return found[0], nil
		case len(found) > 1:
			return nil, fmt.Errorf("request %q is ambiguous: it matches %s", nameOrTitle, describe(found))
		}
	}
	if len(all) == 0 {
		return nil, fmt.Errorf("no request %q: %s has no requests", nameOrTitle, c.Root)
	}
	return nil, fmt.Errorf("no request %q; available: %s", nameOrTitle, describe(all))
}

// describe lists requests for an error message: name, "title" and file:line.
func describe(rs []*Request) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		label := r.Name
		if r.Title != "" {
			if label != "" {
				label += " "
			}
			label += fmt.Sprintf("%q", r.Title)
		}
		if label == "" {
			label = r.Method + " " + r.URL
		}
		parts[i] = fmt.Sprintf("%s (%s:%d)", label, r.path(), r.Line())
	}
	return strings.Join(parts, ", ")
}

// Load reads the collection at path: one .http (or .rest) file, or every such file
// in a folder and its subfolders (hidden folders are skipped). The error is for a
// path that cannot be read at all; a file that fails to parse goes to c.Errors.
func Load(p string) (*Collection, error) {
	info, err := os.Stat(p)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		c := &Collection{Root: p, Dir: filepath.Dir(p)}
		if info.Size() > MaxFileSize {
			return nil, tooLarge(p, info.Size())
		}
		content, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		c.add(Parse(p, content))
		return c, nil
	}
	c := &Collection{Root: p, Dir: p}
	err = c.loadFS(os.DirFS(p), ".", func(rel string) string { return filepath.Join(p, filepath.FromSlash(rel)) })
	return c, err
}

// loadFS parses every collection file under root in fsys; name maps a slash path
// relative to root to the path recorded in each File.
func (c *Collection) loadFS(fsys fs.FS, root string, name func(rel string) string) error {
	return fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != root && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if ext := path.Ext(p); ext != ".http" && ext != ".rest" {
			return nil
		}
		rel := strings.TrimPrefix(strings.TrimPrefix(p, root), "/")
		if info, err := d.Info(); err == nil && info.Size() > MaxFileSize {
			c.Errors = append(c.Errors, tooLarge(name(rel), info.Size()))
			return nil
		}
		content, err := fs.ReadFile(fsys, p)
		if err != nil {
			c.Errors = append(c.Errors, &Error{Path: name(rel), Msg: readProblem(err)})
			return nil
		}
		f, perr := Parse(name(rel), content)
		if f != nil {
			if g := path.Dir(rel); g != "." {
				f.Group = g
			}
		}
		c.add(f, perr)
		return nil
	})
}

// MaxFileSize is the largest file Load reads as a collection file: far above any
// hand-written collection, and a guard against opening a log or a dump by mistake.
const MaxFileSize = 16 << 20

func tooLarge(path string, size int64) error {
	return &Error{Path: path, Msg: fmt.Sprintf("%.1f MB is too large for a collection file (the limit is %d MB)",
		float64(size)/1e6, MaxFileSize>>20)}
}

// readProblem says why a file could not be read, without repeating its path.
func readProblem(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func (c *Collection) add(f *File, err error) {
	if err != nil {
		c.Errors = append(c.Errors, err)
		return
	}
	c.Files = append(c.Files, f)
}
