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

// Session is a running recording proxy. Make it with Start or Serve; call Stop once.
type Session struct {
	// Addr is the address listened on (127.0.0.1:port).
	Addr string

	srv      *proxy.Server
	served   chan struct{} // closed when Serve has returned
	serveErr error         // why Serve returned, read after served is closed
	records  chan proxy.Exchange
	live     chan traffic.Exchange
	done     chan struct{} // closed by Stop: nobody reads live any more
	recorded chan struct{} // closed when every record is stored
	stored   atomic.Int64
}

// Options configure a session made with Serve.
type Options struct {
	// Proxy configures the proxy (filter, allowed hosts, CA, spool folder); its
	// Record is the session's own.
	Proxy proxy.Options
	// Each, when set, is called with every exchange once it is stored, in arrival
	// order, from the session's one delivering goroutine: a slow Each slows the
	// proxy's connections down rather than letting records pile up.
	Each func(Kept)
	// AfterBatch, when set, is called after Each has seen each exchange of a
	// batch stored together, from the same goroutine: the place to flush what
	// Each wrote, so that a busy proxy prints a batch of rows with one write.
	AfterBatch func()
	// Live feeds Live with every exchange, explained; someone must read it
	// until Stop, or the proxy stops recording (it never buffers without bound).
	Live bool
}

// Kept is one exchange as the session stored it.
type Kept struct {
	proxy.Exchange
	// ID is the exchange's id in the history; 0 when it was not stored.
	ID int64
	// StoreErr says why it was not stored, when there was a history to store to.
	StoreErr error
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
	return Serve(ln, store, Options{Live: true}), nil
}

// Serve forwards and records the connections ln accepts until Stop; the caller
// chose the address. Each exchange is added to store (nil keeps nothing), then
// handed to opts.Each and, with opts.Live, explained and sent on Live.
func Serve(ln net.Listener, store *history.Store, opts Options) *Session {
	s := &Session{Addr: ln.Addr().String(), served: make(chan struct{}), records: make(chan proxy.Exchange, 256),
		live: make(chan traffic.Exchange, 64), done: make(chan struct{}), recorded: make(chan struct{})}
	// The connections hand records over and go on; one goroutine stores them in
	// arrival order. A full queue slows the connections rather than growing.
	popts := opts.Proxy
	popts.Record = func(x proxy.Exchange) { s.records <- x }
	s.srv = proxy.New(popts)
	go s.keep(store, opts)
	go func() {
		defer close(s.served)
		if err := s.srv.Serve(ln); err != proxy.ErrClosed {
			s.serveErr = err
		}
	}()
	return s
}

// Done is closed when the proxy stops serving: after Stop, or when accepting
// connections failed (Err says why).
func (s *Session) Done() <-chan struct{} { return s.served }

// Err is why the proxy stopped serving on its own; nil while it serves and after Stop.
func (s *Session) Err() error {
	select {
	case <-s.served:
		return s.serveErr
	default:
		return nil
	}
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

// maxBatch bounds the exchanges stored in one transaction.
const maxBatch = 128

// keep stores the records in arrival order. What queued up while the last batch
// was being written goes into the next one, in one transaction: a commit per
// exchange made the history the proxy's bottleneck under many connections
// (about half the throughput at 200), while a quiet proxy still stores each
// exchange as it comes. Stored batches go on to one delivering goroutine, so
// that explaining and printing a batch (Each, Live) overlaps storing the next
// rather than adding to it: under load the two took about a third and two
// thirds of this path, and the connections wait for it.
func (s *Session) keep(store *history.Store, opts Options) {
	defer close(s.recorded)
	// One batch may wait while one is delivered and one stored: memory stays
	// bounded, and a slow Each still slows the connections down.
	stored := make(chan []Kept, 1)
	delivered := make(chan struct{})
	go func() {
		defer close(delivered)
		for batch := range stored {
			for _, k := range batch {
				s.deliver(k, opts)
			}
			if opts.AfterBatch != nil {
				opts.AfterBatch()
			}
		}
	}()
	defer func() { close(stored); <-delivered }()
	for x := range s.records {
		// Its own slice, as the delivering goroutine reads it after: sized for
		// what is queued now, so a quiet proxy's batches of one stay small.
		batch := make([]Kept, 0, min(maxBatch, len(s.records)+1))
		batch = append(batch, Kept{Exchange: x})
	more:
		for len(batch) < maxBatch {
			select {
			case y, ok := <-s.records:
				if !ok {
					break more
				}
				batch = append(batch, Kept{Exchange: y})
			default:
				break more
			}
		}
		s.store(store, batch)
		stored <- batch
	}
}

// store adds the batch to the history in one transaction; if that fails, each
// exchange is tried on its own, so one bad entry costs only its own record.
func (s *Session) store(store *history.Store, batch []Kept) {
	if store == nil {
		return
	}
	entries := make([]history.Entry, len(batch))
	for i, k := range batch {
		entries[i] = k.Entry()
	}
	if ids, err := store.AddAll(context.Background(), entries); err == nil {
		for i := range batch {
			batch[i].ID = ids[i]
		}
		s.stored.Add(int64(len(batch)))
		return
	}
	for i := range batch {
		if batch[i].ID, batch[i].StoreErr = store.Add(context.Background(), entries[i]); batch[i].StoreErr == nil {
			s.stored.Add(1)
		}
	}
}

// deliver hands one stored exchange to Each and, with Live, to the view.
func (s *Session) deliver(k Kept, opts Options) {
	if opts.Each != nil {
		opts.Each(k)
	}
	if !opts.Live {
		return
	}
	tx := traffic.FromProxy(k.Exchange)
	if k.StoreErr != nil {
		tx.Notes = append(tx.Notes, "not kept in the history: "+k.StoreErr.Error())
	}
	select {
	case s.live <- tx:
	case <-s.done:
	}
}
