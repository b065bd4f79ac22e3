package requests

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/httplens/httplens/headers"
)

// sendH1 sends r over HTTP/1.1 written and read by this package, following
// redirects when asked.
func (c *Client) sendH1(ctx context.Context, r Request) Exchange {
	x := Exchange{Sent: time.Now()}
	clk := newPhaseClock(x.Sent)
	if r.Method == "" {
		r.Method = "GET"
	}
	for {
		t, err := parseTarget(r.URL)
		if err != nil {
			x.Err = err
			x.Request = SentRequest{Method: r.Method, URL: r.URL, Proto: "HTTP/1.1", Headers: r.Headers, Body: r.Body}
			break
		}
		var got time.Time
		x.Request, x.Response, got, err = c.roundTrip(ctx, r, t, clk, len(x.Hops))
		if !got.IsZero() {
			x.Received = got
		}
		if err != nil {
			x.Err = describeH1(ctx, err, clk, x.Response, c.opts.Timeout)
			break
		}
		if c.opts.Jar != nil {
			c.opts.Jar.SetCookies(t.u, responseCookies(x.Response.Headers))
		}
		next, ok := redirect(r, t, x.Response)
		if !ok || !c.opts.FollowRedirects {
			break
		}
		x.Hops = append(x.Hops, Hop{Method: x.Request.Method, URL: x.Request.URL, Status: x.Response.Status,
			Location: headers.List(x.Response.Headers).Get("Location"), Request: x.Request, Response: x.Response, Received: x.Received})
		if len(x.Hops) >= maxHops {
			x.Err = errors.New("stopped after 10 redirects")
			break
		}
		r = next
		clk.newHop()
	}
	x.Timing = clk.finish()
	if x.Response != nil && x.Received.IsZero() {
		x.Received = time.Now()
	}
	return x
}

// roundTrip sends one request and reads its response, on a kept-alive connection
// when there is one. A kept-alive connection the server closed while it sat idle
// answers nothing; the request is then sent once more on a new connection.
func (c *Client) roundTrip(ctx context.Context, r Request, t target, clk *phaseClock, hops int) (SentRequest, *Response, time.Time, error) {
	rt, err := c.routeFor(t)
	sent := SentRequest{Method: r.Method, URL: t.full, Proto: "HTTP/1.1", Headers: r.Headers, Body: r.Body}
	if err != nil {
		return sent, nil, time.Time{}, err
	}
	extra := extraHeaders{userAgent: c.opts.UserAgent, proxyAuth: rt.auth}
	if !rt.absolute {
		extra.proxyAuth = "" // a tunnel's credentials went with CONNECT
	}
	if c.opts.Jar != nil {
		extra.cookie = cookieHeader(c.opts.Jar.Cookies(t.u))
	}
	w := newWireRequest(r, t, rt.absolute, extra)
	head := w.head()
	sent = SentRequest{Method: w.method, URL: t.full, Proto: "HTTP/1.1", Headers: w.headers, Added: w.added, Body: r.Body, RawHead: head}
	opts := c.opts
	if opts.Stream != nil {
		opts.tee = func(resp *Response) io.Writer {
			// Final unless sendH1 will follow it: the same test as its loop's.
			_, follow := redirect(r, t, resp)
			return opts.Stream(resp, !follow || !opts.FollowRedirects || hops+1 >= maxHops)
		}
	}
	for attempt := 0; ; attempt++ {
		conn := c.pool.get(connKey(t, rt))
		if conn == nil {
			if conn, err = c.dial(ctx, t, rt, clk); err != nil {
				return sent, nil, time.Time{}, err
			}
		}
		resp, got, keep, err := c.exchangeOn(ctx, conn, w, head, clk, opts)
		if keep {
			c.pool.put(conn)
		} else {
			conn.Close()
		}
		if err != nil && resp == nil && conn.reused && attempt == 0 && ctx.Err() == nil && idempotent(w.method) {
			continue
		}
		return sent, resp, got, err
	}
}

func idempotent(m string) bool {
	switch m {
	case "GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE":
		return true
	}
	return false
}

// expectWait bounds the wait for 100 Continue before the body is sent anyway, as
// curl does (RFC 9110 §10.1.1 lets a client not wait for ever).
const expectWait = time.Second

// exchangeOn writes the request on conn and reads the response. keep says the
// connection can serve another request.
func (c *Client) exchangeOn(ctx context.Context, conn *wconn, w wireRequest, head []byte, clk *phaseClock, opts Options) (resp *Response, got time.Time, keep bool, err error) {
	stop := context.AfterFunc(ctx, func() { conn.Conn.SetDeadline(aLongTimeAgo) })
	defer stop()
	clk.enter(phaseWrite)
	body := w.bodyBytes()
	if w.expect {
		_, err = conn.Write(head)
	} else if len(body) > 0 {
		_, err = (&net.Buffers{head, body}).WriteTo(conn.Conn)
	} else {
		_, err = conn.Write(head)
	}
	if err != nil {
		return nil, got, false, err
	}
	bodySent := !w.expect
	if w.expect {
		conn.SetReadDeadline(time.Now().Add(expectWait))
		_, perr := conn.rd.br.Peek(1)
		conn.SetReadDeadline(time.Time{})
		if ctx.Err() != nil {
			return nil, got, false, ctx.Err()
		}
		if perr != nil {
			var ne net.Error
			if !errors.As(perr, &ne) || !ne.Timeout() {
				return nil, got, false, perr
			}
			if _, err = conn.Write(body); err != nil {
				return nil, got, false, err
			}
			bodySent = true
		}
	}
	clk.enter(phaseWait)
	sendBody := func() error {
		if bodySent {
			return nil
		}
		bodySent = true
		_, err := conn.Write(body)
		return err
	}
	drain := func() { conn.SetReadDeadline(time.Now().Add(drainWindow)) }
	resp, st, err := readWire(conn.rd, w.method, opts, clk, sendBody, drain)
	got = st.firstByte
	keep = err == nil && st.reusable && bodySent
	return resp, got, keep, err
}

// readState is what readWire learned besides the response.
type readState struct {
	firstByte time.Time
	reusable  bool  // the message ended cleanly and the connection stays open
	wire      int64 // bytes consumed from the connection for this response
}

// readWire reads one response (interim 1xx heads included) from rd. It returns
// a Response whenever a byte arrived, with the error that ended it early, if any.
// beforeFinal is called on a 100 Continue (to send a held body); drain is called
// before reading what a closing server still sends after the message.
func readWire(rd *msgReader, method string, opts Options, clk *phaseClock, onContinue func() error, drain func()) (*Response, readState, error) {
	start := rd.consumed()
	resp, st, err := readFrom(rd, method, opts, clk, onContinue, drain)
	st.wire = rd.consumed() - start
	return resp, st, err
}

func readFrom(rd *msgReader, method string, opts Options, clk *phaseClock, onContinue func() error, drain func()) (*Response, readState, error) {
	var st readState
	if _, err := rd.br.Peek(1); err != nil {
		return nil, st, err
	}
	st.firstByte = time.Now()
	clk.enter(phaseTransfer)
	resp := &Response{}
	for {
		head, ended, notHTTP, err := rd.readHead()
		if notHTTP {
			resp, err := readNotHTTP(rd, resp, opts)
			return resp, st, err
		}
		resp.RawHead = append(resp.RawHead, head...)
		p := parseHeadLenient(head)
		resp.Proto, resp.Status, resp.Reason, resp.Headers = p.Proto, p.Status, p.Reason, p.headers
		resp.Problems = append(resp.Problems, p.Problems...)
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return resp, st, &headError{err: err, got: len(resp.RawHead)}
		}
		if !ended {
			return resp, st, &headError{err: io.ErrUnexpectedEOF, got: len(resp.RawHead)}
		}
		if p.Status/100 == 1 && p.Status != 101 {
			if p.Status == 100 && onContinue != nil {
				if err := onContinue(); err != nil {
					return resp, st, err
				}
			}
			continue
		}
		st.reusable = readMessageBody(rd, resp, method, &p, opts, drain)
		resp.Problems = p.Problems
		if resp.Complete {
			return resp, st, nil
		}
		return resp, st, resp.bodyErr
	}
}

// readNotHTTP reads a reply with no status line (HTTP/0.9, or another protocol's
// banner) as a body that runs until the server closes.
func readNotHTTP(rd *msgReader, resp *Response, opts Options) (*Response, error) {
	resp.Problems = []string{"no status line: the reply is not HTTP/1.x (an HTTP/0.9 reply, or another protocol such as SSH or SMTP); its bytes are shown as they came"}
	b, err := (bodyReader{limit: opts.MaxBody, length: -1, progress: opts.Progress, spoolDir: opts.SpoolDir}).read(rd.br)
	resp.setBody(b)
	if err == nil {
		err = errNotHTTP
	}
	return resp, err
}

var errNotHTTP = errors.New("not HTTP")

// readMessageBody reads the body as the head frames it and the bytes after it. It sets
// resp.Complete, or resp.bodyErr with the error that cut it short, and reports
// whether the connection can be used again.
func readMessageBody(rd *msgReader, resp *Response, method string, p *parsedHead, opts Options, drain func()) bool {
	frame, length := bodyFraming(method, p)
	var src io.Reader
	var chunks *chunkedReader
	switch frame {
	case frameNone:
		src = bytes.NewReader(nil)
	case frameLength:
		src = &lengthReader{r: rd.br, left: length}
	case frameChunked:
		chunks = &chunkedReader{BR: rd.br}
		src = chunks
	default:
		src = rd.br
	}
	br := bodyReader{limit: opts.MaxBody, length: length, progress: opts.Progress, spoolDir: opts.SpoolDir}
	if opts.tee != nil && frame != frameNone {
		if br.tee = opts.tee(resp); br.tee != nil {
			// Options says 0 for all and negative for none; bodyReader the reverse.
			br.spoolDir, br.keep = "", max(opts.StreamKeep, 0)
			if opts.StreamKeep == 0 {
				br.keep = -1
			}
			if opts.StreamKeepTo != nil {
				br.keepTo = opts.StreamKeepTo(resp)
			}
		}
	}
	b, err := br.read(src)
	resp.setBody(b)
	resp.Decoded, resp.DecodedTruncated = decode(resp.Headers, resp.Body, opts.MaxBody)
	if chunks != nil {
		for _, f := range chunks.Trailers {
			resp.Trailers = append(resp.Trailers, Header(f))
		}
	}
	closing := announcesClose(resp.RawHead[len(resp.RawHead)-headLen(resp):]) || frame == frameUntilEOF
	switch {
	case err != nil && chunks != nil && len(chunks.Bad) > 0 && !isNetErr(err):
		// What follows broken framing is kept, never dropped.
		resp.Extra = append(chunks.Bad, takeRest(rd, drain)...)
		resp.ExtraNote = "bytes from the broken chunked framing on: not part of a message"
		resp.bodyErr = err
		return false
	case err != nil:
		resp.bodyErr = err
		return false
	case b.truncated:
		resp.Complete = true
		return false
	}
	resp.Complete = true
	if buffered := rd.br.Buffered(); buffered > 0 || closing {
		var extra []byte
		if closing {
			extra = takeRest(rd, drain)
		} else {
			extra, _ = rd.br.Peek(buffered)
			extra = append([]byte(nil), extra...)
			rd.br.Discard(buffered)
		}
		if len(extra) > 0 {
			resp.Extra = extra
			resp.ExtraNote = extraNote(method, resp.Status, frame)
			return false
		}
	}
	return !closing
}

// headLen is the length of the final head at the end of resp.RawHead.
func headLen(resp *Response) int { return len(finalHead(resp.RawHead)) }

func extraNote(method string, status int, frame framing) string {
	switch {
	case method == "HEAD":
		return "bytes after the head of a response to HEAD, which has no content: not part of the message"
	case status == 204 || status == 304:
		return "bytes after the head of a " + http.StatusText(status) + " response, which has no content: not part of the message"
	case frame == frameChunked:
		return "bytes after the last chunk: not part of the message"
	}
	return "bytes past Content-Length: not part of the message"
}

// takeRest reads what the server still sends, up to maxRest bytes and the drain
// window, after the message.
func takeRest(rd *msgReader, drain func()) []byte {
	if drain != nil {
		drain()
	}
	rest, _ := io.ReadAll(io.LimitReader(rd.br, maxRest))
	return rest
}

func isNetErr(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) || errors.Is(err, io.ErrUnexpectedEOF)
}

// lengthReader reads exactly left bytes; an early end is io.ErrUnexpectedEOF.
type lengthReader struct {
	r    io.Reader
	left int64
}

func (l *lengthReader) Read(p []byte) (int, error) {
	if l.left <= 0 {
		return 0, io.EOF
	}
	n, err := l.r.Read(p[:min(int64(len(p)), l.left)])
	l.left -= int64(n)
	switch {
	case err == io.EOF && l.left > 0:
		err = io.ErrUnexpectedEOF
	case l.left == 0:
		// EOF with the last bytes: the caller's buffer, sized to the length, is
		// then never grown just to learn that nothing follows.
		err = io.EOF
	}
	return n, err
}

func (r *Response) setBody(b readBody) {
	r.Body, r.BodyBytes, r.Truncated = b.body, b.n, b.truncated
	r.SpoolPath, r.SpooledBytes = b.spoolPath, b.spooled
}

// headError is an error while reading a head, with the bytes that had arrived.
type headError struct {
	err error
	got int
}

func (e *headError) Error() string { return e.err.Error() }
func (e *headError) Unwrap() error { return e.err }

// redirect returns the request a redirect asks for (RFC 9110 §15.4): 301 and 302
// turn POST into GET as browsers do, 303 turns anything but HEAD into GET, 307 and
// 308 repeat the method and body. Credentials stay with their host.
func redirect(r Request, t target, resp *Response) (Request, bool) {
	switch resp.Status {
	case 301, 302, 303, 307, 308:
	default:
		return r, false
	}
	loc := headers.List(resp.Headers).Get("Location")
	if loc == "" {
		return r, false
	}
	u, err := t.u.Parse(encodeURL(loc))
	if err != nil {
		return r, false
	}
	next := Request{Method: r.Method, URL: u.String(), Body: r.Body}
	if (resp.Status == 303 && r.Method != "HEAD") || ((resp.Status == 301 || resp.Status == 302) && r.Method == "POST") {
		next.Method, next.Body = "GET", nil
	}
	for _, h := range r.Headers {
		n := strings.ToLower(h.Name)
		if next.Body == nil && (n == "content-length" || n == "content-type" || n == "transfer-encoding") {
			continue
		}
		if u.Host != t.u.Host && (n == "authorization" || n == "cookie" || n == "host") {
			continue
		}
		next.Headers = append(next.Headers, h)
	}
	return next, true
}

// responseCookies reads the Set-Cookie fields of a response.
func responseCookies(hs []Header) []*http.Cookie {
	lines := headers.List(hs).Values("Set-Cookie")
	if len(lines) == 0 {
		return nil
	}
	return (&http.Response{Header: http.Header{"Set-Cookie": lines}}).Cookies()
}

// cookieHeader joins the jar's cookies into one Cookie field (RFC 6265 §5.4).
func cookieHeader(cs []*http.Cookie) string {
	parts := make([]string, 0, len(cs))
	for _, c := range cs {
		parts = append(parts, c.Name+"="+c.Value)
	}
	return strings.Join(parts, "; ")
}
