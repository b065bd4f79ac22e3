package explain

import (
	"fmt"
	"strings"
)

// ccMaxDelta is where delta-seconds saturate: a recipient that meets a larger value
// must use 2^31 instead (RFC 9111 §1.2.2).
const ccMaxDelta = 2147483648

// ccDirective is one member of a Cache-Control field as parsed.
type ccDirective struct {
	name   string // lower case: directive names are case-insensitive (RFC 9111 §5.2)
	sent   string // the member as it was sent, for messages
	arg    string // the argument, unquoted
	hasArg bool
	quoted bool
}

// cacheControl is every Cache-Control line of one message combined into one list,
// in order, with the problems found while reading it.
type cacheControl struct {
	list     []ccDirective
	problems []string // cc-syntax: each a sentence for the learner
	unknown  []string // directives nobody defined; a cache ignores them (RFC 9111 §5.2.3)
}

// ccArgKind says what argument a directive takes.
type ccArgKind int

const (
	ccArgNone   ccArgKind = iota // no argument
	ccArgDelta                   // delta-seconds, required
	ccArgMaybe                   // delta-seconds, optional (max-stale)
	ccArgFields                  // optional quoted list of field names (no-cache, private)
)

// ccSpec describes a registered directive as it may appear in a request (inRequest)
// or a response. ok is false for directives not defined for that kind of message;
// other reports that the directive is defined for the other kind.
func ccSpec(name string, inRequest bool) (kind ccArgKind, ok, other bool) {
	switch name {
	case "max-age", "stale-if-error": // stale-if-error: RFC 5861 §4, both messages
		return ccArgDelta, true, false
	case "no-store", "no-transform":
		return ccArgNone, true, false
	case "no-cache":
		if inRequest {
			return ccArgNone, true, false
		}
		return ccArgFields, true, false
	case "max-stale":
		return ccArgMaybe, inRequest, !inRequest
	case "min-fresh":
		return ccArgDelta, inRequest, !inRequest
	case "only-if-cached":
		return ccArgNone, inRequest, !inRequest
	case "must-revalidate", "must-understand", "proxy-revalidate", "public", "immutable":
		return ccArgNone, !inRequest, inRequest
	case "private":
		return ccArgFields, !inRequest, inRequest
	case "s-maxage", "stale-while-revalidate":
		return ccArgDelta, !inRequest, inRequest
	}
	return ccArgNone, false, false
}

// parseCacheControl reads every Cache-Control line of fs. inRequest selects which
// directives are expected (RFC 9111 §5.2.1 for requests, §5.2.2 for responses).
func parseCacheControl(fs []Field, inRequest bool) cacheControl {
	var c cacheControl
	var buf [8]string
	members := appendValues(buf[:0], fs, "Cache-Control")
	if len(members) > 0 {
		c.list = make([]ccDirective, 0, len(members))
	}
	for _, member := range members {
		d, problem := ccParseMember(member)
		if d.name != "" && cacheIsToken(d.name) {
			// Keep a directive with a broken argument: an invalid max-age must
			// still make the response stale (RFC 9111 §4.2.1).
			c.list = append(c.list, d)
		}
		if problem != "" {
			c.problems = append(c.problems, problem)
			continue
		}
		c.checkArg(d, inRequest)
	}
	return c
}

// ccParseMember splits one list member into name and argument (RFC 9111 §5.2:
// token [ "=" ( token / quoted-string ) ]).
func ccParseMember(m string) (ccDirective, string) {
	name, arg, hasArg := strings.Cut(m, "=")
	name = strings.TrimSpace(name)
	d := ccDirective{name: strings.ToLower(name), sent: m, hasArg: hasArg}
	if !cacheIsToken(name) {
		return d, fmt.Sprintf("%q is not a directive (a directive name is a token)", m)
	}
	rawName := strings.TrimLeft(name, " \t")
	if hasArg && (strings.TrimRight(rawName, " \t") != rawName || strings.TrimLeft(arg, " \t") != arg) {
		// RFC 9111 §5.2 and RFC 9110 §5.6.2 allow no whitespace around "=". Keep
		// the argument as sent so the directive counts as invalid (stale, §4.2.1).
		d.arg = arg
		return d, fmt.Sprintf("%q has whitespace around \"=\", which the grammar does not allow: strict caches treat the directive as invalid (a max-age then makes the response stale), lenient ones read it as %s=%s; write %s=%s",
			strings.TrimSpace(m), d.name, strings.TrimSpace(arg), d.name, strings.TrimSpace(arg))
	}
	arg = strings.TrimSpace(arg)
	switch {
	case !hasArg:
	case strings.HasPrefix(arg, `"`):
		s, ok := cacheUnquote(arg)
		if !ok {
			d.arg = arg
			return d, fmt.Sprintf("%q has a malformed quoted string", m)
		}
		d.arg, d.quoted = s, true
	case cacheIsToken(arg):
		d.arg = arg
	default:
		d.arg = arg
		return d, fmt.Sprintf("%q: the argument must be a token or a quoted string", m)
	}
	return d, ""
}

// checkArg records what is wrong with the argument of d, or that d is unknown or
// belongs in the other kind of message.
func (c *cacheControl) checkArg(d ccDirective, inRequest bool) {
	kind, ok, other := ccSpec(d.name, inRequest)
	switch {
	case d.name == "pre-check" || d.name == "post-check":
		c.problems = append(c.problems, fmt.Sprintf("%s is an old Internet Explorer extension; no cache implements it", d.name))
		return
	case other && inRequest:
		c.problems = append(c.problems, fmt.Sprintf("%s is a response directive; in a request it means nothing", d.name))
		return
	case other:
		c.problems = append(c.problems, fmt.Sprintf("%s is a request directive; in a response it means nothing", d.name))
		return
	case !ok:
		c.unknown = append(c.unknown, d.sent)
		return
	}
	switch kind {
	case ccArgNone:
		if d.hasArg {
			c.problems = append(c.problems, fmt.Sprintf("%s takes no argument (%q)", d.name, d.sent))
		}
	case ccArgDelta, ccArgMaybe:
		c.checkDelta(d, kind == ccArgMaybe)
	case ccArgFields:
		if d.hasArg && !d.quoted {
			c.problems = append(c.problems, fmt.Sprintf("%s=%s: a list of field names must be sent as a quoted string: %s=%q", d.name, d.arg, d.name, d.arg))
		}
	}
}

// checkDelta checks a delta-seconds argument (RFC 9111 §1.2.2). A quoted number is
// still read, since recipients ought to accept both forms (RFC 9111 §5.2).
func (c *cacheControl) checkDelta(d ccDirective, optional bool) {
	switch _, ok := ccDeltaSeconds(d.arg); {
	case !d.hasArg && optional:
	case !d.hasArg:
		c.problems = append(c.problems, fmt.Sprintf("%s needs a number of seconds; without one it is invalid and the response counts as stale", d.name))
	case !ok:
		c.problems = append(c.problems, fmt.Sprintf("%q is not a whole number of seconds; it is invalid and the response counts as stale", d.sent))
	case d.quoted:
		c.problems = append(c.problems, fmt.Sprintf("%s must be sent as a token: %s=%s, not %s=\"%s\" (caches still read it)", d.name, d.name, d.arg, d.name, d.arg))
	}
}

// ccDeltaSeconds parses delta-seconds: 1*DIGIT, saturating at 2^31 (RFC 9111 §1.2.2).
func ccDeltaSeconds(s string) (int64, bool) {
	if s == "" {
		return 0, false
	}
	var n int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		if n <= ccMaxDelta {
			n = n*10 + int64(c-'0')
		}
	}
	return min(n, ccMaxDelta), true
}

// get returns the first occurrence of a directive (RFC 9111 §4.2.1: use the first).
func (c cacheControl) get(name string) (ccDirective, bool) {
	for _, d := range c.list {
		if d.name == name {
			return d, true
		}
	}
	return ccDirective{}, false
}

// has reports whether the directive is present.
func (c cacheControl) has(name string) bool {
	_, ok := c.get(name)
	return ok
}

// unqualified reports whether no-cache or private is present without a field list,
// that is, for the whole response.
func (c cacheControl) unqualified(name string) bool {
	for _, d := range c.list {
		if d.name == name && !d.hasArg {
			return true
		}
	}
	return false
}

// delta returns the seconds of a delta-seconds directive and whether it is present.
// An invalid value, or duplicates that disagree, give 0: RFC 9111 §4.2.1 lets a cache
// consider such a response stale, and that is the conservative reading.
func (c cacheControl) delta(name string) (int64, bool) {
	var secs int64
	found := false
	for _, d := range c.list {
		if d.name != name {
			continue
		}
		n, ok := ccDeltaSeconds(d.arg)
		if !ok || (found && n != secs) {
			return 0, true
		}
		secs, found = n, true
	}
	return secs, found
}

// fields returns the field names a qualified no-cache or private lists, lower case.
func (c cacheControl) fields(name string) []string {
	var out []string
	for _, d := range c.list {
		if d.name == name && d.hasArg {
			for _, f := range splitList(d.arg) {
				out = append(out, strings.ToLower(f))
			}
		}
	}
	return out
}

// duplicates describes each directive given more than once (RFC 9111 §4.2.1).
func (c cacheControl) duplicates() []string {
	var out []string
	seen := map[string]bool{}
	for i, d := range c.list {
		if seen[d.name] {
			continue
		}
		seen[d.name] = true
		args, differ := []string{strings.TrimSpace(d.sent)}, false
		for _, e := range c.list[i+1:] {
			if e.name == d.name {
				args = append(args, strings.TrimSpace(e.sent))
				differ = differ || e.arg != d.arg || e.hasArg != d.hasArg
			}
		}
		switch {
		case len(args) == 1:
		case differ && (d.name == "max-age" || d.name == "s-maxage"):
			out = append(out, fmt.Sprintf("%s is given %s with different values (%s): the response counts as stale", d.name, cacheTimes(len(args)), strings.Join(args, ", ")))
		case differ:
			out = append(out, fmt.Sprintf("%s is given %s with different values (%s): the first is used", d.name, cacheTimes(len(args)), strings.Join(args, ", ")))
		default:
			out = append(out, fmt.Sprintf("%s is given %s; once is enough", d.name, cacheTimes(len(args))))
		}
	}
	return out
}

// conflicts describes pairs of response directives that contradict each other; the
// most restrictive one wins (RFC 9111 §4.2.1).
func (c cacheControl) conflicts() []string {
	var out []string
	add := func(winner string, losers ...string) {
		for _, l := range losers {
			if c.has(l) {
				out = append(out, fmt.Sprintf("%s and %s contradict each other; %s wins", winner, l, winner))
			}
		}
	}
	if c.has("private") {
		add("private", "public")
	}
	// With must-understand, no-store is meant for older caches only (RFC 9111 §5.2.2.3).
	if c.has("no-store") && !c.has("must-understand") {
		add("no-store", "public", "max-age", "s-maxage", "immutable", "stale-while-revalidate", "stale-if-error")
	}
	if c.unqualified("no-cache") {
		for _, name := range []string{"max-age", "s-maxage"} {
			if n, ok := c.delta(name); ok && n > 0 {
				add("no-cache", name)
			}
		}
		add("no-cache", "immutable", "stale-while-revalidate", "stale-if-error")
	}
	if c.has("must-revalidate") {
		add("must-revalidate", "stale-while-revalidate", "stale-if-error")
	}
	return out
}

// cacheIsToken reports whether s is a token (RFC 9110 §5.6.2).
func cacheIsToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0:
		default:
			return false
		}
	}
	return true
}

// cacheUnquote reads a quoted-string that must span all of s (RFC 9110 §5.6.4).
func cacheUnquote(s string) (string, bool) {
	if len(s) < 2 || s[0] != '"' || s[len(s)-1] != '"' {
		return "", false
	}
	var b strings.Builder
	for i := 1; i < len(s)-1; i++ {
		switch c := s[i]; c {
		case '\\':
			i++
			if i == len(s)-1 {
				return "", false
			}
			b.WriteByte(s[i])
		case '"':
			return "", false
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), true
}

// cacheTimes says "twice" or "n times".
func cacheTimes(n int) string {
	if n == 2 {
		return "twice"
	}
	return fmt.Sprintf("%d times", n)
}
