// Package termtext turns bytes that came off the network into text that is safe
// to hand to a terminal. It is the only path from network bytes to the screen,
// for the TUI and the CLI alike; it imports nothing of the program.
package termtext

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TabWidth is the tab stop used when a tab is expanded to spaces.
const TabWidth = 4

// Sanitize turns bytes that came off the network into text that is safe to hand to
// the terminal: it is the only path from network bytes to the screen. C0 controls
// become their Unicode control pictures (ESC shows as ␛, so an escape sequence is
// shown, never obeyed), DEL becomes ␡, C1 controls and invisible format or bidi
// controls become \u0085-style escapes, invalid UTF-8 bytes become \xNN, and tabs
// expand to spaces. A newline shows as ␊: split lines before calling it.
func Sanitize(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b))
	col := 0
	for i := 0; i < len(b); {
		c := b[i]
		if c >= 0x20 && c < 0x7f { // printable ASCII: the fast path
			sb.WriteByte(c)
			i++
			col++
			continue
		}
		if c < utf8.RuneSelf {
			col += writeControl(&sb, c, col)
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			fmt.Fprintf(&sb, `\x%02x`, c)
			i++
			col += 4
			continue
		}
		if invisible(r) {
			fmt.Fprintf(&sb, `\u%04x`, r)
			col += 6
		} else {
			sb.WriteRune(r)
			col++
		}
		i += size
	}
	return sb.String()
}

// String is Sanitize for one line of text already held as a string (a header
// value, an error message).
func String(s string) string { return Sanitize([]byte(s)) }

// writeControl writes the visible form of an ASCII control byte and returns the
// columns it took.
func writeControl(sb *strings.Builder, c byte, col int) int {
	switch {
	case c == '\t':
		n := TabWidth - col%TabWidth
		sb.WriteString(strings.Repeat(" ", n))
		return n
	case c == 0x7f:
		sb.WriteRune('\u2421') // ␡
	default:
		sb.WriteRune(rune(0x2400 + int(c))) // ␀ … ␟, ␛ for ESC
	}
	return 1
}

// invisible reports runes a terminal would act on or hide rather than show: C1
// controls, format characters (bidi overrides, zero-width joiners) and the line and
// paragraph separators.
func invisible(r rune) bool {
	return unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r) ||
		r == '\u2028' || r == '\u2029'
}

// MaxLineRunes caps a display line; longer lines are cut into several, so that a
// frame never has to measure a megabyte-long line.
const MaxLineRunes = 1024

// Lines splits network bytes into sanitised display lines. A line ends at
// "\n"; a "\r" just before it is the line terminator and is not shown, any other
// "\r" is. Lines longer than MaxLineRunes are hard-wrapped.
func Lines(b []byte) []string {
	if len(b) == 0 {
		return nil
	}
	lines := make([]string, 0, 16+len(b)/64)
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		var line []byte
		if i < 0 {
			line, b = b, nil
		} else {
			line, b = b[:i], b[i+1:]
			if n := len(line); n > 0 && line[n-1] == '\r' {
				line = line[:n-1]
			}
		}
		lines = appendWrapped(lines, Sanitize(line))
	}
	return lines
}

// appendWrapped appends s cut into pieces of at most MaxLineRunes runes.
func appendWrapped(lines []string, s string) []string {
	if len(s) <= MaxLineRunes {
		return append(lines, s)
	}
	for {
		n, cut := 0, len(s)
		for i := range s {
			if n == MaxLineRunes {
				cut = i
				break
			}
			n++
		}
		lines = append(lines, s[:cut])
		if cut == len(s) {
			return lines
		}
		s = s[cut:]
	}
}

// Text returns network bytes as text that is safe to print to a terminal, line by
// line (see Lines), joined by newlines.
func Text(b []byte) string {
	return strings.Join(Lines(b), "\n")
}
