// Package proxy is a recording HTTP proxy. Plain HTTP requests are forwarded with
// their bytes unchanged (the absolute-form request line made origin-form, the
// proxy's own hop-by-hop fields dropped) and recorded as they crossed the proxy in
// both directions; CONNECT is tunnelled and recorded as a tunnel, or, with a CA,
// intercepted: TLS is ended with a leaf certificate made on the fly and the
// decrypted exchanges are recorded like plain ones.
//
// Memory is bounded: the first Options.MaxBody bytes of each body are read straight
// into the record and forwarded from there (one copy), the rest streams through
// one buffer per connection (the whole body goes on into a file in
// Options.SpoolDir when that is set); a client that
// reads slowly slows the reads from the upstream. Connections are capped in number, and
// every read and write must make progress within Options.StallTimeout.
package proxy

import (
	"crypto/tls"
	"errors"
	"net"
	"sync"
	"sync/atomic"
	"time"
)

// Defaults for the zero Options fields.
const (
	DefaultMaxBody      = 1 << 20
	DefaultMaxConns     = 1024
	DefaultStallTimeout = 60 * time.Second
	DefaultIdleTimeout  = 2 * time.Minute
	DefaultDialTimeout  = 10 * time.Second
)

// Options configure a Server. The zero value records nothing, intercepts nothing and
// uses the defaults.
type Options struct {
	// Record receives every finished exchange and tunnel, from the connection's
	// goroutine: it must be safe for concurrent use and should return quickly.
	Record func(Exchange)
	// Filter says which hosts (without port) are recorded; nil records all. Hosts
	// it rejects are still forwarded.
	Filter func(host string) bool
	// Allow says which hosts (without port) the proxy forwards to; nil allows
	// all. Others get 403 and are never dialled.
	Allow func(host string) bool
	// CA, when set, intercepts CONNECT: the proxy ends TLS itself.
	CA *CA
	// UpstreamTLS is the client TLS configuration for intercepted upstreams (its
	// RootCAs, InsecureSkipVerify); nil means the system roots. ServerName is set
	// per connection.
	UpstreamTLS *tls.Config
	// MaxBody is how many body bytes of each direction the record keeps in memory.
	MaxBody int64
	// SpoolDir, when set, is where a recorded body that goes on past MaxBody
	// continues, whole, into a file of its own (Exchange.RequestSpoolPath,
	// Response.SpoolPath); memory still holds at most MaxBody bytes of it.
	SpoolDir string
	// MaxConns caps the client connections served at once; more wait in the
	// listener's backlog.
	MaxConns int
	// StallTimeout bounds the wait for any one read or write in a message.
	StallTimeout time.Duration
	// IdleTimeout bounds the wait for a client's next request, and a tunnel's
	// silence.
	IdleTimeout time.Duration
	// DialTimeout bounds connecting to an upstream.
	DialTimeout time.Duration
}

func (o Options) withDefaults() Options {
	if o.MaxBody <= 0 {
		o.MaxBody = DefaultMaxBody
	}
	if o.MaxConns <= 0 {
		o.MaxConns = DefaultMaxConns
	}
	if o.StallTimeout <= 0 {
		o.StallTimeout = DefaultStallTimeout
	}
	if o.IdleTimeout <= 0 {
		o.IdleTimeout = DefaultIdleTimeout
	}
	if o.DialTimeout <= 0 {
		o.DialTimeout = DefaultDialTimeout
	}
	return o
}

// Server is a proxy. Create it with New, run it with Serve, stop it with Close.
type Server struct {
	opts  Options
	slots chan struct{}

	// recordBufs are buffers of MaxBody bytes for the records of large bodies,
	// back from Exchange.Release.
	recordBufs *recordPool

	mu     sync.Mutex
	conns  map[net.Conn]struct{}
	ln     []net.Listener
	closed bool
	wg     sync.WaitGroup
}

// New returns a proxy with the given options.
func New(opts Options) *Server {
	opts = opts.withDefaults()
	return &Server{opts: opts, slots: make(chan struct{}, opts.MaxConns), conns: map[net.Conn]struct{}{},
		recordBufs: newRecordPool(opts.MaxBody)}
}

// ErrClosed is returned by Serve after Close.
var ErrClosed = errors.New("proxy: closed")

// Serve accepts connections on ln until Close, serving each in its own goroutine,
// at most MaxConns at once.
func (s *Server) Serve(ln net.Listener) error {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return ErrClosed
	}
	s.ln = append(s.ln, ln)
	s.mu.Unlock()
	for {
		s.slots <- struct{}{}
		c, err := ln.Accept()
		if err != nil {
			<-s.slots
			if s.isClosed() {
				return ErrClosed
			}
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				continue
			}
			return err
		}
		if !s.track(c, true) {
			c.Close()
			<-s.slots
			return ErrClosed
		}
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			defer func() { <-s.slots }()
			defer s.track(c, false)
			defer c.Close()
			s.serveConn(c)
		}()
	}
}

func (s *Server) isClosed() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.closed
}

// track adds or removes a live client connection; adding fails once closed.
func (s *Server) track(c net.Conn, add bool) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !add {
		delete(s.conns, c)
		return true
	}
	if s.closed {
		return false
	}
	s.conns[c] = struct{}{}
	return true
}

// Close stops accepting, closes every client connection (which ends their
// exchanges and tunnels) and waits for their goroutines to finish.
func (s *Server) Close() error {
	s.mu.Lock()
	s.closed = true
	for _, ln := range s.ln {
		ln.Close()
	}
	for c := range s.conns {
		c.Close()
	}
	s.mu.Unlock()
	s.wg.Wait()
	return nil
}

// allowed says whether the proxy may connect to host.
func (s *Server) allowed(host string) bool { return s.opts.Allow == nil || s.opts.Allow(host) }

// recorded says whether exchanges with host are recorded.
func (s *Server) recorded(host string) bool {
	return s.opts.Record != nil && (s.opts.Filter == nil || s.opts.Filter(host))
}

// stallConn gives every Read and Write its own deadline, so a peer that stops
// reading or sending cannot hold a goroutine forever. stop makes reads fail at once.
//
// Moving a deadline costs a timer update per call, which at a few microseconds a
// request was a measurable share of the proxy's work on small exchanges; so a
// deadline is moved only when the wanted one is earlier than the one set, or
// later by more than a sixteenth of d. A stalled peer is then cut off between
// 15/16 of d and d after its last progress. Reads and writes keep separate
// records, as a tunnel reads and writes one connection from two goroutines.
type stallConn struct {
	net.Conn
	d    time.Duration
	stop atomic.Bool

	readBy, writeBy time.Time // the deadlines set, zero when none
}

func (c *stallConn) Read(p []byte) (int, error) {
	if c.stop.Load() {
		c.Conn.SetReadDeadline(time.Now())
	} else {
		rearm(c.Conn.SetReadDeadline, &c.readBy, c.d)
	}
	return c.Conn.Read(p)
}

func (c *stallConn) Write(p []byte) (int, error) {
	rearm(c.Conn.SetWriteDeadline, &c.writeBy, c.d)
	return c.Conn.Write(p)
}

// rearm sets the deadline d from now through set unless *by is close enough.
func rearm(set func(time.Time) error, by *time.Time, d time.Duration) {
	want := time.Now().Add(d)
	if want.Before(*by) || want.Sub(*by) > d/16 {
		set(want)
		*by = want
	}
}
