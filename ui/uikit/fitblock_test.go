package uikit

import (
	"strings"
	"testing"
)

// fitBlockJoined is FitBlock as it was: every line Fit, then joined.
func fitBlockJoined(lines []string, w, h int) string {
	if h <= 0 {
		return ""
	}
	out := make([]string, h)
	for i := range out {
		if i < len(lines) {
			out[i] = Fit(lines[i], w)
		} else {
			out[i] = Fit("", w)
		}
	}
	return strings.Join(out, "\n")
}

// FitBlock writes its lines into one string; it must be byte for byte the
// lines fitted and joined, for short, long, wide, styled and broken lines, at
// any size (more lines than its stack array, padding longer than its spaces).
func TestFitBlockIsFitJoined(t *testing.T) {
	lines := []string{"", "short", strings.Repeat("x", 300), "日本語のテキスト", "\x1b[31mred\x1b[0m text",
		"tab\there", "e\u0301", "👍🏽 ok", "\xff\xfe", strings.Repeat("ab日", 50)}
	var many []string
	for range 9 {
		many = append(many, lines...)
	}
	for _, ls := range [][]string{nil, lines, many} {
		for _, w := range []int{-1, 0, 1, 2, 5, 63, 64, 65, 80, 200} {
			for _, h := range []int{-1, 0, 1, 3, len(ls), len(ls) + 5, 100} {
				if got, want := FitBlock(ls, w, h), fitBlockJoined(ls, w, h); got != want {
					t.Fatalf("%d lines, w=%d h=%d:\n got %q\nwant %q", len(ls), w, h, got, want)
				}
			}
		}
	}
}

func FuzzFitBlock(f *testing.F) {
	f.Add("a\nbb\n日本\n\x1b[1mx\x1b[0m", 3, 5)
	f.Fuzz(func(t *testing.T, s string, w, h int) {
		w, h = w%300, h%100
		ls := strings.Split(s, "\n")
		if got, want := FitBlock(ls, w, h), fitBlockJoined(ls, w, h); got != want {
			t.Fatalf("w=%d h=%d %q:\n got %q\nwant %q", w, h, s, got, want)
		}
	})
}

// WriteFit writes what Fit returns.
func TestWriteFitIsFit(t *testing.T) {
	for _, l := range []string{"", "short", strings.Repeat("x", 300), "日本語のテキスト", "\x1b[31mred\x1b[0m", "👍🏽 ok", "\xff"} {
		for _, w := range []int{-1, 0, 1, 2, 5, 64, 65, 200} {
			var b strings.Builder
			b.WriteString("|")
			WriteFit(&b, l, w)
			if got, want := b.String(), "|"+Fit(l, w); got != want {
				t.Errorf("%q w=%d: wrote %q, Fit is %q", l, w, got, want)
			}
		}
	}
}
