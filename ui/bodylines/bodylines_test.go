package bodylines

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/httplens/httplens/ui/uikit"
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

// A line cut for a view w cells wide shows exactly what the whole line shows
// there once fitted, whatever follows the cut: wide runes, marks, controls,
// escapes. Lines that are not printable ASCII up to the cut are not cut.
func TestLinesInShowTheSameFitted(t *testing.T) {
	long := strings.Repeat("abcdefghij", 150) // past MaxLineBytes: two display lines
	var body strings.Builder
	for _, tail := range []string{"", "é", "e\u0301", "日本語", "\t", "\x1b[2J", "\u202e", "\xff", "👍🏽"} {
		for _, at := range []int{0, 5, 9, 10, 11, 12, 40} {
			body.WriteString(long[:at] + tail + long + "\n")
		}
	}
	body.WriteString("short\n\n" + "\x1b]8;;x\x07" + long + "\n")
	txt, err := New(context.Background(), []byte(body.String()), Raw)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []int{1, 2, 10, 11, 80} {
		whole, cut := txt.Lines(0, txt.Len()), txt.LinesIn(0, txt.Len(), w)
		if len(whole) != len(cut) {
			t.Fatalf("w=%d: %d lines cut, %d whole", w, len(cut), len(whole))
		}
		shorter := 0
		for i := range whole {
			if len(cut[i]) < len(whole[i]) {
				shorter++
			}
			if a, b := uikit.Fit(cut[i], w), uikit.Fit(whole[i], w); a != b {
				t.Errorf("w=%d line %d shows %q cut, %q whole", w, i, a, b)
			}
		}
		if shorter == 0 {
			t.Errorf("w=%d: no line was cut", w)
		}
	}
}

// LinesIn keeps the lines of its last call and reuses those a new window
// shares with it: whatever windows come in turn (scrolled by a line, jumped,
// narrowed, overlapping at either end), each must be the lines a Text with
// nothing kept makes, and a caller changing what it got must not change what
// comes next. Run with -race: commands read a Text while frames are drawn.
func TestLinesInKeptIsFresh(t *testing.T) {
	var body strings.Builder
	for i := range 500 {
		body.WriteString(strings.Repeat("word ", i%37) + "\x1b[2J" + strings.Repeat("日", i%5) + "\n")
	}
	src := []byte(body.String())
	txt, err := New(context.Background(), src, Raw)
	if err != nil {
		t.Fatal(err)
	}
	fresh := func(from, to, w int) []string {
		f, err := New(context.Background(), src, Raw)
		if err != nil {
			t.Fatal(err)
		}
		return f.LinesIn(from, to, w)
	}
	windows := [][3]int{{0, 40, 80}, {1, 41, 80}, {2, 42, 80}, {1, 41, 80}, {0, 40, 80}, {100, 140, 80},
		{120, 160, 80}, {90, 130, 80}, {90, 130, 20}, {91, 131, 0}, {460, 520, 80}, {-5, 3, 80}, {499, 499, 80}}
	done := make(chan struct{})
	go func() { // another reader, as a command would be
		defer close(done)
		for range 200 {
			txt.Lines(10, 30)
		}
	}()
	for _, win := range windows {
		got := txt.LinesIn(win[0], win[1], win[2])
		if want := fresh(win[0], win[1], win[2]); !slices.Equal(got, want) {
			t.Fatalf("window %v: kept lines differ from fresh ones:\n got %q\nwant %q", win, got, want)
		}
		for i := range got {
			got[i] = "changed by the caller"
		}
	}
	<-done
}
