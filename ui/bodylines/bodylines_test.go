package bodylines

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// allLines joins every line of l with "\n".
func allLines(l *Text) string {
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
		{"a long array of objects", longJSON(2000)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var want bytes.Buffer
			if err := json.Indent(&want, []byte(c.in), "", "  "); err != nil {
				t.Fatal(err)
			}
			l, err := New(context.Background(), []byte(c.in), JSON)
			if err != nil {
				t.Fatal(err)
			}
			if got := allLines(l); got != strings.TrimSpace(want.String()) {
				t.Errorf("got\n%s\nwant\n%s", got, want.String())
			}
		})
	}
}

// Lines walks a range once; it must give exactly the lines Line gives one by one,
// across marks and at the ends.
func TestLazyLinesRangeMatchesLine(t *testing.T) {
	var sb strings.Builder
	sb.WriteString("[")
	for i := range 500 {
		if i > 0 {
			sb.WriteString(",")
		}
		fmt.Fprintf(&sb, `{"id":%d,"s":"x\u001b%d"}`, i, i)
	}
	sb.WriteString("]")
	for name, step := range map[string]Step{"json": JSON, "raw": Raw} {
		l, err := New(context.Background(), []byte(sb.String()), step)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range [][2]int{{0, 10}, {60, 70}, {63, 130}, {l.Len() - 5, l.Len() + 3}, {-2, 1}, {5, 5}} {
			got := l.Lines(r[0], r[1])
			var want []string
			for i := max(r[0], 0); i < min(r[1], l.Len()); i++ {
				want = append(want, l.Line(i))
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") || len(got) != len(want) {
				t.Fatalf("%s %v: Lines gave %d lines, Line %d:\n%q\n%q", name, r, len(got), len(want), got, want)
			}
		}
	}
}

// longJSON is a compact JSON array of objects about n bytes long.
func longJSON(n int) string {
	var sb strings.Builder
	sb.WriteString("[")
	for i := 0; sb.Len() < n; i++ {
		if i > 0 {
			sb.WriteString(",")
		}
		fmt.Fprintf(&sb, `{"id":%d,"name":"item %d","tags":["a","b"],"ok":true,"n":null}`, i, i)
	}
	sb.WriteString("]")
	return sb.String()
}
