// Package highlight colours already-sanitised text with chroma and the lexers of
// ui/lexers: JSON and markup (XML, HTML) for the response pane's Pretty tab, and
// the key style of header names. It imports ui/lexers and ui/styles only.
package highlight

import (
	"strings"

	"github.com/alecthomas/chroma/v2"

	"github.com/httplens/httplens/ui/lexers"
	"github.com/httplens/httplens/ui/styles"
)

// Lang is the language a text is coloured as.
type Lang int

// The languages there are lexers for.
const (
	JSON   Lang = iota
	Markup      // XML and HTML alike
)

// MaxBytes is the largest text that gets colours; past it the text is shown
// uncoloured. Highlighting costs about 0.7 s and 45 MB of peak memory per MB of
// JSON (BenchmarkBigBodyPeakRSS in package ui), so colour stops at a size most
// API responses stay under.
const MaxBytes = 256 << 10

// Lines colours lines as lang with chroma. It returns one styled line per input
// line, or nil when the text is too big or the lexer fails.
func Lines(lang Lang, lines []string, st styles.SyntaxStyles) []string {
	lexer := lexers.JSON()
	if lang == Markup {
		lexer = lexers.Markup()
	}
	text := strings.Join(lines, "\n")
	if len(text) > MaxBytes {
		return nil
	}
	it, err := lexer.Tokenise(nil, text)
	if err != nil {
		return nil
	}
	wraps := newWrappers(st, lang == JSON)
	out := make([]string, 0, len(lines))
	var cur strings.Builder
	for tok := it(); tok != chroma.EOF; tok = it() {
		w := wraps.of(tok.Type)
		parts := strings.Split(tok.Value, "\n")
		for i, p := range parts {
			if i > 0 {
				out = append(out, cur.String())
				cur.Reset()
			}
			if p != "" {
				cur.WriteString(w.Prefix)
				cur.WriteString(p)
				cur.WriteString(w.Suffix)
			}
		}
	}
	out = append(out, cur.String())
	if len(out) == len(lines)+1 && out[len(out)-1] == "" { // the lexer's closing newline
		out = out[:len(lines)]
	}
	if len(out) != len(lines) { // the lexer lost or invented a line: show plain text
		return nil
	}
	return out
}

// Wrap is the escape sequence a style puts before and after its text, taken
// once from lipgloss so that each token costs two string writes.
type Wrap struct{ Prefix, Suffix string }

// Key is the wrap of a JSON key, which the panes also give header names.
func Key(st styles.SyntaxStyles) Wrap { return wrapOf(st.Key) }

func wrapOf(s interface{ Render(...string) string }) Wrap {
	r := s.Render("\x00")
	i := strings.IndexByte(r, 0)
	return Wrap{Prefix: r[:i], Suffix: r[i+1:]}
}

type wrappers struct {
	key, str, num, lit, punct, tag, attr, comment Wrap
	jsonKeys                                      bool
}

func newWrappers(st styles.SyntaxStyles, jsonKeys bool) wrappers {
	return wrappers{
		key: wrapOf(st.Key), str: wrapOf(st.String), num: wrapOf(st.Number), lit: wrapOf(st.Literal),
		punct: wrapOf(st.Punct), tag: wrapOf(st.Tag), attr: wrapOf(st.Attr), comment: wrapOf(st.Comment),
		jsonKeys: jsonKeys,
	}
}

func (w wrappers) of(t chroma.TokenType) Wrap {
	switch {
	case t == chroma.NameTag && w.jsonKeys:
		return w.key
	case t == chroma.NameTag:
		return w.tag
	case t == chroma.NameAttribute:
		return w.attr
	case t.InCategory(chroma.Comment):
		return w.comment
	case t.InSubCategory(chroma.LiteralString):
		return w.str
	case t.InSubCategory(chroma.LiteralNumber):
		return w.num
	case t.InCategory(chroma.Keyword), t.InCategory(chroma.Literal), t == chroma.NameBuiltin:
		return w.lit
	case t.InCategory(chroma.Punctuation), t.InCategory(chroma.Operator):
		return w.punct
	}
	return Wrap{}
}
