package exchangediff

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestLineDiff(t *testing.T) {
	cases := []struct {
		name string
		a, b []string
		want string
	}{
		{"same", []string{"x", "y"}, []string{"x", "y"}, " x| y"},
		{"one changed in the middle", []string{"a", "b", "c"}, []string{"a", "B", "c"}, " a|-b|+B| c"},
		{"added at the end", []string{"a"}, []string{"a", "b"}, " a|+b"},
		{"removed at the start", []string{"a", "b"}, []string{"b"}, "-a| b"},
		{"a line moved", []string{"a", "b", "c"}, []string{"b", "c", "a"}, "-a| b| c|+a"},
		{"empty to some", nil, []string{"a"}, "+a"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var parts []string
			for _, op := range lineDiff(c.a, c.b) {
				parts = append(parts, string(op.kind)+op.text)
			}
			if got := strings.Join(parts, "|"); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

// Two long texts that differ at both ends and in the middle still diff line by
// line: only the three changed lines are marked, not the whole text.
func TestLineDiffOfLongTexts(t *testing.T) {
	a := make([]string, 3000)
	for i := range a {
		a[i] = fmt.Sprintf("line %d", i)
	}
	b := slices.Clone(a)
	b[0], b[1500], b[2999] = "first", "middle", "last"
	removed, added := 0, 0
	for _, op := range lineDiff(a, b) {
		switch op.kind {
		case '-':
			removed++
		case '+':
			added++
		}
	}
	if removed != 3 || added != 3 {
		t.Errorf("%d removed and %d added, want 3 and 3", removed, added)
	}
}
