package explain

import "fmt"

// outcomeFindings says what the preconditions led to: 304, 412, 428, a 2xx that
// should not have been, and what to send next. known is false when the request's
// header fields are unknown; p is then empty.
func outcomeFindings(x Exchange, p preconditions, known bool) []Finding {
	method := methodOf(x)
	switch status := x.Response.Status; {
	case status == 304:
		return []Finding{notModifiedFinding(x, p, known)}
	case status == 412:
		return []Finding{preconditionFailedFinding(x, p, known)}
	case status == 428:
		detail := "The server refuses to change this resource without a precondition, to prevent lost updates: two clients reading the same version and the second silently overwriting the first. GET the resource, take its ETag and resend the request with If-Match: <that tag>."
		if p.ifMatch || p.ius != "" {
			detail += " This request did send a precondition; the server may expect a different one (usually If-Match)."
		}
		return []Finding{newFinding("precondition-required", Info, "428: resend with If-Match", detail, "RFC 6585 §3")}
	case status >= 200 && status <= 299:
		var out []Finding
		mismatch, ok1 := mismatchFinding(x, p)
		missed, ok2 := missedNotModified(x, p)
		if ok1 {
			out = append(out, mismatch)
		}
		if ok2 {
			out = append(out, missed)
		}
		if f, ok := passedFinding(x, p); ok && !ok1 && !ok2 {
			out = append(out, f)
		}
		if method != "PUT" && method != "DELETE" {
			if f, ok := nextRequestFinding(x); ok {
				out = append(out, f)
			}
		}
		return out
	}
	return nil
}

// notModifiedFinding explains a 304 (RFC 9110 §15.4.5): only valid as the answer to
// a conditional GET or HEAD whose If-None-Match or If-Modified-Since was false.
func notModifiedFinding(x Exchange, p preconditions, known bool) Finding {
	method := methodOf(x)
	refs := []string{"RFC 9110 §15.4.5", "RFC 9111 §4.3.4"}
	reuse := " Reuse the stored copy, updated with the header fields of this 304."
	switch {
	case method != "" && method != "GET" && method != "HEAD":
		return newFinding("not-modified", Warning, "304 Not Modified in answer to "+method,
			"304 only answers a conditional GET or HEAD. For "+method+" a false precondition gives 412 Precondition Failed; a client has no stored copy to reuse here.",
			append(refs, "RFC 9110 §13.2.2")...)
	case known && p.readCondition(method) == "":
		return newFinding("not-modified", Warning, "304 Not Modified to a request without If-None-Match or If-Modified-Since",
			"304 means the client's stored copy is current, but this request did not say which copy it has. A client without a stored response cannot use it.",
			refs...)
	case !known:
		return newFinding("not-modified", Info, "304 Not Modified: your stored copy is current",
			"The condition in the request (If-None-Match or If-Modified-Since) was false: the resource has not changed."+reuse,
			refs...)
	}
	why := "the current entity tag matches one in If-None-Match"
	if p.readCondition(method) == "If-Modified-Since" {
		why = "the resource has not changed since If-Modified-Since: " + p.ims
	} else if p.inmStar {
		why = "If-None-Match: * is false whenever a current representation exists"
	}
	return newFinding("not-modified", Info, "304 Not Modified: your stored copy is current",
		"The condition was false: "+why+"."+reuse, refs...)
}

// preconditionFailedFinding says which precondition failed and what to do next
// (RFC 9110 §15.5.13), in the words of PreconditionFailure.
func preconditionFailedFinding(x Exchange, p preconditions, known bool) Finding {
	refs := []string{"RFC 9110 §15.5.13", "RFC 9110 §13.2.2"}
	f := PreconditionFailure(x.Request, x.Response)
	sev, title := Info, "412: a precondition was false"
	switch f.Field {
	case "If-Match":
		title = "412: If-Match did not match"
		refs = append(refs, "RFC 9110 §13.1.1")
		if p.imStar {
			title = "412: If-Match: * failed, the resource does not exist"
		}
	case "If-Unmodified-Since":
		title, refs = "412: modified since If-Unmodified-Since", append(refs, "RFC 9110 §13.1.4")
	case "If-None-Match: *":
		title, refs = "412: If-None-Match: * failed, the resource already exists", append(refs, "RFC 9110 §13.1.2")
	case "If-None-Match":
		title, refs = "412: If-None-Match was false", append(refs, "RFC 9110 §13.1.2")
	default:
		if known {
			sev, title = Warning, "412 to a request without a precondition"
		}
	}
	return newFinding("precondition-failed", sev, title, f.Why+" "+f.Advice, refs...)
}

func anyStrongMatch(list []ETag, t ETag) bool {
	for _, c := range list {
		if c.strongMatch(t) {
			return true
		}
	}
	return false
}

// mismatchFinding notices a 2xx although If-Match or If-Unmodified-Since did not
// hold, which RFC 9110 §13.1.1 and §13.1.4 allow only when the change was already
// applied.
func mismatchFinding(x Exchange, p preconditions) (Finding, bool) {
	method := methodOf(x)
	read := method == "GET" || method == "HEAD"
	var why string
	switch p.writeCondition() {
	case "If-Match":
		if p.imStar {
			return Finding{}, false
		}
		current, tagged := responseETag(x.Response)
		allWeak := true
		for _, t := range p.imTags {
			allWeak = allWeak && t.weak
		}
		switch {
		case len(p.imTags) > 0 && allWeak:
			why = "every tag in If-Match is weak and can never match by strong comparison"
		case read && tagged && !anyStrongMatch(p.imTags, current):
			why = "If-Match does not match the current entity tag " + current.String()
		}
	case "If-Unmodified-Since":
		lm, ok := first(x.Response.Fields, "Last-Modified")
		if t, _, valid := parseHTTPDate(lm); ok && valid && read && t.After(p.iusDate) {
			why = "Last-Modified (" + lm + ") is later than If-Unmodified-Since (" + p.ius + ")"
		}
	}
	if why == "" {
		return Finding{}, false
	}
	return newFinding("success-despite-mismatch", Info, fmt.Sprintf("%d although the precondition did not match", x.Response.Status),
		"Here "+why+". A server may answer 2xx anyway when it sees the change was already made (a retried write); otherwise it is not evaluating the precondition, and conditional writes to it do not protect anything.",
		"RFC 9110 §13.1.1", "RFC 9110 §13.1.4"), true
}

// passedFinding says what a precondition that held did: the write went ahead because
// nobody changed the resource since it was read, or a changed resource was sent in
// full. It stays silent when mismatchFinding has something to say instead.
func passedFinding(x Exchange, p preconditions) (Finding, bool) {
	method := methodOf(x)
	read := method == "GET" || method == "HEAD"
	switch {
	case method == "OPTIONS" || method == "CONNECT" || method == "TRACE":
		return Finding{}, false // preconditions do not apply (RFC 9110 §13.2.1)
	case len(p.imBad) > 0 || (p.imStar && len(p.imTags) > 0):
		return Finding{}, false // if-match says what is wrong with the field
	}
	switch cond := p.writeCondition(); {
	case cond == "If-Match" && p.imStar:
		return newFinding("precondition-passed", Info, "If-Match: * held: the resource exists",
			"If-Match: * is true whenever a current representation exists, so the "+method+" was applied. It guards against creating by mistake, not against overwriting a newer version: send the ETag you read for that.",
			"RFC 9110 §13.1.1"), true
	case cond != "" && !read:
		return newFinding("precondition-passed", Info, cond+" held: nobody changed it since you read it",
			"The "+cond+" precondition was true (If-Match compares entity tags strongly), so the server applied the "+method+". This is how a conditional write prevents lost updates: had someone changed the resource in between, the answer would have been 412 and nothing would have changed.",
			"RFC 9110 §13.1.1", "RFC 9110 §13.1.4", "RFC 9110 §13.2.2"), true
	}
	if read && p.readCondition(method) != "" {
		return newFinding("precondition-passed", Info, p.readCondition(method)+" was true: the resource changed",
			"Your stored copy is out of date (its validator no longer matches), so the server sent the current representation in full. Replace your copy with this one and its validators.",
			"RFC 9110 §13.1.2", "RFC 9110 §13.1.3", "RFC 9110 §13.2.2"), true
	}
	return Finding{}, false
}

// missedNotModified notices a full 2xx to a GET or HEAD whose If-None-Match or
// If-Modified-Since was false: the server could have sent 304.
func missedNotModified(x Exchange, p preconditions) (Finding, bool) {
	method := methodOf(x)
	if method != "GET" && method != "HEAD" {
		return Finding{}, false
	}
	var why string
	switch p.readCondition(method) {
	case "If-None-Match":
		current, tagged := responseETag(x.Response)
		if p.inmStar {
			why = "If-None-Match: * is false whenever the resource exists"
		} else if tagged {
			for _, t := range p.inmTags {
				if t.weakMatch(current) {
					why = "the ETag " + current.String() + " matches If-None-Match (weak comparison)"
				}
			}
		}
	case "If-Modified-Since":
		lm, _ := first(x.Response.Fields, "Last-Modified")
		if t, _, ok := parseHTTPDate(lm); ok && !t.After(p.imsDate) {
			why = "Last-Modified (" + lm + ") is not later than If-Modified-Since (" + p.ims + ")"
		}
	}
	if why == "" || x.Response.Status != 200 {
		return Finding{}, false
	}
	return newFinding("not-modified-missed", Warning, "Full 200 although the condition was false",
		"Here "+why+", so the server should have answered 304 Not Modified and saved sending the content again. It seems to ignore the condition.",
		"RFC 9110 §13.1.2", "RFC 9110 §13.1.3", "RFC 9110 §13.2.2"), true
}

// nextRequestFinding says which conditional fields to send next, from the
// validators of this response (RFC 9110 §13.1, RFC 9111 §4.3.1).
func nextRequestFinding(x Exchange) (Finding, bool) {
	resp := x.Response
	tag, tagged := responseETag(resp)
	lm, hasLM := first(resp.Fields, "Last-Modified")
	if _, _, ok := parseHTTPDate(lm); !ok {
		hasLM = false
	}
	// The steps are written into one buffer on the stack, joined by "; ", and
	// copied once: they were a slice, its join and two more copies.
	b := make([]byte, 0, 512)
	switch {
	case tagged && tag.weak:
		b = appendTag(append(b, "to revalidate, GET with If-None-Match: "...), tag)
		b = append(b, " (weak tags are fine there); a weak tag cannot guard a write: for PUT or DELETE, GET a strong tag or use If-Unmodified-Since"...)
	case tagged:
		b = appendTag(append(b, "to revalidate, GET with If-None-Match: "...), tag)
		b = appendTag(append(b, "; to write safely, PUT or DELETE with If-Match: "...), tag)
	}
	if hasLM {
		if len(b) > 0 {
			b = append(b, "; "...)
		}
		b = append(append(b, "with the date, If-Modified-Since: "...), lm...)
		b = append(b, " to revalidate or If-Unmodified-Since for a write"...)
	}
	if len(b) == 0 {
		return Finding{}, false
	}
	b = append(b, '.')
	if tagged && hasLM {
		b = append(b, " A cache sends both; the server then uses the entity tag."...)
	}
	b[0] = upper(b[0]) // every step starts with a lower-case ASCII word
	return newFinding("next-request", Info, "Next request: use the validators",
		string(b), "RFC 9110 §13.1", "RFC 9111 §4.3.1"), true
}

// appendTag appends t in its wire form (ETag.String without the string).
func appendTag(b []byte, t ETag) []byte {
	if t.weak {
		b = append(b, "W/"...)
	}
	return append(b, t.opaque...)
}
