package collections

import (
	"bytes"
	"sort"
)

// File is one parsed .http file. Content is the bytes it was parsed from; Save uses
// them to notice a file changed on disk since.
type File struct {
	Path     string
	Group    string // folder relative to the collection root, slash-separated; "" at the root
	Content  []byte
	Newline  string // "\r\n" or "\n": the file's line ending style, from its first line break
	ReadOnly bool   // set for the built-in tour; Save refuses it
	// Lesson is the file's leading comment, before any request: what the file is
	// about, its words without the comment markers. It stays in the file as written.
	Lesson   string
	Vars     []Variable
	Requests []Request
	// Errors holds the problems outside any request (a variable line that cannot
	// be read, an @name with no request after it); the requests load regardless.
	Errors []*Error

	lineStarts []int // offset of each line's first byte; lineStarts[0] skips a BOM
}

// Request is one request of a file. The strings are as written, variables
// unresolved. The Span fields say where each part is; they are zero for a part that
// is not written (MethodSpan for a bare URL line, BodySpan without a body).
type Request struct {
	File    *File // the file it belongs to
	Index   int   // its position in File.Requests
	Title   string
	Name    string
	Method  string // "GET" when the request line is only a URL
	URL     string // query continuation lines are joined on
	Version string // e.g. "HTTP/1.1", or ""
	Headers []Header
	Body    []byte // nil when there is no body
	// Lesson is the request's comment block between its ### line and its request
	// line, without the comment markers and directives: what the request teaches
	// and what to do with it. It stays in the file byte-exact; Save never writes it.
	Lesson string

	Block       Span // from its ### line (or the file's start) to the next ### line
	TitleSpan   Span
	NameSpan    Span
	MethodSpan  Span
	URLSpan     Span // from the URL's first byte to the end of its last continuation line
	VersionSpan Span
	BodySpan    Span
	HeaderPos   []HeaderPos // parallel to Headers as parsed

	Scripts    []Script    // in file order; never sent
	Directives []Directive // every "# @name value" comment line of the request, in order
	// Errors are the problems that keep the request from being sent as written
	// (file:line:col); the other requests of the file are not affected.
	Errors []*Error
	// Unsupported lists what the request holds that httplens keeps in the file
	// byte-exact but does not act on ("... : not supported here").
	Unsupported []*Error

	sepLine  Span      // the ### line's text
	nameLine Span      // the "# @name" line, line break included
	reqLine  Span      // request line and continuation lines, line breaks excluded
	headEnd  int       // end of the last request, header or comment line before the body
	urlParts []urlPart // maps URL indexes back to file offsets
	lesson   []string  // the lesson's lines while the prologue is read
}

// urlPart says that URL[at:] starts at file offset off (until the next part).
type urlPart struct{ at, off int }

// Line is the line of the request line (1-based), or 0 for a request built in code.
func (r *Request) Line() int { return r.reqLine.Start.Line }

// BodyFile returns the path of a "< path" body, as written, or "".
func (r *Request) BodyFile() string {
	if len(r.Body) < 3 || r.Body[0] != '<' || !isBlank(r.Body[1]) || bytes.ContainsAny(r.Body, "\r\n") {
		return ""
	}
	return string(bytes.Trim(r.Body[1:], " \t"))
}

// bodyFileWithVars returns the path of a "<@ path" body (its variables are
// substituted when it is sent), or "".
func (r *Request) bodyFileWithVars() string {
	if len(r.Body) < 4 || !bytes.HasPrefix(r.Body, []byte("<@")) || !isBlank(r.Body[2]) || bytes.ContainsAny(r.Body, "\r\n") {
		return ""
	}
	return string(bytes.Trim(r.Body[2:], " \t"))
}

func (r *Request) path() string {
	if r.File == nil {
		return ""
	}
	return r.File.Path
}

// Pos returns the position of a byte offset in the file.
func (f *File) Pos(offset int) Pos {
	if len(f.lineStarts) == 0 {
		return Pos{Offset: offset, Line: 1, Col: offset + 1}
	}
	offset = max(0, min(offset, len(f.Content)))
	i := sort.Search(len(f.lineStarts), func(i int) bool { return f.lineStarts[i] > offset }) - 1
	i = max(i, 0)
	return Pos{Offset: offset, Line: i + 1, Col: max(offset-f.lineStarts[i], 0) + 1}
}

// lineRange returns where the line holding p starts and where the next one starts.
func (f *File) lineRange(p Pos) (start, next int) {
	start = p.Offset - p.Col + 1
	if p.Line < len(f.lineStarts) {
		return start, f.lineStarts[p.Line]
	}
	return start, len(f.Content)
}

// span returns the span of the byte range [start, end).
func (f *File) span(start, end int) Span { return Span{f.Pos(start), f.Pos(end)} }

// same reports whether two requests say the same thing, whatever their positions
// and the line breaks in their bodies.
func same(a, b *Request) bool {
	if a.Title != b.Title || a.Name != b.Name || !sameRequestLine(a, b) || formatBody(a.Body, "\n") != formatBody(b.Body, "\n") {
		return false
	}
	if len(a.Headers) != len(b.Headers) {
		return false
	}
	for i := range a.Headers {
		if a.Headers[i] != b.Headers[i] {
			return false
		}
	}
	return true
}

func sameRequestLine(a, b *Request) bool {
	return a.Method == b.Method && a.URL == b.URL && a.Version == b.Version
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' }

// Problems returns every error of the file, outside requests and on them, in file
// order of the requests (the file's own errors first).
func (f *File) Problems() []*Error {
	out := append([]*Error(nil), f.Errors...)
	for _, r := range f.Requests {
		out = append(out, r.Errors...)
	}
	return out
}
