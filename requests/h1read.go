package requests

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// The lenient response reader. It reads whatever a server sends and never throws a
// byte away: a head net/http would reject (a control character in a field, two
// Content-Length values, no status line at all) still becomes a Response, with the
// bytes as they came, the best parse possible and, in Problems, what was wrong.

// framing is how the end of a response body is found (RFC 9112 §6.3).
type framing int

const (
	frameNone     framing = iota // 1xx, 204, 304, a response to HEAD: the head is all
	frameLength                  // Content-Length bytes
	frameChunked                 // chunked transfer coding
	frameUntilEOF                // the server closes the connection at the end
)

// countingReader counts the bytes read from the connection, so that the bytes
// consumed by the message are known exactly (read minus still buffered).
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// msgReader reads one response at a time from a connection.
type msgReader struct {
	src *countingReader
	br  *bufio.Reader
}

func newMsgReader(r io.Reader) *msgReader {
	src := &countingReader{r: r}
	return &msgReader{src: src, br: bufio.NewReaderSize(src, 64<<10)}
}

// consumed is the number of bytes the reader has handed out so far.
func (m *msgReader) consumed() int64 { return m.src.n - int64(m.br.Buffered()) }

// errHeadTooLarge says the header section went past maxHeadCapture.
var errHeadTooLarge = errors.New("header section too large")

// readHead reads one head up to and including its empty line. It returns what it
// read even on an error; ended says the empty line was seen. A reply that does not
// start like a status line is not read as a head: notHTTP is set and nothing is
// consumed, so the caller can read it as a body.
func (m *msgReader) readHead() (head []byte, ended, notHTTP bool, err error) {
	// Peek the first bytes to tell HTTP from anything else (HTTP/0.9, a banner).
	for {
		p, perr := m.br.Peek(5)
		if !bytes.HasPrefix([]byte("HTTP/"), p) {
			return nil, false, true, nil
		}
		if len(p) == 5 {
			break
		}
		if perr != nil {
			if len(p) == 0 {
				return nil, false, false, perr
			}
			return nil, false, true, nil
		}
	}
	midLine := false // the previous piece was cut by the buffer: this one continues it
	for {
		line, lerr := m.br.ReadSlice('\n')
		head = append(head, line...)
		if len(head) > maxHeadCapture {
			return head, false, false, errHeadTooLarge
		}
		if lerr == bufio.ErrBufferFull {
			midLine = true
			continue
		}
		if lerr != nil {
			return head, false, false, lerr
		}
		if !midLine && (len(line) == 1 || len(line) == 2 && line[0] == '\r') {
			return head, true, false, nil
		}
		midLine = false
	}
}

// parsedHead is the best reading of a response head, with what was wrong with it.
type parsedHead struct {
	proto    string
	status   int
	reason   string
	headers  []Header
	problems []string
}

// parseHeadLenient reads a status line and header fields, in order and letter case,
// accepting what it can: a line that is not a field is reported, not fatal.
func parseHeadLenient(head []byte) parsedHead {
	var p parsedHead
	text := strings.TrimRight(string(head), "\r\n")
	status, rest, _ := strings.Cut(text, "\n")
	status = strings.TrimRight(status, "\r")
	proto, after, _ := strings.Cut(status, " ")
	p.proto = proto
	code, reason, _ := strings.Cut(strings.TrimLeft(after, " "), " ")
	if n, err := strconv.Atoi(code); err == nil && len(code) == 3 {
		p.status = n
	} else {
		p.problems = append(p.problems, fmt.Sprintf("line 1: the status code %q is not three digits", clipText(code)))
	}
	p.reason = reason
	p.headers = make([]Header, 0, strings.Count(rest, "\n")+1)
	for n := 2; rest != ""; n++ {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		line = strings.TrimRight(line, "\r")
		if (strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t")) && len(p.headers) > 0 {
			last := &p.headers[len(p.headers)-1]
			last.Value += " " + strings.TrimSpace(line)
			p.problems = append(p.problems, fmt.Sprintf("line %d: obsolete line folding (RFC 9112 §5.2)", n))
			continue
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			p.problems = append(p.problems, fmt.Sprintf("line %d: not a header field (no colon): %q", n, clipText(line)))
			continue
		}
		if bad := controlIn(name); bad >= 0 || name == "" || strings.ContainsAny(name, " \t") {
			p.problems = append(p.problems, fmt.Sprintf("line %d: the field name %q is not a token", n, clipText(name)))
		}
		if bad := controlIn(value); bad >= 0 {
			p.problems = append(p.problems, fmt.Sprintf("line %d: the value of %s holds the control character 0x%02x", n, clipText(name), value[bad]))
		}
		p.headers = append(p.headers, Header{Name: name, Value: strings.Trim(value, " \t")})
	}
	return p
}

// controlIn returns the index of the first control character other than tab, or -1.
func controlIn(s string) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 0x20 && c != '\t') || c == 0x7f {
			return i
		}
	}
	return -1
}

// clipText shortens s for a message; the caller prints it through %q, so control
// bytes are escaped.
func clipText(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// bodyFraming decides how the body of a response to method ends (RFC 9112 §6.3), and
// says what was wrong when the head does not say it cleanly.
func bodyFraming(method string, p *parsedHead) (framing, int64) {
	if method == "HEAD" || p.status/100 == 1 || p.status == 204 || p.status == 304 {
		return frameNone, 0
	}
	var te string
	var lengths []string
	for _, h := range p.headers {
		switch strings.ToLower(strings.TrimSpace(h.Name)) {
		case "transfer-encoding":
			te = strings.ToLower(strings.TrimSpace(h.Value))
		case "content-length":
			for v := range strings.SplitSeq(h.Value, ",") {
				lengths = append(lengths, strings.TrimSpace(v))
			}
		}
	}
	if te != "" {
		codings := strings.Split(te, ",")
		if strings.TrimSpace(codings[len(codings)-1]) == "chunked" {
			return frameChunked, -1
		}
		p.problems = append(p.problems, "Transfer-Encoding does not end in chunked: the body runs until the server closes")
		return frameUntilEOF, -1
	}
	if len(lengths) == 0 {
		return frameUntilEOF, -1
	}
	n, err := strconv.ParseInt(lengths[0], 10, 64)
	for _, l := range lengths[1:] {
		if l != lengths[0] {
			p.problems = append(p.problems, fmt.Sprintf("conflicting Content-Length values (%s): the end of the message is unknown; read until the server closed", strings.Join(lengths, ", ")))
			return frameUntilEOF, -1
		}
	}
	if err != nil || n < 0 || strings.HasPrefix(lengths[0], "+") {
		p.problems = append(p.problems, fmt.Sprintf("Content-Length %q is not a number: read until the server closed", clipText(lengths[0])))
		return frameUntilEOF, -1
	}
	return frameLength, n
}

// chunkedReader decodes a chunked body (RFC 9112 §7.1) from br, leniently: bare LF
// line ends are accepted. It stops at the first framing error and keeps the line
// that caused it in bad, so no byte is lost.
type chunkedReader struct {
	br       *bufio.Reader
	left     int64 // bytes left in the current chunk
	done     bool
	trailers []Header
	bad      []byte
	err      error
}

func (c *chunkedReader) Read(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	if c.done {
		return 0, io.EOF
	}
	if c.left == 0 {
		if err := c.nextChunk(); err != nil {
			c.err = err
			return 0, err
		}
		if c.done {
			return 0, io.EOF
		}
	}
	n, err := c.br.Read(p[:min(int64(len(p)), c.left)])
	c.left -= int64(n)
	if c.left == 0 && err == nil {
		err = c.chunkEnd()
	}
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	if err != nil {
		c.err = err
	}
	return n, err
}

// chunkEnd reads the CRLF after a chunk's data.
func (c *chunkedReader) chunkEnd() error {
	line, err := c.br.ReadSlice('\n')
	if err != nil {
		c.bad = append([]byte(nil), line...)
		if err == io.EOF {
			return io.ErrUnexpectedEOF
		}
		return err
	}
	if s := strings.TrimRight(string(line), "\r\n"); s != "" {
		c.bad = append([]byte(nil), line...)
		return fmt.Errorf("invalid chunked encoding: a chunk is followed by %q instead of CRLF", clipText(s))
	}
	return nil
}

// nextChunk reads a chunk-size line, or the last chunk and the trailer section.
func (c *chunkedReader) nextChunk() error {
	line, err := c.br.ReadSlice('\n')
	if err != nil {
		c.bad = append([]byte(nil), line...)
		if err == io.EOF {
			return io.ErrUnexpectedEOF
		}
		if err == bufio.ErrBufferFull {
			return errors.New("invalid chunked encoding: a chunk-size line longer than 64 KiB")
		}
		return err
	}
	s := strings.TrimRight(string(line), "\r\n")
	size, _, _ := strings.Cut(s, ";")
	size = strings.TrimRight(size, " \t")
	n, perr := strconv.ParseInt(size, 16, 64)
	if perr != nil || n < 0 || size == "" || strings.ContainsAny(size, "+-") {
		c.bad = append([]byte(nil), line...)
		return fmt.Errorf("invalid chunked encoding: expected a chunk size in hex, got %q", clipText(s))
	}
	if n > 0 {
		c.left = n
		return nil
	}
	for { // trailer section, up to the empty line
		line, err := c.br.ReadSlice('\n')
		if err != nil {
			c.bad = append([]byte(nil), line...)
			if err == io.EOF {
				return io.ErrUnexpectedEOF
			}
			return err
		}
		t := strings.TrimRight(string(line), "\r\n")
		if t == "" {
			c.done = true
			return nil
		}
		name, value, _ := strings.Cut(t, ":")
		c.trailers = append(c.trailers, Header{Name: name, Value: strings.TrimSpace(value)})
	}
}
