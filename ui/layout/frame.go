package layout

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
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
	open, end := around(border)
	var top string
	if tw == 0 {
		top = open + "┌" + strings.Repeat("─", inner) + "┐" + end
	} else {
		fill := max(inner-tw-2, 0)
		top = open + "┌ " + end + titleStyle.Render(title) + open + " " + strings.Repeat("─", fill) + "┐" + end
	}
	side := open + "│" + end
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
	return append(lines, open+"└"+strings.Repeat("─", inner)+"┘"+end)
}

// around is what st.Render puts before and after a line of box characters.
// Render measures every character of what it draws (a pane's edge is ~160),
// while a border's style, a colour and maybe bold, only wraps the line in
// the same two sequences whatever its length (issue 24; TestFrameEdgesAsRendered).
func around(st lipgloss.Style) (open, end string) {
	r := st.Render("│")
	i := strings.Index(r, "│")
	return r[:i], r[i+len("│"):]
}
