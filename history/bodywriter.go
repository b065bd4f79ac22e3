package history

import (
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"hash"
	"io"
	"sync"
)

// A command that streams a large body to its output used to keep the body's
// first MaxBody bytes (2 MiB by default) in memory for Add, then hash and
// deflate them once the transfer was over. On the machine that measured it,
// fresh memory costs a page fault per 4 KiB, and holding those bytes cost more
// than the hashing (see the package doc). BodyWriter takes the bytes as they
// arrive instead: it hashes each piece as it is written and hands it, in a few
// recycled buffers, to a goroutine that deflates it on the core the transfer
// leaves idle. What is left for the end is the insert.

// pieceSize is the size of the buffers handed to the deflating goroutine, that
// of a streamed read (requests' streamChunk).
const pieceSize = 128 << 10

// BodyWriter prepares a response body for Add while it streams in (see
// requests.Options.StreamKeepTo): it keeps the SHA-256 and the deflated bytes of
// the first MaxBody bytes written, not the bytes themselves. Put it in
// Entry.StreamedBody with an empty Response.Body; Add stores it as it would the
// same bytes in Response.Body (identical bodies once). Writes past MaxBody are
// counted out and dropped. Write never fails. Close it when no more bytes come;
// Add closes it too.
type BodyWriter struct {
	limit int64
	n     int64     // bytes taken, at most limit
	head  []byte    // the first inlineBody bytes: a smaller body stays inline
	sum   hash.Hash // of every byte taken
	cur   []byte    // the piece being filled
	work  chan []byte
	free  chan []byte
	done  chan struct{} // closed once every piece is deflated into out
	once  sync.Once
	out   bytes.Buffer
}

// NewBodyWriter returns a BodyWriter that keeps up to the Store's MaxBody bytes.
func (s *Store) NewBodyWriter() *BodyWriter { return newBodyWriter(s.opts.MaxBody) }

func newBodyWriter(limit int64) *BodyWriter {
	return &BodyWriter{limit: limit, sum: sha256.New(), done: make(chan struct{})}
}

// Write takes p, up to the writer's limit.
func (w *BodyWriter) Write(p []byte) (int, error) {
	n := len(p)
	p = p[:min(int64(len(p)), w.limit-w.n)]
	if len(p) == 0 {
		return n, nil
	}
	w.sum.Write(p)
	before := w.n
	w.n += int64(len(p))
	if before < inlineBody {
		k := min(len(p), inlineBody-int(before))
		w.head = append(w.head, p[:k]...)
		if w.n < inlineBody {
			return n, nil
		}
		// Large enough for the bodies table: deflate from the first byte on.
		w.work, w.free = make(chan []byte, 4), make(chan []byte, 4)
		go w.deflate()
		w.put(w.head)
		p = p[k:]
	}
	w.put(p)
	return n, nil
}

// put copies p into pieces and hands each full one to the deflating goroutine.
func (w *BodyWriter) put(p []byte) {
	for len(p) > 0 {
		if w.cur == nil {
			select {
			case w.cur = <-w.free:
			default:
				w.cur = make([]byte, 0, pieceSize)
			}
		}
		k := copy(w.cur[len(w.cur):cap(w.cur)], p)
		w.cur, p = w.cur[:len(w.cur)+k], p[k:]
		if len(w.cur) == cap(w.cur) {
			w.work <- w.cur
			w.cur = nil
		}
	}
}

// deflate runs until Close, at the fastest level (see compress).
func (w *BodyWriter) deflate() {
	defer close(w.done)
	fw, _ := flate.NewWriter(&w.out, flate.BestSpeed) // only fails on a bad level
	for b := range w.work {
		fw.Write(b) // a bytes.Buffer does not fail
		select {
		case w.free <- b[:0]:
		default:
		}
	}
	fw.Close()
}

// Close ends the body: what was written is all there is. It does not wait for
// the deflating to finish.
func (w *BodyWriter) Close() error {
	w.once.Do(func() {
		if w.work == nil {
			close(w.done)
			return
		}
		if len(w.cur) > 0 {
			w.work <- w.cur
		}
		w.cur = nil
		close(w.work)
	})
	return nil
}

// Len returns the number of bytes kept.
func (w *BodyWriter) Len() int64 { return w.n }

// inline reports whether the body is small enough for its details row; its
// bytes are then head.
func (w *BodyWriter) inline() bool { return w.n < inlineBody }

// ref returns the bodies table reference for a body that is not inline.
func (w *BodyWriter) ref() *bodyRef {
	b := &bodyRef{stream: w}
	w.sum.Sum(b.hash[:0])
	return b
}

// deflated waits for the deflating to finish and returns its output.
func (w *BodyWriter) deflated() []byte {
	w.Close()
	<-w.done
	return w.out.Bytes()
}

// Bytes returns the bytes kept, inflated again when they were deflated: for
// the pending queue, which stores entries as plain bytes.
func (w *BodyWriter) Bytes() ([]byte, error) {
	w.Close()
	if w.inline() {
		return w.head, nil
	}
	return io.ReadAll(flate.NewReader(bytes.NewReader(w.deflated())))
}
