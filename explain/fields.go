package explain

import (
	"strings"
	"time"

	"github.com/httplens/httplens/headers"
)

// values returns every value of the named field, in order, with list members split on
// commas outside quoted strings (RFC 9110 §5.3: repeated lines combine into one list).
func values(fs []Field, name string) []string { return appendValues(nil, fs, name) }

// appendValues appends what values returns to out. A caller that only reads the
// members passes an array on its stack (var buf [8]string; appendValues(buf[:0], ...)),
// so that reading a field allocates nothing.
func appendValues(out []string, fs []Field, name string) []string {
	for _, f := range fs {
		if f.Is(name) {
			out = headers.AppendTokens(out, f.Value)
		}
	}
	return out
}

// lines returns the raw value of every line of the named field, unsplit.
func lines(fs []Field, name string) []string { return appendLines(nil, fs, name) }

// appendLines appends what lines returns to out (see appendValues).
func appendLines(out []string, fs []Field, name string) []string {
	for _, f := range fs {
		if f.Is(name) {
			out = append(out, strings.TrimSpace(f.Value))
		}
	}
	return out
}

// first returns the first line of the named field and whether there was one.
func first(fs []Field, name string) (string, bool) {
	v, ok := headers.List(fs).Lookup(name)
	return strings.TrimSpace(v), ok
}

// has reports whether the named field is present at all.
func has(fs []Field, name string) bool { return headers.List(fs).Has(name) }

// splitList splits a field value on commas that are not inside a quoted string and
// drops empty members (RFC 9110 §5.6.1 allows them): headers.Tokens.
func splitList(v string) []string { return headers.Tokens(v) }

// splitUnquoted splits v on sep outside quoted strings, each part trimmed (see
// headers.Split).
func splitUnquoted(v string, sep byte) []string { return headers.Split(v, sep) }

// httpDateLayouts are the three forms a recipient must accept (RFC 9110 §5.6.7):
// IMF-fixdate, the obsolete RFC 850 form and ANSI C's asctime() form.
var httpDateLayouts = [...]string{
	"Mon, 02 Jan 2006 15:04:05 GMT",
	"Monday, 02-Jan-06 15:04:05 GMT",
	"Mon Jan _2 15:04:05 2006",
}

// parseHTTPDate parses an HTTP-date. Only GMT is valid; names match case-insensitively.
// obsolete reports that a form other than IMF-fixdate was used.
func parseHTTPDate(s string) (t time.Time, obsolete bool, ok bool) {
	s = strings.TrimSpace(s)
	// An HTTP-date is at least 24 bytes (asctime); a shorter value fails every
	// layout, and each failure allocates an error: skip them (most responses
	// have no such field at all).
	if len(s) < len("Mon Jan 2 15:04:05 2006") {
		return time.Time{}, false, false
	}
	s = normaliseDateCase(s)
	for i, layout := range httpDateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), i > 0, true
		}
	}
	return time.Time{}, false, false
}

// normaliseDateCase rewrites day and month names and the zone in the case Go's
// layouts expect, since HTTP-date names are case-insensitive (RFC 9110 §5.6.7).
func normaliseDateCase(s string) string {
	// Built in a buffer on the stack: most dates are in the expected case
	// already and are returned as they are, without a copy.
	b := make([]byte, 0, 64)
	word := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		isLetter := (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
		if isLetter {
			if word {
				b = append(b, upper(c))
			} else {
				b = append(b, lower(c))
			}
			word = false
			continue
		}
		word = true
		b = append(b, c)
	}
	// The zone is all capitals in every layout.
	if n := len(b); n >= 4 && string(b[n-4:]) == " Gmt" {
		b[n-2], b[n-1] = 'M', 'T'
	}
	if string(b) == s {
		return s
	}
	return string(b)
}

// equalFoldASCII compares field names and tokens in ASCII case only, as
// headers does ("ſ" is not "s" on the wire).
func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if lower(a[i]) != lower(b[i]) {
			return false
		}
	}
	return true
}

func upper(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}

func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c - 'A' + 'a'
	}
	return c
}
