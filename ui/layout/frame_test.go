package layout

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/uikit"
)

// FrameLines draws the edges with the border style's sequences put around
// them once, not by rendering each edge: the lines are byte for byte what
// rendering them gives, in colour, for every built-in theme (issue 24).
func TestFrameEdgesAsRendered(t *testing.T) {
	was := lipgloss.ColorProfile()
	lipgloss.SetColorProfile(termenv.TrueColor)
	defer lipgloss.SetColorProfile(was)
	for _, theme := range []string{settings.ThemeAuto, settings.ThemeLight, settings.ThemeHighContrast} {
		st, err := styles.Theme(theme, nil, theme != settings.ThemeLight)
		if err != nil {
			t.Fatal(err)
		}
		for _, title := range []string{"", "Collection", "Explain · GET Read item · 12:00:03 and a title far too long to fit"} {
			for _, focused := range []bool{false, true} {
				for _, w := range []int{2, 5, 40, 160} {
					got := FrameLines(st, title, "a\nbody", w, 4, focused)
					want := renderedFrame(st, title, "a\nbody", w, 4, focused)
					if strings.Join(got, "\n") != strings.Join(want, "\n") {
						t.Fatalf("%s %q focused=%v w=%d:\n got %q\nwant %q", theme, title, focused, w, got, want)
					}
				}
			}
		}
	}
	if st, _ := styles.Theme(settings.ThemeAuto, nil, true); !strings.Contains(FrameLines(st, "", "", 10, 2, true)[0], "\x1b[") {
		t.Fatal("the test draws without colour: it compares nothing")
	}
}

// renderedFrame is FrameLines as it was drawn before: every edge rendered.
func renderedFrame(st styles.Styles, title, body string, w, h int, focused bool) []string {
	border, titleStyle := st.PaneBorder, st.PaneTitle
	if focused {
		border, titleStyle = st.PaneBorderFocused, st.PaneTitleFocused
	}
	inner := w - 2
	title = ansi.Truncate(title, max(inner-2, 0), "…")
	var top string
	if ansi.StringWidth(title) == 0 {
		top = border.Render("┌" + strings.Repeat("─", inner) + "┐")
	} else {
		fill := max(inner-ansi.StringWidth(title)-2, 0)
		top = border.Render("┌ ") + titleStyle.Render(title) + border.Render(" "+strings.Repeat("─", fill)+"┐")
	}
	side := border.Render("│")
	lines := []string{top}
	rows := strings.Split(body, "\n")
	for i := range h - 2 {
		l := ""
		if i < len(rows) {
			l = rows[i]
		}
		lines = append(lines, side+uikit.Fit(l, inner)+side)
	}
	return append(lines, border.Render("└"+strings.Repeat("─", inner)+"┘"))
}
