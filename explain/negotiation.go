package explain

import (
	"fmt"
	"strings"
)

// negotiationFindings checks Vary against the request that was sent (RFC 9110
// §12.5.5): a field the response varies on that the request did not carry, and a
// response that evidently depends on a request field Vary does not list. What the
// server used but did not reveal cannot be known from one exchange; the finding
// says what can.
func negotiationFindings(x Exchange) []Finding {
	if m := methodOf(x); !fieldsKnown(x) || x.Response.Status < 200 || x.Response.Status > 299 || (m != "GET" && m != "HEAD") {
		return nil // only responses a cache stores and reuses by Vary
	}
	req := x.Request.Fields
	var out []Finding
	var absentBuf [8]string
	absent := absentBuf[:0]
	var buf [8]string
	for _, v := range appendValues(buf[:0], x.Response.Fields, "Vary") {
		if v == "*" || strings.EqualFold(v, "Origin") && has(req, "Origin") {
			continue
		}
		if !has(req, v) {
			absent = append(absent, v)
		}
	}
	if len(absent) > 0 {
		names := strings.Join(absent, ", ") // one name, the common case, is not copied
		out = append(out, newFinding("vary-not-sent", Info, "Varies on "+names+", which the request did not send",
			"A cache stores this as the answer for requests without "+names+"; a request that sends it gets a separate copy. To see the other variants, send the request again with it.",
			"RFC 9110 §12.5.5", "RFC 9111 §4.1"))
	}
	// Evidence the response was negotiated on a field Vary does not list.
	for _, e := range []struct{ resp, req string }{
		{"Content-Encoding", "Accept-Encoding"},
		{"Content-Language", "Accept-Language"},
	} {
		rv, ok := first(x.Response.Fields, e.resp)
		if !ok || !has(req, e.req) || varyLists(x.Response.Fields, e.req) || strings.EqualFold(rv, "identity") {
			continue
		}
		out = append(out, newFinding("vary-missing", Info, fmt.Sprintf("%s: %s, and Vary does not list %s", e.resp, rv, e.req),
			fmt.Sprintf("The request sent %s and the response has %s: %s, which suggests the server chose it from %s. Whether it did cannot be known from one exchange; if it did, Vary must list %s, or a shared cache serves this variant to clients that asked for another. Send the request without %s to compare.", e.req, e.resp, rv, e.req, e.req, e.req),
			"RFC 9110 §12.5.5", "RFC 9110 §12.5"))
	}
	return out
}
