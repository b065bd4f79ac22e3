package layout

import (
	"strings"

	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/uikit"
)

// Box is a pane framed in its rectangle (at least 2×2), as the screen writes it
// line by line: the top edge, the body's rows between the sides, the bottom
// edge. Writing straight into the screen's buffer, rather than making each box's
// lines first, saves a copy of the whole screen per key press (issue 24).
type Box struct {
	*Edges
	body   string   // the rows not yet written
	lines  []string // or the rows, each to be fitted, when byLine
	byLine bool
	inner  int
	H      int // the box's height: WriteLine is called H times
	line   int // the next line to write
}

// TextBox frames body (rows joined by newlines) in r.
func TextBox(e *Edges, body string, r Rect) Box {
	return Box{Edges: e, body: body, inner: r.W - 2, H: r.H}
}

// LinesBox frames lines, each one row (no newline in any), in r: they are
// fitted as they are written, with no joined copy.
func LinesBox(e *Edges, lines []string, r Rect) Box {
	return Box{Edges: e, lines: lines, byLine: true, inner: r.W - 2, H: r.H}
}

// Size is a guess of the box's bytes, for the screen's buffer.
func (x *Box) Size() int {
	n := len(x.top) + len(x.bottom) + len(x.body) + (x.H-2)*(2*len(x.side)+1) + 2
	if x.byLine {
		n += (x.H - 2) * (x.inner + 3) // a row is its width, or its bytes and a "…"
		for _, l := range x.lines[:min(len(x.lines), max(x.H-2, 0))] {
			n += max(len(l)-x.inner, 0)
		}
	}
	return n
}

// WriteLine writes the box's next line to b: what FrameLines makes, without
// making it.
func (x *Box) WriteLine(b *strings.Builder) {
	i := x.line
	x.line++
	switch i {
	case 0:
		b.WriteString(x.top)
	case x.H - 1:
		b.WriteString(x.bottom)
	default:
		var row string
		if x.byLine {
			if i-1 < len(x.lines) {
				row = x.lines[i-1]
			}
		} else {
			row, x.body, _ = strings.Cut(x.body, "\n")
		}
		b.WriteString(x.side)
		uikit.WriteFit(b, row, x.inner)
		b.WriteString(x.side)
	}
}

// Memo keeps each pane's edges as last drawn. They change with the title, the
// width and the focus, not with a key press; styling them every frame was a
// third of a frame's lipgloss work. A cache of a pure function, so the root
// model's copies share it.
type Memo struct {
	panes [Count]Edges
}

// Edges are a box's styled top and bottom edges and side, and what they were
// drawn from.
type Edges struct {
	st                styles.Styles
	title             string
	w                 int
	focused           bool
	top, bottom, side string
}

// Edges are pane p's edges, from the memo when they are the same. A nil Memo
// draws them every time.
func (f *Memo) Edges(p Pane, st styles.Styles, title string, w int, focused bool) *Edges {
	var e *Edges
	if f != nil {
		e = &f.panes[p]
		if e.top != "" && e.st == st && e.title == title && e.w == w && e.focused == focused {
			return e
		}
	} else {
		e = new(Edges)
	}
	ends := FrameLines(st, title, "", w, 2, focused) // the top and bottom edges only
	side := st.PaneBorder
	if focused {
		side = st.PaneBorderFocused
	}
	*e = Edges{st: st, title: title, w: w, focused: focused, top: ends[0], bottom: ends[1], side: side.Render("│")}
	return e
}
