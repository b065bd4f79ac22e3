// Package bodylines makes a body of any size into terminal-safe display lines on
// demand: the lines are counted once, and a frame makes only those it shows.
package bodylines

import (
	"bytes"
	"context"
	"slices"
	"sync"
	"unicode/utf8"

	"github.com/httplens/httplens/termtext"
)

// A large body is never split into a slice of strings: that would cost several
// times its size. Text keeps the bytes, counts the display lines once, and
// remembers where every markEvery-th line starts; a frame makes only the lines it
// shows, each at most markEvery steps from a mark, so it costs the same for 1 KB
// or 200 MB.

// markEvery is the distance between remembered line starts.
const markEvery = 64

// MaxLineBytes caps the source bytes of one display line; longer lines are cut
// into several (at a rune boundary), so no frame measures a megabyte-long line.
const MaxLineBytes = termtext.MaxLineRunes

// Cursor is where a display line starts: the source offset, and for pretty
// JSON the nesting depth and whether the line continues a cut token.
type Cursor struct {
	pos   int
	depth int32
	cont  bool // continues a line cut at MaxLineBytes: no indent
	inStr bool // the cut fell inside a JSON string
}

// Step appends the source bytes of the line at c to out (when out is not nil)
// and returns where the next line starts; a cursor at len(src) means no more.
type Step func(src []byte, c Cursor, out *[]byte) Cursor

// Text is text made into sanitised display lines on demand. What it shows
// never changes after New returns, and commands may read it concurrently
// (the lines it keeps for the next frame are behind a lock).
type Text struct {
	src   []byte
	step  Step
	marks []Cursor
	n     int

	mu      sync.Mutex
	kept    window // the lines LinesIn made last
	scratch []byte // a line's source bytes, in walk
}

// window is lines [from, from+len(lines)) made for a view w cells wide.
type window struct {
	from, w int
	lines   []string
}

// has reports whether line i for a view w cells wide is in the window.
func (k *window) has(i, w int) bool {
	return k.w == w && i >= k.from && i < k.from+len(k.lines)
}

// New counts the lines of src, cut by step. It stops early, with
// ctx's error, when ctx is cancelled.
func New(ctx context.Context, src []byte, step Step) (*Text, error) {
	l := &Text{src: src, step: step}
	c := Cursor{}
	if step == nil || len(src) == 0 {
		return l, nil
	}
	for c.pos < len(src) {
		if l.n%markEvery == 0 {
			l.marks = append(l.marks, c)
			if l.n%(markEvery*256) == 0 && ctx.Err() != nil {
				return nil, ctx.Err()
			}
		}
		next := step(src, c, nil)
		if next.pos <= c.pos && !next.cont { // a step must always move on
			next.pos = len(src)
		}
		c = next
		l.n++
	}
	return l, nil
}

// Len is the number of display lines.
func (l *Text) Len() int { return l.n }

// Line is display line i, sanitised.
func (l *Text) Line(i int) string {
	if i < 0 || i >= l.n {
		return ""
	}
	c := l.marks[i/markEvery]
	for range i % markEvery {
		c = l.step(l.src, c, nil)
	}
	var buf []byte
	l.step(l.src, c, &buf)
	return termtext.Sanitize(buf)
}

// Lines returns display lines [from, to), sanitised. It steps from the nearest mark
// once for the whole range, so a frame costs one walk of at most markEvery lines
// plus the lines it shows, not a walk per line.
func (l *Text) Lines(from, to int) []string { return l.LinesIn(from, to, 0) }

// LinesIn is Lines for a view w cells wide (0: no limit): a line whose first
// w+1 bytes are printable ASCII comes as fitting w cells shows it, its first
// w-1 cells and "…". A frame no longer sanitises and copies the KiB of a long
// line it cannot show (that was a third of a Down key's allocations, and of
// the garbage collections they cost), nor cuts it again (issue 24).
func (l *Text) LinesIn(from, to, w int) []string { return l.AppendLinesIn(nil, from, to, w) }

// AppendLinesIn appends LinesIn's lines to out. The lines of the last call are
// kept and reused: a frame scrolled by a line makes that line, not a screenful
// (the lines made anew were most of a Down key's garbage after the frame
// itself, issue 24).
func (l *Text) AppendLinesIn(out []string, from, to, w int) []string {
	from, to = max(from, 0), min(to, l.n)
	if from >= to {
		return out
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	start := len(out)
	for i := from; i < to; {
		if l.kept.has(i, w) {
			out = append(out, l.kept.lines[i-l.kept.from])
			i++
			continue
		}
		j := i + 1
		for j < to && !l.kept.has(j, w) {
			j++
		}
		out = l.walk(out, i, j, w)
		i = j
	}
	l.kept.from, l.kept.w = from, w
	l.kept.lines = append(l.kept.lines[:0], out[start:]...)
	return out
}

// walk appends lines [from, to) for a view w cells wide, made from the nearest
// mark in one walk. The caller holds l.mu: the source bytes of each line go
// through l.scratch, reused from walk to walk.
func (l *Text) walk(out []string, from, to, w int) []string {
	c := l.marks[from/markEvery]
	for range from % markEvery {
		c = l.step(l.src, c, nil)
	}
	out = slices.Grow(out, to-from)
	buf := l.scratch
	defer func() { l.scratch = buf[:0] }()
	for range to - from {
		buf = buf[:0]
		c = l.step(l.src, c, &buf)
		if w > 0 && len(buf) > w+1 && printableASCII(buf[:w+1]) {
			out = append(out, string(append(buf[:w-1], "…"...)))
			continue
		}
		out = append(out, termtext.Sanitize(buf))
	}
	return out
}

// printableASCII reports whether b is all printable ASCII: Sanitize keeps it
// as it is, one cell a byte.
func printableASCII(b []byte) bool {
	for _, c := range b {
		if c < 0x20 || c >= 0x7f {
			return false
		}
	}
	return true
}

// Each calls fn with every line from the first, in order, until fn returns false.
func (l *Text) Each(fn func(i int, line string) bool) {
	var c Cursor
	var buf []byte
	for i := range l.n {
		buf = buf[:0]
		c = l.step(l.src, c, &buf)
		if !fn(i, termtext.Sanitize(buf)) {
			return
		}
	}
}

// runeCut moves a cut at to back to the start of a rune, but never to from or
// before: a run of stray continuation bytes is cut anywhere.
func runeCut(src []byte, from, to int) int {
	if to >= len(src) {
		return len(src)
	}
	for c := to; c > from && c > to-utf8.UTFMax; c-- {
		if utf8.RuneStart(src[c]) {
			return c
		}
	}
	return to
}

// Raw cuts text at "\n" (a "\r" before it is the terminator and not shown)
// and past MaxLineBytes.
func Raw(src []byte, c Cursor, out *[]byte) Cursor {
	rest := src[c.pos:]
	// Look no further than one display line: a 50 MB body on one line must not
	// be searched to its end for every piece of it.
	window := rest[:min(len(rest), MaxLineBytes+2)]
	end := bytes.IndexByte(window, '\n')
	found, next := end >= 0, c.pos+end+1
	if !found {
		end, next = len(window), c.pos+len(window)
	}
	line := rest[:end]
	if n := len(line); found && n > 0 && line[n-1] == '\r' {
		line = line[:n-1] // "\r\n" ends the line; the "\r" is not shown
	}
	if len(line) > MaxLineBytes {
		cut := runeCut(src, c.pos, c.pos+MaxLineBytes) - c.pos
		line, next = line[:cut], c.pos+cut
	}
	if out != nil {
		*out = append(*out, line...)
	}
	return Cursor{pos: next}
}
