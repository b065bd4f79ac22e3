package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/httplens/httplens/ui/uikit"
)

// paneID names the four panes, in focus order.
type paneID int

const (
	paneTree paneID = iota
	paneRequest
	paneResponse
	paneExplain
	paneCount
)

func (p paneID) String() string {
	return [paneCount]string{"Collection", "Request", "Response", "Explain"}[p]
}

// rect is a screen rectangle in cells.
type rect struct{ X, Y, W, H int }

func (r rect) contains(x, y int) bool {
	return x >= r.X && x < r.X+r.W && y >= r.Y && y < r.Y+r.H
}

// screenLayout is where everything goes for one terminal size.
type screenLayout struct {
	// Single is set when the terminal is too small for four panes: the focused
	// pane fills Panes' shared rectangle and Bar lists the panes to switch to.
	Single bool
	// Stacked is set when the panes are one above the other (settings' layout).
	Stacked bool
	Bar     rect
	Panes   [paneCount]rect
	Status  rect
	Help    rect
}

// Sizes below which the four panes no longer fit side by side.
const (
	minWideW = 100
	minWideH = 20
	treeMinW = 24
)

// layout computes the pane rectangles for a w×h terminal. It is pure: the same size
// always gives the same layout. The bottom two rows are the status and help lines.
func layout(w, h int) screenLayout {
	w, h = max(w, 0), max(h, 0)
	var l screenLayout
	bodyH := max(h-2, 0)
	l.Status = rect{0, bodyH, w, min(1, h)}
	l.Help = rect{0, bodyH + 1, w, max(min(1, h-1), 0)}
	if w < minWideW || h < minWideH {
		return singleLayout(w, h)
	}
	topH := bodyH * 2 / 5
	botH := bodyH - topH
	treeW := uikit.Clamp(w/3, treeMinW, 48)
	respW := w * 3 / 5
	l.Panes[paneTree] = rect{0, 0, treeW, topH}
	l.Panes[paneRequest] = rect{treeW, 0, w - treeW, topH}
	l.Panes[paneResponse] = rect{0, topH, respW, botH}
	l.Panes[paneExplain] = rect{respW, topH, w - respW, botH}
	return l
}

// singleLayout shows one pane at a time, the focused one filling the screen
// under a bar naming the others: small terminals, and the zoom key.
func singleLayout(w, h int) screenLayout {
	w, h = max(w, 0), max(h, 0)
	bodyH := max(h-2, 0)
	l := screenLayout{Single: true, Status: rect{0, bodyH, w, min(1, h)}, Help: rect{0, bodyH + 1, w, max(min(1, h-1), 0)}}
	l.Bar = rect{0, 0, w, min(1, bodyH)}
	body := rect{0, l.Bar.H, w, max(bodyH-1, 0)}
	for i := range l.Panes {
		l.Panes[i] = body
	}
	return l
}

// frame draws a bordered box of exactly w×h cells with the title set into its top
// edge. body must already be (w-2)×(h-2), as a pane's View is.
func frame(st Styles, title, body string, w, h int, focused bool) string {
	if w < 2 || h < 2 {
		return uikit.FitBlock(nil, w, h)
	}
	return strings.Join(frameLines(st, title, body, w, h, focused), "\n")
}

// frameLines is frame's box as its h lines, each exactly w cells wide (w, h ≥ 2):
// the screen is put together from these without measuring them again.
func frameLines(st Styles, title, body string, w, h int, focused bool) []string {
	border, titleStyle := st.PaneBorder, st.PaneTitle
	if focused {
		border, titleStyle = st.PaneBorderFocused, st.PaneTitleFocused
	}
	inner := w - 2
	title = ansi.Truncate(title, max(inner-2, 0), "…")
	tw := ansi.StringWidth(title)
	var top string
	if tw == 0 {
		top = border.Render("┌" + strings.Repeat("─", inner) + "┐")
	} else {
		fill := max(inner-tw-2, 0)
		top = border.Render("┌ ") + titleStyle.Render(title) + border.Render(" "+strings.Repeat("─", fill)+"┐")
	}
	side := border.Render("│")
	lines := make([]string, 0, h)
	lines = append(lines, top)
	if h > 2 {
		rows := strings.Split(body, "\n")
		for i := range h - 2 { // fitBlock's lines, without joining and splitting them
			l := ""
			if i < len(rows) {
				l = rows[i]
			}
			lines = append(lines, side+uikit.Fit(l, inner)+side)
		}
	}
	return append(lines, border.Render("└"+strings.Repeat("─", inner)+"┘"))
}
