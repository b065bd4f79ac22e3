package curl

import (
	"fmt"
	"strings"
)

// splitCmd splits a Windows cmd.exe command line, as browsers write it for "Copy
// as cURL (cmd)": first cmd.exe removes its ^ escapes and joins lines ending in ^,
// then curl.exe splits its command line with the C runtime's rules (double quotes,
// backslashes before a quote).
func splitCmd(s string) ([]string, []string, error) {
	line, notes := cmdUnescape(s)
	words, err := splitCRT(line, s)
	return words, notes, err
}

// cmdUnescape applies cmd.exe's caret rules. Outside double quotes, ^x is a literal
// x and a ^ at the end of a line continues the command on the next line, escaping
// that line's first character: "^\n\n" is how a literal line break is written.
func cmdUnescape(s string) (string, []string) {
	var b strings.Builder
	var notes []string
	quoted := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			quoted = !quoted
			b.WriteByte(c)
		case c == '^' && !quoted:
			j := skipLineBreak(s, i+1)
			if j > i+1 { // continuation
				if k := skipLineBreak(s, j); k > j {
					b.WriteByte('\n')
					j = k
				}
				i = j - 1
				continue
			}
			if i+1 < len(s) {
				b.WriteByte(s[i+1])
				i++
			}
		case c == '\n' || c == '\r' && skipLineBreak(s, i) > i:
			if rest := strings.TrimSpace(s[i:]); rest != "" {
				line := strings.Count(s[:i], "\n") + 1
				notes = append(notes, fmt.Sprintf("ignored the text from line %d on: a line break ends a cmd command (is a ^ missing at the end of the line?)", line))
			}
			return b.String(), notes
		case (c == '&' || c == '|' || c == '<' || c == '>') && !quoted:
			if rest := strings.TrimSpace(s[i:]); rest != "" {
				notes = append(notes, fmt.Sprintf("ignored the text from %q on: it would run more than curl", rest[:1]))
			}
			return b.String(), notes
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), notes
}

// skipLineBreak returns the offset after a line break (LF or CRLF) at i, or i.
func skipLineBreak(s string, i int) int {
	switch {
	case strings.HasPrefix(s[i:], "\n"):
		return i + 1
	case strings.HasPrefix(s[i:], "\r\n"):
		return i + 2
	}
	return i
}

// splitCRT splits a command line with the Microsoft C runtime's argv rules: words
// are separated by blanks outside double quotes; 2n backslashes before a quote
// give n backslashes and the quote opens or closes quoting; 2n+1 give n and a
// literal quote; other backslashes are literal. orig is only for error positions.
func splitCRT(s, orig string) ([]string, error) {
	var out []string
	var cur strings.Builder
	in, quoted, open := false, false, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\':
			n := 1
			for i+n < len(s) && s[i+n] == '\\' {
				n++
			}
			if i+n < len(s) && s[i+n] == '"' {
				cur.WriteString(strings.Repeat("\\", n/2))
				if n%2 == 1 {
					cur.WriteByte('"')
					i += n
				} else {
					i += n - 1 // the quote is read next, as a quote
				}
			} else {
				cur.WriteString(strings.Repeat("\\", n))
				i += n - 1
			}
			in = true
		case c == '"':
			quoted = !quoted
			if quoted {
				open = i
			}
			in = true
		case (c == ' ' || c == '\t' || c == '\r' || c == '\n') && !quoted:
			if in {
				out = append(out, cur.String())
			}
			cur.Reset()
			in = false
		default:
			cur.WriteByte(c)
			in = true
		}
	}
	if quoted {
		// The unescaped line has lost the carets; point near the quote anyway.
		return nil, syntaxError(orig, min(open, len(orig)), "unterminated double quote")
	}
	if in {
		out = append(out, cur.String())
	}
	return out, nil
}
