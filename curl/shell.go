package curl

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// SyntaxError is a command line that cannot be split into words, such as an
// unterminated quote. Line and Col count from 1; Col counts bytes.
type SyntaxError struct {
	Line, Col int
	Msg       string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("curl command: line %d, column %d: %s", e.Line, e.Col, e.Msg)
}

func syntaxError(s string, offset int, format string, a ...any) *SyntaxError {
	before := s[:offset]
	line := strings.Count(before, "\n") + 1
	col := offset - strings.LastIndexByte(before, '\n')
	return &SyntaxError{Line: line, Col: col, Msg: fmt.Sprintf(format, a...)}
}

// splitWords splits a command line into words the way the shell it was written
// for would, without running anything: POSIX shell (bash) rules, or cmd.exe rules
// for the Windows flavour of browsers' "Copy as cURL". Shell text that would do
// more than pass words to curl (pipes, redirects, expansions) is reported in the
// notes, never executed.
func splitWords(s string) ([]string, []string, error) {
	if isCmdFlavour(s) {
		return splitCmd(s)
	}
	l := &bashLexer{s: s}
	return l.words()
}

// isCmdFlavour tells a Windows cmd.exe command line (carets as escapes and line
// continuations) from a POSIX shell one.
func isCmdFlavour(s string) bool {
	if strings.Contains(s, " ^\"") || strings.HasPrefix(strings.TrimSpace(s), "^\"") {
		return true
	}
	for _, line := range strings.Split(s, "\n") {
		if strings.HasSuffix(strings.TrimRight(line, " \t\r"), " ^") {
			return true
		}
	}
	return false
}

// bashLexer splits a POSIX shell command line: quotes, backslashes, $'…'.
type bashLexer struct {
	s     string
	i     int
	cur   strings.Builder
	in    bool // a word has started (also an empty one, from '')
	out   []string
	notes []string
}

func (l *bashLexer) flush() {
	if l.in {
		l.out = append(l.out, l.cur.String())
	}
	l.cur.Reset()
	l.in = false
}

func (l *bashLexer) words() ([]string, []string, error) {
	for l.i < len(l.s) {
		c := l.s[l.i]
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			l.flush()
			l.i++
		case c == '\n':
			l.flush()
			l.stop("a line break ends a shell command (is a \\ missing at the end of the line?)")
		case c == '#' && !l.in:
			end := strings.IndexByte(l.s[l.i:], '\n')
			if end < 0 {
				end = len(l.s) - l.i
			}
			l.i += end
		case strings.IndexByte("|;&<>()`", c) >= 0:
			l.flush()
			l.stop(fmt.Sprintf("%q would run more than curl", string(c)))
		default:
			if err := l.wordPart(c); err != nil {
				return nil, nil, err
			}
		}
	}
	l.flush()
	return l.out, l.notes, nil
}

// stop ends the command at the current position; non-blank text after it is
// reported, not parsed.
func (l *bashLexer) stop(why string) {
	if rest := strings.TrimSpace(l.s[l.i:]); rest != "" {
		line := strings.Count(l.s[:l.i], "\n") + 1
		l.notes = append(l.notes, fmt.Sprintf("ignored the text from line %d on: %s", line, why))
	}
	l.i = len(l.s)
}

// wordPart reads one piece of a word starting with byte c.
func (l *bashLexer) wordPart(c byte) error {
	l.in = true
	switch {
	case c == '\\':
		l.i++
		switch {
		case strings.HasPrefix(l.s[l.i:], "\n"):
			l.i++ // line continuation
			l.in = l.cur.Len() > 0
		case strings.HasPrefix(l.s[l.i:], "\r\n"):
			l.i += 2
			l.in = l.cur.Len() > 0
		case l.i < len(l.s):
			l.cur.WriteByte(l.s[l.i])
			l.i++
		}
	case c == '\'':
		end := strings.IndexByte(l.s[l.i+1:], '\'')
		if end < 0 {
			return syntaxError(l.s, l.i, "unterminated single quote")
		}
		l.cur.WriteString(l.s[l.i+1 : l.i+1+end])
		l.i += end + 2
	case c == '"':
		return l.doubleQuoted(l.i + 1)
	case c == '$' && strings.HasPrefix(l.s[l.i:], "$'"):
		return l.ansiC()
	case c == '$' && strings.HasPrefix(l.s[l.i:], "$\""):
		return l.doubleQuoted(l.i + 2)
	case c == '$':
		l.noteExpansion()
		l.cur.WriteByte(c)
		l.i++
	default:
		l.cur.WriteByte(c)
		l.i++
	}
	return nil
}

// noteExpansion reports a $ that the shell would expand; the text stays as written.
func (l *bashLexer) noteExpansion() {
	if l.i+1 < len(l.s) && strings.IndexByte("{(_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", l.s[l.i+1]) >= 0 {
		end := min(len(l.s), l.i+20)
		l.notes = append(l.notes, fmt.Sprintf("shell expansion not performed, kept as written: %q", l.s[l.i:end]))
	}
}

// doubleQuoted reads "…" from start (just after the opening quote).
func (l *bashLexer) doubleQuoted(start int) error {
	open := start - 1
	l.i = start
	for l.i < len(l.s) {
		c := l.s[l.i]
		switch {
		case c == '"':
			l.i++
			return nil
		case c == '\\' && l.i+1 < len(l.s) && strings.IndexByte("$`\"\\\n", l.s[l.i+1]) >= 0:
			if l.s[l.i+1] != '\n' {
				l.cur.WriteByte(l.s[l.i+1])
			}
			l.i += 2
		case c == '$' || c == '`':
			if c == '`' {
				l.notes = append(l.notes, "command substitution not performed, kept as written")
			} else {
				l.noteExpansion()
			}
			l.cur.WriteByte(c)
			l.i++
		default:
			l.cur.WriteByte(c)
			l.i++
		}
	}
	return syntaxError(l.s, open, "unterminated double quote")
}

// ansiC reads bash's $'…' quoting with its backslash escapes.
func (l *bashLexer) ansiC() error {
	open := l.i
	l.i += 2
	for l.i < len(l.s) {
		c := l.s[l.i]
		switch {
		case c == '\'':
			l.i++
			return nil
		case c == '\\' && l.i+1 < len(l.s):
			l.i += 1 + l.ansiEscape(l.s[l.i+1:])
		default:
			l.cur.WriteByte(c)
			l.i++
		}
	}
	return syntaxError(l.s, open, "unterminated $' quote")
}

// ansiEscape writes the character that the escape at the start of s (just after
// the backslash) stands for and returns how many bytes of s it used.
func (l *bashLexer) ansiEscape(s string) int {
	if r := strings.IndexByte("abefnrtvE\\'\"?", s[0]); r >= 0 {
		l.cur.WriteByte("\a\b\x1b\f\n\r\t\v\x1b\\'\"?"[r])
		return 1
	}
	switch s[0] {
	case 'x':
		v, n := digits(s[1:], 16, 2)
		if n == 0 {
			break
		}
		l.cur.WriteByte(byte(v))
		return 1 + n
	case 'u', 'U':
		width := 4
		if s[0] == 'U' {
			width = 8
		}
		v, n := digits(s[1:], 16, width)
		if n == 0 || !utf8.ValidRune(rune(v)) {
			break
		}
		l.cur.WriteRune(rune(v))
		return 1 + n
	case 'c':
		if len(s) > 1 {
			l.cur.WriteByte(s[1] & 0x1f)
			return 2
		}
	case '0', '1', '2', '3', '4', '5', '6', '7':
		v, n := digits(s, 8, 3)
		l.cur.WriteByte(byte(v))
		return n
	}
	l.cur.WriteByte('\\') // an unknown escape is kept as written
	return 0
}

// digits reads up to max digits of the given base from the start of s.
func digits(s string, base, max int) (value, n int) {
	for n < max && n < len(s) {
		d := strings.IndexByte("0123456789abcdef"[:base], lower(s[n]))
		if d < 0 {
			break
		}
		value = value*base + d
		n++
	}
	return value, n
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
