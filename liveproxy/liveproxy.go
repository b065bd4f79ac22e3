// Package liveproxy runs the recording proxy for a live view: every exchange
// that crosses it is kept in the history, explained, and delivered on a channel
// the view reads. The TUI starts one from its palette; it listens on loopback
// only, and Stop ends it cleanly (connections closed, every record stored).
package liveproxy

import (
	"context"
	"net"
	"sync/atomic"

	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/proxy"
	"github.com/httplens/httplens/traffic"
)

// Session is a running recording proxy. Make it with Start; call Stop once.
type Session struct {
	// Addr is the address listened on (127.0.0.1:port).
	Addr string

	srv      *proxy.Server
	served   chan struct{} // closed when Serve has returned
	records  chan proxy.Exchange
	live     chan traffic.Exchange
	done     chan struct{} // closed by Stop: nobody reads live any more
	recorded chan struct{} // closed when every record is stored
	stored   atomic.Int64
}

// Start listens on addr, which must be a loopback address (127.0.0.1:8888, or
// port 0 for a free one), and forwards and records until Stop. Each exchange is
// added to store (nil keeps nothing), then explained and sent on Live.
func Start(addr string, store *history.Store) (*Session, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return nil, &net.AddrError{Err: "the proxy listens on a loopback address only", Addr: addr}
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	s := &Session{Addr: ln.Addr().String(), served: make(chan struct{}), records: make(chan proxy.Exchange, 256),
		live: make(chan traffic.Exchange, 64), done: make(chan struct{}), recorded: make(chan struct{})}
	// The connections hand records over and go on; one goroutine stores them in
	// arrival order. A full queue slows the connections rather than growing.
	s.srv = proxy.New(proxy.Options{Record: func(x proxy.Exchange) { s.records <- x }})
	go s.keep(store)
	go func() { defer close(s.served); s.srv.Serve(ln) }()
	return s, nil
}

// Live delivers the recorded exchanges, explained, in order; it is closed by Stop.
func (s *Session) Live() <-chan traffic.Exchange { return s.live }

// Stored counts the exchanges added to the history so far.
func (s *Session) Stored() int64 { return s.stored.Load() }

// Stop closes the listener and every connection, waits for what they recorded
// to be stored, and closes Live. Exchanges recorded after the view stopped
// reading are stored only.
func (s *Session) Stop() {
	close(s.done)
	s.srv.Close()
	<-s.served
	close(s.records)
	<-s.recorded
	close(s.live)
}

func (s *Session) keep(store *history.Store) {
	defer close(s.recorded)
	for x := range s.records {
		tx := traffic.FromProxy(x)
		if store != nil {
			if _, err := store.Add(context.Background(), x.Entry()); err != nil {
				tx.Notes = append(tx.Notes, "not kept in the history: "+err.Error())
			} else {
				s.stored.Add(1)
			}
		}
		select {
		case s.live <- tx:
		case <-s.done:
		}
	}
}
