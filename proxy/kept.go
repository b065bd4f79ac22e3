package proxy

import (
	"fmt"
	"os"
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
		k.b = make([]byte, 0, min(n, k.max))
	}
}

// room is up to want bytes of free space at the end of the kept bytes, for a read
// to land in directly (then took says how many did); nil once the cap is reached.
// With the length unknown the space grows as append would grow it.
func (k *kept) room(want int) []byte {
	if k == nil || int64(len(k.b)) >= k.max {
		return nil
	}
	if len(k.b) == cap(k.b) {
		grown := make([]byte, len(k.b), min(max(2*int64(cap(k.b)), 32<<10), k.max))
		copy(grown, k.b)
		k.b = grown
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
