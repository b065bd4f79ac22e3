// Package jsonsafe makes JSON text inert on a terminal. encoding/json escapes the
// C0 controls but writes C1 controls (U+009B is CSI to many terminals), bidi
// overrides (U+202E) and other format characters as they are; a header value
// from the network could then move the cursor or reorder what a person reads.
// Escape rewrites each of them as a \u escape, which every JSON reader decodes
// to the same string.
package jsonsafe

import (
	"fmt"
	"io"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// active reports whether r does something on a terminal or to the text around it
// instead of showing a glyph: DEL, the C1 controls, and every format character
// (bidi marks, embeddings, overrides and isolates, zero-width characters, BOM).
func active(r rune) bool {
	return r == 0x7f || r >= 0x80 && r <= 0x9f || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029'
}

// Escape returns JSON text b with every active character escaped. The
// characters it escapes are never JSON syntax, so they can only be inside
// strings, where an escape means the same character.
func Escape(b []byte) []byte {
	var out []byte
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 || !active(r) {
			if out != nil {
				out = append(out, b[i:i+n]...)
			}
			i += n
			continue
		}
		if out == nil {
			out = append(make([]byte, 0, len(b)+16), b[:i]...)
		}
		if r > 0xffff {
			r1, r2 := utf16.EncodeRune(r)
			out = fmt.Appendf(out, `\u%04x\u%04x`, r1, r2)
		} else {
			out = fmt.Appendf(out, `\u%04x`, r)
		}
		i += n
	}
	if out == nil {
		return b
	}
	return out
}

// Writer returns a writer that escapes what it is given before passing it to w.
// Each Write must hold whole characters, as json.Encoder's (one per value) do.
func Writer(w io.Writer) io.Writer { return writer{w} }

type writer struct{ w io.Writer }

func (w writer) Write(p []byte) (int, error) {
	if _, err := w.w.Write(Escape(p)); err != nil {
		return 0, err
	}
	return len(p), nil
}
