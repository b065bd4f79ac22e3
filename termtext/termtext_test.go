package termtext

import (
	"strings"
	"testing"
)

func TestSanitize(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want string
	}{
		{"plain text passes", "hello, world", "hello, world"},
		{"escape sequence is shown, not obeyed", "\x1b[2J", "␛[2J"},
		{"OSC 52 clipboard write is shown", "\x1b]52;c;aGk=\x07", "␛]52;c;aGk=␇"},
		{"carriage return is visible", "a\rb", "a␍b"},
		{"NUL and DEL are visible", "\x00\x7f", "␀␡"},
		{"C1 control CSI is escaped", "a\u009b2J", `a\u009b2J`},
		{"raw C1 byte is invalid UTF-8", "a\x9bb", `a\x9bb`},
		{"bidi override is escaped", "abc\u202edef", `abc\u202edef`},
		{"tab expands to the next stop", "ab\tc", "ab  c"},
		{"unicode text passes", "naïve — 日本", "naïve — 日本"},
		{"newline is visible", "a\nb", "a␊b"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Sanitize([]byte(c.in)); got != c.want {
				t.Errorf("Sanitize(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestDisplayLines(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []string
	}{
		{"CRLF ends lines", "HTTP/1.1 200 OK\r\nA: b\r\n\r\n", []string{"HTTP/1.1 200 OK", "A: b", ""}},
		{"lone CR stays visible", "a\rb\n", []string{"a␍b"}},
		{"no final newline", "x\ny", []string{"x", "y"}},
		{"empty", "", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Lines([]byte(c.in))
			if strings.Join(got, "|") != strings.Join(c.want, "|") || len(got) != len(c.want) {
				t.Errorf("Lines(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
	t.Run("a long line is cut into pieces", func(t *testing.T) {
		got := Lines([]byte(strings.Repeat("x", MaxLineRunes*2+5)))
		if len(got) != 3 || len(got[0]) != MaxLineRunes || len(got[2]) != 5 {
			t.Errorf("got %d pieces", len(got))
		}
	})
}
