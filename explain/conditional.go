package explain

import (
	"fmt"
	"strings"
	"time"
)

// preconditions are the conditional header fields of a request (RFC 9110 §13.1).
type preconditions struct {
	ifMatch, ifNoneMatch  bool
	imStar, inmStar       bool
	imTags, inmTags       []ETag
	imBad                 []string
	ims, ius              string // raw values, "" when absent
	imsDate, iusDate      time.Time
	imsValid, iusValid    bool
	ifRange, rangeRequest bool
}

// readPreconditions parses the request's conditional fields.
func readPreconditions(fs []Field) preconditions {
	var p preconditions
	if has(fs, "If-Match") {
		p.ifMatch = true
		p.imStar, p.imTags, p.imBad = parseTagList(values(fs, "If-Match"))
	}
	if has(fs, "If-None-Match") {
		p.ifNoneMatch = true
		p.inmStar, p.inmTags, _ = parseTagList(values(fs, "If-None-Match"))
	}
	p.ims, p.imsDate, p.imsValid = conditionDate(fs, "If-Modified-Since")
	p.ius, p.iusDate, p.iusValid = conditionDate(fs, "If-Unmodified-Since")
	p.ifRange, p.rangeRequest = has(fs, "If-Range"), has(fs, "Range")
	return p
}

// conditionDate reads If-Modified-Since or If-Unmodified-Since. A field sent more
// than once, or not an HTTP-date, is invalid and must be ignored (RFC 9110 §13.1.3,
// §13.1.4).
func conditionDate(fs []Field, name string) (string, time.Time, bool) {
	ls := lines(fs, name)
	if len(ls) == 0 {
		return "", time.Time{}, false
	}
	if len(ls) > 1 {
		return strings.Join(ls, ", "), time.Time{}, false
	}
	t, _, ok := parseHTTPDate(ls[0])
	return ls[0], t, ok
}

// any reports whether the request was conditional at all.
func (p preconditions) any() bool {
	return p.ifMatch || p.ifNoneMatch || p.ims != "" || p.ius != "" || p.ifRange
}

// writeCondition is the precondition of steps 1-2 of RFC 9110 §13.2.2 the server
// evaluated: If-Match, else a valid If-Unmodified-Since; "" for none.
func (p preconditions) writeCondition() string {
	switch {
	case p.ifMatch:
		return "If-Match"
	case p.iusValid:
		return "If-Unmodified-Since"
	}
	return ""
}

// readCondition is the precondition of steps 3-4: If-None-Match, else a valid
// If-Modified-Since on GET or HEAD; "" for none. An unknown method counts as GET.
func (p preconditions) readCondition(method string) string {
	switch {
	case p.ifNoneMatch:
		return "If-None-Match"
	case p.imsValid && (method == "GET" || method == "HEAD" || method == ""):
		return "If-Modified-Since"
	}
	return ""
}

// conditionalFindings says what the request's preconditions did to this response.
func conditionalFindings(x Exchange) []Finding {
	if !fieldsKnown(x) {
		return outcomeFindings(x, preconditions{}, false)
	}
	p := readPreconditions(x.Request.Fields)
	var out []Finding
	if f, ok := orderFinding(p, x.Request.Method); ok {
		out = append(out, f)
	}
	if f, ok := ignoredFinding(p, x.Request.Method, x.Response.Status); ok {
		out = append(out, f)
	}
	if f, ok := ifMatchFinding(p); ok {
		out = append(out, f)
	}
	if len(out) == 0 {
		return outcomeFindings(x, p, true) // not copied: the usual request has no precondition
	}
	return append(out, outcomeFindings(x, p, true)...)
}

// orderFinding explains the precedence of RFC 9110 §13.2.2 when the request sent
// more than one precondition.
func orderFinding(p preconditions, method string) (Finding, bool) {
	var sent []string
	for _, s := range []struct {
		on   bool
		name string
	}{{p.ifMatch, "If-Match"}, {p.ius != "", "If-Unmodified-Since"}, {p.ifNoneMatch, "If-None-Match"}, {p.ims != "", "If-Modified-Since"}, {p.ifRange, "If-Range"}} {
		if s.on {
			sent = append(sent, s.name)
		}
	}
	if len(sent) < 2 {
		return Finding{}, false
	}
	var steps []string
	if w := p.writeCondition(); w != "" {
		steps = append(steps, w+" first (412 if false)")
	}
	if r := p.readCondition(method); r != "" {
		steps = append(steps, r+" next (304 for GET/HEAD, 412 otherwise, if false)")
	}
	if p.ifRange && p.rangeRequest && (method == "GET" || method == "") {
		steps = append(steps, "If-Range last (decides between 206 and 200)")
	}
	detail := "The server evaluates " + strings.Join(steps, ", then ") + "."
	if p.ifMatch && p.ius != "" {
		detail += " If-Unmodified-Since is skipped because If-Match is present."
	}
	if p.ifNoneMatch && p.ims != "" {
		detail += " If-Modified-Since is skipped because If-None-Match is present."
	}
	return newFinding("precondition-order", Info, "Preconditions sent: "+strings.Join(sent, ", "),
		detail, "RFC 9110 §13.2.2"), true
}

// ignoredFinding lists the preconditions that played no part here (RFC 9110 §13.2.1,
// §13.1.3-§13.1.5).
func ignoredFinding(p preconditions, method string, status int) (Finding, bool) {
	if !p.any() {
		return Finding{}, false
	}
	var why []string
	switch {
	case method == "CONNECT" || method == "OPTIONS" || method == "TRACE":
		why = append(why, method+" selects no representation, so every precondition is ignored")
	case status != 304 && status != 412 && (status < 200 || status > 299):
		why = append(why, fmt.Sprintf("a %d is decided before preconditions are evaluated, so they played no part", status))
	}
	if p.ims != "" && !p.imsValid {
		why = append(why, "If-Modified-Since is not a single valid HTTP-date ("+p.ims+")")
	} else if p.imsValid && !p.ifNoneMatch && method != "GET" && method != "HEAD" && method != "" {
		why = append(why, "If-Modified-Since only applies to GET and HEAD")
	}
	if p.ius != "" && !p.iusValid {
		why = append(why, "If-Unmodified-Since is not a single valid HTTP-date ("+p.ius+")")
	}
	if p.ifRange && !p.rangeRequest {
		why = append(why, "If-Range means nothing without Range")
	}
	if len(why) == 0 {
		return Finding{}, false
	}
	return newFinding("precondition-ignored", Info, "Precondition ignored",
		"Here "+strings.Join(why, "; ")+".",
		"RFC 9110 §13.2.1", "RFC 9110 §13.1.3", "RFC 9110 §13.1.4", "RFC 9110 §13.1.5"), true
}

// ifMatchFinding flags an If-Match that cannot match as sent (RFC 9110 §13.1.1).
func ifMatchFinding(p preconditions) (Finding, bool) {
	if !p.ifMatch {
		return Finding{}, false
	}
	var why []string
	if len(p.imBad) > 0 {
		why = append(why, "these members are not entity tags: "+strings.Join(p.imBad, ", ")+" (an entity tag is quoted, e.g. \"abc\")")
	}
	if p.imStar && (len(p.imTags) > 0 || len(p.imBad) > 0) {
		why = append(why, "* must be sent alone, not mixed with tags")
	}
	weak := 0
	for _, t := range p.imTags {
		if t.weak {
			weak++
		}
	}
	if weak > 0 && weak == len(p.imTags) && !p.imStar {
		why = append(why, "every tag is weak (W/), and If-Match uses strong comparison, so a weak tag never matches: the classic \"always 412\"; send the strong tag, or use If-Unmodified-Since")
	} else if weak > 0 {
		why = append(why, "weak tags (W/) in the list never match, since If-Match uses strong comparison")
	}
	if len(why) == 0 {
		return Finding{}, false
	}
	return newFinding("if-match", Warning, "If-Match cannot match as sent",
		"In this If-Match "+strings.Join(why, "; ")+".",
		"RFC 9110 §13.1.1", "RFC 9110 §8.8.3.2"), true
}
