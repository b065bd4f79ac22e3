package uikit

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// Width must agree with ansi.StringWidth on every line; it only gets there faster.
func TestWidthAgreesWithStringWidth(t *testing.T) {
	for _, s := range []string{
		"", "plain", "  {\"id\": 1, \"name\": \"item\"},",
		"\x1b[38;5;75mGET\x1b[0m /items", "\x1b[1;38;2;1;2;3mbold\x1b[m",
		"\x1b]8;;http://127.0.0.1/\x1b\\link\x1b]8;;\x1b\\ after", "\x1b]8;;http://x/\alink\x1b]8;;\a",
		"tab\there", "bell\a and nul \x00", "del\x7f", "cut \x1b[", "cut osc \x1b]8;;http",
		"│ border ─", "naïve", "日本語", "↕ 1–40 of 90 lines · o opens all", "§ 15.5 × 2 → ok", "▸ ● ✓ ✗ ░█",
		"…\u0301", "↕\ufe0f", "a\u200db", "✓\U0001F3FD", "·\u0308x", "─\u20dd", "emoji 👍🏽 ok", "\x1b[31m日本\x1b[0m", "\x1bP q \x1b\\ dcs", "\x1bc reset",
	} {
		if got, want := Width(s), ansi.StringWidth(s); got != want {
			t.Errorf("Width(%q) = %d, ansi.StringWidth says %d", s, got, want)
		}
	}
}

func FuzzWidth(f *testing.F) {
	f.Add("\x1b[31mred\x1b[0m plain")
	f.Add("│ a … b ─ ↕ § · ▸ ✓")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Width(s), ansi.StringWidth(s); got != want {
			t.Fatalf("Width(%q) = %d, ansi.StringWidth says %d", s, got, want)
		}
	})
}

func TestTruncateAgreesWithAnsiTruncate(t *testing.T) {
	for _, s := range []string{"a long plain line of text", "  \"name\": \"item 12\",", "\x1b[31mred text here\x1b[0m", "naïve café au lait"} {
		for w := 1; w < 12; w++ {
			got, n := truncate(s, w)
			if want := ansi.Truncate(s, w, "…"); got != want {
				t.Errorf("truncate(%q, %d) = %q, ansi.Truncate %q", s, w, got, want)
			}
			if want := ansi.StringWidth(got); n != want {
				t.Errorf("truncate(%q, %d) says %d cells, ansi.StringWidth %d", s, w, n, want)
			}
		}
	}
}

// Every rune narrow lets through is one cell, alone, between ASCII letters,
// twice in a row, styled, and before a mark or a variation selector (which
// send the line to ansi.StringWidth).
func TestNarrowRunes(t *testing.T) {
	n := 0
	for r := rune(0x80); r < 0x30000; r++ {
		if !narrow(r) {
			continue
		}
		n++
		c := string(r)
		for _, s := range []string{c, "a" + c + "b", c + c, "\x1b[1m" + c + "\x1b[0m", c + "\u0301", c + "\ufe0f", c + "\u200d" + c} {
			if got, want := Width(s), ansi.StringWidth(s); got != want {
				t.Errorf("Width(%q) = %d, ansi.StringWidth says %d", s, got, want)
			}
		}
		if w := ansi.StringWidth(c); w != 1 {
			t.Errorf("%U is %d cells wide, not 1", r, w)
		}
	}
	if n == 0 {
		t.Fatal("no narrow runes")
	}
}

// Fit's width is right whichever way a line is cut.
func TestFitWidth(t *testing.T) {
	for _, s := range []string{"a long plain line of text", "\x1b[31mred text here\x1b[0m", "日本語のテキスト", "… · ─ ↕ tail", ""} {
		for w := 1; w < 30; w++ {
			if got := ansi.StringWidth(Fit(s, w)); got != w {
				t.Errorf("Fit(%q, %d) is %d cells", s, w, got)
			}
		}
	}
}
