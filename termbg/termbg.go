// Package termbg asks the terminal for its background colour, briefly: the TUI's
// auto theme needs to know dark from light, and nothing else does. A terminal
// that never answers costs the timeout once, at TUI start, and nothing later.
package termbg

import (
	"bytes"
	"errors"
	"os"
	"strconv"
	"time"

	"github.com/charmbracelet/x/term"
	"golang.org/x/sys/unix"
)

// query asks for the background (OSC 11), then for the device attributes (DA1),
// which every terminal answers: its reply ends the wait at once on a terminal
// that ignores OSC 11.
const query = "\x1b]11;?\x1b\\\x1b[c"

// Dark reports whether the terminal on in/out has a dark background. ok is false
// when they are not a terminal or it did not say within timeout.
func Dark(in, out *os.File, timeout time.Duration) (dark, ok bool) {
	fd := in.Fd()
	if !term.IsTerminal(fd) || !term.IsTerminal(out.Fd()) {
		return false, false
	}
	old, err := term.MakeRaw(fd)
	if err != nil {
		return false, false
	}
	defer term.Restore(fd, old)
	if _, err := out.WriteString(query); err != nil {
		return false, false
	}
	var buf []byte
	deadline := time.Now().Add(timeout)
	for {
		left := time.Until(deadline)
		if left <= 0 {
			return false, false
		}
		pfd := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}
		n, err := unix.Poll(pfd, int(left.Milliseconds())+1)
		if errors.Is(err, unix.EINTR) {
			continue
		}
		if err != nil || n == 0 {
			return false, false
		}
		var b [256]byte
		m, err := unix.Read(int(fd), b[:])
		if err != nil || m <= 0 {
			return false, false
		}
		buf = append(buf, b[:m]...)
		if dark, ok, done := Parse(buf); done {
			return dark, ok
		}
		if len(buf) > 4096 { // not a reply to us
			return false, false
		}
	}
}

// Parse reads the terminal's replies so far. done is true once the DA1 reply has
// arrived (the terminal said all it will); ok is true when an OSC 11 colour was
// among them, and dark says whether its lightness is under one half.
func Parse(b []byte) (dark, ok, done bool) {
	if i := bytes.Index(b, []byte("\x1b]11;rgb:")); i >= 0 {
		rest := b[i+len("\x1b]11;rgb:"):]
		end := bytes.IndexAny(rest, "\x07\x1b")
		if end >= 0 {
			if l, good := lightness(string(rest[:end])); good {
				return l < 0.5, true, true
			}
		}
	}
	// DA1 reply: ESC [ ? ... c
	if i := bytes.Index(b, []byte("\x1b[?")); i >= 0 && bytes.IndexByte(b[i:], 'c') > 0 {
		return false, false, true
	}
	return false, false, false
}

// lightness is the HSL lightness of "rrrr/gggg/bbbb" (1 to 4 hex digits each).
func lightness(s string) (float64, bool) {
	parts := bytes.Split([]byte(s), []byte("/"))
	if len(parts) != 3 {
		return 0, false
	}
	lo, hi := 1.0, 0.0
	for _, p := range parts {
		if len(p) == 0 || len(p) > 4 {
			return 0, false
		}
		v, err := strconv.ParseUint(string(p), 16, 16)
		if err != nil {
			return 0, false
		}
		f := float64(v) / float64(uint64(1)<<(4*len(p))-1)
		lo, hi = min(lo, f), max(hi, f)
	}
	return (lo + hi) / 2, true
}
