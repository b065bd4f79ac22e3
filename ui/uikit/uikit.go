// Package uikit holds the small drawing helpers every pane and overlay of the TUI
// shares: lines cut or padded to a width, blocks of a fixed size, bounds, word
// wrap, and an overlay box centred in the body area. It is a leaf: it imports
// no httplens package, so every package under ui may use it.
package uikit

import (
	"fmt"
	"strings"

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
		line = truncate(line, w)
		n = Width(line)
	}
	if n < w {
		line += strings.Repeat(" ", w-n)
	}
	return line
}

// truncate is ansi.Truncate(line, w, "…") with a fast path for plain ASCII text,
// where one cell is one byte.
func truncate(line string, w int) string {
	for i := 0; i < len(line); i++ {
		if line[i] < 0x20 || line[i] >= 0x7f {
			return ansi.Truncate(line, w, "…")
		}
	}
	return line[:w-1] + "…"
}

// Width is ansi.StringWidth with a fast path: a line of ASCII text and escape
// sequences (most of a frame: borders aside, JSON, headers, hints) is measured
// by one scan of its bytes instead of a grapheme segmentation, which was half
// of a frame's time. Anything else goes to ansi.StringWidth.
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
		default: // non-ASCII, control bytes, other escapes
			return ansi.StringWidth(s)
		}
	}
	return n
}

// FitBlock makes lines exactly w×h: extra lines dropped, missing ones blank.
func FitBlock(lines []string, w, h int) string {
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
