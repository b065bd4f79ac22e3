package proxy

import (
	"fmt"
	"os"
	"sync"
)

// kept holds the first max bytes of a body and counts them all: the record of an
// exchange never grows past the cap, whatever crosses the proxy. With dir set, a
// body that goes on past the cap continues into a file there, whole (the first
// bytes included), so memory stays bounded and nothing is lost.
type kept struct {
	b   []byte
	n   int64
	max int64

	dir  string
	f    *os.File
	path string
	err  error // why spooling stopped; the file is then gone

	// pool gives a buffer of the cap's size to a body that fills the cap, and
	// takes it back after Exchange.Release; pooled is the buffer b lives in then.
	// Reused memory spares each large body a fresh megabyte: its page faults and
	// the collections it brings on.
	pool   *recordPool
	pooled *[]byte
}

func (k *kept) Write(p []byte) {
	if k == nil {
		return
	}
	k.n += int64(len(p))
	room := k.max - int64(len(k.b))
	if room > 0 {
		k.b = append(k.b, p[:min(int64(len(p)), room)]...)
	}
	if int64(len(p)) <= room || k.dir == "" || k.err != nil {
		return
	}
	if k.f == nil {
		f, err := os.CreateTemp(k.dir, "httplens-proxy-body-*")
		if err != nil {
			k.fail(err)
			return
		}
		k.f, k.path = f, f.Name()
		// The kept bytes already hold this write's first room bytes.
		if _, err := k.f.Write(k.b[:len(k.b)-int(max(room, 0))]); err != nil {
			k.fail(err)
			return
		}
	}
	if _, err := k.f.Write(p); err != nil {
		k.fail(err)
	}
}

// fail stops spooling and removes the partial file: a record with a cut body is
// better than one that names a file missing its middle.
func (k *kept) fail(err error) {
	k.err = fmt.Errorf("spooling the body past %d bytes: %w", k.max, err)
	if k.f != nil {
		k.f.Close()
		os.Remove(k.path)
		k.f, k.path = nil, ""
	}
}

// close ends the spool file, if any: after it, path names the whole body as it
// crossed the proxy (n bytes).
func (k *kept) close() {
	if k == nil || k.f == nil {
		return
	}
	if err := k.f.Close(); err != nil {
		k.f = nil
		k.fail(err)
		return
	}
	k.f = nil
}

// expect makes room at once for a body of n bytes (up to the cap), so a large
// body costs one allocation rather than a series of growing copies.
func (k *kept) expect(n int64) {
	if k != nil && n > 0 && k.b == nil {
		k.grow(min(n, k.max))
	}
}

// grow moves the kept bytes to a buffer of capacity c: the pool's when c is the
// cap, else a new one.
func (k *kept) grow(c int64) {
	var grown []byte
	if c == k.max && k.pool != nil && k.pooled == nil {
		k.pooled = k.pool.get()
		grown = (*k.pooled)[:len(k.b)]
	} else {
		grown = make([]byte, len(k.b), c)
	}
	copy(grown, k.b)
	k.b = grown
}

// room is up to want bytes of free space at the end of the kept bytes, for a read
// to land in directly (then took says how many did); nil once the cap is reached.
// With the length unknown the space grows as append would grow it.
func (k *kept) room(want int) []byte {
	if k == nil || int64(len(k.b)) >= k.max {
		return nil
	}
	if len(k.b) == cap(k.b) {
		k.grow(min(max(2*int64(cap(k.b)), 32<<10), k.max))
	}
	free := k.b[len(k.b):cap(k.b)]
	return free[:min(len(free), want)]
}

// took keeps the r bytes a read put into room's space.
func (k *kept) took(r int) {
	k.b = k.b[:len(k.b)+r]
	k.n += int64(r)
}

func (k *kept) truncated() bool { return k.n > int64(len(k.b)) }

// releaser gives an exchange's pooled record buffers back, once, however many
// copies of the Exchange call Release.
type releaser struct {
	once sync.Once
	pool *recordPool
	bufs []*[]byte
}

// newReleaser collects the pooled buffers of keeps; nil when there are none.
func newReleaser(pool *recordPool, keeps ...*kept) *releaser {
	var r *releaser
	for _, k := range keeps {
		if k != nil && k.pooled != nil {
			if r == nil {
				r = &releaser{pool: pool}
			}
			r.bufs = append(r.bufs, k.pooled)
		}
	}
	return r
}

func (r *releaser) release() {
	if r == nil {
		return
	}
	r.once.Do(func() {
		for _, b := range r.bufs {
			r.pool.put(b)
		}
	})
}

// recordPool keeps a few released record buffers of the cap's size. Unlike a
// sync.Pool, a buffer released on one thread is found by a connection on any
// other, and what it holds while idle is bounded: recordPoolSize buffers.
type recordPool struct {
	size int64
	free chan *[]byte
}

const recordPoolSize = 4

func newRecordPool(size int64) *recordPool {
	return &recordPool{size: size, free: make(chan *[]byte, recordPoolSize)}
}

func (p *recordPool) get() *[]byte {
	select {
	case b := <-p.free:
		return b
	default:
		b := make([]byte, p.size)
		return &b
	}
}

// put keeps b for a later get, or leaves it to the collector when enough are kept.
func (p *recordPool) put(b *[]byte) {
	select {
	case p.free <- b:
	default:
	}
}
