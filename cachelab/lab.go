// Package cachelab is an in-process HTTP cache (RFC 9111), private or shared, that
// sits in the request path and says what it did with each exchange and why: stored
// or not, fresh hit, stale and revalidated with a 304, stale and replaced, Vary
// miss, invalidated by an unsafe method, only-if-cached. Its clock can be advanced
// so that a learner sees freshness run out in seconds, and its contents can be
// listed and cleared.
//
// Every store and reuse decision is explain's cache verdict (explain.CacheVerdict,
// the code behind Report.Cache), so the lab does what the explain panel says.
package cachelab

import (
	"context"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/requests"
)

// Label says what the cache did with one request.
type Label string

// The labels, one per exchange.
const (
	FreshHit     Label = "fresh hit"       // served from the store, nothing sent upstream
	StaleHit     Label = "stale hit"       // served stale, allowed by the request's max-stale
	Miss         Label = "miss"            // nothing stored for the key; sent upstream
	VaryMiss     Label = "vary miss"       // stored for the key, but a Vary field differs
	Revalidated  Label = "revalidated"     // stale or no-cache: conditional request, 304, stored copy served
	FullResponse Label = "full response"   // stale or no-cache: the origin sent a new response
	Invalidated  Label = "invalidated"     // an unsafe method's success removed stored copies (§4.4)
	OnlyIfCached Label = "only-if-cached"  // nothing usable stored: 504 without asking the origin
	Pass         Label = "pass"            // not a lookup: the request was forwarded unchanged
	SendFailed   Label = "upstream failed" // the request sent upstream failed
)

// Result is what the lab did with one request: the label and the reasons, the store
// decision, the request it sent upstream and what came back (nil when it sent
// nothing), and the response the client got.
type Result struct {
	Label       Label
	Why         []string // one sentence per step, with the RFC section
	Key         string   // primary key
	Secondary   string   // Vary secondary key of the entry used or stored
	Stored      bool     // the response was stored (or the stored one updated)
	StoreWhy    string   // explain's reason; "" when nothing was decided
	Updated     []string // fields a 304 updated in the stored response (§4.3.4)
	Invalidated []string // the keys whose entries were removed
	// Upstream is the exchange with the origin exactly as it happened; nil for a hit.
	Upstream *requests.Exchange
	// Response is what the client got: the upstream exchange, or the stored
	// response served with an Age field (its head rebuilt, Reconstructed set).
	Response requests.Exchange
	// Explain is the client's response with the lab clock's times, ready for
	// explain.Analyze: the explain panel then speaks in the lab's time.
	Explain explain.Exchange
}

// Config sets up a Lab. Send is required.
type Config struct {
	// Shared makes it a shared cache (a proxy or CDN); false a private one.
	Shared bool
	// Send sends a request to the origin, e.g. a requests.Client's Send.
	Send func(context.Context, requests.Request) requests.Exchange
	// Now is the base clock; nil means time.Now. Advance moves the lab ahead of it.
	Now func() time.Time
}

// Lab is the cache. Make one with New; it is safe for concurrent use.
type Lab struct {
	shared   bool
	send     func(context.Context, requests.Request) requests.Exchange
	base     func() time.Time
	mu       sync.Mutex
	entries  map[string][]*entry // primary key -> variants
	advanced time.Duration
}

// New returns an empty cache.
func New(c Config) *Lab {
	now := c.Now
	if now == nil {
		now = time.Now
	}
	return &Lab{shared: c.Shared, send: c.Send, base: now, entries: map[string][]*entry{}}
}

// Shared reports whether the lab is a shared cache.
func (l *Lab) Shared() bool { return l.shared }

// Now is the lab clock: the base clock plus every Advance.
func (l *Lab) Now() time.Time {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.base().Add(l.advanced)
}

// Advance moves the lab clock ahead by d: every stored response ages by d. Origins
// keep their own clocks, so the lab moves its stored receive times back rather than
// its notion of now; a response fetched later is as old as its Date and Age say.
// The dates the age and lifetime arithmetic reads move with them (shiftDates).
func (l *Lab) Advance(d time.Duration) {
	if d <= 0 {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, list := range l.entries {
		for _, e := range list {
			e.sent, e.received = e.sent.Add(-d), e.received.Add(-d)
			e.fields = shiftDates(e.fields, -d)
		}
	}
	l.advanced += d
}

// Advanced is how far the lab clock is ahead of the base clock.
func (l *Lab) Advanced() time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.advanced
}

// UntilStale is how far to advance the clock for the entry (key, secondary) to turn
// stale: zero when it is stale already; false when there is no such entry.
func (l *Lab) UntilStale(key, secondary string) (time.Duration, bool) {
	for _, e := range l.Entries() {
		if e.Key == key && e.Secondary == secondary {
			return time.Duration(max(0, e.FreshForS)) * time.Second, true
		}
	}
	return 0, false
}

// Entries lists the stored responses, sorted by key, with their freshness now.
func (l *Lab) Entries() []Entry {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.base()
	var out []Entry
	for _, e := range sortedEntries(l.entries) {
		v := explain.CacheVerdict(e.exchange(now), l.shared)
		ve := Entry{Key: e.primary, Secondary: e.secondary, Status: e.resp.Status, StoredAt: e.storedAt,
			AgeS: v.FreshnessLifetimeS - v.FreshForS, LifetimeS: v.FreshnessLifetimeS, Source: v.FreshnessSource,
			Fresh: v.Fresh, FreshForS: v.FreshForS, History: append([]Event(nil), e.history...)}
		if h, ok := e.validator(); ok {
			ve.ValidateBy = h.Name + ": " + h.Value
		}
		out = append(out, ve)
	}
	return out
}

// Clear removes the entry (key, secondary); it reports whether there was one.
func (l *Lab) Clear(key, secondary string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	list := l.entries[key]
	for i, e := range list {
		if e.secondary == secondary {
			l.entries[key] = append(list[:i:i], list[i+1:]...)
			if len(l.entries[key]) == 0 {
				delete(l.entries, key)
			}
			return true
		}
	}
	return false
}

// ClearAll empties the store.
func (l *Lab) ClearAll() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.entries = map[string][]*entry{}
}

// Len is the number of stored responses.
func (l *Lab) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, list := range l.entries {
		n += len(list)
	}
	return n
}

// ExplainEntry is the stored response (key, secondary) as explain reads it at the lab
// clock's now, for explain.Analyze: the explain panel of the cache's view then says
// how old and how fresh it is in the lab's time. false when there is no such entry.
func (l *Lab) ExplainEntry(key, secondary string) (explain.Exchange, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, e := range l.entries[key] {
		if e.secondary == secondary {
			x := e.exchange(l.base())
			x.Response.Body = e.resp.Body
			return x, true
		}
	}
	return explain.Exchange{}, false
}

// shiftDates moves the dated fields an age or a lifetime is computed from (Date,
// Expires, Last-Modified) by d. Moving the receive times alone would lose up to a
// second of age: the apparent age, max(0, received − Date), would drop to zero
// (RFC 9111 §4.2.3), and "advance to stale" would leave the entry fresh. The
// response served keeps its own fields; only the lab's arithmetic reads these.
func shiftDates(fs []explain.Field, d time.Duration) []explain.Field {
	out := make([]explain.Field, len(fs))
	for i, f := range fs {
		out[i] = f
		switch strings.ToLower(f.Name) {
		case "date", "expires", "last-modified":
			if t, err := http.ParseTime(strings.TrimSpace(f.Value)); err == nil {
				out[i].Value = t.Add(d).UTC().Format(http.TimeFormat)
			}
		}
	}
	return out
}
