package history

import (
	"bytes"
	"strings"

	"github.com/httplens/httplens/requests"
)

// head is a parsed HTTP/1.x message head: the start line split in three and the
// header fields in order.
type head struct {
	first   [3]string
	headers []requests.Header
}

// proto is the version of a request line ("GET / HTTP/1.1").
func (h head) proto() string { return h.first[2] }

// reason is the reason phrase of a status line ("HTTP/1.1 404 Not Found").
func (h head) reason() string { return h.first[2] }

// parseHead reads the final head of raw: a response head may be preceded by
// interim (1xx) heads, each ending in an empty line. It is lenient: it is used on
// what was stored, never to decide what went on the wire.
func parseHead(raw []byte) head {
	var h head
	blocks := bytes.Split(bytes.ReplaceAll(raw, []byte("\r\n"), []byte("\n")), []byte("\n\n"))
	var last []byte
	for _, b := range blocks {
		if len(bytes.TrimSpace(b)) > 0 {
			last = b
		}
	}
	lines := strings.Split(string(last), "\n")
	if len(lines) == 0 || lines[0] == "" {
		return h
	}
	parts := strings.SplitN(lines[0], " ", 3)
	copy(h.first[:], parts)
	for _, line := range lines[1:] {
		if line == "" {
			continue
		}
		if (line[0] == ' ' || line[0] == '\t') && len(h.headers) > 0 {
			// obs-fold (RFC 9112 §5.2): a continuation of the previous value.
			h.headers[len(h.headers)-1].Value += " " + strings.TrimSpace(line)
			continue
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		h.headers = append(h.headers, requests.Header{Name: name, Value: strings.TrimSpace(value)})
	}
	return h
}

// nonNil turns a nil header list into an empty one, so it is stored as [] not null.
func nonNil(hs []requests.Header) []requests.Header {
	if hs == nil {
		return []requests.Header{}
	}
	return hs
}
