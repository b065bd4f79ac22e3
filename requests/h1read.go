package requests

import (
	"bufio"
	"bytes"
	"errors"
	"io"

	"github.com/httplens/httplens/h1"
)

// The lenient response reader. It reads whatever a server sends and never throws a
// byte away: a head net/http would reject (a control character in a field, two
// Content-Length values, no status line at all) still becomes a Response, with the
// bytes as they came, the best parse possible and, in Problems, what was wrong.

// framing is how the end of a response body is found (RFC 9112 §6.3).
type framing = h1.Framing

const (
	frameNone     = h1.FrameNone
	frameLength   = h1.FrameLength
	frameChunked  = h1.FrameChunked
	frameUntilEOF = h1.FrameUntilEOF
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

// parsedHead is the best reading of a response head, with what was wrong with it;
// package h1 does the reading, shared with explain.ReadResponse.
type parsedHead struct {
	h1.Head
	headers []Header
}

// parseHeadLenient reads a status line and header fields with h1.ParseHead.
func parseHeadLenient(head []byte) parsedHead {
	p := parsedHead{Head: h1.ParseHead(head)}
	p.headers = make([]Header, len(p.Fields))
	for i, f := range p.Fields {
		p.headers[i] = Header(f)
	}
	return p
}

// clipText shortens s for a message; the caller prints it through %q.
func clipText(s string) string { return h1.Clip(s) }

// bodyFraming decides how the body of a response to method ends (RFC 9112 §6.3).
func bodyFraming(method string, p *parsedHead) (framing, int64) {
	return h1.BodyFraming(method, &p.Head)
}

// chunkedReader decodes a chunked body; see h1.ChunkedReader.
type chunkedReader = h1.ChunkedReader
