package collections

import (
	"bytes"
	"fmt"
	"unicode/utf8"
)

// line is one line of a file: its text is data[start:end] (without "\n" or "\r\n")
// and the next line starts at next.
type line struct{ start, end, next int }

type parser struct {
	f     *File
	data  []byte
	lines []line
	names map[string]int // request name -> line, to flag duplicates
}

// Parse parses the content of one .http file; path is only recorded and used in
// error messages. It never rejects a file for its syntax: a problem is recorded on
// the request it belongs to (Request.Errors), or in File.Errors outside any request,
// and the rest of the file loads. The error is only for content that is not UTF-8
// text; the File is then nil. Parse reads no files.
func Parse(path string, content []byte) (*File, error) {
	f := &File{Path: path, Content: content, Newline: newlineOf(content)}
	p := &parser{f: f, data: content, names: map[string]int{}}
	p.split()
	if !utf8.Valid(content) {
		// A .http file is text in UTF-8 (both editors' format says so); anything
		// else would be sent as mangled bytes and written back differently.
		at := invalidUTF8At(content)
		return nil, p.errorf(at, "not UTF-8 text (byte 0x%02x): save the file as UTF-8", content[at])
	}
	var seps []int
	for i, l := range p.lines {
		if bytes.HasPrefix(content[l.start:l.end], []byte("###")) {
			seps = append(seps, i)
		}
	}
	seps = append(seps, len(p.lines))
	for k := 0; k < seps[0]; {
		k = p.block(k, seps[0], false)
	}
	for i := 0; i+1 < len(seps); i++ {
		for k, sep := seps[i], true; k < seps[i+1]; sep = false {
			k = p.block(k, seps[i+1], sep)
		}
	}
	return f, nil
}

// invalidUTF8At returns the offset of the first byte that is not valid UTF-8.
func invalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// split cuts the content into lines and records where each starts.
func (p *parser) split() {
	start := 0
	if bytes.HasPrefix(p.data, []byte("\uFEFF")) {
		start = 3
	}
	for start < len(p.data) {
		end := len(p.data)
		next := end
		if i := bytes.IndexByte(p.data[start:], '\n'); i >= 0 {
			end, next = start+i, start+i+1
			if end > start && p.data[end-1] == '\r' {
				end--
			}
		}
		p.lines = append(p.lines, line{start, end, next})
		p.f.lineStarts = append(p.f.lineStarts, start)
		start = next
	}
	if len(p.f.lineStarts) == 0 || bytes.HasSuffix(p.data, []byte("\n")) {
		p.f.lineStarts = append(p.f.lineStarts, start)
	}
}

func newlineOf(content []byte) string {
	if i := bytes.IndexByte(content, '\n'); i > 0 && content[i-1] == '\r' {
		return "\r\n"
	}
	return "\n"
}

func (p *parser) errorf(offset int, format string, a ...any) *Error {
	return &Error{Path: p.f.Path, Pos: p.f.Pos(offset), Msg: fmt.Sprintf(format, a...)}
}

// trim returns [s, e) without the spaces, tabs and carriage returns at either end
// (a stray CR is not worth keeping where the writer could not put it back).
func (p *parser) trim(s, e int) (int, int) {
	for s < e && isSpace(p.data[s]) {
		s++
	}
	for e > s && isSpace(p.data[e-1]) {
		e--
	}
	return s, e
}

// text returns line k without the blanks around it, and where that text starts.
func (p *parser) text(k int) ([]byte, int) {
	s, e := p.trim(p.lines[k].start, p.lines[k].end)
	return p.data[s:e], s
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' }

// block parses from line lo: an optional ### line, the prologue (comments,
// directives, variables, scripts), then at most one request. It stops at hi or
// where a request starts without a ### line, and returns that line's index.
func (p *parser) block(lo, hi int, sep bool) int {
	r := Request{File: p.f, Index: len(p.f.Requests)}
	k := lo
	if sep {
		l := p.lines[lo]
		r.sepLine = p.f.span(l.start, l.end)
		ts, te := p.trim(l.start+3, l.end)
		r.Title, r.TitleSpan = string(p.data[ts:te]), p.f.span(ts, te)
		k++
	}
	k = p.prologue(&r, k, hi)
	end := hi
	if k < hi {
		k = p.requestLine(&r, k, hi)
		k = p.headers(&r, k, hi)
		end = p.bodyEnd(k, hi)
		p.body(&r, k, end)
		p.tail(&r, k, end)
	}
	start, stop := p.lines[lo].start, len(p.data)
	if lo == 0 {
		start = 0
	}
	if end < len(p.lines) {
		stop = p.lines[end].start
	}
	r.Block = p.f.span(start, stop)
	r.Lesson = joinLesson(r.lesson)
	r.lesson = nil
	if r.reqLine.IsZero() {
		if lo == 0 && !sep {
			// The comment before the first ### and the first request is the file's own lesson.
			p.f.Lesson = r.Lesson
		}
		// Nothing to send: what the prologue held stays in the file as it is.
		if r.Name != "" {
			p.f.Errors = append(p.f.Errors, p.errorf(r.NameSpan.Start.Offset, "# @name %s is not followed by a request", r.Name))
		}
		p.f.Errors = append(p.f.Errors, r.Errors...)
		return end
	}
	p.checkName(&r)
	if notHTTP[r.Method] {
		r.Errors = append([]*Error{p.errorf(r.MethodSpan.Start.Offset, "%s requests are not supported here: httplens sends HTTP only", r.Method)}, r.Errors...)
	}
	p.f.Requests = append(p.f.Requests, r)
	return end
}

// notHTTP are the request-line keywords of other protocols (httpyac, kulala).
var notHTTP = map[string]bool{"GRPC": true, "WEBSOCKET": true, "WS": true, "SSE": true, "MQTT": true, "AMQP": true}

// checkName flags a request name that is not an identifier or that an earlier
// request already has; both keep the request, which stays addressable otherwise.
func (p *parser) checkName(r *Request) {
	if r.Name == "" {
		return
	}
	if !isName(r.Name) {
		r.Errors = append(r.Errors, p.errorf(r.NameSpan.Start.Offset, "invalid request name %q: use letters, digits, _, - and .", r.Name))
		return
	}
	if first, ok := p.names[r.Name]; ok {
		r.Errors = append(r.Errors, p.errorf(r.NameSpan.Start.Offset, "duplicate request name %s (first at line %d)", r.Name, first))
		return
	}
	p.names[r.Name] = r.NameSpan.Start.Line
}

// requestLine reads "[METHOD ]URL[ HTTP/x]" and the lines that continue it: query
// lines starting with ? or &, and indented lines (JetBrains' long URLs, as in
// "    /api" or "    &page=2"). It returns the index of the next line.
func (p *parser) requestLine(r *Request, k, hi int) int {
	l := p.lines[k]
	s, e := p.trim(l.start, l.end)
	r.Method = "GET"
	us := s
	if me := methodEnd(p.data[s:e]); me > 0 && s+me < e && isBlank(p.data[s+me]) {
		r.Method, r.MethodSpan = string(p.data[s:s+me]), p.f.span(s, s+me)
		us, _ = p.trim(s+me, e)
	}
	url := append([]byte(nil), p.data[us:e]...)
	r.urlParts = []urlPart{{0, us}}
	last, lastEnd := us, e // the last URL piece
	for k++; k < hi; k++ {
		l := p.lines[k]
		cs, ce := p.trim(l.start, l.end)
		if cs == ce || !continuesURL(p.data[l.start:l.end], p.data[cs]) {
			break
		}
		r.urlParts = append(r.urlParts, urlPart{len(url), cs})
		url = append(url, p.data[cs:ce]...)
		last, lastEnd = cs, ce
	}
	ue := lastEnd
	// An HTTP version may end the last piece: "GET /x HTTP/1.1".
	if i := bytes.LastIndexAny(p.data[last:lastEnd], " \t"); i > 0 && isVersion(p.data[last+i+1:lastEnd]) {
		r.Version, r.VersionSpan = string(p.data[last+i+1:lastEnd]), p.f.span(last+i+1, lastEnd)
		_, ue = p.trim(last, last+i)
		url = url[:len(url)-(lastEnd-ue)]
	}
	r.URL, r.URLSpan = string(url), p.f.span(us, ue)
	r.reqLine = p.f.span(s, lastEnd)
	r.headEnd = p.lines[k-1].end
	return k
}

// continuesURL reports whether a line (raw, with its indentation) continues the
// request line: it starts with ? or &, or it is indented and starts with /.
func continuesURL(raw []byte, first byte) bool {
	if first == '?' || first == '&' {
		return true
	}
	return len(raw) > 0 && isBlank(raw[0]) && first == '/'
}

// methodEnd returns the length of a method at the start of b: upper-case letters,
// with inner hyphens as in VERSION-CONTROL; 0 if there is none.
func methodEnd(b []byte) int {
	n := 0
	for n < len(b) && ('A' <= b[n] && b[n] <= 'Z' || n > 0 && b[n] == '-') {
		n++
	}
	for n > 0 && b[n-1] == '-' {
		n--
	}
	return n
}

// isVersion matches HTTP/<digits>[.<digits>].
func isVersion(b []byte) bool {
	rest, ok := bytes.CutPrefix(b, []byte("HTTP/"))
	if !ok || len(rest) == 0 {
		return false
	}
	major, minor, dot := bytes.Cut(rest, []byte("."))
	return allDigits(major) && (!dot || allDigits(minor))
}

func allDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(b) > 0
}

// headers reads header and comment lines up to the blank line that ends them and
// returns the index of the line after that blank line, or hi when there is none.
// A line that is not a header ends the headers with an error on the request and
// starts the body, so that nothing after it is lost.
func (p *parser) headers(r *Request, k, hi int) int {
	for ; k < hi; k++ {
		s, e := p.trim(p.lines[k].start, p.lines[k].end)
		if s == e {
			return k + 1
		}
		if bytes.HasPrefix(p.data[s:e], []byte("/*")) {
			open := k
			k = p.blockComment(k, hi)
			r.headEnd = p.lines[k].end
			if !p.closes(open, k) {
				// Whatever the writer meant as headers or a body after it would be
				// read as comment, silently; say so instead.
				r.Errors = append(r.Errors, p.errorf(s, "this /* comment is never closed: every line after it in the request is read as comment"))
			}
			continue
		}
		if isComment(p.data[s:e]) {
			r.headEnd = p.lines[k].end
			continue
		}
		colon := bytes.IndexByte(p.data[s:e], ':')
		ns, ne := s, s
		if colon >= 0 {
			ns, ne = p.trim(s, s+colon)
		}
		if colon < 0 || !isHeaderName(p.data[ns:ne]) {
			r.Errors = append(r.Errors, p.errorf(s, "expected a header (Name: value), or a blank line before the body"))
			return k
		}
		r.headEnd = p.lines[k].end
		vs, ve := p.trim(s+colon+1, e)
		r.Headers = append(r.Headers, Header{Name: string(p.data[ns:ne]), Value: string(p.data[vs:ve])})
		r.HeaderPos = append(r.HeaderPos, HeaderPos{
			Line:  p.f.span(s, e),
			Name:  p.f.span(ns, ne),
			Value: p.f.span(vs, ve),
		})
	}
	return hi
}

// blockComment returns the index of the line that closes the /* comment opened on
// line k (hi-1 when it is never closed).
func (p *parser) blockComment(k, hi int) int {
	l := p.lines[k]
	if i := bytes.Index(p.data[l.start:l.end], []byte("/*")); i >= 0 && bytes.Contains(p.data[l.start+i+2:l.end], []byte("*/")) {
		return k
	}
	for k++; k < hi; k++ {
		if bytes.Contains(p.data[p.lines[k].start:p.lines[k].end], []byte("*/")) {
			return k
		}
	}
	return hi - 1
}

// closes reports whether the /* comment opened on line open is closed by line
// end (as blockComment found it).
func (p *parser) closes(open, end int) bool {
	l := p.lines[end]
	from := l.start
	if end == open {
		from += bytes.Index(p.data[l.start:l.end], []byte("/*")) + 2
	}
	return bytes.Contains(p.data[from:l.end], []byte("*/"))
}

// isName matches request names: letters, digits, _, - and . (names from other
// tools, such as "env-health", keep working).
func isName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter := c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		if !letter && (i == 0 || c != '-' && c != '.' && (c < '0' || c > '9')) {
			return false
		}
	}
	return s != ""
}

// isIdent matches variable names: [A-Za-z_][A-Za-z0-9_.-]* (dots for nested
// environment values such as base.url).
func isIdent(s string) bool { return isName(s) }

// isHeaderName accepts an RFC 9110 token that starts with a letter, digit or "{"
// (braces are allowed for {{variables}}).
func isHeaderName(b []byte) bool {
	for i, c := range b {
		alnum := '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		if !alnum && c != '{' && (i == 0 || c != '}' && !bytes.ContainsRune([]byte("!#$%&'*+-.^_`|~"), rune(c))) {
			return false
		}
	}
	return len(b) > 0
}
