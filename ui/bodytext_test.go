package ui

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// allLines joins every line of l with "\n".
func allLines(l *lazyLines) string {
	var sb strings.Builder
	for i := range l.Len() {
		if i > 0 {
			sb.WriteByte('\n')
		}
		sb.WriteString(l.Line(i))
	}
	return sb.String()
}

func TestJSONLinesMatchIndent(t *testing.T) {
	cases := []struct{ name, in string }{
		{"object", `{"a":1,"b":[true,false,null],"c":{"d":"e"}}`},
		{"empty containers stay on one line", `{"a":{},"b":[],"c":[{}]}`},
		{"spaces in the source are dropped", " {\n \"a\" :\t[ 1 , 2 ] } \n"},
		{"escaped quotes and backslashes", `["a\"b","c\\","\u001b[2J"]`},
		{"nested closers", `[[[1]],[[2,3]]]`},
		{"a scalar alone", `42`},
		{"a string alone", `"x"`},
		{"unicode", `{"naïve":"日本"}`},
		{"the benchmark body", string(jsonBody(2000))},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var want bytes.Buffer
			if err := json.Indent(&want, []byte(c.in), "", "  "); err != nil {
				t.Fatal(err)
			}
			l, err := newLazyLines(context.Background(), []byte(c.in), jsonStep)
			if err != nil {
				t.Fatal(err)
			}
			if got := allLines(l); got != strings.TrimSpace(want.String()) {
				t.Errorf("got\n%s\nwant\n%s", got, want.String())
			}
		})
	}
}
