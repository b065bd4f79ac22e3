package requests

import (
	"bytes"
	"net"
	"sync"
	"time"
)

// maxHeadCapture bounds the bytes kept of one head; a server that sends more than
// this before the blank line is broken, and Go's transport refuses it anyway.
const maxHeadCapture = 1 << 20

// capture records, for one request attempt, the request head as written and the
// response heads as read (interim 1xx heads included). Body bytes are not copied:
// the caller reads the body from the response.
type capture struct {
	mu        sync.Mutex
	out       []byte // request head bytes written so far
	outDone   bool
	in        []byte // response head bytes read so far
	inDone    bool
	scanFrom  int           // where to resume looking for the end of a head in in
	rest      []byte        // the first bytes after the final head, up to maxRest
	closes    bool          // the final head says the server closes the connection
	drained   chan struct{} // closed once the connection is closed and drained
	closeOnce sync.Once
}

func newCapture() *capture { return &capture{drained: make(chan struct{})} }

// maxRest bounds the bytes kept after the final head. They let Send see bytes a
// server wrongly sent after a message that ends at its head (204, 304, HEAD) or
// past its Content-Length, which the transport itself discards.
const maxRest = 64 << 10

// wrote records bytes written to the connection until the request head is complete.
func (c *capture) wrote(p []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.outDone {
		return
	}
	start := max(len(c.out)-3, 0)
	c.out = append(c.out, p...)
	if i := bytes.Index(c.out[start:], crlfcrlf); i >= 0 {
		c.out = c.out[:start+i+4]
		c.outDone = true
	} else if len(c.out) > maxHeadCapture {
		c.outDone = true
	}
}

var crlfcrlf = []byte("\r\n\r\n")

// read records bytes read from the connection until a final (non-1xx) head ends.
func (c *capture) read(p []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.inDone {
		if room := maxRest - len(c.rest); room > 0 {
			c.rest = append(c.rest, p[:min(room, len(p))]...)
		}
		return
	}
	c.in = append(c.in, p...)
	for !c.inDone {
		end := headEnd(c.in[c.scanFrom:])
		if end < 0 {
			if len(c.in) > maxHeadCapture {
				c.inDone = true
			}
			return
		}
		headStart := c.scanFrom
		c.scanFrom += end
		if !isInterim(c.in[headStart:c.scanFrom]) {
			extra := c.in[c.scanFrom:]
			c.rest = append(c.rest, extra[:min(maxRest, len(extra))]...)
			c.in = c.in[:c.scanFrom]
			c.inDone = true
			c.closes = announcesClose(c.in[headStart:])
		}
	}
}

// headEnd returns the length of the head at the start of b including its final
// empty line (CRLF CRLF, or bare LF LF which Go's reader also accepts), or -1.
func headEnd(b []byte) int {
	for i := 0; i < len(b); i++ {
		if b[i] != '\n' {
			continue
		}
		rest := b[i+1:]
		if len(rest) >= 1 && rest[0] == '\n' {
			return i + 2
		}
		if len(rest) >= 2 && rest[0] == '\r' && rest[1] == '\n' {
			return i + 3
		}
	}
	return -1
}

// announcesClose reports whether a response head ends the connection after it:
// Connection: close, or HTTP/1.0 without keep-alive (RFC 9112 §9.3).
func announcesClose(head []byte) bool {
	keepAlive := false
	for rest := head; len(rest) > 0; {
		var line []byte
		line, rest, _ = bytes.Cut(rest, []byte("\n"))
		name, value, ok := bytes.Cut(line, []byte(":"))
		if !ok || !bytes.EqualFold(bytes.TrimSpace(name), []byte("Connection")) {
			continue
		}
		for len(value) > 0 {
			var opt []byte
			opt, value, _ = bytes.Cut(value, []byte(","))
			opt = bytes.TrimSpace(opt)
			if bytes.EqualFold(opt, []byte("close")) {
				return true
			}
			keepAlive = keepAlive || bytes.EqualFold(opt, []byte("keep-alive"))
		}
	}
	return bytes.HasPrefix(head, []byte("HTTP/1.0 ")) && !keepAlive
}

// isInterim reports whether a response head has a 1xx status other than 101, which
// is followed by another head on the same connection.
func isInterim(head []byte) bool {
	sp := bytes.IndexByte(head, ' ')
	if sp < 0 || len(head) < sp+4 {
		return false
	}
	code := head[sp+1 : sp+4]
	return code[0] == '1' && !bytes.Equal(code, []byte("101"))
}

// snapshot returns what was captured so far. Captured bytes are only ever appended,
// never rewritten, so the slices (capped at their length) stay valid without a copy.
func (c *capture) snapshot() (reqHead, respHead, rest []byte, complete bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.out[:len(c.out):len(c.out)], c.in[:len(c.in):len(c.in)], c.rest[:len(c.rest):len(c.rest)], c.inDone
}

// tapConn is a net.Conn that copies request and response head bytes into the
// capture currently attached to it. A keep-alive connection serves one request at a
// time, and the attempt attaches its own capture (from httptrace.GotConn) before it
// writes, so every byte lands in the capture of the request it belongs to.
type tapConn struct {
	net.Conn
	mu  sync.Mutex
	cap *capture
}

func (t *tapConn) attach(c *capture) {
	t.mu.Lock()
	t.cap = c
	t.mu.Unlock()
}

func (t *tapConn) current() *capture {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.cap
}

func (t *tapConn) Read(p []byte) (int, error) {
	n, err := t.Conn.Read(p)
	if n > 0 {
		if c := t.current(); c != nil {
			c.read(p[:n])
		}
	}
	return n, err
}

// drainWindow bounds how long Close keeps reading a connection the server is about
// to close, to collect bytes it sent after the end of the message.
const drainWindow = 250 * time.Millisecond

// Close reads what the server still sends, for at most drainWindow and maxRest
// bytes, before closing: the transport closes a Connection: close response as soon
// as the message ends, and bytes a broken server sent after it (content on a 204,
// bytes past Content-Length) would otherwise never be seen. It then signals the
// capture that nothing more will come.
func (t *tapConn) Close() error {
	c := t.current()
	if c == nil {
		return t.Conn.Close()
	}
	c.mu.Lock()
	drain := c.inDone && c.closes
	c.mu.Unlock()
	if drain {
		t.Conn.SetReadDeadline(time.Now().Add(drainWindow))
		buf := make([]byte, 4096)
		for got := 0; got < maxRest; {
			n, err := t.Conn.Read(buf)
			c.read(buf[:n])
			got += n
			if err != nil {
				break
			}
		}
	}
	err := t.Conn.Close()
	c.closeOnce.Do(func() { close(c.drained) })
	return err
}

func (t *tapConn) Write(p []byte) (int, error) {
	if c := t.current(); c != nil {
		c.wrote(p)
	}
	return t.Conn.Write(p)
}
