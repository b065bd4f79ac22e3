// Package layout places the root's four panes, the status and hint lines for a
// terminal size, and draws a pane's bordered box. It is pure: the same size (and
// setting) always gives the same rectangles, and a box depends only on its inputs.
package layout

import (
	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/uikit"
)

// Pane names the four panes, in focus order.
type Pane int

const (
	Tree Pane = iota
	Request
	Response
	Explain
	Count
)

func (p Pane) String() string {
	return [Count]string{"Collection", "Request", "Response", "Explain"}[p]
}

// Rect is a screen rectangle in cells.
type Rect struct{ X, Y, W, H int }

// Contains reports whether the cell x, y is inside r.
func (r Rect) Contains(x, y int) bool {
	return x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H
}

// Inner is the size inside r's border: what a pane's View fills.
func (r Rect) Inner() (w, h int) { return max(r.W-2, 0), max(r.H-2, 0) }

// Screen is where everything goes for one terminal size.
type Screen struct {
	// Single is set when the terminal is too small for four panes: the focused
	// pane fills Panes' shared rectangle and Bar lists the panes to switch to.
	Single bool
	// Stacked is set when the panes are one above the other (settings' layout).
	Stacked bool
	Bar     Rect
	Panes   [Count]Rect
	Status  Rect
	Help    Rect
}

// Sizes below which the four panes no longer fit side by side.
const (
	minWideW = 100
	minWideH = 20
	treeMinW = 24
)

// Smallest terminals the forced layouts still draw; below them, one pane at a time.
const (
	minForcedWideW = 60
	minForcedWideH = 16
	minStackedH    = 14
)

// Auto computes the pane rectangles for a w×h terminal: four panes in two rows
// when they fit, else one at a time. The bottom two rows are the status and help
// lines.
func Auto(w, h int) Screen {
	w, h = max(w, 0), max(h, 0)
	if w < minWideW || h < minWideH {
		return OnePane(w, h)
	}
	return wide(w, h, treeMinW)
}

// For computes the layout the settings ask for: wide keeps the four panes in two
// rows of two down to a smaller terminal than auto does, stacked puts them one
// above the other at full width, and auto (or "") is Auto.
func For(mode string, w, h int) Screen {
	switch mode {
	case settings.LayoutWide:
		if w >= minForcedWideW && h >= minForcedWideH && (w < minWideW || h < minWideH) {
			return wide(w, h, 16)
		}
	case settings.LayoutStacked:
		if h >= minStackedH && w >= treeMinW {
			return stacked(w, h)
		}
	}
	return Auto(w, h)
}

// wide is the four panes in two rows of two: tree and request above, response
// and explain below; the tree is at least treeW wide.
func wide(w, h, treeW int) Screen {
	l := Screen{Status: Rect{0, h - 2, w, 1}, Help: Rect{0, h - 1, w, 1}}
	bodyH := h - 2
	topH := bodyH * 2 / 5
	treeW = uikit.Clamp(w/3, treeW, 48)
	respW := w * 3 / 5
	l.Panes[Tree] = Rect{0, 0, treeW, topH}
	l.Panes[Request] = Rect{treeW, 0, w - treeW, topH}
	l.Panes[Response] = Rect{0, topH, respW, bodyH - topH}
	l.Panes[Explain] = Rect{respW, topH, w - respW, bodyH - topH}
	return l
}

// stacked puts the four panes one above the other, the response tallest.
func stacked(w, h int) Screen {
	l := Screen{Stacked: true, Status: Rect{0, h - 2, w, 1}, Help: Rect{0, h - 1, w, 1}}
	bodyH := h - 2
	treeH, reqH, explH := bodyH/5, bodyH/4, bodyH/5
	respH := bodyH - treeH - reqH - explH
	y := 0
	for p, ph := range [Count]int{treeH, reqH, respH, explH} {
		l.Panes[p] = Rect{0, y, w, ph}
		y += ph
	}
	return l
}

// OnePane shows one pane at a time, the focused one filling the screen under a
// bar naming the others: small terminals, and the zoom key.
func OnePane(w, h int) Screen {
	w, h = max(w, 0), max(h, 0)
	bodyH := max(h-2, 0)
	l := Screen{Single: true, Status: Rect{0, bodyH, w, min(1, h)}, Help: Rect{0, bodyH + 1, w, max(min(1, h-1), 0)}}
	l.Bar = Rect{0, 0, w, min(1, bodyH)}
	body := Rect{0, l.Bar.H, w, max(bodyH-1, 0)}
	for i := range l.Panes {
		l.Panes[i] = body
	}
	return l
}
