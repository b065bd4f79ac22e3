package proxy

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/httplens/httplens/headers"
	"github.com/httplens/httplens/requests"
)

// session serves one client connection: plain, or the decrypted inside of an
// intercepted CONNECT (scheme "https", authority the CONNECT target).
type session struct {
	s         *Server
	conn      *stallConn
	br        *bufio.Reader
	bw        *bufio.Writer
	scheme    string
	authority string
	up        *upstream
}

// upstream is the connection to one origin, kept while the client's requests go to it.
type upstream struct {
	addr string
	conn net.Conn
	br   *bufio.Reader
	bw   *bufio.Writer
}

const bufSize = 32 << 10

// copyBufSize is the buffer bodies are copied through. Larger than the bufio
// buffers so that a big body moves in fewer system calls (bufio passes large reads
// and writes straight through); pooled so that an idle connection holds none.
const copyBufSize = 128 << 10

var copyBufs = sync.Pool{New: func() any { b := make([]byte, copyBufSize); return &b }}

// copyBody is the package's copyBody with a pooled buffer.
func (ss *session) copyBody(dst *bufio.Writer, src *bufio.Reader, f framing, keep *kept) (int64, error) {
	buf := copyBufs.Get().(*[]byte)
	defer copyBufs.Put(buf)
	return copyBody(dst, src, f, keep, *buf)
}

func (s *Server) newSession(c net.Conn, scheme, authority string) *session {
	sc := &stallConn{Conn: c, d: s.opts.StallTimeout}
	return &session{s: s, conn: sc, br: bufio.NewReaderSize(sc, bufSize), bw: bufio.NewWriterSize(sc, bufSize),
		scheme: scheme, authority: authority}
}

func (s *Server) serveConn(c net.Conn) {
	ss := s.newSession(c, "http", "")
	defer ss.dropUpstream()
	ss.loop()
}

// loop serves requests until either side closes or fails.
func (ss *session) loop() {
	for {
		ss.conn.d = ss.s.opts.IdleTimeout
		head, err := readHead(ss.br)
		ss.conn.d = ss.s.opts.StallTimeout
		if errors.Is(err, errHeadTooLarge) {
			ss.reply(431, "Request Header Fields Too Large", "the request head is larger than 1 MiB")
			return
		}
		if err != nil {
			return
		}
		if !ss.serveOne(head) {
			return
		}
	}
}

// serveOne forwards one request and its response; false means close the client.
func (ss *session) serveOne(head []byte) bool {
	start, hs := fields(head)
	method, target, proto, ok := splitRequestLine(start)
	if !ok {
		ss.reply(400, "Bad Request", fmt.Sprintf("not an HTTP/1.x request line: %q", start))
		return false
	}
	if method == "CONNECT" {
		ss.connect(target, head, hs)
		return false
	}
	u, msg := ss.targetURL(target, hs)
	if u == nil {
		ss.reply(400, "Bad Request", msg)
		return false
	}
	x := Exchange{Sent: time.Now(), Intercepted: ss.scheme == "https",
		Request: requests.SentRequest{Method: method, URL: u.String(), Proto: proto, Headers: hs, RawHead: head}}
	record := ss.s.recorded(u.Hostname())
	if !ss.s.allowed(u.Hostname()) {
		ss.reply(403, "Forbidden", u.Hostname()+" is not among the hosts this proxy forwards to")
		ss.finish(record, x, fmt.Errorf("refused: %s is not allowed", u.Hostname()))
		return false
	}
	fr, err := bodyFraming(hs, true)
	if err != nil {
		ss.reply(400, "Bad Request", "request framing: "+err.Error())
		ss.finish(record, x, fmt.Errorf("refused the request: %v", err))
		return false
	}
	clientClose := hasToken(hs, "Connection", "close") || (proto == "HTTP/1.0" && !hasToken(hs, "Connection", "keep-alive"))
	reqKeep, respKeep := ss.keeper(record), ss.keeper(record)
	keepAlive, err := ss.exchange(&x, u, method, proto, head, fr, reqKeep, respKeep)
	reqKeep.close()
	respKeep.close()
	if reqKeep != nil {
		x.Request.Body, x.RequestBodyBytes = reqKeep.b, reqKeep.n
		x.RequestSpoolPath, x.SpoolErr = reqKeep.path, reqKeep.err
	}
	if x.Response != nil && respKeep != nil {
		x.Response.Body, x.Response.BodyBytes, x.Response.Truncated = respKeep.b, int64(len(respKeep.b)), respKeep.truncated()
		x.ResponseBodyBytes = respKeep.n
		if respKeep.path != "" {
			x.Response.SpoolPath, x.Response.SpooledBytes = respKeep.path, respKeep.n
		}
		x.SpoolErr = errors.Join(x.SpoolErr, respKeep.err)
	} else if respKeep != nil && respKeep.path != "" {
		os.Remove(respKeep.path) // no response to hang it on
	}
	x.rel = newReleaser(ss.s.recordBufs, reqKeep, respKeep)
	ss.finish(record, x, err)
	return keepAlive && !clientClose && err == nil
}

func (ss *session) keeper(record bool) *kept {
	if !record {
		return nil
	}
	return &kept{max: ss.s.opts.MaxBody, dir: ss.s.opts.SpoolDir, pool: ss.s.recordBufs}
}

func (ss *session) finish(record bool, x Exchange, err error) {
	x.Done, x.Err = time.Now(), err
	if record {
		ss.s.opts.Record(x)
	}
}

// exchange sends the request upstream and the response back. keepAlive says both
// connections may carry another message.
func (ss *session) exchange(x *Exchange, u *url.URL, method, proto string, head []byte, fr framing, reqKeep, respKeep *kept) (keepAlive bool, err error) {
	addr := hostPort(u)
	var respHead, final []byte
	// A kept upstream connection may have been closed by the origin in between;
	// a request without a body is then tried once more on a new one.
	for attempt := 0; ; attempt++ {
		reused, err := ss.dial(addr, u.Hostname())
		if err != nil {
			ss.replyUpstreamError(u.Host, err)
			return false, fmt.Errorf("upstream %s: %w", u.Host, err)
		}
		respHead, final, err = ss.send(head, method, u, proto, fr, reqKeep)
		if err == nil {
			break
		}
		ss.dropUpstream()
		var ce clientBodyError
		if errors.As(err, &ce) {
			return false, fmt.Errorf("client went away while sending the request body: %w", ce.err)
		}
		if reused && attempt == 0 && fr.length == 0 && !fr.chunked {
			continue
		}
		ss.replyUpstreamError(u.Host, err)
		return false, fmt.Errorf("upstream %s: %w", u.Host, err)
	}
	x.Received = time.Now()
	start, rhs := fields(final)
	rproto, status, reason, ok := splitStatusLine(start)
	x.Response = &requests.Response{Proto: rproto, Status: status, Reason: reason, Headers: rhs, RawHead: respHead}
	if !ok {
		ss.dropUpstream()
		ss.replyUpstreamError(u.Host, fmt.Errorf("not an HTTP/1.x status line: %q", start))
		return false, fmt.Errorf("upstream %s sent %q", u.Host, start)
	}
	rfr := framing{}
	if method != "HEAD" && status != 204 && status != 304 && status >= 200 {
		if rfr, err = bodyFraming(rhs, false); err != nil {
			ss.dropUpstream()
			ss.replyUpstreamError(u.Host, fmt.Errorf("response framing: %v", err))
			return false, fmt.Errorf("upstream %s: response framing: %v", u.Host, err)
		}
	}
	if _, err := ss.bw.Write(final); err != nil {
		ss.dropUpstream()
		return false, fmt.Errorf("client went away: %w", err)
	}
	if status == 101 {
		ss.bw.Flush()
		ss.pipeUpgraded()
		return false, nil
	}
	respKeep.expect(rfr.length)
	n, err := ss.copyBody(ss.bw, ss.up.br, rfr, respKeep)
	if err == nil {
		err = ss.bw.Flush()
		if err != nil {
			err = writeError{err}
		}
	}
	if err != nil {
		ss.dropUpstream()
		var we writeError
		if errors.As(err, &we) {
			return false, fmt.Errorf("client went away after %d body bytes: %w", n, we.err)
		}
		return false, fmt.Errorf("upstream %s failed after %d body bytes: %w", u.Host, n, err)
	}
	if rfr.length < 0 && !rfr.chunked || hasToken(rhs, "Connection", "close") || (rproto == "HTTP/1.0" && !hasToken(rhs, "Connection", "keep-alive")) {
		ss.dropUpstream()
		// A body that ends with the connection must end the client's too.
		return rfr.length >= 0 || rfr.chunked, nil
	}
	return true, nil
}

// send writes the head and body upstream and reads the response head, passing
// interim 1xx heads to the client as they come. It returns every head read, and
// the final one (the end of all).
func (ss *session) send(head []byte, method string, u *url.URL, proto string, fr framing, keep *kept) (all, final []byte, err error) {
	up := ss.up
	writeOutgoingHead(up.bw, head, method, u, proto, ss.scheme == "http")
	if fr.chunked || fr.length > 0 {
		keep.expect(fr.length)
		if _, err := ss.copyBody(up.bw, ss.br, fr, keep); err != nil {
			var we writeError
			if errors.As(err, &we) {
				return nil, nil, we.err // the upstream refused the body
			}
			return nil, nil, clientBodyError{err}
		}
	}
	if err := up.bw.Flush(); err != nil {
		return nil, nil, err
	}
	for {
		h, err := readHead(up.br)
		if err != nil {
			if err == io.EOF {
				err = errors.New("connection closed before a response")
			}
			return nil, nil, err
		}
		code := statusOf(h)
		last := code < 100 || code >= 200 || code == 101
		if last && all == nil {
			return h, h, nil // the usual case: no interim heads, no copy
		}
		all = append(all, h...)
		if last {
			return all, all[len(all)-len(h):], nil
		}
		// 1xx interim heads go to the client at once (100 Continue, 103 Early Hints).
		if _, err := ss.bw.Write(h); err != nil {
			return nil, nil, err
		}
		if err := ss.bw.Flush(); err != nil {
			return nil, nil, err
		}
	}
}

// clientBodyError is a failure reading the request body from the client.
type clientBodyError struct{ err error }

func (e clientBodyError) Error() string {
	return "reading the request body from the client: " + e.err.Error()
}
func (e clientBodyError) Unwrap() error { return e.err }

// dial makes sure ss.up is a connection to addr; reused says it was kept from before.
func (ss *session) dial(addr, host string) (reused bool, err error) {
	if ss.up != nil && ss.up.addr == addr {
		return true, nil
	}
	ss.dropUpstream()
	ctx, cancel := context.WithTimeout(context.Background(), ss.s.opts.DialTimeout)
	defer cancel()
	var d net.Dialer
	c, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return false, err
	}
	if ss.scheme == "https" {
		cfg := &tls.Config{}
		if ss.s.opts.UpstreamTLS != nil {
			cfg = ss.s.opts.UpstreamTLS.Clone()
		}
		cfg.ServerName, cfg.NextProtos = host, []string{"http/1.1"}
		tc := tls.Client(c, cfg)
		if err := tc.HandshakeContext(ctx); err != nil {
			c.Close()
			return false, err
		}
		c = tc
	}
	sc := &stallConn{Conn: c, d: ss.s.opts.StallTimeout}
	ss.up = &upstream{addr: addr, conn: c, br: bufio.NewReaderSize(sc, bufSize), bw: bufio.NewWriterSize(sc, bufSize)}
	return false, nil
}

func (ss *session) dropUpstream() {
	if ss.up != nil {
		ss.up.conn.Close()
		ss.up = nil
	}
}

// reply sends a short text response of the proxy's own and asks the client to close.
func (ss *session) reply(code int, reason, text string) {
	body := "httplens proxy: " + text + "\n"
	fmt.Fprintf(ss.bw, "HTTP/1.1 %d %s\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s",
		code, reason, len(body), body)
	ss.bw.Flush()
}

// replyUpstreamError tells the client why there is no response: 504 when the
// upstream timed out, 400 when the client's own body failed, else 502.
func (ss *session) replyUpstreamError(host string, err error) {
	var ce clientBodyError
	if errors.As(err, &ce) {
		return // the client is gone or broke its own message: nobody to tell
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		ss.reply(504, "Gateway Timeout", fmt.Sprintf("%s did not answer in time: %v", host, err))
		return
	}
	ss.reply(502, "Bad Gateway", fmt.Sprintf("cannot get a response from %s: %v", host, err))
}

// targetURL is the request's absolute URL, or nil and why it cannot be proxied.
func (ss *session) targetURL(target string, hs []requests.Header) (*url.URL, string) {
	if ss.scheme == "https" {
		u, err := url.ParseRequestURI(target)
		if err != nil || !strings.HasPrefix(target, "/") {
			return nil, fmt.Sprintf("request target %q is not origin-form", target)
		}
		u.Scheme, u.Host = "https", ss.authority
		if hosts := headers.List(hs).Values("Host"); len(hosts) == 1 && hosts[0] != "" {
			u.Host = hosts[0]
		}
		return u, ""
	}
	u, err := url.Parse(target)
	switch {
	case err != nil:
		return nil, fmt.Sprintf("request target %q: %v", target, err)
	case u.Scheme == "https":
		return nil, "https URLs go through CONNECT, not as a plain request"
	case u.Scheme != "http" || u.Host == "":
		return nil, fmt.Sprintf("request target %q is not an absolute http:// URL: is the client set up to use this as its proxy?", target)
	}
	return u, ""
}

// writeOutgoingHead writes the head sent upstream to w: the same bytes, but with
// the request line in origin-form for a plain proxied request and without the
// fields meant for the proxy itself (Proxy-Connection, Proxy-Authorization).
// It writes straight into w's buffer, building no copy of the head.
func writeOutgoingHead(w *bufio.Writer, head []byte, method string, u *url.URL, proto string, rewriteLine bool) {
	first := true
	for len(head) > 0 {
		i := bytes.IndexByte(head, '\n')
		line := head[:i+1]
		head = head[i+1:]
		if first {
			first = false
			if rewriteLine {
				w.WriteString(method)
				w.WriteByte(' ')
				w.WriteString(u.RequestURI())
				w.WriteByte(' ')
				w.WriteString(proto)
				w.WriteString("\r\n")
				continue
			}
		}
		if isProxyField(line) {
			continue
		}
		w.Write(line)
	}
}

// isProxyField says a header line is Proxy-Connection or Proxy-Authorization,
// names folded in ASCII only (as headers.Field.Is folds them), white space around
// the name ignored.
func isProxyField(line []byte) bool {
	name, _, _ := bytes.Cut(line, []byte(":"))
	name = bytes.TrimSpace(name)
	return equalFoldASCII(name, "Proxy-Connection") || equalFoldASCII(name, "Proxy-Authorization")
}

func equalFoldASCII(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i := range len(b) {
		x, y := b[i], s[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

func hostPort(u *url.URL) string {
	if u.Port() != "" {
		return u.Host
	}
	if u.Scheme == "https" {
		return net.JoinHostPort(u.Hostname(), "443")
	}
	return net.JoinHostPort(u.Hostname(), "80")
}

func splitRequestLine(line string) (method, target, proto string, ok bool) {
	method, rest, _ := strings.Cut(line, " ")
	target, proto, _ = strings.Cut(rest, " ")
	if method == "" || target == "" || strings.Contains(proto, " ") || !strings.HasPrefix(proto, "HTTP/1.") {
		return "", "", "", false
	}
	return method, target, proto, true
}

func splitStatusLine(line string) (proto string, status int, reason string, ok bool) {
	proto, rest, _ := strings.Cut(line, " ")
	code, reason, _ := strings.Cut(rest, " ")
	n, err := strconv.Atoi(code)
	if err != nil || len(code) != 3 || !strings.HasPrefix(proto, "HTTP/1.") {
		return proto, 0, "", false
	}
	return proto, n, reason, true
}

func statusOf(head []byte) int {
	line, _, _ := bytes.Cut(head, []byte("\n"))
	_, n, _, _ := splitStatusLine(strings.TrimRight(string(line), "\r"))
	return n
}
