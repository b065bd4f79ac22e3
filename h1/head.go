package h1

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/httplens/httplens/headers"
)

// Field is one header field as received: name in its letter case, value trimmed of
// surrounding spaces and tabs. It is headers.Field.
type Field = headers.Field

// Head is the best reading of a response head, with what was wrong with it.
// Problems name head lines counted from 1 (the status line).
type Head struct {
	Proto    string
	Status   int
	Reason   string
	Fields   []Field
	Problems []string
}

// ParseHead reads a status line and header fields, in order and letter case,
// accepting what it can: a line that is not a field is reported, not fatal. head is
// the bytes up to and including the empty line (or what arrived of them); line ends
// may be CRLF or a bare LF. ParseHead never fails and never panics.
func ParseHead(head []byte) Head {
	var p Head
	text := strings.TrimRight(string(head), "\r\n")
	status, rest, _ := strings.Cut(text, "\n")
	status = strings.TrimRight(status, "\r")
	proto, after, _ := strings.Cut(status, " ")
	p.Proto = proto
	if !ValidProto(proto) {
		p.Problems = append(p.Problems, fmt.Sprintf("line 1: the version %q is not HTTP/x.y", Clip(proto)))
	}
	code, reason, _ := strings.Cut(strings.TrimLeft(after, " "), " ")
	// Atoi alone would take "+12" or "-12"; a status code is three digits.
	if n, err := strconv.Atoi(code); err == nil && len(code) == 3 && digits(code) {
		p.Status = n
	} else {
		p.Problems = append(p.Problems, fmt.Sprintf("line 1: the status code %q is not three digits", Clip(code)))
	}
	p.Reason = strings.TrimSpace(reason)
	p.Fields = make([]Field, 0, strings.Count(rest, "\n")+1)
	for n := 2; rest != ""; n++ {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		line = strings.TrimRight(line, "\r")
		if (strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t")) && len(p.Fields) > 0 {
			last := &p.Fields[len(p.Fields)-1]
			last.Value = strings.TrimSpace(last.Value + " " + strings.TrimSpace(line))
			p.Problems = append(p.Problems, fmt.Sprintf("line %d: obsolete line folding (RFC 9112 §5.2)", n))
			continue
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			p.Problems = append(p.Problems, fmt.Sprintf("line %d: not a header field (no colon): %q", n, Clip(line)))
			continue
		}
		// Whitespace before the colon is dropped, as a proxy must (RFC 9112 §5.1).
		if trimmed := strings.TrimRight(name, " \t"); trimmed != name && trimmed != "" {
			p.Problems = append(p.Problems, fmt.Sprintf("line %d: whitespace between the field name %q and the colon (RFC 9112 §5.1)", n, Clip(trimmed)))
			name = trimmed
		}
		if !IsToken(name) {
			p.Problems = append(p.Problems, fmt.Sprintf("line %d: the field name %q is not a token", n, Clip(name)))
		}
		if bad := ControlIn(value); bad >= 0 {
			p.Problems = append(p.Problems, fmt.Sprintf("line %d: the value of %s holds the control character 0x%02x", n, Clip(name), value[bad]))
		}
		p.Fields = append(p.Fields, Field{Name: name, Value: strings.Trim(value, " \t")})
	}
	return p
}

// ValidProto accepts HTTP/1.0, HTTP/1.1, HTTP/2, HTTP/2.0, HTTP/3 and the like.
func ValidProto(p string) bool {
	v, ok := strings.CutPrefix(p, "HTTP/")
	if !ok || v == "" {
		return false
	}
	major, minor, dotted := strings.Cut(v, ".")
	return len(major) == 1 && digits(major) && (!dotted || (len(minor) == 1 && digits(minor)))
}

// IsToken reports a field name that is a token (RFC 9110 §5.1, §5.6.2).
func IsToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f || strings.IndexByte("\"(),/:;<=>?@[\\]{}", c) >= 0 {
			return false
		}
	}
	return true
}

// digits reports a non-empty run of ASCII digits.
func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// ControlIn returns the index of the first control character other than tab, or -1.
func ControlIn(s string) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 0x20 && c != '\t') || c == 0x7f {
			return i
		}
	}
	return -1
}

// Clip shortens s for a message; callers print it through %q, so control bytes
// are escaped.
func Clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}
