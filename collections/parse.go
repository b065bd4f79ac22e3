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
	names map[string]int // request name -> line, to refuse duplicates
}

// Parse parses the content of one .http file; path is only recorded and used in
// error messages. On a syntax error it returns a nil File and an *Error naming the
// line and column. Parse reads no files.
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
	if seps[0] > 0 {
		if err := p.block(0, seps[0], false); err != nil {
			return nil, err
		}
	}
	for i := 0; i+1 < len(seps); i++ {
		if err := p.block(seps[i], seps[i+1], true); err != nil {
			return nil, err
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

func (p *parser) errorf(offset int, format string, a ...any) error {
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

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' }

// block parses the lines [lo, hi): an optional ### line, the prologue (comments,
// @name, variables), then at most one request.
func (p *parser) block(lo, hi int, sep bool) error {
	r := Request{File: p.f, Index: len(p.f.Requests)}
	start, end := p.lines[lo].start, len(p.data)
	if lo == 0 {
		start = 0
	}
	if hi < len(p.lines) {
		end = p.lines[hi].start
	}
	r.Block = p.f.span(start, end)
	k := lo
	if sep {
		l := p.lines[lo]
		r.sepLine = p.f.span(l.start, l.end)
		ts, te := p.trim(l.start+3, l.end)
		r.Title, r.TitleSpan = string(p.data[ts:te]), p.f.span(ts, te)
		k++
	}
	k, err := p.prologue(&r, k, hi)
	if err != nil {
		return err
	}
	if k == hi {
		if r.Name != "" {
			return p.errorf(r.NameSpan.Start.Offset, "# @name %s is not followed by a request", r.Name)
		}
		return nil
	}
	k = p.requestLine(&r, k, hi)
	k, err = p.headers(&r, k, hi)
	if err != nil {
		return err
	}
	p.body(&r, k, hi)
	p.f.Requests = append(p.f.Requests, r)
	return nil
}

// prologue reads the lines before the request line and returns the index of the
// request line (hi if there is none).
func (p *parser) prologue(r *Request, k, hi int) (int, error) {
	for ; k < hi; k++ {
		l := p.lines[k]
		s, e := p.trim(l.start, l.end)
		switch {
		case s == e:
		case isComment(p.data[s:e]):
			if err := p.nameDirective(r, l, s, e); err != nil {
				return k, err
			}
		case p.data[s] == '@':
			if err := p.variable(s, e); err != nil {
				return k, err
			}
		default:
			return k, nil
		}
	}
	return k, nil
}

func isComment(text []byte) bool {
	return bytes.HasPrefix(text, []byte("#")) || bytes.HasPrefix(text, []byte("//"))
}

// nameDirective reads "# @name x", "// @name x" or "# @name = x" from the comment
// line [s, e); other comments are ignored.
func (p *parser) nameDirective(r *Request, l line, s, e int) error {
	if p.data[s] == '#' {
		s++
	} else {
		s += 2
	}
	s, e = p.trim(s, e)
	text := p.data[s:e]
	if !bytes.HasPrefix(text, []byte("@name")) || (len(text) > 5 && !isBlank(text[5]) && text[5] != '=') {
		return nil
	}
	s, _ = p.trim(s+5, e)
	if s < e && p.data[s] == '=' {
		s, _ = p.trim(s+1, e)
	}
	name := string(p.data[s:e])
	switch {
	case r.Name != "":
		return p.errorf(s, "a second @name for the same request")
	case !isIdent(name):
		return p.errorf(s, "invalid request name %q: use letters, digits, _ and -", name)
	}
	if first, ok := p.names[name]; ok {
		return p.errorf(s, "duplicate request name %s (first at line %d)", name, first)
	}
	r.Name, r.NameSpan = name, p.f.span(s, e)
	r.nameLine = p.f.span(l.start, l.next)
	p.names[name] = r.NameSpan.Start.Line
	return nil
}

// variable reads "@name = value" from [s, e).
func (p *parser) variable(s, e int) error {
	eq := bytes.IndexByte(p.data[s:e], '=')
	if eq < 0 {
		return p.errorf(s, "expected a variable definition: @name = value")
	}
	ns, ne := p.trim(s+1, s+eq)
	if name := string(p.data[ns:ne]); !isIdent(name) {
		return p.errorf(s, "invalid variable name %q: use letters, digits, _ and -", name)
	}
	vs, ve := p.trim(s+eq+1, e)
	p.f.Vars = append(p.f.Vars, Variable{
		Name:  string(p.data[ns:ne]),
		Value: string(p.data[vs:ve]),
		Span:  p.f.span(vs, ve),
	})
	return nil
}

// requestLine reads "[METHOD ]URL[ HTTP/x]" and the query continuation lines after
// it (lines starting with ? or &), returning the index of the next line.
func (p *parser) requestLine(r *Request, k, hi int) int {
	l := p.lines[k]
	s, e := p.trim(l.start, l.end)
	r.Method = "GET"
	us := s
	me := s
	for me < e && 'A' <= p.data[me] && p.data[me] <= 'Z' {
		me++
	}
	if me > s && me < e && isBlank(p.data[me]) {
		r.Method, r.MethodSpan = string(p.data[s:me]), p.f.span(s, me)
		us, _ = p.trim(me, e)
	}
	url := append([]byte(nil), p.data[us:e]...)
	r.urlParts = []urlPart{{0, us}}
	last, lastEnd := us, e // the last URL piece
	for k++; k < hi; k++ {
		cs, ce := p.trim(p.lines[k].start, p.lines[k].end)
		if cs == ce || (p.data[cs] != '?' && p.data[cs] != '&') {
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
func (p *parser) headers(r *Request, k, hi int) (int, error) {
	for ; k < hi; k++ {
		s, e := p.trim(p.lines[k].start, p.lines[k].end)
		if s == e {
			return k + 1, nil
		}
		r.headEnd = p.lines[k].end
		if isComment(p.data[s:e]) {
			continue
		}
		colon := bytes.IndexByte(p.data[s:e], ':')
		if colon < 0 {
			return k, p.errorf(s, "expected a header (Name: value), or a blank line before the body")
		}
		ns, ne := p.trim(s, s+colon)
		if !isHeaderName(p.data[ns:ne]) {
			return k, p.errorf(ns, "invalid header name %q (a body must follow a blank line)", p.data[ns:ne])
		}
		vs, ve := p.trim(s+colon+1, e)
		r.Headers = append(r.Headers, Header{Name: string(p.data[ns:ne]), Value: string(p.data[vs:ve])})
		r.HeaderPos = append(r.HeaderPos, HeaderPos{
			Line:  p.f.span(s, e),
			Name:  p.f.span(ns, ne),
			Value: p.f.span(vs, ve),
		})
	}
	return hi, nil
}

// body takes the lines [k, hi) without the blank lines around them as the body.
func (p *parser) body(r *Request, k, hi int) {
	first, last := -1, -1
	for i := k; i < hi; i++ {
		if s, e := p.trim(p.lines[i].start, p.lines[i].end); s < e {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return
	}
	s, e := p.lines[first].start, p.lines[last].end
	for p.data[e-1] == '\r' {
		e-- // as a line break would, a CR ends the body
	}
	r.Body = append([]byte(nil), p.data[s:e]...)
	r.BodySpan = p.f.span(s, e)
}

// isIdent matches the names of variables and requests: [A-Za-z_][A-Za-z0-9_-]*.
func isIdent(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		letter := c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		if !letter && (i == 0 || c != '-' && (c < '0' || c > '9')) {
			return false
		}
	}
	return s != ""
}

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
