package explain

import (
	"fmt"
	"strings"
	"time"
)

// validatorFindings reads ETag, Last-Modified and Date, fills Validators and says
// what is wrong with them and what they promise.
func validatorFindings(x Exchange) (Validators, []Finding) {
	resp := x.Response
	var v Validators
	var out []Finding
	var buf [2]string
	tagLines := appendLines(buf[:0], resp.Fields, "ETag")
	if len(tagLines) > 0 {
		v.ETag = tagLines[0]
		t, problem := parseEntityTag(tagLines[0])
		if problem == "" && len(tagLines) > 1 {
			problem = fmt.Sprintf("The response has %d ETag fields; a representation has one entity tag.", len(tagLines))
		}
		v.ETagValid = problem == ""
		v.ETagWeak = t.weak
		if problem != "" {
			out = append(out, newFinding("etag-syntax", Error, "Malformed ETag: "+v.ETag,
				problem+" Clients and caches may ignore a malformed tag or send it back in a form the server does not recognise, so conditional requests fail.",
				"RFC 9110 §8.8.3"))
		} else if t.weak {
			out = append(out, newFinding("etag-weak", Info, "Weak entity tag "+v.ETag,
				"W/ means the tag only promises semantically equivalent content, not identical bytes. It works for If-None-Match (cache validation, weak comparison) but never matches in If-Match or If-Range, which use strong comparison.",
				"RFC 9110 §8.8.1", "RFC 9110 §8.8.3", "RFC 9110 §8.8.3.2"))
		}
	}
	date, dateOK, dateFindings := dateField(resp)
	out = append(out, dateFindings...)
	if lm, ok := first(resp.Fields, "Last-Modified"); ok {
		v.LastModified = lm
		out = append(out, lastModifiedFindings(lm, date, dateOK)...)
	}
	if len(out) == 0 {
		return v, missingValidatorFindings(x, v) // not copied: the usual case
	}
	out = append(out, missingValidatorFindings(x, v)...)
	return v, out
}

// dateField parses Date. A missing Date is only flagged where an origin with a
// clock must send it: in 2xx, 3xx and 4xx responses (RFC 9110 §6.6.1).
func dateField(resp Response) (time.Time, bool, []Finding) {
	d, ok := first(resp.Fields, "Date")
	if !ok {
		if resp.Status >= 200 && resp.Status < 500 {
			return time.Time{}, false, []Finding{newFinding("date", Warning, "No Date field",
				"An origin server with a clock must send Date in 2xx, 3xx and 4xx responses. Without it a cache uses the time it received the response, so Expires, Age and Last-Modified are harder to judge.",
				"RFC 9110 §6.6.1")}
		}
		return time.Time{}, false, nil
	}
	t, obsolete, ok := parseHTTPDate(d)
	switch {
	case !ok:
		return time.Time{}, false, []Finding{newFinding("date", Error, "Invalid Date: "+d,
			"Date must be an HTTP-date in GMT, e.g. Sun, 06 Nov 1994 08:49:37 GMT. A recipient treats an invalid Date as missing and uses its own receive time.",
			"RFC 9110 §6.6.1", "RFC 9110 §5.6.7")}
	case obsolete:
		return t, true, []Finding{newFinding("date", Warning, "Date in an obsolete format: "+d,
			"Recipients still accept the RFC 850 and asctime forms, but a sender must use IMF-fixdate, e.g. Sun, 06 Nov 1994 08:49:37 GMT.",
			"RFC 9110 §5.6.7")}
	}
	return t, true, nil
}

// lastModifiedFindings checks the date and that it is not later than Date
// (RFC 9110 §8.8.2.1).
func lastModifiedFindings(lm string, date time.Time, dateOK bool) []Finding {
	t, obsolete, ok := parseHTTPDate(lm)
	switch {
	case !ok:
		return []Finding{newFinding("last-modified", Error, "Invalid Last-Modified: "+lm,
			"Last-Modified must be an HTTP-date in GMT. An invalid one is ignored: no If-Modified-Since revalidation, no heuristic freshness.",
			"RFC 9110 §8.8.2", "RFC 9110 §5.6.7")}
	case dateOK && t.After(date):
		return []Finding{newFinding("last-modified", Error, "Last-Modified is later than Date",
			fmt.Sprintf("The resource claims to have changed %s after the response was generated. An origin must not send a Last-Modified later than its Date; a cache would compute nonsense freshness from it.", t.Sub(date)),
			"RFC 9110 §8.8.2.1")}
	case obsolete:
		return []Finding{newFinding("last-modified", Warning, "Last-Modified in an obsolete format: "+lm,
			"Recipients still accept it, but a sender must use IMF-fixdate, e.g. Sun, 06 Nov 1994 08:49:37 GMT.",
			"RFC 9110 §5.6.7")}
	}
	return nil
}

// missingValidatorFindings covers a 200 to GET without validators and what the
// validators of a 2xx to PUT promise.
func missingValidatorFindings(x Exchange, v Validators) []Finding {
	resp := x.Response
	method := methodOf(x)
	hasTag, hasLM := v.ETag != "", v.LastModified != ""
	if resp.Status == 200 && (method == "GET" || method == "") && !hasTag && !hasLM {
		return []Finding{newFinding("no-validator", Info, "No ETag or Last-Modified",
			"Without a validator the client cannot revalidate cheaply (no 304 Not Modified) and cannot make a safe conditional write (If-Match). An origin should send an ETag, Last-Modified or both when it can.",
			"RFC 9110 §8.8.2.1", "RFC 9110 §8.8.3.1")}
	}
	if method != "PUT" || resp.Status < 200 || resp.Status > 299 {
		return nil
	}
	return []Finding{putValidatorFinding(x, v)}
}

// putValidatorFinding says what a validator in a 2xx to PUT promises (RFC 9110
// §9.3.4): the server stored the bytes as sent and the validator describes them.
func putValidatorFinding(x Exchange, v Validators) Finding {
	refs := []string{"RFC 9110 §9.3.4", "RFC 9110 §8.8"}
	switch {
	case v.ETag == "" && v.LastModified == "":
		return newFinding("put-validator", Info, "No validator after PUT: GET before the next conditional write",
			"A server that transforms what you PUT must not send a validator, and this one sent none, so you do not know the new entity tag. GET the resource again before the next If-Match write.",
			refs...)
	case v.ETag == "":
		return newFinding("put-validator", Info, "Last-Modified after PUT",
			"Last-Modified describes the state you just stored. It can serve in If-Unmodified-Since for the next write, with one-second resolution; an ETag would be safer.",
			refs...)
	case !v.ETagValid:
		return newFinding("put-validator", Warning, "Malformed ETag after PUT",
			"The server means to give you the new entity tag, but it is malformed; an If-Match built from it may never match. GET the resource before the next conditional write.",
			refs...)
	case v.ETagWeak:
		return newFinding("put-validator", Warning, "Weak ETag after PUT",
			"A weak tag cannot be used in If-Match (strong comparison), so it does not let you make the next conditional write. The server should send a strong tag for what it stored.",
			append(refs, "RFC 9110 §8.8.3.2")...)
	}
	if star, sent, _ := parseTagList(values(requestFields(x), "If-Match")); !star {
		for _, t := range sent {
			if t.opaque == strings.TrimPrefix(v.ETag, "W/") {
				return newFinding("put-validator", Warning, "ETag unchanged by the PUT",
					"The response carries the same entity tag the request sent in If-Match, although the PUT changed the resource. Either the content was identical or the server does not update its tags; a later If-Match could then overwrite someone else's change.",
					refs...)
			}
		}
	}
	what := "the state you stored"
	if x.Response.Status == 201 {
		what = "the resource you created"
	}
	return newFinding("put-validator", Info, "ETag "+v.ETag+" after PUT: the new entity tag",
		"The server promises it stored your bytes unchanged and that this tag describes "+what+". Keep your copy and send If-Match: "+v.ETag+" with the next write.",
		refs...)
}
