package explain

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// cacheExpires is the response's Expires field as read (RFC 9111 §5.3).
type cacheExpires struct {
	present bool
	valid   bool      // one valid HTTP-date (or repeats of it)
	at      time.Time // when valid
	raw     string    // the first value
	differs bool      // several lines with different values
}

// parseCacheExpires reads Expires. Repeated lines that disagree make the response
// stale (RFC 9111 §4.2.1); an invalid date means "already expired" (§5.3).
func parseCacheExpires(fs []Field) cacheExpires {
	all := lines(fs, "Expires")
	if len(all) == 0 {
		return cacheExpires{}
	}
	e := cacheExpires{present: true, raw: all[0]}
	for _, v := range all[1:] {
		e.differs = e.differs || v != all[0]
	}
	e.at, _, e.valid = parseHTTPDate(all[0])
	e.valid = e.valid && !e.differs
	return e
}

// lifetime is the freshness lifetime and its source (RFC 9111 §4.2.1): the first
// of s-maxage (shared caches only), max-age, Expires − Date, a heuristic; else none.
func (f *cacheFacts) lifetime(shared bool) (int64, string) {
	if n, ok := f.cc.delta("s-maxage"); ok && shared {
		return n, "s-maxage"
	}
	if n, ok := f.cc.delta("max-age"); ok {
		return n, "max-age"
	}
	if f.expires.present {
		if !f.expires.valid {
			return 0, "expires"
		}
		return max(0, cacheSeconds(f.expires.at.Sub(f.date))), "expires"
	}
	if n, ok := f.heuristic(); ok {
		return n, "heuristic"
	}
	return 0, "none"
}

// heuristic is the customary heuristic lifetime, 10% of Date − Last-Modified
// (RFC 9111 §4.2.2). It is allowed only for heuristically cacheable statuses or
// public responses. With plain no-cache every reuse is validated anyway, so no
// lifetime is guessed (the heuristic is a MAY).
func (f *cacheFacts) heuristic() (int64, bool) {
	allowed := cacheHeuristicStatus(f.status) || f.cc.has("public")
	if !allowed || !f.hasLM || f.cc.unqualified("no-cache") {
		return 0, false
	}
	return max(0, cacheSeconds(f.date.Sub(f.lastMod))) / 10, true
}

// cacheAge holds the steps of the current-age calculation (RFC 9111 §4.2.3).
type cacheAge struct {
	ageValue  int64 // the Age field, 0 when absent or invalid
	apparent  time.Duration
	delay     time.Duration
	corrected time.Duration
	initial   time.Duration
	resident  time.Duration
	current   time.Duration
	problems  []string // age-field
}

// newCacheAge computes the current age in its conservative form:
//
//	apparent_age = max(0, response_time − date_value)
//	response_delay = response_time − request_time
//	corrected_age_value = age_value + response_delay
//	corrected_initial_age = max(apparent_age, corrected_age_value)
//	current_age = corrected_initial_age + (now − response_time)
//
// A delay or resident time below zero (clocks given out of order) counts as zero.
func newCacheAge(x Exchange, received, date time.Time, resp []Field) cacheAge {
	sent, now := x.Sent, x.Now
	if sent.IsZero() {
		sent = received
	}
	if now.IsZero() {
		now = received
	}
	a := cacheAge{}
	a.ageValue, a.problems = parseCacheAgeField(resp)
	a.apparent = max(0, received.Sub(date))
	a.delay = max(0, received.Sub(sent))
	a.corrected = time.Duration(a.ageValue)*time.Second + a.delay
	a.initial = max(a.apparent, a.corrected)
	a.resident = max(0, now.Sub(received))
	a.current = a.initial + a.resident
	return a
}

// seconds is the current age in whole seconds, truncated as the Age field would
// carry it; freshness compares whole seconds, so Fresh and FreshForS agree.
func (a cacheAge) seconds() int64 {
	return cacheSeconds(a.current)
}

// parseCacheAgeField reads Age: delta-seconds; the first member of a list; an
// invalid value is ignored (RFC 9111 §5.1).
func parseCacheAgeField(fs []Field) (int64, []string) {
	var buf [4]string
	vs := appendValues(buf[:0], fs, "Age")
	if len(vs) == 0 {
		return 0, nil
	}
	var problems []string
	if len(vs) > 1 {
		problems = append(problems, fmt.Sprintf("Age has %d values (%s); it should have one, and the first is used", len(vs), strings.Join(vs, ", ")))
	}
	n, ok := ccDeltaSeconds(vs[0])
	if !ok {
		problems = append(problems, fmt.Sprintf("Age %q is not a whole number of seconds, so it is ignored", vs[0]))
		return 0, problems
	}
	return n, problems
}

// cacheSeconds truncates a duration to whole seconds.
func cacheSeconds(d time.Duration) int64 {
	return int64(d / time.Second)
}

// freshnessFindings explains the lifetime, the age and the verdict for the flat view.
func (f *cacheFacts) freshnessFindings(private, shared CacheView, forShared bool) []Finding {
	var out []Finding
	if len(f.age.problems) > 0 {
		out = append(out, newFinding("age-field", Warning, "Invalid Age field",
			strings.Join(f.age.problems, "; ")+". Age says how long the response has been in caches; a valid one is a single whole number of seconds.",
			"RFC 9111 §5.1"))
	}
	out = append(out, f.expiresFindings()...)
	flat, other, who, otherWho := private, shared, "a private cache", "a shared cache"
	if forShared {
		flat, other, who, otherWho = shared, private, "a shared cache", "a private cache"
	}
	if private.FreshnessSource == "heuristic" || shared.FreshnessSource == "heuristic" {
		out = append(out, f.heuristicFinding())
	}
	if !flat.Storable && !f.refreshes(forShared) {
		return out
	}
	// The detail is built in a buffer on the stack and copied once into a string
	// of its size: it was nine strings, each a copy of the last.
	b := make([]byte, 0, 1024)
	if f.status == 304 {
		b = append(b, "This 304 refreshes the response the cache holds. "...)
	}
	b = append(b, "For "...)
	b = append(b, who...)
	b = append(b, ": freshness lifetime "...)
	b = strconv.AppendInt(b, flat.FreshnessLifetimeS, 10)
	b = append(b, " s "...)
	b = appendSourceText(b, flat.FreshnessSource)
	b = append(b, "; current age "...)
	b = strconv.AppendInt(b, f.age.seconds(), 10)
	b = append(b, " s ("...)
	b = f.age.appendExplain(b)
	b = append(b, "). "...)
	if other.Storable && (other.FreshnessLifetimeS != flat.FreshnessLifetimeS || other.FreshnessSource != flat.FreshnessSource) {
		b = append(b, "For "...)
		b = append(b, otherWho...)
		b = append(b, ": lifetime "...)
		b = strconv.AppendInt(b, other.FreshnessLifetimeS, 10)
		b = append(b, " s "...)
		b = appendSourceText(b, other.FreshnessSource)
		b = append(b, ", so "...)
		b = appendVerdict(b, other)
		b = append(b, ". "...)
	}
	refs := []string{"RFC 9111 §4.2", "RFC 9111 §4.2.1", "RFC 9111 §4.2.3"}
	if flat.Fresh {
		b = append(b, "A cache may reuse it without asking the origin until then."...)
		if f.cc.unqualified("no-cache") {
			b = append(b, " But no-cache still requires a successful check with the origin before every reuse."...)
		}
		return append(out, newFinding("cache-fresh", Info, intText("Fresh for ", flat.FreshForS, " s more"), string(b), refs...))
	}
	b = append(b, "A stale response is reused only after a successful revalidation with the origin"...)
	if !f.cc.has("must-revalidate") && !f.cc.has("no-cache") && !(forShared && (f.cc.has("proxy-revalidate") || f.cc.has("s-maxage"))) {
		b = append(b, ", or, when the origin cannot be reached, served stale by a cache allowed to"...)
	}
	b = append(b, "."...)
	title := "No freshness lifetime: every reuse needs validation"
	if flat.FreshnessSource == "none" {
		b = append(b, " It has no max-age or Expires and no heuristic lifetime applies, so every reuse needs validation; send max-age to allow reuse."...)
	} else {
		title = intText("Stale by ", -flat.FreshForS, " s")
	}
	zeros := flat.FreshnessLifetimeS == 0 && f.age.seconds() == 0
	stale := newFinding("cache-stale", Info, title, string(b), refs...)
	// A lifetime of 0 s at an age of 0 s is arithmetic of zeros: fold it.
	stale.Obvious = zeros
	return append(out, stale)
}

// intText is prefix, n and suffix in one string, built with one allocation.
func intText(prefix string, n int64, suffix string) string {
	buf := make([]byte, 0, 64)
	buf = append(buf, prefix...)
	buf = strconv.AppendInt(buf, n, 10)
	buf = append(buf, suffix...)
	return string(buf)
}

// appendVerdict appends "fresh for N s more" or "stale by N s".
func appendVerdict(b []byte, v CacheView) []byte {
	if v.Fresh {
		b = append(b, "fresh for "...)
		b = strconv.AppendInt(b, v.FreshForS, 10)
		return append(b, " s more"...)
	}
	b = append(b, "stale by "...)
	b = strconv.AppendInt(b, -v.FreshForS, 10)
	return append(b, " s"...)
}

// appendSourceText names a freshness source in a sentence.
func appendSourceText(b []byte, source string) []byte {
	switch source {
	case "expires":
		return append(b, "from Expires − Date"...)
	case "heuristic":
		return append(b, "from a heuristic"...)
	case "none":
		return append(b, "(no freshness information)"...)
	}
	return append(append(b, "from "...), source...)
}

// appendExplain spells out the age calculation for a learner.
func (a cacheAge) appendExplain(b []byte) []byte {
	if a.current == 0 {
		return append(b, "just received, no Age"...)
	}
	b = append(b, "apparent age "...)
	b = strconv.AppendInt(b, cacheSeconds(a.apparent), 10)
	b = append(b, " s from Date; Age "...)
	b = strconv.AppendInt(b, a.ageValue, 10)
	b = append(b, " s + "...)
	b = strconv.AppendInt(b, cacheSeconds(a.delay), 10)
	b = append(b, " s response delay = "...)
	b = strconv.AppendInt(b, cacheSeconds(a.corrected), 10)
	b = append(b, " s; the larger, "...)
	b = strconv.AppendInt(b, cacheSeconds(a.initial), 10)
	b = append(b, " s, plus "...)
	b = strconv.AppendInt(b, cacheSeconds(a.resident), 10)
	return append(b, " s since it arrived"...)
}

// heuristicFinding warns that the lifetime is a cache's guess.
func (f *cacheFacts) heuristicFinding() Finding {
	n, _ := f.heuristic()
	since := max(0, cacheSeconds(f.date.Sub(f.lastMod)))
	detail := fmt.Sprintf("The response has no explicit lifetime (no max-age, s-maxage or Expires), so caches may guess one. "+
		"The customary guess is 10%% of the time since Last-Modified: %d s / 10 = %d s. "+
		"Different caches guess differently; send max-age (or no-cache) to decide yourself.", since, n)
	return newFinding("cache-heuristic", Warning, fmt.Sprintf("Heuristic freshness: about %d s", n), detail,
		"RFC 9111 §4.2.2", "RFC 9110 §15.1")
}

// expiresFindings covers Expires that is ignored or invalid (RFC 9111 §5.3).
func (f *cacheFacts) expiresFindings() []Finding {
	e := f.expires
	if !e.present {
		return nil
	}
	var out []Finding
	_, maxAge := f.cc.get("max-age")
	switch {
	case maxAge:
		out = append(out, newFinding("expires-ignored", Info, "Expires is ignored: max-age wins",
			fmt.Sprintf("The response has both max-age and Expires (%s); every cache must ignore Expires then. Keep Expires only for very old HTTP/1.0 caches.", e.raw),
			"RFC 9111 §5.3", "RFC 9111 §4.2.1"))
	case f.cc.has("s-maxage"):
		out = append(out, newFinding("expires-ignored", Info, "Expires is ignored by shared caches: s-maxage wins",
			fmt.Sprintf("s-maxage overrides Expires (%s) for shared caches; private caches still use Expires.", e.raw),
			"RFC 9111 §5.3", "RFC 9111 §5.2.2.10"))
	}
	if _, _, ok := parseHTTPDate(e.raw); !ok {
		out = append(out, newFinding("expires-invalid", Warning, "Invalid Expires: already expired",
			fmt.Sprintf("Expires %q is not an HTTP-date in GMT. A cache must read an invalid Expires (such as 0 or -1) as a time in the past: the response is already expired. To say \"do not reuse\", send Cache-Control: no-cache or max-age=0.", e.raw),
			"RFC 9111 §5.3", "RFC 9110 §5.6.7"))
	}
	return out
}
