package explain

import (
	"fmt"
	"strings"
)

// statusCauses names why the status changed, from the request B sent and the
// validators both responses carry.
func (p pair) statusCauses() []Cause {
	sa, sb := p.a.Response.Status, p.b.Response.Status
	switch {
	case sa == sb:
		return nil
	case sb == 304:
		return []Cause{p.notModifiedCause()}
	case sa == 304 && sb >= 200 && sb < 300:
		return []Cause{p.validatorChangedCause()}
	case sb == 412:
		return []Cause{p.preconditionFailedCause()}
	case sb == 428:
		return []Cause{newCause("precondition-required", Info, fmt.Sprintf("%d then 428: the server now demands a precondition", sa),
			"B was refused because it carried no If-Match (or If-Unmodified-Since): the origin protects the resource against lost updates. GET it, take its ETag and resend with If-Match.",
			"RFC 6585 §3")}
	case (sa == 428 || sa == 412) && sb >= 200 && sb < 300:
		return []Cause{p.preconditionMetCause()}
	case (sb == 404 || sb == 410) && sa >= 200 && sa < 300:
		return []Cause{p.goneCause()}
	case (sa == 404 || sa == 410) && sb >= 200 && sb < 300:
		detail := "The resource did not exist for A and exists for B: something created it in between."
		if w, ok := p.writeBetween(); ok {
			detail = "The " + describeExchange(w) + " in between created it."
		} else if m := methodOf(p.b); m == "PUT" || m == "POST" {
			detail = "B itself, a " + m + ", created it."
		}
		return []Cause{newCause("created", Info, fmt.Sprintf("%d then %d: the resource now exists", sa, sb), detail, "RFC 9110 §9.3.4", "RFC 9110 §15.3.2")}
	}
	return []Cause{newCause("status-changed", Info, fmt.Sprintf("%d then %d: no cause visible in the headers", sa, sb),
		"Neither the requests' preconditions nor the validators explain the change; it comes from the server's state or logic.",
		"RFC 9110 §15")}
}

// notModifiedCause explains a 304 for B: which validator matched.
func (p pair) notModifiedCause() Cause {
	sa := p.a.Response.Status
	title := fmt.Sprintf("%d then 304: B's validator matched, so A's copy is still current", sa)
	refs := []string{"RFC 9110 §15.4.5", "RFC 9111 §4.3.4"}
	fs := requestFields(p.b)
	tagA, hasA := tagOf(p.a)
	if inm := values(fs, "If-None-Match"); len(inm) > 0 {
		_, tags, _ := parseTagList(inm)
		detail := "B sent If-None-Match: " + strings.Join(inm, ", ") + " and the current entity tag is among them (weak comparison), so the server answered 304 instead of resending the content."
		if hasA && anyWeakMatch(tags, tagA) {
			detail = "B sent If-None-Match: " + strings.Join(inm, ", ") + ", which matches the ETag " + tagA.String() +
				" that A carried (weak comparison): the representation has not changed, so the server answered 304 and the client reuses A's body."
		}
		return newCause("not-modified-match", Info, title, detail, append(refs, "RFC 9110 §13.1.2")...)
	}
	if ims, ok := first(fs, "If-Modified-Since"); ok {
		lm, _ := first(p.a.Response.Fields, "Last-Modified")
		detail := "B sent If-Modified-Since: " + ims + "; the resource has not changed since then, so the server answered 304."
		if lm != "" {
			detail += " A's Last-Modified was " + lm + "."
		}
		return newCause("not-modified-match", Info, title, detail, append(refs, "RFC 9110 §13.1.3")...)
	}
	if fieldsKnown(p.b) {
		return newCause("not-modified-match", Warning, fmt.Sprintf("%d then 304 to an unconditional request", sa),
			"B carried neither If-None-Match nor If-Modified-Since, so a 304 makes no sense: the client has nothing to reuse. The server (or a cache) is wrong.",
			append(refs, "RFC 9110 §13.1.2")...)
	}
	detail := "A 304 answers a conditional GET or HEAD: B must have carried If-None-Match or If-Modified-Since, and its validator still matched."
	if tagB, ok := tagOf(p.b); ok && hasA && tagB.weakMatch(tagA) {
		detail += " Both responses carry the ETag " + tagA.String() + ": the representation did not change."
	}
	return newCause("not-modified-match", Info, title, detail, refs...)
}

// validatorChangedCause explains a 304 followed by a full response.
func (p pair) validatorChangedCause() Cause {
	fs := requestFields(p.b)
	inm := values(fs, "If-None-Match")
	tagB, hasB := tagOf(p.b)
	detail := "B got the full representation: its validator no longer matched, so the resource changed since the copy A revalidated."
	switch {
	case len(inm) > 0 && hasB:
		detail = "B sent If-None-Match: " + strings.Join(inm, ", ") + ", but the current ETag is " + tagB.String() +
			": the resource changed, so the server sent the new representation. Replace the stored copy."
	case fieldsKnown(p.b) && len(inm) == 0 && !has(fs, "If-Modified-Since"):
		detail = "B was not conditional (no If-None-Match or If-Modified-Since), so the server sent the full representation; that says nothing about a change."
	}
	return newCause("validator-changed", Info, fmt.Sprintf("304 then %d: the validator no longer matched", p.b.Response.Status),
		detail, "RFC 9110 §13.1.2", "RFC 9110 §13.1.3")
}

// preconditionFailedCause explains a 412 for B: which condition failed and why.
func (p pair) preconditionFailedCause() Cause {
	sa := p.a.Response.Status
	title := fmt.Sprintf("%d then 412: B's precondition was false", sa)
	refs := []string{"RFC 9110 §15.5.13", "RFC 9110 §13.1.1"}
	fs := requestFields(p.b)
	ifMatch := values(fs, "If-Match")
	star, tags, _ := parseTagList(ifMatch)
	current, source := p.currentTag()
	for _, t := range tags {
		if t.weak {
			return newCause("precondition-failed-changed", Warning, title,
				"B's If-Match holds the weak tag "+t.String()+": If-Match uses strong comparison, so a weak tag never matches. Send the strong ETag.",
				append(refs, "RFC 9110 §8.8.3.2")...)
		}
	}
	switch {
	case len(tags) > 0 && current.opaque != "" && !anyStrongMatch(tags, current):
		title = fmt.Sprintf("%d then 412 because the ETag changed between", sa)
		detail := "B sent If-Match: " + strings.Join(ifMatch, ", ") + ", but the resource's ETag is now " + current.String() + " (" + source + ")."
		if w, ok := p.writeBetween(); ok {
			detail += " The " + describeExchange(w) + " in between changed it."
		} else if m := methodOf(p.a); m != "" && !cacheSafeMethod(m) && sa < 300 {
			detail += " A, a successful " + m + ", changed it."
		}
		detail += " Nothing was written: GET the current state, merge, and retry with the new tag."
		return newCause("precondition-failed-changed", Info, title, detail, refs...)
	case star && len(tags) == 0 && sa >= 200 && sa < 300 && !p.aRemoved():
		return newCause("precondition-failed-changed", Info, title,
			"B sent If-Match: *, which fails only when the resource has no current representation.", refs...)
	}
	if inm := values(fs, "If-None-Match"); len(inm) > 0 {
		return newCause("precondition-failed-changed", Info, title,
			"B sent If-None-Match: "+strings.Join(inm, ", ")+" with a method other than GET or HEAD; the resource exists (or its tag matched), so the write was refused.",
			"RFC 9110 §15.5.13", "RFC 9110 §13.1.2")
	}
	if ius, ok := first(fs, "If-Unmodified-Since"); ok {
		return newCause("precondition-failed-changed", Info, title,
			"B sent If-Unmodified-Since: "+ius+", and the resource was modified after that.", "RFC 9110 §15.5.13", "RFC 9110 §13.1.4")
	}
	detail := "A precondition of B evaluated false, so the method was not applied. The request's fields are not known well enough to say which."
	if ta, okA := tagOf(p.a); okA && current.opaque != "" && ta != current {
		title = fmt.Sprintf("%d then 412: the ETag changed between", sa)
		detail = "A carried the ETag " + ta.String() + ", and the resource's ETag is now " + current.String() + " (" + source +
			"): a precondition naming A's tag (If-Match) fails, so the method was not applied. GET the current state and retry with the new tag."
	}
	return newCause("precondition-failed-changed", Info, title, detail, refs...)
}

// currentTag is the resource's entity tag after A: B's own 412 carries it when the
// server is helpful, else A's response does.
func (p pair) currentTag() (ETag, string) {
	if t, ok := tagOf(p.b); ok {
		return t, "B's 412 says so"
	}
	if w, ok := p.writeBetween(); ok {
		if t, ok := tagOf(w); ok {
			return t, "from the " + describeExchange(w) + " in between"
		}
	}
	if t, ok := tagOf(p.a); ok {
		return t, "A's response gave it"
	}
	return ETag{}, ""
}

// aRemoved reports whether A was a successful DELETE.
func (p pair) aRemoved() bool {
	return methodOf(p.a) == "DELETE" && p.a.Response.Status < 300
}

// goneCause explains a 2xx followed by 404 or 410.
func (p pair) goneCause() Cause {
	sa, sb := p.a.Response.Status, p.b.Response.Status
	refs := []string{"RFC 9110 §9.3.5", "RFC 9110 §15.5.5"}
	if sb == 410 {
		refs[1] = "RFC 9110 §15.5.11"
	}
	if p.aRemoved() {
		return newCause("gone", Info, fmt.Sprintf("%d then %d after a DELETE", sa, sb),
			"A was a successful DELETE: the target no longer has a current representation, so B finds nothing.", refs...)
	}
	if w, ok := p.writeBetween(); ok && methodOf(w) == "DELETE" {
		return newCause("gone", Info, fmt.Sprintf("%d then %d after a DELETE", sa, sb),
			"The "+describeExchange(w)+" in between removed the resource, so B finds nothing.", refs...)
	}
	return newCause("gone", Info, fmt.Sprintf("%d then %d: the resource went away", sa, sb),
		"The resource existed for A and not for B: it was deleted (by a DELETE from someone) or moved between them. 410 would say the removal is permanent.",
		refs...)
}

func anyWeakMatch(list []ETag, t ETag) bool {
	for _, l := range list {
		if l.weakMatch(t) {
			return true
		}
	}
	return false
}

// conditionFields are the request's preconditions, compared as sent (RFC 9110 §13.1).
var conditionFields = []string{"If-Match", "If-None-Match", "If-Modified-Since", "If-Unmodified-Since", "If-Range"}

// preconditionMetCause explains a 428 followed by a success: B carried the
// precondition A lacked (typed, or added by a helper before sending).
func (p pair) preconditionMetCause() Cause {
	sa, sb := p.a.Response.Status, p.b.Response.Status
	if sa == 412 {
		title := fmt.Sprintf("412 then %d: B's precondition held", sb)
		for _, name := range conditionFields {
			va, vb := strings.Join(lines(requestFields(p.a), name), ", "), strings.Join(lines(requestFields(p.b), name), ", ")
			if va != vb {
				return newCause("precondition-met", Info, title,
					"A's "+name+" ("+orNone(va)+") was false; B sent "+name+" ("+orNone(vb)+"), which held, so the server applied the "+methodOf(p.b)+".",
					"RFC 9110 §13.2.2", "RFC 9110 §15.5.13")
			}
		}
		return newCause("precondition-met", Info, title,
			"B sent the same preconditions as A, and this time they held: the resource changed back, or the server's state did.",
			"RFC 9110 §13.2.2")
	}
	title := fmt.Sprintf("428 then %d: B carried the precondition the server requires", sb)
	for _, name := range []string{"If-Match", "If-Unmodified-Since"} {
		vb := lines(requestFields(p.b), name)
		if len(vb) > 0 && len(lines(requestFields(p.a), name)) == 0 {
			return newCause("precondition-met", Info, title,
				"A was sent without "+name+" and refused with 428; B sent "+name+": "+strings.Join(vb, ", ")+", it held, so the server applied the "+methodOf(p.b)+".",
				"RFC 6585 §3", "RFC 9110 §13.1.1")
		}
	}
	return newCause("precondition-met", Info, fmt.Sprintf("428 then %d: the server accepted B's request", sb),
		"A was refused for lack of a precondition. B's request fields do not show a new If-Match or If-Unmodified-Since; the server's rule or state changed.",
		"RFC 6585 §3")
}

// preconditionCauses lists the preconditions A and B sent differently. Only
// when the status changed: a precondition decides the status (304, 412, 428, 2xx).
func (p pair) preconditionCauses(sameStatus bool) []Cause {
	if sameStatus || !fieldsKnown(p.a) || !fieldsKnown(p.b) {
		return nil
	}
	var diffs []string
	for _, name := range conditionFields {
		va := strings.Join(lines(requestFields(p.a), name), ", ")
		vb := strings.Join(lines(requestFields(p.b), name), ", ")
		switch {
		case va == vb:
		case va == "":
			diffs = append(diffs, "B added "+name+": "+vb)
		case vb == "":
			diffs = append(diffs, "B dropped "+name+" (A sent "+va+")")
		default:
			diffs = append(diffs, "A sent "+name+": "+va+", B sent "+vb)
		}
	}
	if len(diffs) == 0 {
		return nil
	}
	return []Cause{newCause("precondition-differs", Info, "The requests' preconditions differ",
		strings.Join(diffs, "; ")+". The server evaluates them before applying the method, so they can decide the status.",
		"RFC 9110 §13.2.2")}
}

// orNone is a field value for a sentence: "none" when it was not sent.
func orNone(v string) string {
	if v == "" {
		return "none"
	}
	return v
}
