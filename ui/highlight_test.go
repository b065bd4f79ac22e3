package ui

import "testing"

func TestHighlightKeepsLines(t *testing.T) {
	st := NewStyles().Syntax
	for _, c := range []struct {
		kind  bodyKind
		lines []string
	}{
		{kindJSON, []string{"{", `  "a": "x",`, `  "b": [1, 2]`, "}"}},
		{kindXML, []string{"<a>", "  <!-- multi", "  line -->", "</a>"}},
		{kindHTML, []string{"<p>", "  hi", "</p>"}},
	} {
		out := highlight(c.kind, c.lines, st)
		if len(out) != len(c.lines) {
			t.Fatalf("%v: %d lines in, %d out", c.kind, len(c.lines), len(out))
		}
		for i := range out {
			if plain(out[i]) != c.lines[i] {
				t.Fatalf("%v line %d: %q, want %q", c.kind, i, plain(out[i]), c.lines[i])
			}
		}
	}
}
