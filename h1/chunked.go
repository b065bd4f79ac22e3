package h1

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// ChunkedReader decodes a chunked body (RFC 9112 §7.1) from BR, leniently: bare LF
// line ends are accepted. It stops at the first framing error and keeps the line
// that caused it in Bad, so no byte is lost. Set BR; the zero value of the rest is
// ready. Trailers holds the trailer fields once the last chunk was read.
type ChunkedReader struct {
	BR       *bufio.Reader
	Trailers []Field
	Bad      []byte
	left     int64 // bytes left in the current chunk
	done     bool
	err      error
}

func (c *ChunkedReader) Read(p []byte) (int, error) {
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
	n, err := c.BR.Read(p[:min(int64(len(p)), c.left)])
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
func (c *ChunkedReader) chunkEnd() error {
	line, err := c.BR.ReadSlice('\n')
	if err != nil {
		c.Bad = append([]byte(nil), line...)
		if err == io.EOF {
			return io.ErrUnexpectedEOF
		}
		return err
	}
	if s := strings.TrimRight(string(line), "\r\n"); s != "" {
		c.Bad = append([]byte(nil), line...)
		return fmt.Errorf("invalid chunked encoding: a chunk is followed by %q instead of CRLF", Clip(s))
	}
	return nil
}

// nextChunk reads a chunk-size line, or the last chunk and the trailer section.
func (c *ChunkedReader) nextChunk() error {
	line, err := c.BR.ReadSlice('\n')
	if err != nil {
		c.Bad = append([]byte(nil), line...)
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
		c.Bad = append([]byte(nil), line...)
		return fmt.Errorf("invalid chunked encoding: expected a chunk size in hex, got %q", Clip(s))
	}
	if n > 0 {
		c.left = n
		return nil
	}
	for { // trailer section, up to the empty line
		line, err := c.BR.ReadSlice('\n')
		if err != nil {
			c.Bad = append([]byte(nil), line...)
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
		c.Trailers = append(c.Trailers, Field{Name: name, Value: strings.TrimSpace(value)})
	}
}
