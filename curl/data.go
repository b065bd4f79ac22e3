package curl

import (
	"bytes"
	"strings"
)

// dataBody joins the -d style arguments as curl does (with & between them, none
// between --json pieces), or moves them to the query with -G.
func (p *parser) dataBody(r *Request) ([]Header, error) {
	if len(p.data) == 1 && !p.get {
		if file, ok := p.fileArg(p.data[0]); ok {
			r.BodyFile = file
			return p.dataHeaders(), nil
		}
	}
	var b strings.Builder
	for i, d := range p.data {
		if i > 0 && !(d.kind == dataJSON && p.data[i-1].kind == dataJSON) {
			b.WriteByte('&')
		}
		if file, ok := p.fileArg(d); ok {
			p.note("data from file %s not carried over: only a body that is one whole file can be", file)
			continue
		}
		if d.kind == dataURLEncode {
			b.WriteString(encodeDataArg(d.value))
		} else {
			b.WriteString(d.value)
		}
	}
	if p.get {
		r.URL = appendQuery(r.URL, b.String())
		return nil, nil
	}
	r.Body = []byte(b.String())
	return p.dataHeaders(), nil
}

// dataHeaders are the headers curl adds for a body from data options.
func (p *parser) dataHeaders() []Header {
	for _, d := range p.data {
		if d.kind == dataJSON {
			return []Header{{Name: "Content-Type", Value: "application/json"}, {Name: "Accept", Value: "application/json"}}
		}
	}
	return []Header{{Name: "Content-Type", Value: "application/x-www-form-urlencoded"}}
}

// fileArg reports whether a data argument names a file for curl to read, and
// which. --data-urlencode reads one with "@file" or "name@file".
func (p *parser) fileArg(d dataPart) (string, bool) {
	switch d.kind {
	case dataRaw:
		return "", false
	case dataURLEncode:
		if i := strings.IndexAny(d.value, "=@"); i >= 0 && d.value[i] == '@' {
			return d.value[i+1:], true
		}
		return "", false
	}
	file, ok := strings.CutPrefix(d.value, "@")
	if !ok {
		return "", false
	}
	if file == "-" {
		p.note("%s @- not carried over: standard input is not read", dataFlag(d.kind))
		return "", false
	}
	if d.kind == dataASCII {
		p.note("-d @%s: curl strips line breaks from the file; the saved request sends it as it is (as --data-binary would)", file)
	}
	return file, true
}

func dataFlag(k dataKind) string {
	return [...]string{"-d", "--data-raw", "--data-binary", "--data-urlencode", "--json"}[k]
}

// encodeDataArg applies --data-urlencode to one argument: "content", "=content"
// or "name=content" (only content is encoded).
func encodeDataArg(v string) string {
	name, content, ok := strings.Cut(v, "=")
	if !ok {
		return escape(v)
	}
	if name == "" {
		return escape(content)
	}
	return name + "=" + escape(content)
}

// escape percent-encodes every byte but ALPHA, DIGIT and -._~, and turns a space
// into +, as curl's --data-urlencode does.
func escape(s string) string {
	var b bytes.Buffer
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		if c == ' ' {
			b.WriteByte('+')
			continue
		}
		b.WriteByte('%')
		b.WriteByte("0123456789ABCDEF"[c>>4])
		b.WriteByte("0123456789ABCDEF"[c&15])
	}
	return b.String()
}
