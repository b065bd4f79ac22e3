package explain

import (
	"fmt"
	"strings"
	"time"
)

// fieldRuleFindings checks response fields against the rules of RFC 9110 that do
// not belong to one status: repeated Content-Length, Content-Encoding: identity,
// Content-Type on content, Location where it means nothing, representation
// metadata on a 304, and Retry-After on 429/503.
func fieldRuleFindings(x Exchange) []Finding {
	resp := x.Response
	var out []Finding
	if f, ok := repeatedLengthFinding(resp); ok {
		out = append(out, f)
	}
	for _, ce := range values(resp.Fields, "Content-Encoding") {
		if strings.EqualFold(ce, "identity") {
			out = append(out, newFinding("content-encoding-identity", Warning, "Content-Encoding: identity",
				"\"identity\" means no encoding; it is reserved for Accept-Encoding and is not a content coding a sender may list in Content-Encoding. Some clients reject it as an unknown coding: leave Content-Encoding out when the content is not encoded.",
				"RFC 9110 §8.4.1", "RFC 9110 §12.5.3"))
			break
		}
	}
	if resp.Status >= 200 && resp.Status != 204 && resp.Status != 304 && methodOf(x) != "HEAD" &&
		bodyLen(resp) > 0 && !has(resp.Fields, "Content-Type") {
		out = append(out, newFinding("content-type-missing", Warning, "Content without Content-Type",
			fmt.Sprintf("The response carries %d bytes of content but no Content-Type. A sender should label content; a recipient may then assume application/octet-stream or sniff the bytes, and a browser may guess a type the server never meant.", bodyLen(resp)),
			"RFC 9110 §8.3"))
	}
	if loc, ok := first(resp.Fields, "Location"); ok && !locationDefined(resp.Status) {
		out = append(out, newFinding("location-undefined", Info, fmt.Sprintf("Location on a %d has no defined meaning", resp.Status),
			"Location means something on 201 (where the new resource is) and on 3xx (where to go). On this status no client acts on it ("+loc+"); if the resource moved, send a redirect, and after a POST that created something, 201.",
			"RFC 9110 §10.2.2"))
	}
	if resp.Status == 304 {
		out = append(out, notModifiedMetadata(resp)...)
	}
	if resp.Status == 429 || resp.Status == 503 {
		out = append(out, retryAfterFinding(x))
	}
	return out
}

// repeatedLengthFinding flags Content-Length repeated with the same value (RFC 9110
// §8.6): a recipient may accept it as one value, a sender must not send it.
func repeatedLengthFinding(resp Response) (Finding, bool) {
	var buf [4]string
	members := appendValues(buf[:0], resp.Fields, "Content-Length")
	if len(members) < 2 {
		return Finding{}, false
	}
	for _, m := range members[1:] {
		if m != members[0] || !isDigitRun(m) {
			return Finding{}, false // differing or invalid: content-length-invalid says it
		}
	}
	how := fmt.Sprintf("as %q", strings.Join(lines(resp.Fields, "Content-Length"), ", "))
	if n := len(lines(resp.Fields, "Content-Length")); n > 1 {
		how = fmt.Sprintf("on %d lines", n)
	}
	return newFinding("content-length-repeated", Warning, "Content-Length repeated: "+strings.Join(members, ", "),
		fmt.Sprintf("Content-Length is sent %d times (%s) with the same value. A recipient may accept that as %s, but a sender must not generate it, and a strict client or proxy rejects the message as possible smuggling. Send it once.", len(members), how, members[0]),
		"RFC 9110 §8.6", "RFC 9112 §6.3"), true
}

// locationDefined reports the statuses where Location has a meaning: 201 and the
// redirections (RFC 9110 §10.2.2).
func locationDefined(status int) bool {
	return status == 201 || (status >= 300 && status < 400) || status < 200
}

// notModifiedMetadata flags representation metadata on a 304 other than the fields a
// 304 is meant to carry (RFC 9110 §15.4.5): a cache would apply them to the stored
// response.
func notModifiedMetadata(resp Response) []Finding {
	var extra []string
	for _, name := range []string{"Content-Type", "Content-Encoding", "Content-Language", "Content-Range"} {
		if has(resp.Fields, name) {
			extra = append(extra, name)
		}
	}
	if len(extra) == 0 {
		return nil
	}
	return []Finding{newFinding("not-modified-metadata", Warning, "304 Not Modified with "+strings.Join(extra, ", "),
		"A 304 should carry only the fields a 200 would have that guide the cache update (Cache-Control, Content-Location, Date, ETag, Expires, Vary, Last-Modified). "+strings.Join(extra, ", ")+" describe a representation the 304 does not carry; a cache updating its stored response with them may relabel it wrongly.",
		"RFC 9110 §15.4.5", "RFC 9111 §4.3.4")}
}

// retryAfterFinding explains Retry-After on a 429 or 503: its value in words, or
// that it is missing or malformed (RFC 9110 §10.2.3, RFC 6585 §4).
func retryAfterFinding(x Exchange) Finding {
	refs := []string{"RFC 9110 §10.2.3", "RFC 9110 §15.6.4"}
	if x.Response.Status == 429 {
		refs = []string{"RFC 9110 §10.2.3", "RFC 6585 §4"}
	}
	code := x.Response.Status
	v, ok := first(x.Response.Fields, "Retry-After")
	if !ok {
		return newFinding("retry-after", Info, fmt.Sprintf("%d without Retry-After", code),
			fmt.Sprintf("A %d may say when to try again with Retry-After; without it a client must guess, and many retry at once. Send Retry-After with a number of seconds.", code),
			refs...)
	}
	if secs, ok := ccDeltaSeconds(v); ok {
		return newFinding("retry-after", Info, fmt.Sprintf("Retry after %s", secondsWords(secs)),
			fmt.Sprintf("Retry-After: %s asks the client to wait %s before sending the request again.", v, secondsWords(secs)),
			refs...)
	}
	t, _, okDate := parseHTTPDate(v)
	if !okDate {
		return newFinding("retry-after", Warning, "Malformed Retry-After: "+v,
			"Retry-After is either a whole number of seconds or an HTTP-date (e.g. Wed, 21 Oct 2015 07:28:00 GMT); this value is neither, so clients ignore it and guess.",
			refs...)
	}
	when := "at " + t.UTC().Format(time.RFC1123)
	if !x.Received.IsZero() {
		if d := t.Sub(x.Received); d > 0 {
			when = fmt.Sprintf("in %s (%s)", secondsWords(int64(d/time.Second)), t.UTC().Format(time.RFC1123))
		} else {
			when = "now: the date has already passed (" + t.UTC().Format(time.RFC1123) + ")"
		}
	}
	return newFinding("retry-after", Info, "Retry "+when,
		"Retry-After gives an HTTP-date: the client should not repeat the request before then. A number of seconds is simpler and does not depend on clocks agreeing.",
		refs...)
}

// secondsWords writes a duration in seconds for a reader: "90 s (1 min 30 s)".
func secondsWords(s int64) string {
	if s < 60 {
		return fmt.Sprintf("%d s", s)
	}
	d := time.Duration(s) * time.Second
	h, m, sec := int64(d.Hours()), int64(d.Minutes())%60, s%60
	var parts []string
	if h > 0 {
		parts = append(parts, fmt.Sprintf("%d h", h))
	}
	if m > 0 {
		parts = append(parts, fmt.Sprintf("%d min", m))
	}
	if sec > 0 {
		parts = append(parts, fmt.Sprintf("%d s", sec))
	}
	return fmt.Sprintf("%d s (%s)", s, strings.Join(parts, " "))
}
