package highlight

import (
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/httplens/httplens/ui/styles"
)

func TestHighlightKeepsLines(t *testing.T) {
	st := styles.New().Syntax
	for _, c := range []struct {
		kind  Lang
		lines []string
	}{
		{JSON, []string{"{", `  "a": "x",`, `  "b": [1, 2]`, "}"}},
		{Markup, []string{"<a>", "  <!-- multi", "  line -->", "</a>"}},
		{Markup, []string{"<p>", "  hi", "</p>"}},
	} {
		out := Lines(c.kind, c.lines, st)
		if len(out) != len(c.lines) {
			t.Fatalf("%v: %d lines in, %d out", c.kind, len(c.lines), len(out))
		}
		for i := range out {
			if ansi.Strip(out[i]) != c.lines[i] {
				t.Fatalf("%v line %d: %q, want %q", c.kind, i, ansi.Strip(out[i]), c.lines[i])
			}
		}
	}
}
