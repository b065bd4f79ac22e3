package bodylines

import "bytes"

// JSON makes the lines of valid JSON indented as json.Indent(dst, src, "",
// "  ") would, one line at a time, straight from the compact source: a
// pretty-printed copy of a 50 MB body is never built. Lines longer than
// MaxLineBytes continue on the next line without indent.
func JSON(src []byte, c Cursor, out *[]byte) Cursor {
	w := budgetWriter{out: out}
	pos, depth := c.pos, int(c.depth)
	if !c.cont {
		pos = skipSpace(src, pos)
		if pos < len(src) && (src[pos] == '}' || src[pos] == ']') {
			depth-- // a closing bracket starts its line at its parent's depth
		}
		w.indent(depth)
	}
	if c.inStr {
		var closed bool
		if pos, closed = copyString(src, pos, &w); !closed {
			return Cursor{pos: pos, depth: int32(depth), cont: true, inStr: true}
		}
	}
	started, open := c.cont, false // open: the last token was { or [
	for {
		pos = skipSpace(src, pos)
		if pos >= len(src) {
			return Cursor{pos: pos}
		}
		ch := src[pos]
		closer := ch == '}' || ch == ']'
		switch {
		case open && !closer, closer && !open && started:
			return Cursor{pos: pos, depth: int32(depth)}
		case closer && open: // {} and [] stay on one line
			depth--
			w.byte(ch)
			pos++
			open = false
		case closer:
			w.byte(ch)
			pos++
		case ch == '{' || ch == '[':
			w.byte(ch)
			pos++
			depth++
			open = true
		case ch == ',':
			w.byte(ch)
			return Cursor{pos: skipSpace(src, pos+1), depth: int32(depth)}
		case ch == ':':
			w.write([]byte(": "))
			pos++
		case ch == '"':
			w.byte('"')
			var closed bool
			if pos, closed = copyString(src, pos+1, &w); !closed {
				return Cursor{pos: pos, depth: int32(depth), cont: true, inStr: true}
			}
		default: // a number, true, false or null
			start := pos
			for pos < len(src) && !jsonDelim(src[pos]) && w.n+pos-start < MaxLineBytes {
				pos++
			}
			w.write(src[start:pos])
			if pos < len(src) && !jsonDelim(src[pos]) {
				return Cursor{pos: pos, depth: int32(depth), cont: true}
			}
		}
		started = true
	}
}

// copyString copies a JSON string's bytes from pos (just inside the opening
// quote) through its closing quote. It stops early, closed false, when the line
// is full.
func copyString(src []byte, pos int, w *budgetWriter) (next int, closed bool) {
	for pos < len(src) {
		room := MaxLineBytes - w.n
		if room <= 0 {
			return pos, false
		}
		end := min(len(src), pos+room)
		seg := src[pos:end]
		i := bytes.IndexAny(seg, `"\`)
		switch {
		case i < 0:
			cut := runeCut(src, pos, end)
			w.write(src[pos:cut])
			pos = cut
		case seg[i] == '"':
			w.write(seg[:i+1])
			return pos + i + 1, true
		default: // a backslash and the byte it escapes go together
			e := min(pos+i+2, len(src))
			w.write(src[pos:e])
			pos = e
		}
	}
	return pos, true
}

// jsonDelim reports the bytes that end a number or a literal.
func jsonDelim(c byte) bool {
	switch c {
	case ' ', '\t', '\r', '\n', ',', ':', '}', ']', '{', '[', '"':
		return true
	}
	return false
}

// skipSpace returns the first position at or after pos that is not JSON space.
func skipSpace(src []byte, pos int) int {
	for pos < len(src) {
		switch src[pos] {
		case ' ', '\t', '\r', '\n':
			pos++
		default:
			return pos
		}
	}
	return pos
}

// budgetWriter appends to out, when there is one, and counts what it was given.
type budgetWriter struct {
	out *[]byte
	n   int
}

func (w *budgetWriter) write(b []byte) {
	w.n += len(b)
	if w.out != nil {
		*w.out = append(*w.out, b...)
	}
}

func (w *budgetWriter) byte(c byte) {
	w.n++
	if w.out != nil {
		*w.out = append(*w.out, c)
	}
}

// maxIndent caps the indent of a deeply nested line, so that nesting alone
// cannot fill a line.
const maxIndent = MaxLineBytes / 4

func (w *budgetWriter) indent(depth int) {
	n := min(max(depth, 0)*2, maxIndent)
	if w.out != nil {
		for range n {
			*w.out = append(*w.out, ' ')
		}
	}
	// The indent does not count against the line's budget of source bytes.
}
