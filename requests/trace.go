package requests

import (
	"crypto/tls"
	"net/http/httptrace"
	"sync"
	"time"
)

// attempts keeps the capture of each connection use of one Send: one per hop.
type attempts struct {
	mu   sync.Mutex
	caps []*capture
}

func (a *attempts) add(c *capture) {
	a.mu.Lock()
	a.caps = append(a.caps, c)
	a.mu.Unlock()
}

// last returns the capture of the newest attempt, or nil when there was none or its
// connection could not be tapped (HTTP/2).
func (a *attempts) last() *capture {
	a.mu.Lock()
	defer a.mu.Unlock()
	if len(a.caps) == 0 {
		return nil
	}
	return a.caps[len(a.caps)-1]
}

// timer collects the instants httptrace reports. Hooks run on transport goroutines,
// hence the mutex. On redirects each hop overwrites the phases of the one before, so
// the phases describe the final hop and Total the whole exchange.
type timer struct {
	mu                      sync.Mutex
	start                   time.Time
	dnsStart, dnsDone       time.Time
	connStart, connDone     time.Time
	tlsStart, tlsDone       time.Time
	wroteRequest, firstByte time.Time
}

func newTimer(start time.Time) *timer { return &timer{start: start} }

func (t *timer) set(p *time.Time) {
	now := time.Now()
	t.mu.Lock()
	*p = now
	t.mu.Unlock()
}

func (t *timer) trace(att *attempts) *httptrace.ClientTrace {
	return &httptrace.ClientTrace{
		GotConn: func(info httptrace.GotConnInfo) {
			var c *capture
			if tc, ok := info.Conn.(*tapConn); ok {
				c = newCapture()
				tc.attach(c)
			}
			att.add(c)
			if info.Reused {
				// A reused connection has no DNS, connect or TLS phase of its own.
				t.mu.Lock()
				t.dnsStart, t.dnsDone, t.connStart, t.connDone = time.Time{}, time.Time{}, time.Time{}, time.Time{}
				t.tlsStart, t.tlsDone = time.Time{}, time.Time{}
				t.mu.Unlock()
			}
		},
		DNSStart:             func(httptrace.DNSStartInfo) { t.set(&t.dnsStart) },
		DNSDone:              func(httptrace.DNSDoneInfo) { t.set(&t.dnsDone) },
		ConnectStart:         func(string, string) { t.set(&t.connStart) },
		ConnectDone:          func(string, string, error) { t.set(&t.connDone) },
		TLSHandshakeStart:    func() { t.set(&t.tlsStart) },
		TLSHandshakeDone:     func(tls.ConnectionState, error) { t.set(&t.tlsDone) },
		WroteRequest:         func(httptrace.WroteRequestInfo) { t.set(&t.wroteRequest) },
		GotFirstResponseByte: func() { t.set(&t.firstByte) },
	}
}

func (t *timer) firstByteTime() time.Time {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.firstByte.IsZero() {
		return time.Now()
	}
	return t.firstByte
}

// span is b−a when both happened, else zero.
func span(a, b time.Time) time.Duration {
	if a.IsZero() || b.IsZero() || b.Before(a) {
		return 0
	}
	return b.Sub(a)
}

// done computes the phases, with end the moment the body was read or the exchange
// failed.
func (t *timer) done(end time.Time) Timing {
	t.mu.Lock()
	defer t.mu.Unlock()
	tm := Timing{
		DNS:      span(t.dnsStart, t.dnsDone),
		Connect:  span(t.connStart, t.connDone),
		TLS:      span(t.tlsStart, t.tlsDone),
		TTFB:     span(t.wroteRequest, t.firstByte),
		Transfer: span(t.firstByte, end),
		Total:    span(t.start, end),
	}
	// net/http's hooks do not say what was skipped; a phase with no span did not happen.
	for p, d := range map[Phases]time.Duration{PhaseDNS: tm.DNS, PhaseConnect: tm.Connect, PhaseTLS: tm.TLS, PhaseWait: tm.TTFB, PhaseTransfer: tm.Transfer} {
		if d > 0 {
			tm.Happened |= p
		}
	}
	if !t.wroteRequest.IsZero() {
		tm.Happened |= PhaseWrite
	}
	return tm
}
