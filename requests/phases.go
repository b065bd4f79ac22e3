package requests

import (
	"sync"
	"time"
)

// Phases is a set of timing phases; Timing.Happened says which took place.
type Phases uint8

// The phases of an exchange, in order. Redirects is the time spent on the hops
// before the final one.
const (
	PhaseDNS Phases = 1 << iota
	PhaseConnect
	PhaseTLS
	PhaseWrite
	PhaseWait
	PhaseTransfer
	PhaseRedirects
)

// Has reports whether every phase of q is in p.
func (p Phases) Has(q Phases) bool { return p&q == q }

// PhaseTime is one row of a timing table.
type PhaseTime struct {
	Name     string
	Duration time.Duration
	// Happened is false for a phase that did not take place (no DNS for an IP
	// address, no TLS for http, no connect on a reused connection): show "—".
	Happened bool
}

// List returns the phases in order. For an exchange sent by the HTTP/1.1 path their
// durations add up to Total exactly: each phase runs from the end of the one before.
func (t Timing) List() []PhaseTime {
	rows := []PhaseTime{
		{"DNS", t.DNS, t.Happened.Has(PhaseDNS)},
		{"Connect", t.Connect, t.Happened.Has(PhaseConnect)},
		{"TLS", t.TLS, t.Happened.Has(PhaseTLS)},
		{"Request sent", t.Write, t.Happened.Has(PhaseWrite)},
		{"Waiting", t.TTFB, t.Happened.Has(PhaseWait)},
		{"Transfer", t.Transfer, t.Happened.Has(PhaseTransfer)},
	}
	if t.Happened.Has(PhaseRedirects) {
		rows = append([]PhaseTime{{"Redirects", t.Redirects, true}}, rows...)
	}
	return rows
}

// phase indexes phaseClock's durations.
type phase int

const (
	phaseDNS phase = iota
	phaseConnect
	phaseTLS
	phaseWrite
	phaseWait
	phaseTransfer
	numPhases
	phaseNone phase = -1
)

// phaseNames say in words where an exchange was when it failed.
var phaseNames = [numPhases]string{
	"looking up the host name", "connecting", "in the TLS handshake",
	"sending the request", "waiting for the first byte of the response", "reading the response",
}

// phaseClock measures contiguous phases: entering one ends the one before, so the
// durations add up to the total. The time before the first phase (building the
// request) counts in the first phase entered.
type phaseClock struct {
	mu        sync.Mutex
	start     time.Time
	cur       phase
	curStart  time.Time
	d         [numPhases]time.Duration
	did       [numPhases]bool
	redirects time.Duration
	hops      bool
}

func newPhaseClock(start time.Time) *phaseClock {
	return &phaseClock{start: start, cur: phaseNone, curStart: start}
}

// enter ends the current phase and starts p.
func (c *phaseClock) enter(p phase) {
	now := time.Now()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cur != phaseNone {
		c.d[c.cur] += now.Sub(c.curStart)
		c.curStart = now
	}
	c.cur = p
	c.did[p] = true
}

// current is the phase the exchange is in.
func (c *phaseClock) current() phase {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.cur
}

// newHop moves the phases measured so far into Redirects: a redirect is followed.
func (c *phaseClock) newHop() {
	now := time.Now()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cur != phaseNone {
		c.d[c.cur] += now.Sub(c.curStart)
	}
	for i := range c.d {
		c.redirects += c.d[i]
	}
	c.d, c.did = [numPhases]time.Duration{}, [numPhases]bool{}
	c.cur, c.curStart, c.hops = phaseNone, now, true
}

// finish ends the current phase and returns the timing.
func (c *phaseClock) finish() Timing {
	now := time.Now()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cur != phaseNone {
		c.d[c.cur] += now.Sub(c.curStart)
		c.curStart = now
	}
	t := Timing{DNS: c.d[phaseDNS], Connect: c.d[phaseConnect], TLS: c.d[phaseTLS], Write: c.d[phaseWrite],
		TTFB: c.d[phaseWait], Transfer: c.d[phaseTransfer], Redirects: c.redirects, Total: c.curStart.Sub(c.start)}
	if c.cur == phaseNone {
		t.Total = now.Sub(c.start)
	}
	for i, did := range c.did {
		if did {
			t.Happened |= 1 << i
		}
	}
	if c.hops {
		t.Happened |= PhaseRedirects
	}
	return t
}
