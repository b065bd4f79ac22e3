package cachelab

import (
	"fmt"
	"strings"

	"github.com/httplens/httplens/explain"
)

// StoreDecision says whether a cache of the given kind stores the response of x and
// why. It is explain's verdict (explain.CacheVerdict, the code behind
// Report.Cache), plus one rule of the lab's own: a body cut at the size cap is
// never stored, since the lab could not serve it whole.
func StoreDecision(x explain.Exchange, shared bool) (bool, string) {
	if x.Response.Truncated {
		return false, "must not store: the body was cut at the size cap, so the lab could not serve it whole"
	}
	v := explain.CacheVerdict(x, shared)
	return v.Storable, v.Reason
}

// Reuse is the decision on a stored response for one request.
type Reuse struct {
	Serve    bool   // serve it without asking the origin
	Stale    bool   // it is stale now (served only through max-stale)
	Validate bool   // ask the origin first (conditional when it has validators)
	Why      string // one sentence for a learner
	AgeS     int64
	FreshFor int64 // negative: stale by that many seconds
}

// ReuseDecision decides whether the stored response in x (its request, response and
// receive times; Now set to the moment of the new request) may answer a request with
// the directives req, for a private or shared cache (RFC 9111 §4.2, §4.2.4, §5.2).
// Freshness is explain's verdict at x.Now.
func ReuseDecision(x explain.Exchange, req explain.CacheRequest, shared bool) Reuse {
	return reuseDecision(x, explain.ResponseReuse(x.Response.Fields, shared), req, shared)
}

// reuseDecision is ReuseDecision with the stored response's reuse rules read once,
// when it was stored.
func reuseDecision(x explain.Exchange, rules explain.CacheReuse, req explain.CacheRequest, shared bool) Reuse {
	v := explain.CacheVerdict(x, shared)
	age := v.FreshnessLifetimeS - v.FreshForS
	r := Reuse{AgeS: age, FreshFor: v.FreshForS, Stale: !v.Fresh}
	validate := func(why string) Reuse {
		r.Validate, r.Why = true, why
		return r
	}
	switch {
	case rules.NoCache:
		return validate("the stored response says no-cache: every reuse needs a successful validation (RFC 9111 §5.2.2.4)")
	case req.NoCache:
		return validate("the request says no-cache: the cache must validate before reusing (RFC 9111 §5.2.1.4)")
	case req.MaxAge >= 0 && age > req.MaxAge:
		return validate(fmt.Sprintf("the request's max-age=%d refuses a response %d s old (RFC 9111 §5.2.1.1)", req.MaxAge, age))
	case v.Fresh && req.MinFresh >= 0 && v.FreshForS < req.MinFresh:
		return validate(fmt.Sprintf("the request's min-fresh=%d wants more than the %d s of freshness left (RFC 9111 §5.2.1.3)", req.MinFresh, v.FreshForS))
	case v.Fresh:
		r.Serve = true
		r.Why = fmt.Sprintf("fresh: age %d s, fresh for %d s more (lifetime %d s from %s; RFC 9111 §4.2)", age, v.FreshForS, v.FreshnessLifetimeS, v.FreshnessSource)
		return r
	case rules.MustRevalidate:
		return validate(fmt.Sprintf("stale by %d s, and %s forbids serving it stale (RFC 9111 §5.2.2.2, §5.2.2.8)", -v.FreshForS, mustRevalidateName(x.Response.Fields, shared)))
	case req.MaxStale >= -v.FreshForS:
		r.Serve = true
		r.Why = fmt.Sprintf("stale by %d s, but the request's max-stale accepts it (RFC 9111 §5.2.1.2, §4.2.4)", -v.FreshForS)
		return r
	}
	return validate(fmt.Sprintf("stale by %d s (age %d s, lifetime %d s from %s): it must be validated before reuse (RFC 9111 §4.2, §4.3)", -v.FreshForS, age, v.FreshnessLifetimeS, v.FreshnessSource))
}

// mustRevalidateName names the directive that forbids serving stale.
func mustRevalidateName(fields []explain.Field, shared bool) string {
	for _, f := range fields {
		if !f.Is("Cache-Control") {
			continue
		}
		v := strings.ToLower(f.Value)
		switch {
		case strings.Contains(v, "must-revalidate"):
			return "must-revalidate"
		case shared && strings.Contains(v, "proxy-revalidate"):
			return "proxy-revalidate"
		case shared && strings.Contains(v, "s-maxage"):
			return "s-maxage (which implies proxy-revalidate)"
		}
	}
	return "must-revalidate"
}
