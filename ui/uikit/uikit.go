// Package uikit holds the small drawing helpers every pane and overlay of the TUI
// shares: lines cut or padded to a width, blocks of a fixed size, bounds, word
// wrap, an overlay box centred in the body area, byte counts for people. It is a leaf: it imports
// no httplens package, so every package under ui may use it.
package uikit

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// Fit makes a line exactly w cells wide: cut with an ellipsis, or padded.
func Fit(line string, w int) string {
	if w <= 0 {
		return ""
	}
	n := Width(line)
	if n > w {
		line, n = truncate(line, w)
	}
	if n < w {
		line += strings.Repeat(" ", w-n)
	}
	return line
}

// truncate is ansi.Truncate(line, w, "…") with a fast path for plain ASCII text,
// where one cell is one byte, and the width of the result: w on the fast path
// (a body line cut at the pane's edge is not measured twice).
func truncate(line string, w int) (string, int) {
	for i := 0; i < len(line); i++ {
		if line[i] < 0x20 || line[i] >= 0x7f {
			cut := ansi.Truncate(line, w, "…")
			return cut, Width(cut)
		}
	}
	return line[:w-1] + "…", w
}

// Width is ansi.StringWidth with a fast path: a line of ASCII text, escape
// sequences and the narrow symbols the UI draws with (borders, "…", "·", "§",
// arrows: see narrow) is measured by one scan of its bytes instead of a
// grapheme segmentation, which was half of a frame's time. Anything else goes
// to ansi.StringWidth.
func Width(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x20 && c < 0x7f:
			n++
		case c == 0x1b && i+1 < len(s) && s[i+1] == '[':
			// CSI: parameter bytes, intermediate bytes, then a final byte.
			j := i + 2
			for j < len(s) && s[j] >= 0x30 && s[j] <= 0x3f {
				j++
			}
			for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f {
				j++
			}
			if j == len(s) || s[j] < 0x40 || s[j] > 0x7e {
				return ansi.StringWidth(s) // cut short or unusual: the parser decides
			}
			i = j
		case c == 0x1b && i+1 < len(s) && s[i+1] == ']':
			// OSC (a hyperlink): printable bytes up to ESC \ or BEL.
			j := i + 2
			for j < len(s) && s[j] >= 0x20 && s[j] < 0x7f {
				j++
			}
			switch {
			case j < len(s) && s[j] == 0x07:
				i = j
			case j+1 < len(s) && s[j] == 0x1b && s[j+1] == '\\':
				i = j + 1
			default:
				return ansi.StringWidth(s)
			}
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(s[i:])
			if !narrow(r) {
				return ansi.StringWidth(s)
			}
			n++
			i += size - 1
		default: // control bytes, other escapes
			return ansi.StringWidth(s)
		}
	}
	return n
}

// narrow reports runes that are one cell wide on their own and never join the
// runes around them into a wider grapheme (no marks, joiners, variation
// selectors or emoji shown as pictures): the symbols the panes draw with.
// Any rune that could combine sends the whole line to ansi.StringWidth, so a
// narrow rune followed by, say, U+FE0F is still measured the slow way.
// TestNarrowRunes checks each one against ansi.StringWidth.
func narrow(r rune) bool {
	switch {
	case r >= 0xa1 && r <= 0xff && r != 0xad: // Latin-1: § · × µ é…; not the soft hyphen
		return true
	case r >= 0x2010 && r <= 0x2027, r == 0x2039, r == 0x203a: // dashes, quotes, • … ‹ ›
		return true
	case r >= 0x2190 && r <= 0x21ff: // arrows
		return true
	case r == 0x2212, r == 0x2264, r == 0x2265: // − ≤ ≥
		return true
	case r >= 0x2500 && r <= 0x259f: // box drawing, blocks
		return true
	case r == 0x25b8, r == 0x25be, r == 0x25cf, r == 0x2713, r == 0x2717: // ▸ ▾ ● ✓ ✗
		return true
	}
	return false
}

// FitBlock makes lines exactly w×h: extra lines dropped, missing ones blank.
// It is each line Fit to w, joined, written into one string: a pane's View
// makes one every frame, and fitting the lines first (each padded line a copy,
// then the join) was a tenth of a Down key's garbage (issue 24).
func FitBlock(lines []string, w, h int) string {
	if h <= 0 {
		return ""
	}
	if w <= 0 {
		return strings.Repeat("\n", h-1)
	}
	type fitted struct {
		s   string
		pad int
	}
	var small [64]fitted // a pane's lines, without a heap allocation
	fs := small[:0]
	if h > len(small) {
		fs = make([]fitted, 0, h)
	}
	size := h - 1
	for i := range h {
		l := ""
		if i < len(lines) {
			l = lines[i]
		}
		n := Width(l)
		if n > w {
			l, n = truncate(l, w)
		}
		pad := max(w-n, 0)
		fs = append(fs, fitted{l, pad})
		size += len(l) + pad
	}
	var b strings.Builder
	b.Grow(size)
	for i, f := range fs {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(f.s)
		writeSpaces(&b, f.pad)
	}
	return b.String()
}

// WriteFit writes Fit(line, w) to b without making it: a line that fits is
// not copied to be padded.
func WriteFit(b *strings.Builder, line string, w int) {
	if w <= 0 {
		return
	}
	n := Width(line)
	if n > w {
		line, n = truncate(line, w)
	}
	b.WriteString(line)
	writeSpaces(b, w-n)
}

// writeSpaces writes n spaces to b (none when n ≤ 0).
func writeSpaces(b *strings.Builder, n int) {
	for ; n > 0; n -= len(spaces) {
		b.WriteString(spaces[:min(n, len(spaces))])
	}
}

// spaces pads lines in FitBlock.
const spaces = "                                                                "

// Clamp bounds v to [lo, hi]; when hi < lo it returns lo.
func Clamp(v, lo, hi int) int {
	return max(lo, min(v, hi))
}

// WrapText word-wraps already-safe text to w cells, breaking long words.
func WrapText(s string, w int) string {
	if w < 1 {
		return s
	}
	return ansi.Wrap(s, w, " ")
}

// Centre draws lines in box and places it in the middle of a w×h area: how
// every overlay is shown over the panes.
func Centre(box lipgloss.Style, lines []string, w, h int) string {
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, box.Render(strings.Join(lines, "\n")))
}

// TabLabel is a tab's label, bracketed when active so that it shows without
// colour. Active or not, it is two cells wider than the name.
func TabLabel(name string, active bool) string {
	if active {
		return "[" + name + "]"
	}
	return " " + name + " "
}

// Bytes formats a byte count as 0 B, 1.2 KB, 3.4 MB (powers of 1000).
func Bytes(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1000*1000:
		return fmt.Sprintf("%.1f KB", float64(n)/1000)
	case n < 1000*1000*1000:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
	return fmt.Sprintf("%.1f GB", float64(n)/1e9)
}
