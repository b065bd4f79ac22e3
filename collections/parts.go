package collections

import (
	"bytes"
	"fmt"
	"strings"
)

// Script is a JetBrains-style script of a request. Scripts are never sent;
// `httplens run` runs them (package scripts), other commands note them as not run.
type Script struct {
	Pre    bool   // "< {% %}" or "< file.js" before the request; false for "> ..." after it
	Source string // inline JavaScript, "" for a file
	File   string // the path as written, "" for inline
	Line   int    // the line of its "<" or ">"
}

// Directive is a comment line "# @name value" or "// @name value" (also
// "@name=value"): Name without the @, Value with the blanks around it removed.
type Directive struct {
	Name  string
	Value string
	Line  int
}

// Prompt is a value a request asks the user for before it is sent:
// "# @prompt name description" (JetBrains HTTP Client, REST Client, rest.nvim).
type Prompt struct {
	Name        string
	Description string // the rest of the line; may be empty
}

// Prompts returns the values r asks for, in the order they are written.
func (r *Request) Prompts() []Prompt {
	var out []Prompt
	for _, d := range r.Directives {
		if f := strings.Fields(d.Value); d.Name == "prompt" && len(f) > 0 {
			desc := strings.TrimSpace(strings.TrimPrefix(d.Value, f[0]))
			out = append(out, Prompt{Name: f[0], Description: desc})
		}
	}
	return out
}

// supportedDirectives are the directives httplens acts on; the others are kept in
// the file and reported as not supported here. expect is read by the script runner.
// no-redirect and no-cookie-jar are applied by send and the TUI.
var supportedDirectives = map[string]bool{"name": true, "prompt": true, "expect": true, "no-redirect": true, "no-cookie-jar": true}

// prologue reads the lines before the request line and returns the index of the
// request line (hi if there is none).
func (p *parser) prologue(r *Request, k, hi int) int {
	for ; k < hi; k++ {
		text, s := p.text(k)
		switch {
		case len(text) == 0:
			r.lesson = append(r.lesson, "")
		case bytes.HasPrefix(text, []byte("/*")):
			k = p.blockComment(k, hi)
		case isComment(text):
			p.directive(r, k)
			if line, ok := lessonLine(text); ok {
				r.lesson = append(r.lesson, line)
			}
		case text[0] == '@':
			p.variable(r, s, s+len(text))
		case bytes.HasPrefix(text, []byte("<")) && !bytes.HasPrefix(text, []byte("<>")):
			k = p.script(r, k, hi, true)
		case bytes.Equal(text, []byte("{{")):
			k = p.skipUntil(r, k, hi, "}}", "httpyac script blocks ({{ }})")
		case bytes.HasPrefix(text, []byte("fragment ")) && bytes.HasSuffix(text, []byte("{")):
			k = p.skipUntil(r, k, hi, "}", "httpyac GraphQL fragments")
		case bytes.HasPrefix(text, []byte("proto <")):
			p.unsupported(r, s, "httpyac proto imports (gRPC)")
		case text[0] == '>':
			for k+1 < hi && bytes.HasPrefix(p.data[p.lines[k+1].start:p.lines[k+1].end], []byte(">")) {
				k++ // resterm writes a script as "> " lines before the request
			}
			p.unsupported(r, s, "resterm script lines (>)")
		default:
			return k
		}
	}
	return k
}

// unsupported records a construct that stays in the file byte-exact but that
// httplens ignores.
func (p *parser) unsupported(r *Request, at int, what string) {
	r.Unsupported = append(r.Unsupported, p.errorf(at, "%s: not supported here", what))
}

// skipUntil skips the lines from k up to the one whose trimmed text is closing,
// recording what they are as not supported, and returns that line's index.
func (p *parser) skipUntil(r *Request, k, hi int, closing, what string) int {
	_, s := p.text(k)
	p.unsupported(r, s, what)
	for j := k + 1; j < hi; j++ {
		if t, _ := p.text(j); string(t) == closing {
			return j
		}
	}
	r.Errors = append(r.Errors, p.errorf(s, "%s: no closing %s", what, closing))
	return hi - 1
}

// lessonLine returns the words of a comment line without its marker ("#" or
// "//") and the one space after it; ok is false for a directive (# @name x).
func lessonLine(text []byte) (string, bool) {
	if bytes.HasPrefix(text, []byte("//")) {
		text = text[2:]
	} else {
		text = text[1:]
	}
	text = bytes.TrimPrefix(text, []byte(" "))
	if bytes.HasPrefix(bytes.TrimLeft(text, " \t"), []byte("@")) {
		return "", false
	}
	return string(bytes.TrimRight(text, " \t")), true
}

// joinLesson joins the lesson lines, without blank lines at either end.
func joinLesson(lines []string) string {
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}

func isComment(text []byte) bool {
	return bytes.HasPrefix(text, []byte("#")) || bytes.HasPrefix(text, []byte("//"))
}

// directive reads "# @name value", "// @name value" or "# @name = value" from the
// comment on line k; other comments are ignored.
func (p *parser) directive(r *Request, k int) {
	l := p.lines[k]
	s, e := p.trim(l.start, l.end)
	if p.data[s] == '#' {
		s++
	} else {
		s += 2
	}
	s, e = p.trim(s, e)
	if s >= e || p.data[s] != '@' {
		return
	}
	ns := s + 1
	ne := ns
	for ne < e && (isName(string(p.data[ns:ne+1])) || p.data[ne] == '-') {
		ne++
	}
	if ne == ns || ne < e && !isBlank(p.data[ne]) && p.data[ne] != '=' {
		return
	}
	vs, _ := p.trim(ne, e)
	if vs < e && p.data[vs] == '=' {
		vs, _ = p.trim(vs+1, e)
	}
	d := Directive{Name: string(p.data[ns:ne]), Value: string(p.data[vs:e]), Line: k + 1}
	r.Directives = append(r.Directives, d)
	switch {
	case d.Name == "name" && r.Name != "":
		r.Errors = append(r.Errors, p.errorf(vs, "a second @name for the same request"))
	case d.Name == "name" && d.Value == "":
		r.Errors = append(r.Errors, p.errorf(vs, "invalid request name \"\": use letters, digits, _, - and ."))
	case d.Name == "name":
		r.Name, r.NameSpan = d.Value, p.f.span(vs, e)
		r.nameLine = p.f.span(l.start, l.next)
	case !supportedDirectives[d.Name]:
		p.unsupported(r, s, "the @"+d.Name+" directive")
	}
}

// variable reads "@name = value" from [s, e). A file variable takes effect from
// where it is written (see Resolver).
func (p *parser) variable(r *Request, s, e int) {
	eq := bytes.IndexByte(p.data[s:e], '=')
	if eq < 0 {
		r.Errors = append(r.Errors, p.errorf(s, "expected a variable definition: @name = value"))
		return
	}
	ns, ne := p.trim(s+1, s+eq)
	if name := string(p.data[ns:ne]); !isIdent(name) {
		r.Errors = append(r.Errors, p.errorf(s, "invalid variable name %q: use letters, digits, _, - and .", name))
		return
	}
	vs, ve := p.trim(s+eq+1, e)
	p.f.Vars = append(p.f.Vars, Variable{
		Name:  string(p.data[ns:ne]),
		Value: string(p.data[vs:ve]),
		Span:  p.f.span(vs, ve),
	})
}

// script reads a script starting on line k: "< {% ... %}" or "< file" before the
// request (pre), "> {% ... %}" or "> file" after it. It returns the index of the
// script's last line.
func (p *parser) script(r *Request, k, hi int, pre bool) int {
	text, s := p.text(k)
	rest := bytes.TrimLeft(text[1:], " \t")
	sc := Script{Pre: pre, Line: k + 1}
	if !bytes.HasPrefix(rest, []byte("{%")) {
		sc.File = string(rest)
		if sc.File == "" {
			r.Errors = append(r.Errors, p.errorf(s, "expected a script: {%% ... %%} or a file name"))
			return k
		}
		r.Scripts = append(r.Scripts, sc)
		return k
	}
	from := s + (len(text) - len(rest)) + 2 // just after {%
	for j := k; j < hi; j++ {
		l := p.lines[j]
		at := max(l.start, from)
		if i := bytes.Index(p.data[at:l.end], []byte("%}")); i >= 0 {
			sc.Source = string(p.data[from : at+i])
			r.Scripts = append(r.Scripts, sc)
			return j
		}
	}
	r.Errors = append(r.Errors, p.errorf(s, "script not closed: add %%}"))
	return hi - 1
}

// bodyEnd returns where the request whose body may start at line k ends: at hi,
// at a request line written after a blank line without ### (httpyac and the REST
// Client accept that), or at a final run of variable lines after a blank line.
func (p *parser) bodyEnd(k, hi int) int {
	for i := k; i < hi; i++ {
		raw := p.data[p.lines[i].start:p.lines[i].end]
		varLine := len(raw) > 0 && raw[0] == '@'
		if !isRequestLine(raw) && !varLine {
			continue
		}
		start := p.afterBlank(k, i)
		if start < 0 {
			continue
		}
		if !varLine || p.onlyPrologue(i, hi) {
			return start
		}
	}
	return hi
}

// afterBlank returns the first line of the comment and variable lines just above
// line i when a blank line (or the blank line ending the headers, before k) comes
// before them, or -1.
func (p *parser) afterBlank(k, i int) int {
	j := i - 1
	for ; j >= k; j-- {
		t, _ := p.text(j)
		if len(t) == 0 {
			return j + 1
		}
		if !isComment(t) && t[0] != '@' {
			return -1
		}
	}
	if k > 0 {
		if t, _ := p.text(k - 1); len(t) == 0 {
			return k
		}
	}
	return -1
}

// onlyPrologue reports whether the lines [i, hi) hold nothing but blank lines,
// comments and variables, up to the end or to a request line.
func (p *parser) onlyPrologue(i, hi int) bool {
	for ; i < hi; i++ {
		if t, _ := p.text(i); len(t) > 0 && !isComment(t) && t[0] != '@' {
			return isRequestLine(p.data[p.lines[i].start:p.lines[i].end])
		}
	}
	return true
}

// isRequestLine matches an unindented "METHOD URL[ HTTP/x]" with a method of at
// least three letters, as a request line written without ### must be.
func isRequestLine(raw []byte) bool {
	me := methodEnd(raw)
	if me < 3 || me >= len(raw) || !isBlank(raw[me]) {
		return false
	}
	url := bytes.Fields(raw[me:])
	return len(url) == 1 || len(url) == 2 && isVersion(url[1])
}

// tailStart returns the first line of what follows the body in [k, end): a
// response handler (> {% %} or > file), an output redirect (>>), a response
// reference (<>) or an httpyac {{ }} script after a blank line, together with
// the comment lines just above it; end when there is none.
func (p *parser) tailStart(k, end int) int {
	for i := k; i < end; i++ {
		raw := p.data[p.lines[i].start:p.lines[i].end]
		if !(bytes.HasPrefix(raw, []byte(">")) || bytes.HasPrefix(raw, []byte("<>")) ||
			(string(bytes.TrimRight(raw, " \t")) == "{{" || isStatusLine(raw)) && p.afterBlank(k, i) >= 0) {
			continue
		}
		for i > k {
			if t, _ := p.text(i - 1); len(t) == 0 || !isComment(t) {
				break
			}
			i--
		}
		return i
	}
	return end
}

// isStatusLine matches "HTTP/1.1 200 ...": httpyac keeps a response in the file
// after its request.
func isStatusLine(b []byte) bool {
	f := bytes.Fields(b)
	return len(f) >= 2 && isVersion(f[0]) && len(f[1]) == 3 && allDigits(f[1])
}

// body takes the lines [k, end) up to the tail, without the blank lines around
// them, as the body.
func (p *parser) body(r *Request, k, end int) {
	end = p.tailStart(k, end)
	first, last := -1, -1
	for i := k; i < end; i++ {
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

// tail reads the scripts and other constructs after the body.
func (p *parser) tail(r *Request, k, end int) {
	for i := p.tailStart(k, end); i < end; i++ {
		text, s := p.text(i)
		switch {
		case len(text) == 0:
		case isComment(text):
			p.directive(r, i)
		case bytes.HasPrefix(text, []byte(">>")):
			p.unsupported(r, s, "saving the response with >>")
		case bytes.HasPrefix(text, []byte("<>")):
			p.unsupported(r, s, "response references (<>)")
		case text[0] == '>':
			i = p.script(r, i, end, false)
		case bytes.Equal(text, []byte("{{")):
			i = p.skipUntil(r, i, end, "}}", "httpyac script blocks ({{ }})")
		case isStatusLine(text):
			p.unsupported(r, s, "a response written in the file (httpyac)")
			return // the rest of the block is that response
		default:
			r.Errors = append(r.Errors, p.errorf(s, "unexpected text after the response handler"))
		}
	}
}

// Notes returns what the request holds that httplens does not act on everywhere:
// the constructs not supported here, and the scripts, which the TUI (on every
// send) and `httplens run` run but `httplens send` does not.
func (r *Request) Notes() []string {
	var notes []string
	for _, u := range r.Unsupported {
		notes = append(notes, u.Error())
	}
	for _, s := range r.ScriptPlaces() {
		notes = append(notes, s+" not run by httplens send: the TUI and httplens run run it")
	}
	return notes
}

// ScriptPlaces names each of the request's scripts, where it is and what kind:
// "api.http:3: response handler (inline)".
func (r *Request) ScriptPlaces() []string {
	var out []string
	for _, s := range r.Scripts {
		kind := "response handler"
		if s.Pre {
			kind = "pre-request script"
		}
		where := "inline"
		if s.File != "" {
			where = s.File
		}
		out = append(out, fmt.Sprintf("%s:%d: %s (%s)", r.path(), s.Line, kind, where))
	}
	return out
}
