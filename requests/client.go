package requests

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"strings"
	"syscall"
	"time"
)

// maxHops bounds the redirects followed, as curl and browsers do.
const maxHops = 10

// Client sends requests over its own connection pool. Use NewClient; a Client is safe
// for concurrent use. Call CloseIdleConnections when done with it.
type Client struct {
	opts      Options
	transport *http.Transport // HTTP/2 only (Options.HTTP2), and the benchmark's old path
	tls       *tls.Config
	pool      pool
	netHTTP   bool // send every request through transport (BenchmarkSend's baseline)
}

// NewClient returns a Client that sends with opts.
func NewClient(opts Options) *Client {
	if opts.MaxBody <= 0 {
		opts.MaxBody = DefaultMaxBody
	}
	if opts.UserAgent == "" {
		opts.UserAgent = "httplens"
	}
	proxy := opts.Proxy
	if proxy == nil {
		proxy = http.ProxyFromEnvironment
	}
	dialer := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second, Resolver: opts.Resolver}
	tlsConfig := &tls.Config{InsecureSkipVerify: opts.Insecure} //nolint:gosec // the user asked for it
	t := &http.Transport{
		Proxy:               proxy,
		TLSClientConfig:     tlsConfig,
		DisableCompression:  true, // never add Accept-Encoding behind the user's back
		MaxIdleConnsPerHost: 4,
		// The tap keeps a head up to this size; past it the response is refused.
		MaxResponseHeaderBytes: maxHeadCapture,
		IdleConnTimeout:        90 * time.Second,
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			c, err := dialer.DialContext(ctx, network, addr)
			if err != nil {
				return nil, err
			}
			return &tapConn{Conn: c}, nil
		},
	}
	if !opts.HTTP2 {
		// Doing TLS ourselves lets the tap sit above it and see plaintext; it also
		// keeps the connection on HTTP/1.1, whose bytes are the raw view.
		t.DialTLSContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
			return dialTLS(ctx, dialer, tlsConfig, network, addr)
		}
	} else {
		t.ForceAttemptHTTP2 = true
	}
	return &Client{opts: opts, transport: t, tls: tlsConfig}
}

// dialTLS connects and completes a TLS handshake offering only HTTP/1.1, reporting the
// handshake to the request's trace as the transport would.
func dialTLS(ctx context.Context, d *net.Dialer, base *tls.Config, network, addr string) (net.Conn, error) {
	raw, err := d.DialContext(ctx, network, addr)
	if err != nil {
		return nil, err
	}
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	cfg := base.Clone()
	cfg.ServerName = host
	cfg.NextProtos = []string{"http/1.1"}
	trace := httptrace.ContextClientTrace(ctx)
	if trace != nil && trace.TLSHandshakeStart != nil {
		trace.TLSHandshakeStart()
	}
	tc := tls.Client(raw, cfg)
	err = tc.HandshakeContext(ctx)
	if trace != nil && trace.TLSHandshakeDone != nil {
		trace.TLSHandshakeDone(tc.ConnectionState(), err)
	}
	if err != nil {
		raw.Close()
		return nil, err
	}
	return &tapConn{Conn: tc}, nil
}

// CloseIdleConnections closes connections kept for reuse.
func (c *Client) CloseIdleConnections() {
	c.transport.CloseIdleConnections()
	c.pool.closeAll()
}

// Send sends r with the options of a one-off Client and closes its connections after.
func Send(ctx context.Context, r Request, opts Options) Exchange {
	c := NewClient(opts)
	defer c.CloseIdleConnections()
	return c.Send(ctx, r)
}

// Send sends r and returns the exchange. It never returns early on a status code:
// any response is a result. Cancelling ctx ends the request, body included, at once.
func (c *Client) Send(ctx context.Context, r Request) Exchange {
	if c.opts.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, c.opts.Timeout)
		defer cancel()
	}
	if c.netHTTP || (c.opts.HTTP2 && strings.HasPrefix(strings.ToLower(strings.TrimSpace(r.URL)), "https:")) {
		return c.sendNetHTTP(ctx, r)
	}
	return c.sendH1(ctx, r)
}

// sendNetHTTP sends r through net/http: the HTTP/2 path, whose heads are rebuilt.
func (c *Client) sendNetHTTP(ctx context.Context, r Request) Exchange {
	x := Exchange{Sent: time.Now()}
	tm := newTimer(x.Sent)
	att := &attempts{}
	ctx = httptrace.WithClientTrace(ctx, tm.trace(att))

	req, err := buildRequest(ctx, r, c.opts.UserAgent)
	if err != nil {
		x.Err = err
		x.Request = SentRequest{Method: r.Method, URL: r.URL, Headers: r.Headers, Body: r.Body}
		return x
	}
	client := &http.Client{Transport: c.transport, CheckRedirect: c.checkRedirect(&x), Jar: c.opts.Jar}
	resp, err := client.Do(req)
	x.Request = sentRequest(att.last(), r, resp)
	if err != nil {
		x.Err = describe(ctx, err)
		x.Timing = tm.done(time.Now())
		return x
	}
	x.Received = tm.firstByteTime()
	x.Response = readResponse(resp, att.last(), c.opts, &x.Err)
	if x.Err != nil {
		x.Err = describe(ctx, x.Err)
	}
	x.Timing = tm.done(time.Now())
	return x
}

// checkRedirect records each hop and stops at maxHops, or at once when not following.
func (c *Client) checkRedirect(x *Exchange) func(*http.Request, []*http.Request) error {
	return func(next *http.Request, via []*http.Request) error {
		if !c.opts.FollowRedirects {
			return http.ErrUseLastResponse
		}
		prev := via[len(via)-1]
		hop := Hop{Method: prev.Method, URL: prev.URL.String()}
		if next.Response != nil {
			hop.Status = next.Response.StatusCode
			hop.Location = next.Response.Header.Get("Location")
		}
		x.Hops = append(x.Hops, hop)
		if len(via) >= maxHops {
			return fmt.Errorf("stopped after %d redirects", maxHops)
		}
		return nil
	}
}

// buildRequest turns r into an *http.Request that sends exactly r's headers, in the
// letter case given, and nothing else but what HTTP requires.
func buildRequest(ctx context.Context, r Request, userAgent string) (*http.Request, error) {
	method := r.Method
	if method == "" {
		method = http.MethodGet
	}
	var body io.Reader
	if r.Body != nil {
		body = bytes.NewReader(r.Body)
	}
	req, err := http.NewRequestWithContext(ctx, method, r.URL, body)
	if err != nil {
		return nil, fmt.Errorf("bad request: %w", err)
	}
	if req.URL.Host == "" {
		return nil, fmt.Errorf("bad request: URL %q has no host", r.URL)
	}
	if r.Body == nil {
		req.ContentLength = 0
	}
	hasUA := false
	for _, h := range r.Headers {
		switch http.CanonicalHeaderKey(h.Name) {
		case "Host":
			req.Host = h.Value
		case "User-Agent":
			hasUA = true
			req.Header.Add("User-Agent", h.Value)
		case "Content-Length":
			// Go frames the body itself; a hand-written length is not sent twice.
		case "Transfer-Encoding":
			req.TransferEncoding = append(req.TransferEncoding, strings.TrimSpace(h.Value))
			req.ContentLength = -1
		default:
			// Assigning the map directly keeps the name's letter case on the wire.
			req.Header[h.Name] = append(req.Header[h.Name], h.Value)
		}
	}
	if !hasUA {
		req.Header.Set("User-Agent", userAgent)
	}
	return req, nil
}

// describe turns transport errors into one clear line that says what happened and,
// where there is one, what to do.
func describe(ctx context.Context, err error) error {
	var dnsErr *net.DNSError
	var opErr *net.OpError
	var certErr *tls.CertificateVerificationError
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded) || errors.Is(err, context.DeadlineExceeded):
		return words(context.DeadlineExceeded, "timed out (over HTTP/2)")
	case errors.Is(ctx.Err(), context.Canceled):
		return words(context.Canceled, "cancelled")
	case errors.As(err, &dnsErr):
		return fmt.Errorf("DNS lookup of %s failed: %s", dnsErr.Name, dnsErr.Err)
	case errors.As(err, &certErr):
		return fmt.Errorf("TLS certificate rejected: %s (use --insecure to send anyway)", certProblem(certErr.Err))
	case errors.Is(err, syscall.ECONNRESET):
		return fmt.Errorf("the server reset the connection: %w", err)
	case errors.As(err, &opErr) && opErr.Op == "dial":
		return fmt.Errorf("cannot connect to %v: %v", opErr.Addr, opErr.Err)
	case strings.Contains(err.Error(), "chunk"):
		return fmt.Errorf("invalid chunked encoding from the server: %w", err)
	case strings.Contains(err.Error(), "server response headers exceeded"):
		return fmt.Errorf("the response's header section is larger than %d bytes: %w", maxHeadCapture, err)
	}
	return err
}

// certProblem says in words why a certificate was refused.
func certProblem(err error) string {
	var unknown x509.UnknownAuthorityError
	var invalid x509.CertificateInvalidError
	var host x509.HostnameError
	switch {
	case errors.As(err, &unknown):
		return "signed by an unknown authority"
	case errors.As(err, &invalid) && invalid.Reason == x509.Expired:
		return "expired or not yet valid: " + invalid.Detail
	case errors.As(err, &host):
		return "not valid for this host: " + host.Error()
	}
	return err.Error()
}
