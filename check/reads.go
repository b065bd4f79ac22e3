package check

import (
	"fmt"
	"strings"

	"github.com/httplens/httplens/requests"
)

// conditionalETag sends If-None-Match with the ETag: a server that supports its own
// validator answers 304 and repeats the caching fields (RFC 9110 §13.1.2, §15.4.5).
func (r *runner) conditionalETag() Result {
	const title = "Conditional GET with the ETag (If-None-Match) gets 304"
	refs := []string{"RFC 9110 §13.1.2", "RFC 9110 §15.4.5"}
	if why := r.readSkip(); why != "" {
		return result(ConditionalETag, title, Skipped, why, nil, refs...)
	}
	tag, ok := field(r.first, "ETag")
	if !ok {
		return result(ConditionalETag, title, Skipped, "the response has no ETag, so there is nothing to revalidate with", nil, refs...)
	}
	x, ev := r.send(with(r.base, "If-None-Match", tag))
	st, reason := r.judgeNotModified(x, "If-None-Match: "+tag)
	return result(ConditionalETag, title, st, reason, []Evidence{ev}, refs...)
}

// conditionalDate sends If-Modified-Since with Last-Modified (RFC 9110 §13.1.3).
func (r *runner) conditionalDate() Result {
	const title = "Conditional GET with Last-Modified (If-Modified-Since) gets 304"
	refs := []string{"RFC 9110 §13.1.3", "RFC 9110 §15.4.5"}
	if why := r.readSkip(); why != "" {
		return result(ConditionalDate, title, Skipped, why, nil, refs...)
	}
	lm, ok := field(r.first, "Last-Modified")
	if !ok {
		return result(ConditionalDate, title, Skipped, "the response has no Last-Modified, so there is no date to revalidate with", nil, refs...)
	}
	x, ev := r.send(with(r.base, "If-Modified-Since", lm))
	st, reason := r.judgeNotModified(x, "If-Modified-Since: "+lm)
	return result(ConditionalDate, title, st, reason, []Evidence{ev}, refs...)
}

// fields304 are the fields a 304 must repeat when the 200 had them
// (RFC 9110 §15.4.5).
func fields304() []string {
	return []string{"ETag", "Cache-Control", "Vary", "Expires", "Content-Location", "Date"}
}

// judgeNotModified says whether x is a proper 304 to the condition sent.
func (r *runner) judgeNotModified(x requests.Exchange, sent string) (Status, string) {
	if x.Response == nil {
		return Failed, failedSend(x)
	}
	resp := x.Response
	switch {
	case resp.Status == 200:
		return Failed, fmt.Sprintf("sent %s, which matches the current representation, but got the full 200 again: the server ignores the condition, so every revalidation costs the whole body", sent)
	case resp.Status != 304:
		return Failed, fmt.Sprintf("sent %s and expected 304 Not Modified, got %d", sent, resp.Status)
	case len(resp.Extra) > 0 || resp.BodyBytes > 0:
		return Failed, fmt.Sprintf("the 304 carried %d bytes of content; a 304 ends at its header section, so those bytes corrupt the connection", len(resp.Extra)+int(resp.BodyBytes))
	}
	var missing []string
	for _, name := range fields304() {
		if _, in200 := field(r.first, name); in200 {
			if _, in304 := field(x, name); !in304 {
				missing = append(missing, name)
			}
		}
	}
	if len(missing) > 0 {
		return Failed, "304, but it lacks " + strings.Join(missing, ", ") + ", which the 200 carried; a cache refreshing its copy from this 304 loses them"
	}
	return Passed, "sent " + sent + " and got 304 Not Modified with the caching fields repeated: the stored copy can be reused"
}

// headFields must be the same in a HEAD response as in the GET (RFC 9110 §9.3.2).
func headFields() []string {
	return []string{"ETag", "Last-Modified", "Content-Type", "Cache-Control", "Vary", "Content-Encoding", "Expires"}
}

// head sends HEAD: same status and header fields as GET, no content (RFC 9110 §9.3.2).
func (r *runner) head() Result {
	const title = "HEAD gets the GET's headers and no body"
	refs := []string{"RFC 9110 §9.3.2", "RFC 9112 §6.3"}
	if why := r.readSkip(); why != "" {
		return result(Head, title, Skipped, why, nil, refs...)
	}
	req := r.base
	req.Method = "HEAD"
	x, ev := r.send(req)
	if x.Response == nil {
		return result(Head, title, Failed, failedSend(x), []Evidence{ev}, refs...)
	}
	var problems []string
	if x.Response.Status != r.first.Response.Status {
		problems = append(problems, fmt.Sprintf("status %d where GET got %d", x.Response.Status, r.first.Response.Status))
	}
	if n := len(x.Response.Extra) + int(x.Response.BodyBytes); n > 0 {
		problems = append(problems, fmt.Sprintf("%d bytes of body after the header section (a HEAD response never has content; those bytes would be read as the next response)", n))
	}
	for _, name := range headFields() {
		g, inGET := field(r.first, name)
		h, inHEAD := field(x, name)
		if inGET != inHEAD || g != h {
			problems = append(problems, fmt.Sprintf("%s is %s in HEAD but %s in GET", name, quoteOrAbsent(h, inHEAD), quoteOrAbsent(g, inGET)))
		}
	}
	if h, ok := field(x, "Content-Length"); ok && h != fmt.Sprint(len(r.first.Response.Body)) && !r.first.Response.Truncated {
		problems = append(problems, fmt.Sprintf("Content-Length %s where the GET body has %d bytes", h, len(r.first.Response.Body)))
	}
	if len(problems) > 0 {
		return result(Head, title, Failed, strings.Join(problems, "; "), []Evidence{ev}, refs...)
	}
	return result(Head, title, Passed, "same status and header fields as GET, and no body", []Evidence{ev}, refs...)
}

func quoteOrAbsent(v string, ok bool) string {
	if !ok {
		return "absent"
	}
	return fmt.Sprintf("%q", v)
}
