package requests

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
)

// bodyReader reads a response body into memory up to limit, reporting progress,
// and past the limit either stops (the body is marked truncated) or, with a
// spoolDir, streams the whole body into a temporary file.
type bodyReader struct {
	limit    int64
	length   int64 // Content-Length, or -1
	progress func(done, total int64)
	spoolDir string
	// tee, when set, gets every body byte as it arrives; keep then bounds the
	// bytes also kept in memory (negative: all up to limit).
	tee  io.Writer
	keep int64
	// keepTo, when set with tee, gets the kept bytes instead of the body.
	keepTo io.Writer
}

type readBody struct {
	body      []byte
	n         int64 // body bytes read (len(body) unless streamed and not all kept)
	truncated bool
	spoolPath string
	spooled   int64
}

// read reads r. On a read error it returns what arrived with the error. When the
// length is known it allocates once and never copies.
func (b bodyReader) read(r io.Reader) (readBody, error) {
	if b.tee != nil {
		return b.stream(r)
	}
	size := int64(4096)
	if b.length >= 0 {
		size = min(b.length, b.limit)
	}
	body := make([]byte, 0, size)
	for {
		if int64(len(body)) == b.limit {
			return b.pastLimit(r, body)
		}
		if len(body) == cap(body) {
			body = slices.Grow(body, int(min(int64(max(cap(body), 4096)), b.limit-int64(len(body)))))
		}
		n, err := r.Read(body[len(body):min(int64(cap(body)), b.limit)])
		body = body[:len(body)+n]
		if n > 0 && b.progress != nil {
			b.progress(int64(len(body)), b.length)
		}
		if err == io.EOF {
			return readBody{body: body, n: int64(len(body))}, nil
		}
		if err != nil {
			return readBody{body: body, n: int64(len(body))}, err
		}
	}
}

// streamChunk is the read size when streaming: large enough that a 10 MB body
// costs a few hundred reads and writes, small enough to stay in cache.
const streamChunk = 128 << 10

// stream reads r up to limit through one buffer, writing each piece to tee as it
// arrives and keeping the first keep bytes: the bytes are copied once, socket to
// writer, instead of being gathered first and written after.
func (b bodyReader) stream(r io.Reader) (readBody, error) {
	keep := b.keep
	if keep < 0 || keep > b.limit {
		keep = b.limit
	}
	var out readBody
	if b.length >= 0 && b.keepTo == nil {
		out.body = make([]byte, 0, min(b.length, keep))
	}
	var kept int64
	size := min(streamChunk, max(b.limit, 1))
	if b.length >= 0 {
		size = min(size, max(b.length, 1)) // a small body needs no large buffer
	}
	buf := make([]byte, size)
	for out.n < b.limit {
		n, err := r.Read(buf[:min(int64(len(buf)), b.limit-out.n)])
		if n > 0 {
			if room := keep - kept; room > 0 {
				piece := buf[:min(int64(n), room)]
				if b.keepTo != nil {
					b.keepTo.Write(piece)
				} else {
					out.body = append(out.body, piece...)
				}
				kept += int64(len(piece))
			}
			out.n += int64(n)
			if b.progress != nil {
				b.progress(out.n, b.length)
			}
			if _, werr := b.tee.Write(buf[:n]); werr != nil && err == nil {
				err = &teeError{werr}
			}
		}
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
	}
	// At the limit: find out whether more follows, without spooling or teeing it.
	var probe [1]byte
	n, err := io.ReadFull(r, probe[:])
	if n == 0 {
		if errors.Is(err, io.EOF) {
			err = nil
		}
		return out, err
	}
	out.truncated = true
	return out, nil
}

// teeError is a failed write to Options.Stream's writer (a closed pipe): the
// exchange stops there, as it would on a network error.
type teeError struct{ err error }

func (e *teeError) Error() string { return "writing the body out: " + e.err.Error() }
func (e *teeError) Unwrap() error { return e.err }

// pastLimit is called with a full in-memory body: it finds out whether more follows
// and, when spooling, writes all of it to a file.
func (b bodyReader) pastLimit(r io.Reader, body []byte) (readBody, error) {
	var probe [1]byte
	n, err := io.ReadFull(r, probe[:])
	if n == 0 {
		if errors.Is(err, io.EOF) {
			err = nil
		}
		return readBody{body: body, n: int64(len(body))}, err
	}
	out := readBody{body: body, n: int64(len(body)), truncated: true}
	if b.spoolDir == "" {
		return out, nil
	}
	f, err := os.CreateTemp(b.spoolDir, "httplens-body-*")
	if err != nil {
		return out, fmt.Errorf("spooling the body: %w", err)
	}
	out.spoolPath = f.Name()
	w := &countingWriter{w: f, n: 0, progress: b.progress, total: b.length}
	_, err = w.Write(body)
	if err == nil {
		_, err = w.Write(probe[:])
	}
	if err == nil {
		_, err = io.Copy(w, r)
	}
	out.spooled = w.n
	if cerr := f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("spooling the body: %w", cerr)
	}
	return out, err
}

// countingWriter counts what passes through and reports it as progress.
type countingWriter struct {
	w        io.Writer
	n        int64
	progress func(done, total int64)
	total    int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	if c.progress != nil {
		c.progress(c.n, c.total)
	}
	return n, err
}
