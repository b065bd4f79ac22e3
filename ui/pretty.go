package ui

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"mime"
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"

	"github.com/httplens/httplens/ui/lexers"
	"github.com/httplens/httplens/ui/styles"
)

// bodyKind is how the Pretty tab shows a body.
type bodyKind int

const (
	kindText bodyKind = iota
	kindJSON
	kindXML
	kindHTML
	kindBinary
)

func (k bodyKind) String() string {
	return [...]string{"text", "json", "xml", "html", "binary"}[k]
}

// maxHighlight is the largest formatted body that gets syntax colours; past it the
// text is shown uncoloured. Highlighting costs about 0.7 s and 45 MB of peak memory
// per MB of JSON (BenchmarkBigBodyPeakRSS), so colour stops at a size most API
// responses stay under.
const maxHighlight = 256 << 10

// detectKind picks the body kind from the Content-Type, falling back to a sniff of
// the first bytes.
func detectKind(contentType string, body []byte) bodyKind {
	mt, _, _ := mime.ParseMediaType(contentType)
	switch {
	case mt == "application/json" || strings.HasSuffix(mt, "+json"):
		return kindJSON
	case mt == "text/html":
		return kindHTML
	case strings.HasSuffix(mt, "/xml") || strings.HasSuffix(mt, "+xml"):
		return kindXML
	}
	if looksBinary(body) {
		return kindBinary
	}
	head := bytes.TrimLeft(body[:min(len(body), 512)], " \t\r\n")
	switch {
	case len(head) > 0 && (head[0] == '{' || head[0] == '['):
		return kindJSON
	case bytes.HasPrefix(head, []byte("<?xml")):
		return kindXML
	case len(head) > 0 && head[0] == '<':
		return kindHTML
	}
	return kindText
}

// looksBinary reports a body that is not text: a NUL byte or invalid UTF-8 in its
// first 8 KiB (a multi-byte rune cut by the 8 KiB boundary is allowed).
func looksBinary(b []byte) bool {
	b = b[:min(len(b), 8<<10)]
	if bytes.IndexByte(b, 0) >= 0 {
		return true
	}
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 {
			return len(b) >= utf8.UTFMax
		}
		b = b[size:]
	}
	return false
}

// format returns the body formatted for its kind, or the body itself when it does
// not parse as that kind.
func format(kind bodyKind, body []byte) []byte {
	switch kind {
	case kindJSON:
		var buf bytes.Buffer
		buf.Grow(len(body) + len(body)/4)
		if err := json.Indent(&buf, body, "", "  "); err == nil {
			return buf.Bytes()
		}
	case kindXML:
		if out, err := formatXML(body); err == nil {
			return out
		}
	case kindHTML:
		return formatHTML(body)
	}
	return body
}

// formatXML re-indents an XML document token by token.
func formatXML(body []byte) ([]byte, error) {
	var buf bytes.Buffer
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.Strict = false
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if cd, ok := tok.(xml.CharData); ok && len(bytes.TrimSpace(cd)) == 0 {
			continue
		}
		if err := enc.EncodeToken(xml.CopyToken(tok)); err != nil {
			return nil, err
		}
	}
	if err := enc.Flush(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// voidElement reports elements that never have a closing tag, so they do not
// indent what follows.
func voidElement(name string) bool {
	switch name {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
		"source", "track", "wbr", "!doctype":
		return true
	}
	return false
}

// formatHTML puts each tag and each run of text on its own line, indented by
// nesting depth. It is a display aid, not a parser: script bodies and malformed
// markup come out readable but not re-balanced.
func formatHTML(body []byte) []byte {
	var out bytes.Buffer
	depth := 0
	for len(body) > 0 {
		var piece []byte
		if body[0] == '<' {
			end := bytes.IndexByte(body, '>')
			if end < 0 {
				end = len(body) - 1
			}
			piece, body = body[:end+1], body[end+1:]
		} else {
			end := bytes.IndexByte(body, '<')
			if end < 0 {
				end = len(body)
			}
			piece, body = body[:end], body[end:]
		}
		piece = bytes.TrimSpace(piece)
		if len(piece) == 0 {
			continue
		}
		name := htmlTagName(piece)
		closing := bytes.HasPrefix(piece, []byte("</"))
		if closing && depth > 0 {
			depth--
		}
		out.WriteString(strings.Repeat("  ", depth))
		out.Write(piece)
		out.WriteByte('\n')
		if piece[0] == '<' && !closing && !voidElement(name) &&
			!bytes.HasSuffix(piece, []byte("/>")) && !bytes.HasPrefix(piece, []byte("<!")) {
			depth++
		}
	}
	return out.Bytes()
}

func htmlTagName(tag []byte) string {
	t := strings.TrimLeft(string(tag), "</")
	if i := strings.IndexAny(t, " \t\r\n/>"); i >= 0 {
		t = t[:i]
	}
	return strings.ToLower(t)
}

// hexLine formats the 16 bytes at line i of b as "offset  hex  |ascii|"; the ASCII
// column shows only printable ASCII, so it is safe without sanitising.
func hexLine(b []byte, i int) string {
	off := i * 16
	chunk := b[off:min(off+16, len(b))]
	var sb strings.Builder
	fmt.Fprintf(&sb, "%08x  ", off)
	for j := 0; j < 16; j++ {
		if j < len(chunk) {
			fmt.Fprintf(&sb, "%02x ", chunk[j])
		} else {
			sb.WriteString("   ")
		}
		if j == 7 {
			sb.WriteByte(' ')
		}
	}
	sb.WriteString(" |")
	for _, c := range chunk {
		if c >= 0x20 && c < 0x7f {
			sb.WriteByte(c)
		} else {
			sb.WriteByte('.')
		}
	}
	sb.WriteByte('|')
	return sb.String()
}

// highlight colours already-sanitised lines with chroma. It returns one styled
// line per input line, or nil when the kind has no lexer or the text is too big.
func highlight(kind bodyKind, lines []string, st styles.SyntaxStyles) []string {
	var lexer chroma.Lexer
	switch kind {
	case kindJSON:
		lexer = lexers.JSON()
	case kindXML, kindHTML:
		lexer = lexers.Markup()
	default:
		return nil
	}
	text := strings.Join(lines, "\n")
	if len(text) > maxHighlight {
		return nil
	}
	it, err := lexer.Tokenise(nil, text)
	if err != nil {
		return nil
	}
	wraps := newWrappers(st, kind == kindJSON)
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
				cur.WriteString(w.prefix)
				cur.WriteString(p)
				cur.WriteString(w.suffix)
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

// wrapper is the escape sequence a style puts before and after its text, taken
// once from lipgloss so that each token costs two string writes.
type wrapper struct{ prefix, suffix string }

type wrappers struct {
	key, str, num, lit, punct, tag, attr, comment wrapper
	jsonKeys                                      bool
}

func newWrappers(st styles.SyntaxStyles, jsonKeys bool) wrappers {
	w := func(s interface{ Render(...string) string }) wrapper {
		r := s.Render("\x00")
		i := strings.IndexByte(r, 0)
		return wrapper{prefix: r[:i], suffix: r[i+1:]}
	}
	return wrappers{
		key: w(st.Key), str: w(st.String), num: w(st.Number), lit: w(st.Literal),
		punct: w(st.Punct), tag: w(st.Tag), attr: w(st.Attr), comment: w(st.Comment),
		jsonKeys: jsonKeys,
	}
}

func (w wrappers) of(t chroma.TokenType) wrapper {
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
	return wrapper{}
}
