package requests

import (
	"context"
	"crypto/tls"
	"encoding/base64"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"sync"
	"time"
)

// idleTimeout is how long a kept-alive connection waits in the pool.
const idleTimeout = 90 * time.Second

// wconn is one HTTP/1.1 connection: plain, TLS, or a tunnel through a proxy.
type wconn struct {
	net.Conn
	rd     *msgReader
	key    string
	reused bool
	idleAt time.Time
}

// pool keeps idle connections per origin and proxy, at most maxIdle each.
type pool struct {
	mu   sync.Mutex
	idle map[string][]*wconn
}

const maxIdle = 4

func (p *pool) get(key string) *wconn {
	p.mu.Lock()
	defer p.mu.Unlock()
	for l := p.idle[key]; len(l) > 0; l = p.idle[key] {
		c := l[len(l)-1]
		p.idle[key] = l[:len(l)-1]
		if time.Since(c.idleAt) < idleTimeout {
			c.reused = true
			return c
		}
		c.Close()
	}
	return nil
}

func (p *pool) put(c *wconn) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.idle == nil {
		p.idle = map[string][]*wconn{}
	}
	if len(p.idle[c.key]) >= maxIdle {
		c.Close()
		return
	}
	c.idleAt = time.Now()
	p.idle[c.key] = append(p.idle[c.key], c)
}

func (p *pool) closeAll() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for k, l := range p.idle {
		for _, c := range l {
			c.Close()
		}
		delete(p.idle, k)
	}
}

// route says how to reach a target: directly, or through a proxy.
type route struct {
	proxy    *url.URL // nil: direct
	absolute bool     // plain http through a proxy: the absolute URL goes on the request line
	auth     string   // Proxy-Authorization from the proxy URL's user:password
}

// routeFor asks the Options' proxy function (the environment's HTTP_PROXY,
// HTTPS_PROXY and NO_PROXY by default) how to reach t.
func (c *Client) routeFor(t target) (route, error) {
	proxy := c.opts.Proxy
	if proxy == nil {
		if !proxyInEnvironment() {
			return route{}, nil // what ProxyFromEnvironment would answer, without its set-up
		}
		proxy = http.ProxyFromEnvironment
	}
	pu, err := proxy(&http.Request{Method: "GET", URL: t.u, Host: t.authority, Header: http.Header{}})
	if err != nil || pu == nil {
		return route{}, err
	}
	r := route{proxy: pu, absolute: t.u.Scheme == "http"}
	if pu.User != nil {
		r.auth = "Basic " + base64.StdEncoding.EncodeToString([]byte(pu.User.String()))
	}
	return r, nil
}

// proxyInEnvironment reports whether a variable that http.ProxyFromEnvironment
// reads names a proxy; without one it answers "direct" for every request. Read
// once, as ProxyFromEnvironment reads the environment once.
var proxyInEnvironment = sync.OnceValue(func() bool {
	for _, v := range []string{"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy"} {
		if os.Getenv(v) != "" {
			return true
		}
	}
	return false
})

// dial opens a connection to t along rt, recording the phases in tm: DNS, connect,
// the CONNECT tunnel (counted as connect), TLS.
func (c *Client) dial(ctx context.Context, t target, rt route, tm *phaseClock) (*wconn, error) {
	addr := t.addr
	if rt.proxy != nil {
		port := rt.proxy.Port()
		if port == "" {
			port = map[string]string{"https": "443"}[rt.proxy.Scheme]
			if port == "" {
				port = "80"
			}
		}
		addr = net.JoinHostPort(rt.proxy.Hostname(), port)
	}
	host, port, _ := net.SplitHostPort(addr)
	ip := net.ParseIP(host)
	if ip == nil {
		tm.enter(phaseDNS)
		ips, err := c.resolver().LookupIPAddr(ctx, host)
		if err != nil {
			return nil, err
		}
		if len(ips) == 0 {
			return nil, &net.DNSError{Err: "no addresses", Name: host}
		}
		ip = ips[0].IP
	}
	tm.enter(phaseConnect)
	d := net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
	raw, err := d.DialContext(ctx, "tcp", net.JoinHostPort(ip.String(), port))
	if err != nil {
		return nil, err
	}
	conn := raw
	if rt.proxy != nil && rt.proxy.Scheme == "https" {
		tm.enter(phaseTLS)
		tc := tls.Client(conn, c.tlsConfig(rt.proxy.Hostname()))
		if err := tc.HandshakeContext(ctx); err != nil {
			raw.Close()
			return nil, err
		}
		conn = tc
	}
	wc := &wconn{Conn: conn, key: connKey(t, rt)}
	wc.rd = newMsgReader(wc.Conn)
	if rt.proxy != nil && !rt.absolute {
		if err := c.tunnel(ctx, wc, t, rt); err != nil {
			conn.Close()
			return nil, err
		}
	}
	if t.u.Scheme == "https" {
		tm.enter(phaseTLS)
		tc := tls.Client(wc.Conn, c.tlsConfig(t.u.Hostname()))
		stop := context.AfterFunc(ctx, func() { tc.SetDeadline(aLongTimeAgo) })
		err := tc.HandshakeContext(ctx)
		stop()
		if err != nil {
			conn.Close()
			return nil, err
		}
		wc.Conn = tc
		wc.rd = newMsgReader(tc)
	}
	return wc, nil
}

var aLongTimeAgo = time.Unix(1, 0)

func connKey(t target, rt route) string {
	k := t.u.Scheme + "://" + t.addr
	if rt.proxy != nil {
		k += " via " + rt.proxy.String()
	}
	return k
}

func (c *Client) resolver() *net.Resolver {
	if c.opts.Resolver != nil {
		return c.opts.Resolver
	}
	return net.DefaultResolver
}

// tlsConfig offers only HTTP/1.1 over ALPN, so the bytes stay text (HTTP/2 goes
// through net/http, see Options.HTTP2), and sends the host name as SNI.
func (c *Client) tlsConfig(host string) *tls.Config {
	cfg := c.tls.Clone()
	cfg.ServerName = host
	cfg.NextProtos = []string{"http/1.1"}
	return cfg
}

// tunnel asks the proxy for a tunnel to t with CONNECT (RFC 9110 §9.3.6) and reads
// its answer with the same lenient reader as any response.
func (c *Client) tunnel(ctx context.Context, wc *wconn, t target, rt route) error {
	head := "CONNECT " + t.addr + " HTTP/1.1\r\nHost: " + t.addr + "\r\n"
	if rt.auth != "" {
		head += "Proxy-Authorization: " + rt.auth + "\r\n"
	}
	head += "User-Agent: " + c.opts.UserAgent + "\r\n\r\n"
	stop := context.AfterFunc(ctx, func() { wc.Conn.SetDeadline(aLongTimeAgo) })
	defer stop()
	if _, err := wc.Conn.Write([]byte(head)); err != nil {
		return err
	}
	raw, ended, notHTTP, err := wc.rd.readHead()
	if err != nil || !ended || notHTTP {
		return fmt.Errorf("the proxy %s did not answer CONNECT in HTTP (%q): %v", rt.proxy.Host, clipText(string(raw)), err)
	}
	p := parseHeadLenient(raw)
	if p.Status/100 != 2 {
		return fmt.Errorf("the proxy %s refused the tunnel to %s: %d %s", rt.proxy.Host, t.addr, p.Status, p.Reason)
	}
	return nil
}
