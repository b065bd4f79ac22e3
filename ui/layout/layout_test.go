package layout

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/styles"
)

func TestLayout(t *testing.T) {
	cases := []struct {
		name       string
		w, h       int
		wantSingle bool
	}{
		{"80x24 shows one pane at a time", 80, 24, true},
		{"100x20 fits four panes", 100, 20, false},
		{"160x48 wide", 160, 48, false},
		{"250x70 very wide", 250, 70, false},
		{"tiny", 10, 3, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := Auto(c.w, c.h)
			if l.Single != c.wantSingle {
				t.Fatalf("Single = %v, want %v", l.Single, c.wantSingle)
			}
			if l.Status.Y+2 != max(c.h, 2) && c.h >= 2 {
				t.Errorf("status line at %d, want %d", l.Status.Y, c.h-2)
			}
			for p, r := range l.Panes {
				if r.X < 0 || r.Y < 0 || r.X+r.W > c.w || r.Y+r.H > l.Status.Y {
					t.Errorf("pane %v %+v leaves the body area %dx%d", Pane(p), r, c.w, l.Status.Y)
				}
			}
			if !l.Single {
				checkTiles(t, l, c.w)
			}
		})
	}
}

// checkTiles asserts the four panes cover the body area without overlapping.
func checkTiles(t *testing.T, l Screen, w int) {
	t.Helper()
	cover := make([]int, w*l.Status.Y)
	for _, r := range l.Panes {
		for y := r.Y; y < r.Y+r.H; y++ {
			for x := r.X; x < r.X+r.W; x++ {
				cover[y*w+x]++
			}
		}
	}
	for i, n := range cover {
		if n != 1 {
			t.Fatalf("cell %d,%d covered %d times", i%w, i/w, n)
		}
	}
}

func TestFrameFillsItsSize(t *testing.T) {
	st := styles.New()
	for _, size := range [][2]int{{2, 2}, {10, 3}, {30, 8}} {
		out := Frame(st, "A very long title that will not fit", "body line that is too long\nx", size[0], size[1], true)
		lines := strings.Split(out, "\n")
		if len(lines) != size[1] {
			t.Fatalf("%v: %d lines", size, len(lines))
		}
		for _, l := range lines {
			if w := ansi.StringWidth(l); w != size[0] {
				t.Errorf("%v: line %q is %d wide", size, l, w)
			}
		}
	}
}

// The forced layouts tile the body too, and fall back to one pane at a time
// below their smallest sizes.
func TestForTiles(t *testing.T) {
	for _, c := range []struct {
		mode          string
		w, h          int
		single, stack bool
	}{
		{settings.LayoutWide, 80, 24, false, false},
		{settings.LayoutWide, 59, 24, true, false},
		{settings.LayoutStacked, 24, 14, false, true},
		{settings.LayoutStacked, 120, 13, true, false},
		{"", 80, 24, true, false},
	} {
		l := For(c.mode, c.w, c.h)
		if l.Single != c.single || l.Stacked != c.stack {
			t.Fatalf("%s %dx%d: single %v stacked %v", c.mode, c.w, c.h, l.Single, l.Stacked)
		}
		if !l.Single {
			checkTiles(t, l, c.w)
		}
	}
}

// The memo gives back the same edges while nothing they depend on changed,
// and draws again when the focus does; a box written line by line is
// FrameLines' box.
func TestMemoRedrawsOnChange(t *testing.T) {
	st := styles.New()
	var m Memo
	a := m.Edges(Tree, st, "t", 10, false)
	top := a.top
	if m.Edges(Tree, st, "u", 10, false); a.top == top || !strings.Contains(a.top, "u") {
		t.Errorf("a new title did not redraw the edges: %q", a.top)
	}
	for _, focused := range []bool{true, false} {
		e := m.Edges(Tree, st, "t", 10, focused)
		for _, x := range []Box{TextBox(e, "one\ntwo", Rect{W: 10, H: 4}), LinesBox(e, []string{"one", "two"}, Rect{W: 10, H: 4})} {
			var b strings.Builder
			for i := range x.H {
				if i > 0 {
					b.WriteByte('\n')
				}
				x.WriteLine(&b)
			}
			if b.String() != Frame(st, "t", "one\ntwo", 10, 4, focused) {
				t.Errorf("focused %v: the box written is not Frame's:\n%s", focused, b.String())
			}
		}
	}
}
