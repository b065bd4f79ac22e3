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
		"│ border ─", "naïve", "日本語", "emoji 👍🏽 ok", "\x1b[31m日本\x1b[0m", "\x1bP q \x1b\\ dcs", "\x1bc reset",
	} {
		if got, want := Width(s), ansi.StringWidth(s); got != want {
			t.Errorf("Width(%q) = %d, ansi.StringWidth says %d", s, got, want)
		}
	}
}

func FuzzWidth(f *testing.F) {
	f.Add("\x1b[31mred\x1b[0m plain")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Width(s), ansi.StringWidth(s); got != want {
			t.Fatalf("Width(%q) = %d, ansi.StringWidth says %d", s, got, want)
		}
	})
}

func TestTruncateAgreesWithAnsiTruncate(t *testing.T) {
	for _, s := range []string{"a long plain line of text", "  \"name\": \"item 12\",", "\x1b[31mred text here\x1b[0m", "naïve café au lait"} {
		for w := 1; w < 12; w++ {
			if got, want := truncate(s, w), ansi.Truncate(s, w, "…"); got != want {
				t.Errorf("truncate(%q, %d) = %q, ansi.Truncate %q", s, w, got, want)
			}
		}
	}
}
