package explain

import (
	"fmt"
	"strings"
)

// freshnessCauses compares the cache verdicts: the same stored response can be fresh
// at A and stale at B because its age grew past its lifetime (RFC 9111 §4.2).
func (p pair) freshnessCauses() []Cause {
	if !p.sameRepresentation() {
		return nil
	}
	ca, cb := Analyze(p.a).Cache, Analyze(p.b).Cache
	storable := ca.StorablePrivate || ca.StorableShared
	switch {
	case !storable:
		return nil
	case ca.Fresh && !cb.Fresh:
		return []Cause{newCause("became-stale", Info,
			fmt.Sprintf("Fresh at A, stale at B: its age passed the %d s lifetime", cb.FreshnessLifetimeS),
			fmt.Sprintf("At A the response was %d s old and fresh for %d s more (lifetime from %s). At B it is %d s old, stale by %d s: a cache must now revalidate it with the origin before reuse (a 304 would make it fresh again).",
				ca.AgeS, ca.FreshForS, ca.FreshnessSource, cb.AgeS, -cb.FreshForS),
			"RFC 9111 §4.2", "RFC 9111 §4.2.3", "RFC 9111 §4.3")}
	case !ca.Fresh && cb.Fresh:
		return []Cause{newCause("became-fresh", Info, "Stale at A, fresh at B: B is a newer or revalidated copy",
			fmt.Sprintf("B carries a later Date or a smaller Age, so its age (%d s) is within its lifetime (%d s) again.", cb.AgeS, cb.FreshnessLifetimeS),
			"RFC 9111 §4.2", "RFC 9111 §4.3.4")}
	}
	return nil
}

// sameRepresentation reports whether A and B are the same representation: same
// status and ETag, or (without tags) same body.
func (p pair) sameRepresentation() bool {
	if p.a.Response.Status != p.b.Response.Status {
		return false
	}
	ta, okA := first(p.a.Response.Fields, "ETag")
	tb, okB := first(p.b.Response.Fields, "ETag")
	if okA || okB {
		return ta == tb
	}
	return string(p.a.Response.Body) == string(p.b.Response.Body)
}

// validatorCauses compares the validators: a new ETag means a new representation;
// the same strong ETag over different bytes breaks the tag's promise.
func (p pair) validatorCauses(bodyChanged bool) []Cause {
	sb := p.b.Response.Status
	if sb == 304 || sb == 412 {
		return nil // the status cause already tells the validator story
	}
	ta, okA := tagOf(p.a)
	tb, okB := tagOf(p.b)
	sameCoding := strings.EqualFold(codingOf(p.a), codingOf(p.b))
	switch {
	case okA && okB && ta != tb:
		detail := "A had ETag " + ta.String() + ", B has " + tb.String() + ": the representation changed between them."
		if w, ok := p.writeBetween(); ok {
			detail += " The " + describeExchange(w) + " in between is the likely writer."
		}
		if len(p.varyCauses()) > 0 {
			detail = "A had ETag " + ta.String() + ", B has " + tb.String() + ": the requests asked for different representations (see the field the response varies on), and each has its own tag."
		}
		if !sameCoding {
			detail = "A and B have different content codings (" + codingName(p.a) + " and " + codingName(p.b) + "), and each coding needs its own strong ETag, so different tags are expected."
		}
		return []Cause{newCause("etag-changed", Info, "ETag changed: "+ta.String()+" then "+tb.String(), detail, "RFC 9110 §8.8.3")}
	case okA && okB && bodyChanged && sameCoding && !ta.weak:
		return []Cause{newCause("etag-reused", Warning, "Same strong ETag "+ta.String()+" for different content",
			"A strong entity tag must change whenever the bytes of the representation change. Reusing it makes caches keep stale content as current and lets an If-Match write overwrite a change it never saw.",
			"RFC 9110 §8.8.3", "RFC 9110 §8.8.1")}
	case okA && okB && bodyChanged && sameCoding:
		return []Cause{newCause("etag-weak-changed", Info, "Same weak ETag "+ta.String()+" for different content",
			"A weak tag only promises semantically equivalent content: the server says the change does not matter (a timestamp, whitespace). Caches may keep using the old copy.",
			"RFC 9110 §8.8.1", "RFC 9110 §8.8.3")}
	}
	lmA, okA := first(p.a.Response.Fields, "Last-Modified")
	lmB, okB := first(p.b.Response.Fields, "Last-Modified")
	if okA && okB && lmA != lmB {
		return []Cause{newCause("last-modified-changed", Info, "Last-Modified moved from "+lmA+" to "+lmB,
			"The origin records a modification between A and B.", "RFC 9110 §8.8.2")}
	}
	return nil
}

// bodyCauses explains a changed body that no validator cause already explains: a
// different content coding, a request field the response varies on, or nothing seen.
func (p pair) bodyCauses(c Comparison) []Cause {
	if !c.BodyChanged || !c.SameStatus {
		return nil // a different status is a different message; its content differs with it
	}
	var out []Cause
	if ca, cb := codingName(p.a), codingName(p.b); !strings.EqualFold(ca, cb) {
		out = append(out, newCause("content-coding-differs", Info, "Different content codings: "+ca+" then "+cb,
			"The bytes differ because one body is compressed: the requests' Accept-Encoding differed, or the server chose differently. Compare the decoded content instead.",
			"RFC 9110 §8.4", "RFC 9110 §12.5.3"))
	}
	out = append(out, p.varyCauses()...)
	for _, cause := range append(c.Causes, out...) {
		switch cause.ID {
		case "etag-changed", "etag-reused", "etag-weak-changed", "last-modified-changed", "content-coding-differs", "vary-request-differs":
			return out
		}
	}
	return append(out, newCause("body-changed", Info, "The content changed, and no validator says why",
		"Neither response's ETag nor Last-Modified marks a new version, so nothing in the headers explains the different body; a client cannot detect such a change cheaply.",
		"RFC 9110 §8.8"))
}

// varyCauses names request fields the response varies on that A and B sent
// differently (RFC 9110 §12.5.5).
func (p pair) varyCauses() []Cause {
	if !fieldsKnown(p.a) || !fieldsKnown(p.b) {
		return nil
	}
	var out []Cause
	for _, name := range values(p.b.Response.Fields, "Vary") {
		va := strings.Join(lines(requestFields(p.a), name), ", ")
		vb := strings.Join(lines(requestFields(p.b), name), ", ")
		if name == "*" || va == vb {
			continue
		}
		out = append(out, newCause("vary-request-differs", Info, "The response varies on "+name+", and the requests differ in it",
			fmt.Sprintf("A sent %s: %q, B sent %s: %q. The server chose a different representation for each.", name, va, name, vb),
			"RFC 9110 §12.5.5"))
	}
	return out
}

// codingOf is the response's Content-Encoding, "" for none.
func codingOf(x Exchange) string {
	return strings.Join(values(x.Response.Fields, "Content-Encoding"), ", ")
}

// codingName is the coding for a sentence: "identity" when there is none.
func codingName(x Exchange) string {
	if c := codingOf(x); c != "" {
		return c
	}
	return "identity"
}
