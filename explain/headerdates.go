package explain

import (
	"fmt"
	"time"
)

// maxSkew is the clock difference worth a warning. Date has a resolution of one
// second and is stamped before the response travels, so a few seconds are noise;
// beyond that, caches downstream compute wrong ages (RFC 9111 §4.2.3).
const maxSkew = 10 * time.Second

// httpDateExample is shown whenever a date does not parse.
const httpDateExample = "Sun, 06 Nov 1994 08:49:37 GMT"

// noteHTTPDate parses the value as an HTTP-date, warning about the obsolete forms;
// ok is false (and a warning says why) when it is not one.
func noteHTTPDate(n *HeaderNote, c noteContext, ifInvalid string) (time.Time, bool) {
	t, obsolete, ok := parseHTTPDate(c.value)
	if !ok {
		n.Warnings = append(n.Warnings, fmt.Sprintf("%q is not an HTTP-date (like %s, always GMT). %s", c.value, httpDateExample, ifInvalid))
		n.Refs = append(n.Refs, "RFC 9110 §5.6.7")
		return time.Time{}, false
	}
	if obsolete {
		n.Warnings = append(n.Warnings, "An obsolete date form (RFC 850 or asctime): recipients must accept it, but senders must use "+httpDateExample+".")
		n.Refs = append(n.Refs, "RFC 9110 §5.6.7")
	}
	return t, true
}

// responseDate is the response's own Date, when there is one that parses.
func responseDate(c noteContext) (time.Time, bool) {
	d, ok := first(c.x.Response.Fields, "Date")
	if !ok {
		return time.Time{}, false
	}
	t, _, ok := parseHTTPDate(d)
	return t, ok
}

func noteDate(n *HeaderNote, c noteContext) {
	t, ok := noteHTTPDate(n, c, "A recipient treats an invalid Date as missing and uses the time it received the response.")
	if !ok {
		return
	}
	n.Parsed = append(n.Parsed, "generated: "+timeLine(t, c.now()))
	if c.x.Received.IsZero() {
		n.Parsed = append(n.Parsed, "clock skew: unknown, since the receive time is not known")
		return
	}
	skew := t.Sub(c.x.Received)
	switch {
	case skew > -2*time.Second && skew < 2*time.Second:
		n.Parsed = append(n.Parsed, "clock skew: none to speak of; Date and the receive time agree within a second")
	case skew > 0:
		n.Parsed = append(n.Parsed, "clock skew: Date is "+humanDuration(skew)+" after the response arrived: the server's clock runs ahead of this one")
	default:
		n.Parsed = append(n.Parsed, "clock skew: Date is "+humanDuration(-skew)+" before the response arrived: the server's clock runs behind, or the response waited in a cache")
	}
	if skew > maxSkew || skew < -maxSkew {
		n.Warnings = append(n.Warnings, "The clocks differ by more than "+humanDuration(maxSkew)+"; caches compute ages from Date, so freshness will be off by as much.")
		n.Refs = append(n.Refs, "RFC 9111 §4.2.3")
	}
}

func noteLastModified(n *HeaderNote, c noteContext) {
	t, ok := noteHTTPDate(n, c, "An invalid Last-Modified cannot be used as a validator.")
	if !ok {
		return
	}
	n.Parsed = append(n.Parsed, "last changed: "+timeLine(t, c.now()))
	if date, ok := responseDate(c); ok {
		if t.After(date) {
			n.Warnings = append(n.Warnings, "Last-Modified is later than Date; an origin must not send a modification time in the future.")
			n.Refs = append(n.Refs, "RFC 9110 §8.8.2.1")
			return
		}
		if date.Sub(t) >= time.Second {
			n.Parsed = append(n.Parsed, "Date is at least a second later, so a client may treat it as a strong validator")
		} else {
			n.Parsed = append(n.Parsed, "it equals Date, so it is only a weak validator: a second change in the same second would go unseen")
		}
		n.Refs = append(n.Refs, "RFC 9110 §8.8.2.2")
	}
	n.Parsed = append(n.Parsed, "next request: If-Modified-Since: "+c.value+" (read) or If-Unmodified-Since (write)")
}

func noteExpires(n *HeaderNote, c noteContext) {
	cc := parseCacheControl(c.x.Response.Fields, false)
	if cc.has("max-age") {
		n.Parsed = append(n.Parsed, "ignored: Cache-Control max-age is present and takes precedence")
	} else if cc.has("s-maxage") {
		n.Parsed = append(n.Parsed, "ignored by shared caches: Cache-Control s-maxage takes precedence for them")
	}
	t, ok := noteHTTPDate(n, c, "An invalid Expires, such as 0 or -1, means the response is already expired.")
	if !ok {
		n.Parsed = append(n.Parsed, "expires: already (the value is invalid)")
		return
	}
	n.Parsed = append(n.Parsed, "expires: "+timeLine(t, c.now()))
	date, ok := responseDate(c)
	if !ok {
		date = c.x.Received
	}
	if date.IsZero() {
		return
	}
	if life := t.Sub(date); life > 0 {
		n.Parsed = append(n.Parsed, "freshness lifetime: "+secondsLine(int64(life/time.Second))+" after Date")
	} else {
		n.Parsed = append(n.Parsed, "freshness lifetime: none; it was already expired when sent")
	}
	if t.Sub(date) > 366*24*time.Hour {
		n.Warnings = append(n.Warnings, "Expires is more than a year ahead; older caches may mishandle it. Cache-Control: max-age is clearer.")
	}
}

func noteAge(n *HeaderNote, c noteContext) {
	members := splitList(c.value)
	if len(members) == 0 {
		n.Warnings = append(n.Warnings, "Age is empty; it is ignored.")
		return
	}
	if len(members) > 1 {
		n.Warnings = append(n.Warnings, "Age has several values; a recipient uses the first.")
	}
	secs, ok := ccDeltaSeconds(members[0])
	if !ok {
		n.Warnings = append(n.Warnings, fmt.Sprintf("%q is not a whole, non-negative number of seconds; Age is ignored.", members[0]))
		return
	}
	n.Parsed = append(n.Parsed, "age: "+secondsLine(secs)+" since the origin generated or validated it")
	n.Parsed = append(n.Parsed, "a cache served this response (an origin server does not send Age)")
}

func noteRetryAfter(n *HeaderNote, c noteContext) {
	if secs, ok := ccDeltaSeconds(c.value); ok {
		n.Parsed = append(n.Parsed, "wait: "+secondsLine(secs))
		if !c.x.Received.IsZero() {
			n.Parsed = append(n.Parsed, "retry at: "+timeLine(c.x.Received.Add(time.Duration(secs)*time.Second), c.now()))
		}
	} else if t, ok := noteHTTPDate(n, c, "Retry-After is delay-seconds (a whole number) or an HTTP-date; this one is neither, so clients will guess."); ok {
		n.Parsed = append(n.Parsed, "retry at: "+timeLine(t, c.now()))
	}
	switch s := c.x.Response.Status; {
	case s == 503, s == 429, s == 413, s >= 300 && s < 400, s == 0:
	default:
		n.Parsed = append(n.Parsed, fmt.Sprintf("with status %d it has no defined effect (it matters with 503, 429, 413 and 3xx)", s))
	}
}

func noteSunset(n *HeaderNote, c noteContext) {
	t, ok := noteHTTPDate(n, c, "Clients cannot tell when the resource goes away.")
	if !ok {
		return
	}
	n.Parsed = append(n.Parsed, "sunset: "+timeLine(t, c.now()))
	if now := c.now(); !now.IsZero() && t.Before(now) {
		n.Warnings = append(n.Warnings, "The sunset time has passed; the resource may stop responding at any moment.")
	}
}
