package proxy

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/httplens/httplens/headers"
	"github.com/httplens/httplens/requests"
)

// maxHead bounds one request or response head; past it the message is refused.
const maxHead = 1 << 20

// maxLine bounds one chunk-size or trailer line.
const maxLine = 64 << 10

var errHeadTooLarge = errors.New("header section larger than 1 MiB")

// readHead reads a head (start line and header section, through the blank line)
// exactly as it arrived. Empty lines before the start line are skipped, as RFC 9112
// §2.2 allows. io.EOF means the peer closed between messages.
func readHead(br *bufio.Reader) ([]byte, error) {
	if br.Buffered() == 0 {
		// Wait for the first read: a head usually arrives whole in it, and is
		// then taken in one copy rather than line by line.
		if _, err := br.Peek(1); err != nil {
			return nil, err
		}
	}
	if head := bufferedHead(br); head != nil {
		return head, nil
	}
	return readHeadLines(br)
}

// readHeadLines is readHead a line at a time, for a head not yet all buffered.
func readHeadLines(br *bufio.Reader) ([]byte, error) {
	var head []byte
	for {
		line, err := br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			err = nil // a long line: keep reading it
		}
		if err != nil {
			if err == io.EOF && len(head) > 0 {
				return nil, io.ErrUnexpectedEOF
			}
			return nil, err
		}
		if len(head) == 0 && (string(line) == "\r\n" || string(line) == "\n") {
			continue
		}
		head = append(head, line...)
		if len(head) > maxHead {
			return nil, errHeadTooLarge
		}
		if n := len(head); line[len(line)-1] == '\n' && (bytes.HasSuffix(head, []byte("\r\n\r\n")) || bytes.HasSuffix(head, []byte("\n\n"))) && n > 2 {
			return head, nil
		}
	}
}

// bufferedHead is readHead's common case done in one copy: a whole head already
// in br's buffer, not preceded by empty lines. It returns nil otherwise, and then
// has read nothing. The head ends at the first empty line, "\r\n" after a line
// that ended in "\r\n" or "\n" after any line, as readHead reads it.
func bufferedHead(br *bufio.Reader) []byte {
	buf, _ := br.Peek(br.Buffered())
	if len(buf) == 0 || buf[0] == '\r' || buf[0] == '\n' {
		return nil
	}
	end := -1
	if i := bytes.Index(buf, []byte("\r\n\r\n")); i >= 0 {
		end = i + 4
	}
	if i := bytes.Index(buf, []byte("\n\n")); i >= 0 && (end < 0 || i+2 < end) {
		end = i + 2
	}
	if end < 0 || end > maxHead {
		return nil
	}
	head := append([]byte(nil), buf[:end]...)
	br.Discard(end)
	return head
}

// fields lists a head's header fields in order and letter case, the start line left
// out. A line without a colon is kept as a name with an empty value, so nothing
// received goes missing from the record.
func fields(head []byte) (start string, hs []requests.Header) {
	// One string for the whole head: every name and value is a slice of it.
	text := strings.TrimRight(string(head), "\r\n")
	start, rest, _ := strings.Cut(text, "\n")
	start = strings.TrimSuffix(start, "\r")
	if rest != "" {
		hs = make([]requests.Header, 0, strings.Count(rest, "\n")+1)
	}
	for rest != "" {
		var l string
		l, rest, _ = strings.Cut(rest, "\n")
		l = strings.TrimSuffix(l, "\r")
		if l == "" {
			continue
		}
		if (l[0] == ' ' || l[0] == '\t') && len(hs) > 0 {
			// obs-fold (RFC 9112 §5.2): a continuation of the previous value.
			hs[len(hs)-1].Value += " " + strings.TrimSpace(l)
			continue
		}
		name, value, _ := strings.Cut(l, ":")
		hs = append(hs, requests.Header{Name: name, Value: strings.TrimSpace(value)})
	}
	return start, hs
}

// hasToken says a comma-separated header (Connection, Transfer-Encoding) lists tok.
// Names and tokens fold in ASCII only, as origins read them (see headers.Field.Is).
func hasToken(hs []requests.Header, name, tok string) bool {
	return headers.List(hs).HasToken(name, tok)
}

// framing is how a message body ends (RFC 9112 §6.3).
type framing struct {
	chunked bool
	length  int64 // with !chunked: -1 means until the connection closes
}

// bodyFraming reads the framing from a head's fields; a request without either
// header has no body. Conflicting or bad lengths are an error: forwarding a message
// whose end the two sides may read differently is how requests get smuggled.
func bodyFraming(hs []requests.Header, isRequest bool) (framing, error) {
	// One pass over the fields; the lists are made only when a message has
	// either header more than once (rare), so the usual message allocates nothing.
	var te, cl []string
	var te1, cl1 string
	var nte, ncl int
	for _, h := range hs {
		f := headers.Field{Name: h.Name}
		switch {
		case f.Is("Transfer-Encoding"):
			if nte++; nte == 1 {
				te1 = h.Value
			} else {
				te = append(te, h.Value)
			}
		case f.Is("Content-Length"):
			if ncl++; ncl == 1 {
				cl1 = h.Value
			} else {
				cl = append(cl, h.Value)
			}
		}
	}
	if nte > 0 {
		if ncl > 0 {
			return framing{}, errors.New("both Transfer-Encoding and Content-Length")
		}
		// Empty members are ignored (RFC 9110 §5.6.1); a coding folds like a
		// name, in ASCII only, so "chun\u212aed" (a Kelvin sign) is not chunked.
		if te != nil {
			te1 = strings.Join(append([]string{te1}, te...), ",")
		}
		var buf [4]string
		codings := headers.AppendTokens(buf[:0], te1)
		if len(codings) == 0 || !(headers.Field{Name: codings[len(codings)-1]}).Is("chunked") {
			if isRequest {
				return framing{}, errors.New("Transfer-Encoding without chunked last")
			}
			return framing{length: -1}, nil
		}
		return framing{chunked: true}, nil
	}
	if ncl > 0 {
		v1 := strings.TrimSpace(cl1)
		n, err := strconv.ParseInt(v1, 10, 64)
		if strings.TrimLeft(v1, "0123456789") != "" {
			err = errors.New("not digits") // ParseInt takes a sign, which origins may not
		}
		for _, v := range cl {
			if strings.TrimSpace(v) != v1 {
				err = errors.New("differing Content-Length values")
			}
		}
		if err != nil || n < 0 {
			return framing{}, fmt.Errorf("bad Content-Length %q", cl1)
		}
		return framing{length: n}, nil
	}
	if isRequest {
		return framing{}, nil
	}
	return framing{length: -1}, nil
}

// copyBody copies one message body from src to dst byte for byte, framing
// included, and hands the payload (chunk framing removed) to keep. It returns the
// payload length. A short read is io.ErrUnexpectedEOF; a write error is wrapped in
// writeError so the caller can tell which side failed.
func copyBody(dst *bufio.Writer, src *bufio.Reader, f framing, keep *kept, buf []byte) (int64, error) {
	if !f.chunked {
		if f.length < 0 {
			return copyPayload(dst, src, -1, keep, buf)
		}
		return copyPayload(dst, src, f.length, keep, buf)
	}
	var total int64
	for {
		line, err := readLine(src)
		if err != nil {
			return total, err
		}
		sizeText, _, _ := strings.Cut(strings.TrimSpace(string(line)), ";")
		sizeText = strings.TrimSpace(sizeText)
		size, err := strconv.ParseInt(sizeText, 16, 64)
		if err != nil || strings.TrimLeft(sizeText, "0123456789abcdefABCDEF") != "" {
			// ParseInt takes a sign, which an origin may read differently.
			return total, fmt.Errorf("bad chunk size line %q", strings.TrimSpace(string(line)))
		}
		if _, err := dst.Write(line); err != nil {
			return total, writeError{err}
		}
		if size == 0 {
			// Trailer section, through its empty line.
			for {
				line, err := readLine(src)
				if err != nil {
					return total, err
				}
				if _, err := dst.Write(line); err != nil {
					return total, writeError{err}
				}
				if strings.TrimRight(string(line), "\r\n") == "" {
					return total, nil
				}
			}
		}
		keep.expect(size) // the first chunk's size is the best guess there is
		n, err := copyPayload(dst, src, size, keep, buf)
		total += n
		if err != nil {
			return total, err
		}
		crlf, err := readLine(src)
		if err != nil {
			return total, err
		}
		if _, err := dst.Write(crlf); err != nil {
			return total, writeError{err}
		}
	}
}

// copyPayload copies n bytes (all until EOF when n < 0) and hands them to keep.
// Bytes the record has room for are read straight into it and written on from
// there, so the forward path copies them once; the rest go through buf, so memory
// stays one buffer whatever the body's size, and a slow reader on dst slows the
// reads from src: that is the backpressure. dst is flushed whenever src has
// nothing buffered, so a body that trickles (server-sent events) is passed on as
// it comes.
func copyPayload(dst *bufio.Writer, src *bufio.Reader, n int64, keep *kept, buf []byte) (int64, error) {
	var total int64
	for n < 0 || total < n {
		want := int64(len(buf))
		if n >= 0 {
			want = min(want, n-total)
		}
		into, inRecord := keep.room(int(want)), true
		if into == nil {
			into, inRecord = buf[:want], false
		}
		r, rerr := src.Read(into)
		if r > 0 {
			if inRecord {
				keep.took(r)
			} else {
				keep.Write(into[:r])
			}
			if _, err := dst.Write(into[:r]); err != nil {
				return total, writeError{err}
			}
			total += int64(r)
			if src.Buffered() == 0 {
				if err := dst.Flush(); err != nil {
					return total, writeError{err}
				}
			}
		}
		if rerr == io.EOF {
			if n < 0 {
				return total, nil
			}
			return total, io.ErrUnexpectedEOF
		}
		if rerr != nil {
			return total, rerr
		}
	}
	return total, nil
}

func readLine(br *bufio.Reader) ([]byte, error) {
	var line []byte
	for {
		part, err := br.ReadSlice('\n')
		line = append(line, part...)
		if err == nil {
			return line, nil
		}
		if err != bufio.ErrBufferFull {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
		if len(line) > maxLine {
			return nil, errors.New("chunk line too long")
		}
	}
}

// writeError marks a failure to write to the other side, as opposed to reading.
type writeError struct{ err error }

func (e writeError) Error() string { return e.err.Error() }
func (e writeError) Unwrap() error { return e.err }
