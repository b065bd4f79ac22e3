package responsepane

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	rc "github.com/httplens/httplens/ui/responsecontent"
)

// maxMatches caps a body search; past it the count stops growing.
const maxMatches = 100_000

// match is one search hit: byte offsets into a plain line.
type match struct{ line, start, end int }

// searchCmd finds query in every line of t. A query without upper-case letters
// matches ignoring ASCII case. t is never modified after it is built.
func searchCmd(id int, t *rc.Text, query string) tea.Cmd {
	return func() tea.Msg {
		fold := strings.ToLower(query) == query
		var ms []match
		for i := 0; i < t.Len() && len(ms) < maxMatches; i++ {
			line := t.Plain(i)
			if fold {
				line = asciiLower(line)
			}
			for off := 0; ; {
				j := strings.Index(line[off:], query)
				if j < 0 {
					break
				}
				ms = append(ms, match{line: i, start: off + j, end: off + j + len(query)})
				off += j + len(query)
			}
		}
		return SearchDoneMsg{id: id, matches: ms}
	}
}

// asciiLower lower-cases ASCII letters only, so byte offsets stay valid.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
