package layout

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/uikit"
)

// Frame draws a bordered box of exactly w×h cells with the title set into its top
// edge. body must already be (w-2)×(h-2), as a pane's View is.
func Frame(st styles.Styles, title, body string, w, h int, focused bool) string {
	if w < 2 || h < 2 {
		return uikit.FitBlock(nil, w, h)
	}
	return strings.Join(FrameLines(st, title, body, w, h, focused), "\n")
}

// FrameLines is Frame's box as its h lines, each exactly w cells wide (w, h ≥ 2):
// the screen is put together from these without measuring them again.
func FrameLines(st styles.Styles, title, body string, w, h int, focused bool) []string {
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
		for i := range h - 2 { // FitBlock's lines, without joining and splitting them
			l := ""
			if i < len(rows) {
				l = rows[i]
			}
			lines = append(lines, side+uikit.Fit(l, inner)+side)
		}
	}
	return append(lines, border.Render("└"+strings.Repeat("─", inner)+"┘"))
}

// Memo keeps each pane's last framed lines with what they were drawn from.
// A key press changes one pane; the others' boxes (their borders styled, their
// lines fitted) are reused when their title, body, size and focus are the same,
// which a string comparison tells. It is a cache of a pure function: the root's
// View stays pure as far as anyone can observe.
type Memo struct {
	panes [Count]framed
}

type framed struct {
	title, body string
	w, h        int
	focused     bool
	lines       []string
}

// Lines is FrameLines for pane p, from the memo when nothing it depends on
// changed. The result is shared: callers must not modify it.
func (f *Memo) Lines(p Pane, st styles.Styles, title, body string, w, h int, focused bool) []string {
	if f == nil { // a Model not made by New
		return FrameLines(st, title, body, w, h, focused)
	}
	c := &f.panes[p]
	if c.lines != nil && c.w == w && c.h == h && c.focused == focused && c.title == title && c.body == body {
		return c.lines
	}
	*c = framed{title: title, body: body, w: w, h: h, focused: focused, lines: FrameLines(st, title, body, w, h, focused)}
	return c.lines
}
