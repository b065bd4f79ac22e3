// Package uikit holds the small drawing helpers every pane and overlay of the TUI
// shares: lines cut or padded to a width, blocks of a fixed size, bounds, word
// wrap, and an overlay box centred in the body area. It is a leaf: it imports
// no httplens package, so every package under ui may use it.
package uikit

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// Fit makes a line exactly w cells wide: cut with an ellipsis, or padded.
func Fit(line string, w int) string {
	if w <= 0 {
		return ""
	}
	n := ansi.StringWidth(line)
	if n > w {
		line = ansi.Truncate(line, w, "…")
		n = ansi.StringWidth(line)
	}
	if n < w {
		line += strings.Repeat(" ", w-n)
	}
	return line
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
