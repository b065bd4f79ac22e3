package demo

import (
	"net/http"
	"time"

	"github.com/httplens/httplens/explain"
)

// etagList is a parsed If-Match or If-None-Match field: "*" or a list of entity tags.
type etagList struct {
	star bool
	tags []string // as sent, W/ prefix included
}

// parseETagList reads every line of a field with explain's entity-tag parser, the
// one httplens has. Members that are not valid entity tags are skipped, so they
// match nothing (RFC 9110 §8.8.3: a tag is quoted, optionally W/).
func parseETagList(lines []string) etagList {
	star, tags := explain.ParseETagList(lines)
	l := etagList{star: star}
	for _, t := range tags {
		l.tags = append(l.tags, t.String())
	}
	return l
}

// strongMatch is the strong comparison of RFC 9110 §8.8.3.2: both tags strong, same
// characters. A malformed tag matches nothing.
func strongMatch(a, b string) bool {
	ta, errA := explain.ParseETag(a)
	tb, errB := explain.ParseETag(b)
	return errA == nil && errB == nil && ta.StrongMatch(tb)
}

// weakMatch is the weak comparison: the same characters once any W/ is removed.
func weakMatch(a, b string) bool {
	ta, errA := explain.ParseETag(a)
	tb, errB := explain.ParseETag(b)
	return errA == nil && errB == nil && ta.WeakMatch(tb)
}

// evaluate applies the preconditions of r to the current validators (nil when the
// resource has no current representation), in the order of RFC 9110 §13.2.2. It returns
// 0 when the method may proceed, else 304 or 412 and a sentence saying why.
func evaluate(r *http.Request, cur *validators) (int, string) {
	if lines := r.Header.Values("If-Match"); len(lines) > 0 {
		if why, ok := ifMatch(parseETagList(lines), cur); !ok {
			return http.StatusPreconditionFailed, why
		}
	} else if since, ok := headerTime(r, "If-Unmodified-Since"); ok && cur != nil && !cur.modified.IsZero() {
		if cur.modified.After(since) {
			return http.StatusPreconditionFailed, "If-Unmodified-Since failed: the resource was modified at " +
				cur.modified.Format(http.TimeFormat) + ", after that date"
		}
	}
	safe := r.Method == http.MethodGet || r.Method == http.MethodHead
	if lines := r.Header.Values("If-None-Match"); len(lines) > 0 {
		if why, ok := ifNoneMatch(parseETagList(lines), cur); !ok {
			if safe {
				return http.StatusNotModified, why
			}
			return http.StatusPreconditionFailed, why
		}
	} else if since, ok := headerTime(r, "If-Modified-Since"); ok && safe && cur != nil && !cur.modified.IsZero() {
		// IMS is only consulted when If-None-Match is absent, and only for GET and HEAD (§13.1.3).
		if !cur.modified.After(since) {
			return http.StatusNotModified, "not modified since " + since.Format(http.TimeFormat)
		}
	}
	return 0, ""
}

// ifMatch is RFC 9110 §13.1.1: "*" needs a current representation; a list needs a
// strong match, so a weak tag never matches.
func ifMatch(l etagList, cur *validators) (string, bool) {
	if cur == nil {
		return "If-Match failed: there is no current representation to match", false
	}
	if l.star {
		return "", true
	}
	for _, t := range l.tags {
		if cur.etag != "" && strongMatch(t, cur.etag) {
			return "", true
		}
	}
	return "If-Match failed: none of the listed tags equals the current ETag " + cur.etag +
		" under strong comparison (a weak W/ tag never matches); GET the resource and retry with its ETag", false
}

// ifNoneMatch is RFC 9110 §13.1.2: "*" fails when a representation exists; a list fails
// when any tag matches under weak comparison.
func ifNoneMatch(l etagList, cur *validators) (string, bool) {
	if cur == nil {
		return "", true
	}
	if l.star {
		return "If-None-Match: * failed: the resource already exists", false
	}
	for _, t := range l.tags {
		if cur.etag != "" && weakMatch(t, cur.etag) {
			return "If-None-Match failed: the current ETag " + cur.etag + " is in the list", false
		}
	}
	return "", true
}

// headerTime parses a date field; an invalid date or a list makes the field ignored
// (RFC 9110 §13.1.3, §13.1.4).
func headerTime(r *http.Request, name string) (time.Time, bool) {
	lines := r.Header.Values(name)
	if len(lines) != 1 {
		return time.Time{}, false
	}
	t, err := http.ParseTime(lines[0])
	return t, err == nil
}

// setValidators writes ETag and Last-Modified, whichever exist.
func setValidators(h http.Header, v validators) {
	for _, kv := range validatorHeaders(v) {
		h.Set(kv[0], kv[1])
	}
}

// validatorHeaders are the current validators as problem headers, so a 412 shows what
// the client should have sent.
func validatorHeaders(v validators) [][2]string {
	var hs [][2]string
	if v.etag != "" {
		hs = append(hs, [2]string{"ETag", v.etag})
	}
	if !v.modified.IsZero() {
		hs = append(hs, [2]string{"Last-Modified", v.modified.UTC().Format(http.TimeFormat)})
	}
	return hs
}

// representation is what a GET or HEAD returns, with the caching fields that a 304 must
// repeat (RFC 9110 §15.4.5: Cache-Control, Expires, Vary and the validators).
type representation struct {
	body        []byte
	contentType string
	validators
	cache [][2]string
}

// serve answers a GET or HEAD for rep, honouring its preconditions: 304 with the
// validators and caching fields but no body, 412 as a problem, else 200.
func serve(w http.ResponseWriter, r *http.Request, rep representation) {
	status, why := evaluate(r, &rep.validators)
	if status == http.StatusPreconditionFailed {
		writeProblem(w, r, &problem{status: status, detail: why, headers: validatorHeaders(rep.validators)})
		return
	}
	h := w.Header()
	setValidators(h, rep.validators)
	for _, kv := range rep.cache {
		h.Set(kv[0], kv[1])
	}
	if status == http.StatusNotModified {
		w.WriteHeader(status)
		return
	}
	writeBody(w, http.StatusOK, rep.contentType, rep.body)
}
