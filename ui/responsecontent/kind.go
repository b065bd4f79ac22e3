package responsecontent

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"mime"
	"strings"
	"unicode/utf8"

	"github.com/httplens/httplens/ui/highlight"
	"github.com/httplens/httplens/ui/styles"
)

// Kind is how the Pretty tab shows a body.
type Kind int

const (
	KindText Kind = iota
	KindJSON
	KindXML
	KindHTML
	KindBinary
)

func (k Kind) String() string {
	return [...]string{"text", "json", "xml", "html", "binary"}[k]
}

// DetectKind picks the body kind from the Content-Type, falling back to a sniff of
// the first bytes.
func DetectKind(contentType string, body []byte) Kind {
	mt, _, _ := mime.ParseMediaType(contentType)
	switch {
	case mt == "application/json" || strings.HasSuffix(mt, "+json"):
		return KindJSON
	case mt == "text/html":
		return KindHTML
	case strings.HasSuffix(mt, "/xml") || strings.HasSuffix(mt, "+xml"):
		return KindXML
	}
	if looksBinary(body) {
		return KindBinary
	}
	head := bytes.TrimLeft(body[:min(len(body), 512)], " \t\r\n")
	switch {
	case len(head) > 0 && (head[0] == '{' || head[0] == '['):
		return KindJSON
	case bytes.HasPrefix(head, []byte("<?xml")):
		return KindXML
	case len(head) > 0 && head[0] == '<':
		return KindHTML
	}
	return KindText
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

// Format returns the body formatted for its kind, or the body itself when it does
// not parse as that kind.
func Format(kind Kind, body []byte) []byte {
	switch kind {
	case KindJSON:
		var buf bytes.Buffer
		buf.Grow(len(body) + len(body)/4)
		if err := json.Indent(&buf, body, "", "  "); err == nil {
			return buf.Bytes()
		}
	case KindXML:
		if out, err := formatXML(body); err == nil {
			return out
		}
	case KindHTML:
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

// colour highlights lines of a body of kind; nil when the kind has no lexer
// (or the text is too big).
func colour(kind Kind, lines []string, st styles.SyntaxStyles) []string {
	switch kind {
	case KindJSON:
		return highlight.Lines(highlight.JSON, lines, st)
	case KindXML, KindHTML:
		return highlight.Lines(highlight.Markup, lines, st)
	}
	return nil
}
