package check

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/httplens/httplens/requests"
)

// rangeCheck asks for a slice from the middle of the body: 206 with a matching
// Content-Range and exactly those bytes, or a whole 200 when the server does not
// advertise byte ranges (RFC 9110 §14.2: a server may ignore Range).
func (r *runner) rangeCheck() Result {
	const title = "Range request gets 206 with the right bytes"
	refs := []string{"RFC 9110 §14.2", "RFC 9110 §14.3", "RFC 9110 §14.4", "RFC 9110 §15.3.7"}
	if why := r.readSkip(); why != "" {
		return result(Range, title, Skipped, why, nil, refs...)
	}
	body := r.first.Response.Body
	switch {
	case r.first.Response.Truncated:
		return result(Range, title, Skipped, "the body was cut at the size limit, so the expected bytes are unknown", nil, refs...)
	case len(body) < 2:
		return result(Range, title, Skipped, fmt.Sprintf("the body has %d bytes; a range needs at least 2 to be a real part", len(body)), nil, refs...)
	}
	start := len(body) / 4
	end := max(start, len(body)/2-1)
	x, ev := r.send(with(r.base, "Range", fmt.Sprintf("bytes=%d-%d", start, end)))
	if x.Response == nil {
		return result(Range, title, Failed, failedSend(x), []Evidence{ev}, refs...)
	}
	st, reason := judgeRange(x.Response, r.first, body, start, end)
	return result(Range, title, st, reason, []Evidence{ev}, refs...)
}

// judgeRange checks the answer to Range: bytes=start-end against the full body.
func judgeRange(resp *requests.Response, first requests.Exchange, body []byte, start, end int) (Status, string) {
	advertised, _ := field(first, "Accept-Ranges")
	offers := strings.Contains(strings.ToLower(advertised), "bytes")
	switch resp.Status {
	case 206:
	case 200:
		if offers {
			return Failed, "server ignores Range: the GET advertised Accept-Ranges: " + advertised + ", but the Range request got the whole 200"
		}
		// Allowed (a server may ignore Range), but nothing about ranges was tested.
		return Skipped, "server ignores Range: it answered the whole 200 and does not offer byte ranges (no Accept-Ranges: bytes), which a server may do"
	case 416:
		return Failed, fmt.Sprintf("416 Range Not Satisfiable, but bytes %d-%d lie inside the %d-byte representation", start, end, len(body))
	default:
		return Failed, fmt.Sprintf("expected 206 Partial Content (or a whole 200), got %d", resp.Status)
	}
	want := fmt.Sprintf("bytes %d-%d/%d", start, end, len(body))
	cr, ok := fieldOf(resp, "Content-Range")
	switch {
	case !ok:
		return Failed, "206 without Content-Range: the client cannot tell which part it got"
	case cr != want:
		return Failed, fmt.Sprintf("Content-Range is %q, expected %q", cr, want)
	}
	got := resp.Body
	if exp := body[start : end+1]; !bytes.Equal(got, exp) {
		return Failed, fmt.Sprintf("the 206 carries %d bytes that differ from bytes %d-%d of the full body (%d bytes expected)", len(got), start, end, len(exp))
	}
	return Passed, fmt.Sprintf("206 Partial Content with Content-Range: %s and exactly those bytes", want)
}

// fieldOf returns the first value of a field of resp.
func fieldOf(resp *requests.Response, name string) (string, bool) {
	return field(requests.Exchange{Response: resp}, name)
}

// gzip asks for gzip: a server that compresses must say so in Content-Encoding,
// vary on Accept-Encoding and give the gzip bytes their own strong ETag
// (RFC 9110 §12.5.3, §8.4, §12.5.5, §8.8.3.3). Not compressing is allowed.
func (r *runner) gzip() Result {
	const title = "gzip negotiation: Content-Encoding, Vary and a distinct ETag"
	refs := []string{"RFC 9110 §12.5.3", "RFC 9110 §8.4", "RFC 9110 §12.5.5", "RFC 9110 §8.8.3.3"}
	if why := r.readSkip(); why != "" {
		return result(Gzip, title, Skipped, why, nil, refs...)
	}
	if ce, ok := field(r.first, "Content-Encoding"); ok {
		return result(Gzip, title, Skipped, "the first response is already content-coded ("+ce+"); run the check without an Accept-Encoding header to compare codings", nil, refs...)
	}
	x, ev := r.send(with(r.base, "Accept-Encoding", "gzip"))
	if x.Response == nil {
		return result(Gzip, title, Failed, failedSend(x), []Evidence{ev}, refs...)
	}
	ce, _ := field(x, "Content-Encoding")
	switch {
	case x.Response.Status != r.first.Response.Status:
		return result(Gzip, title, Failed, fmt.Sprintf("status %d with Accept-Encoding: gzip, %d without", x.Response.Status, r.first.Response.Status), []Evidence{ev}, refs...)
	case ce == "" || strings.EqualFold(ce, "identity"):
		return result(Gzip, title, Skipped, "the server does not compress this response (no Content-Encoding in answer to Accept-Encoding: gzip); that is allowed, so there is nothing to test", []Evidence{ev}, refs...)
	}
	if problems := r.gzipProblems(x, ce); len(problems) > 0 {
		return result(Gzip, title, Failed, strings.Join(problems, "; "), []Evidence{ev}, refs...)
	}
	return result(Gzip, title, Passed, "gzip that decodes to the same content, with Vary: Accept-Encoding and an ETag of its own", []Evidence{ev}, refs...)
}

// gzipProblems lists what is wrong with a compressed answer.
func (r *runner) gzipProblems(x requests.Exchange, ce string) []string {
	var problems []string
	if !strings.EqualFold(ce, "gzip") && !strings.EqualFold(ce, "x-gzip") {
		problems = append(problems, "Content-Encoding: "+ce+", which the request did not accept (only gzip)")
	} else if x.Response.Decoded == nil {
		problems = append(problems, "Content-Encoding: gzip, but the body is not valid gzip")
	} else if !bytes.Equal(x.Response.Decoded, r.first.Response.Body) && !x.Response.Truncated && !r.first.Response.Truncated {
		problems = append(problems, "the gzip body decodes to different content than the uncompressed response")
	}
	vary := ""
	for _, h := range x.Response.Headers {
		if h.Is("Vary") {
			vary += "," + strings.ToLower(h.Value)
		}
	}
	if !strings.Contains(vary, "accept-encoding") && !strings.Contains(vary, "*") {
		problems = append(problems, "no Vary: Accept-Encoding, so a shared cache may hand the gzip bytes to a client that cannot decode them")
	}
	plain, okPlain := field(r.first, "ETag")
	zipped, okZipped := field(x, "ETag")
	if okPlain && okZipped && plain == zipped && !strings.HasPrefix(plain, "W/") {
		problems = append(problems, "the same strong ETag "+plain+" for the gzip and the identity bytes; each content coding needs its own strong tag, or range requests and If-Match mix them up")
	}
	return problems
}
