package cli

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// wrapTo counts terminal cells, not bytes: a line of accented or wide text fills
// the report width as ASCII does, and never runs past it.
func TestWrapToCountsCells(t *testing.T) {
	for _, word := range []string{"abcd", "éèêë", "日本語字"} {
		var b strings.Builder
		wrapTo(&b, "  ", strings.Repeat(word+" ", 40))
		lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
		for i, l := range lines {
			w := ansi.StringWidth(l)
			if w > reportWidth {
				t.Errorf("%s: line %d is %d cells wide, past %d: %q", word, i, w, reportWidth, l)
			}
			// A line that is not the last would have had room for one more word.
			if i < len(lines)-1 && w+1+ansi.StringWidth(word) <= reportWidth {
				t.Errorf("%s: line %d is %d cells wide; the next word fitted: %q", word, i, w, l)
			}
		}
	}
}
