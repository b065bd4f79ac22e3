package ui

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/termtext"
)

// unsafeRune reports a rune a terminal would act on, or that would change how
// the text around it reads: ESC and the other C0 controls (newline aside, which
// only the caller may put between lines), DEL, the C1 controls U+0080–U+009F,
// format characters (bidi overrides and isolates, zero-width characters) and
// the line and paragraph separators, all of which sanitize promises to escape.
func unsafeRune(r rune) bool {
	return r < 0x20 && r != '\n' || r >= 0x7f && r <= 0x9f ||
		unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029'
}

// checkSafe fails when s holds a rune a terminal would obey, or invalid UTF-8.
func checkSafe(t *testing.T, what, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Fatalf("%s is not valid UTF-8: %q", what, s)
	}
	for i, r := range s {
		if unsafeRune(r) {
			t.Fatalf("%s has control %U at byte %d: %q", what, r, i, s)
		}
	}
}

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"plain", "\x1b[2J", "\x1b]52;c;aGk=\x07", "a\u009b31m", "a\x9bb", "\u202e", "\t\r\n\x00\x7f", "\xff\xfe",
		"\u2066x\u2069\u200b\u200d\ufeff\u00ad\u061c\u2028\U000e0041"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		out := termtext.Sanitize(b)
		checkSafe(t, "sanitize", out)
		if strings.ContainsRune(out, '\n') {
			t.Fatalf("a newline passed: %q", out)
		}
		for _, line := range termtext.Lines(b) {
			checkSafe(t, "displayLines", line)
		}
	})
}

func FuzzRawView(f *testing.F) {
	for _, s := range []string{"{\"a\":\"\\u001b[2J\"}", "BODY\x1b]8;;http://x/\x07link\x1b]8;;\x07", "\xc2\x9b2J\r\n\x1bP", strings.Repeat("é", 700)} {
		f.Add([]byte(s), "text/plain")
	}
	f.Add([]byte(`[1,{"k":[true,null]}]`), "application/json")
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		head := "HTTP/1.1 200 O\x1bK\r\nContent-Type: " + contentType + "\r\n\r\n"
		r := &requests.Response{Proto: "HTTP/1.1", Status: 200, Reason: "O\x1bK", RawHead: []byte(head),
			Headers: []requests.Header{{Name: "Content-Type", Value: contentType}}, Body: body, BodyBytes: int64(len(body))}
		c := newResponseContent(requests.Exchange{Response: r}, NewStyles())
		p := newResponsePane(NewStyles())
		p.SetSize(60, 12)
		p.SetContent(c)
		for _, k := range []string{"1", "G", "2", "G", "3"} {
			p, _ = p.Update(keyMsg(k))
			checkSafe(t, "the view after "+k, p.View())
		}
		checkSafe(t, "the title", p.Title())
	})
}
