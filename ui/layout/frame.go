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
