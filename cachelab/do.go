package cachelab

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/headers"
	"github.com/httplens/httplens/requests"
)

// Do answers the request through the cache: from the store when a stored response
// may be reused, otherwise from the origin (conditionally when it revalidates),
// storing what may be stored and invalidating what an unsafe method changed.
func (l *Lab) Do(ctx context.Context, r requests.Request) Result {
	start := time.Now()
	res := Result{Key: primaryKey(r.Method, r.URL)}
	reqFields := toExplainFields(r.Headers)
	cr := explain.RequestDirectives(reqFields)
	switch {
	case r.Method != "GET" && r.Method != "HEAD":
		res.Why = append(res.Why, r.Method+" is not answered from a cache: the request goes to the origin")
		return l.forward(ctx, r, res, false, "")
	case headers.List(r.Headers).HasAny("If-None-Match", "If-Modified-Since", "If-Match", "If-Unmodified-Since", "If-Range", "Range"):
		res.Label = Pass
		res.Why = append(res.Why, "the request carries its own preconditions or Range; the lab forwards it unchanged and stores nothing")
		return l.sendUpstream(ctx, r, res)
	}

	l.mu.Lock()
	e, varyWhy := l.lookup(res.Key, r.Headers)
	if e == nil {
		l.mu.Unlock()
		switch {
		case cr.OnlyIfCached:
			return l.gatewayTimeout(r, res, "nothing stored matches, and only-if-cached forbids asking the origin: 504 (RFC 9111 §5.2.1.7)")
		case varyWhy != "":
			res.Label = VaryMiss
			res.Why = append(res.Why, varyWhy+" (RFC 9111 §4.1)")
		default:
			res.Label = Miss
			res.Why = append(res.Why, "nothing stored for "+res.Key)
		}
		return l.forward(ctx, r, res, false, "")
	}
	now := l.base()
	res.Secondary = e.secondary
	d := reuseDecision(e.exchange(now), e.rules, cr, l.shared)
	res.Why = append(res.Why, d.Why)
	if d.Serve {
		res.Label = FreshHit
		if d.Stale {
			res.Label = StaleHit
		}
		e.note(now.Add(l.advanced), fmt.Sprintf("%s (age %d s)", res.Label, d.AgeS))
		res.Response = served(e, r, d.AgeS, time.Since(start))
		res.Response.Sent, res.Response.Received = now, now // answered at once, from the store
		res.Explain = l.explainServed(res.Response, now)
		l.mu.Unlock()
		return res
	}
	cond, hasValidator := e.validator()
	l.mu.Unlock()
	if cr.OnlyIfCached {
		return l.gatewayTimeout(r, res, "the stored response needs validation, and only-if-cached forbids asking the origin: 504 (RFC 9111 §5.2.1.7)")
	}
	if !hasValidator {
		res.Why = append(res.Why, "it has no ETag or Last-Modified to validate with, so the request goes upstream unconditionally")
		return l.forward(ctx, r, res, true, res.Secondary)
	}
	res.Why = append(res.Why, "sent upstream with "+cond.Name+": "+cond.Value+" (RFC 9111 §4.3.1)")
	up := r
	up.Headers = append(append([]requests.Header(nil), r.Headers...), cond)
	return l.forward(ctx, up, res, true, res.Secondary)
}

// forward sends r upstream, then applies what came back: a 304 refreshes the stored
// entry when validating the variant secondary, other responses are stored when
// explain says so, and an unsafe method's success invalidates. res carries the
// label and reasons so far.
func (l *Lab) forward(ctx context.Context, r requests.Request, res Result, validating bool, secondary string) Result {
	sent := l.base()
	x := l.send(ctx, r)
	received := l.base()
	res.Upstream = &x
	res.Response = x
	if x.Response == nil {
		res.Label = SendFailed
		return res
	}
	ex := explainOf(x, sent, received)
	res.Explain = ex
	if res.Label == "" {
		res.Label = Pass
	}

	if r.Method != "GET" && r.Method != "HEAD" {
		if uris := explain.CacheInvalidates(ex); len(uris) > 0 {
			res.Invalidated = l.invalidate(uris)
			res.Label = Invalidated
			res.Why = append(res.Why, fmt.Sprintf("a %d to %s invalidates what is stored for %s (RFC 9111 §4.4); removed: %s",
				x.Response.Status, r.Method, strings.Join(uris, " and "), orNone(res.Invalidated)))
		}
	}
	if validating && x.Response.Status == 304 {
		return l.refresh(res, r, x, sent, received, secondary)
	}
	if validating {
		res.Label = FullResponse
		res.Why = append(res.Why, fmt.Sprintf("the origin answered %d with a full response, which replaces the stored one", x.Response.Status))
	}
	res.Stored, res.StoreWhy = StoreDecision(ex, l.shared)
	if res.Stored {
		res.Secondary = l.store(r, x, sent, received)
	}
	return res
}

// refresh applies a 304 to the stored entry (RFC 9111 §4.3.4): the stored response
// takes the 304's fields, except the framing ones, and its times; it is then served.
func (l *Lab) refresh(res Result, r requests.Request, x requests.Exchange, sent, received time.Time, secondary string) Result {
	l.mu.Lock()
	defer l.mu.Unlock()
	var e *entry
	for _, c := range l.entries[res.Key] {
		if c.secondary == secondary {
			e = c
		}
	}
	if e == nil { // cleared while the request was out; the 304 has no body to serve
		res.Label = Pass
		res.Why = append(res.Why, "the stored response was cleared meanwhile, so the 304 is passed on")
		return res
	}
	res.Label = Revalidated
	res.Updated = updateFields(&e.resp, x.Response.Headers)
	e.fields = toExplainFields(e.resp.Headers)
	e.rules = explain.ResponseReuse(e.fields, l.shared)
	e.sent, e.received = sent, received
	res.Stored = true
	res.StoreWhy = "updated: the 304 refreshed the stored response"
	res.Why = append(res.Why, fmt.Sprintf("304: the stored response is still good; updated %s and served it (RFC 9111 §4.3.4)", strings.Join(res.Updated, ", ")))
	e.note(received.Add(l.advanced), "revalidated: 304, updated "+strings.Join(res.Updated, ", "))
	now := l.base()
	v := explain.CacheVerdict(e.exchange(now), l.shared)
	res.Response = served(e, r, v.FreshnessLifetimeS-v.FreshForS, x.Timing.Total)
	res.Response.Timing = x.Timing
	res.Explain = l.explainServed(res.Response, now)
	return res
}

// sendUpstream forwards r without looking up or storing anything.
func (l *Lab) sendUpstream(ctx context.Context, r requests.Request, res Result) Result {
	sent := l.base()
	x := l.send(ctx, r)
	res.Upstream, res.Response = &x, x
	if x.Response == nil {
		res.Label = SendFailed
		return res
	}
	res.Explain = explainOf(x, sent, l.base())
	return res
}

// lookup finds the variant of key that matches the request's Vary fields. With
// none, varyWhy says which field differed when variants exist. The caller holds mu.
func (l *Lab) lookup(key string, req []requests.Header) (e *entry, varyWhy string) {
	for _, c := range l.entries[key] {
		ok, why := c.varyMatch(req)
		if ok {
			return c, ""
		}
		if varyWhy == "" {
			varyWhy = "stored for " + key + ", but " + why
		}
	}
	return nil, varyWhy
}

// store keeps the response as the variant its Vary fields select, replacing the
// variant with the same secondary key (RFC 9111 §4.1). It returns the secondary key.
func (l *Lab) store(r requests.Request, x requests.Exchange, sent, received time.Time) string {
	fields := toExplainFields(x.Response.Headers)
	rules := explain.ResponseReuse(fields, l.shared)
	names := rules.Vary
	vals, secondary := varyKey(names, r.Headers)
	key := primaryKey(r.Method, r.URL)
	l.mu.Lock()
	defer l.mu.Unlock()
	at := received.Add(l.advanced)
	e := &entry{primary: key, secondary: secondary, varyNames: names, varyVals: vals, method: r.Method,
		req: toExplainFields(r.Headers), reqURL: r.URL, resp: *x.Response, fields: fields, rules: rules,
		sent: sent, received: received, storedAt: at}
	e.resp.Headers = append([]requests.Header(nil), x.Response.Headers...)
	if l.shared && len(rules.PrivateFields) > 0 {
		// private="Set-Cookie" lets a shared cache store the rest (RFC 9111 §5.2.2.7).
		e.resp.Headers = headers.List(e.resp.Headers).Without(rules.PrivateFields...)
		e.fields = toExplainFields(e.resp.Headers)
	}
	list := l.entries[key]
	for i, c := range list {
		if c.secondary == secondary {
			e.history = c.history
			e.note(at, fmt.Sprintf("replaced by a new %d", x.Response.Status))
			list[i] = e
			return secondary
		}
	}
	e.note(at, fmt.Sprintf("stored %d", x.Response.Status))
	l.entries[key] = append(list, e)
	return secondary
}

// invalidate removes the GET and HEAD entries of each URI; it returns the keys removed.
func (l *Lab) invalidate(uris []string) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var removed []string
	for _, u := range uris {
		for _, m := range []string{"GET", "HEAD"} {
			k := primaryKey(m, u)
			if _, ok := l.entries[k]; ok {
				delete(l.entries, k)
				removed = append(removed, k)
			}
		}
	}
	return removed
}

func orNone(keys []string) string {
	if len(keys) == 0 {
		return "nothing was stored"
	}
	return strings.Join(keys, ", ")
}
