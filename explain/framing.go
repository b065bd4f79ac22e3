package explain

import (
	"fmt"
	"strconv"
	"strings"
)

// framingFindings checks how the message was delimited: which responses may not
// have content at all, and whether Content-Length agrees with what arrived
// (RFC 9112 §6.3).
func framingFindings(x Exchange) []Finding {
	resp := x.Response
	n := bodyLen(resp)
	switch {
	case resp.Status < 200:
		return nil // an interim head; interim-status says the rest
	case resp.Status == 204:
		return noContentFindings(resp, n)
	case resp.Status == 304:
		if n > 0 {
			return []Finding{newFinding("not-modified-body", Error, "304 Not Modified with content",
				fmt.Sprintf("A 304 ends at the blank line after its header section; it cannot carry content. The %d bytes that followed are not part of it, and a client on the same connection reads them as the start of the next response.", n),
				"RFC 9110 §15.4.5", "RFC 9112 §6.3")}
		}
		return nil // Content-Length in a 304 describes the 200 it stands for
	case methodOf(x) == "HEAD":
		if n > 0 {
			return []Finding{newFinding("head-body", Error, "Response to HEAD with content",
				fmt.Sprintf("A response to HEAD never has content; its Content-Length, if any, is the length a GET would get. The %d bytes that followed are not part of it and corrupt the connection.", n),
				"RFC 9110 §9.3.2", "RFC 9112 §6.3")}
		}
		return nil
	}
	return lengthFindings(resp, n)
}

// noContentFindings checks a 204: no content, no Content-Length, no Transfer-Encoding.
func noContentFindings(resp Response, n int64) []Finding {
	var out []Finding
	if n > 0 {
		out = append(out, newFinding("no-content-body", Error, "204 No Content with content",
			fmt.Sprintf("A 204 ends at the blank line after its header section. The %d bytes that followed are not its content: a client on the same connection reads them as the start of the next response, or drops the connection.", n),
			"RFC 9110 §15.3.5", "RFC 9112 §6.3"))
	}
	if cl, ok := first(resp.Fields, "Content-Length"); ok {
		detail := "A server must not send Content-Length in a 204. Some clients trust it and wait for bytes that never come; remove the field."
		if cl == "0" {
			// Zero promises no bytes, so nobody waits; the rule is still broken.
			detail = "A server must not send Content-Length in a 204, not even 0. Clients do no harm with a 0, but strict ones and proxies may reject the response; remove the field."
		}
		out = append(out, newFinding("no-content-length", Error, "204 No Content with Content-Length: "+cl, detail,
			"RFC 9110 §8.6"))
	}
	if te, ok := first(resp.Fields, "Transfer-Encoding"); ok {
		out = append(out, newFinding("no-content-transfer-encoding", Error, "204 No Content with Transfer-Encoding: "+te,
			"A server must not send Transfer-Encoding in a 204; a chunked terminator after the head is read as garbage by the next response.",
			"RFC 9112 §6.1"))
	}
	return out
}

// lengthFindings checks Content-Length against Transfer-Encoding and the bytes
// received.
func lengthFindings(resp Response, n int64) []Finding {
	_, hasCL := first(resp.Fields, "Content-Length")
	hasTE := has(resp.Fields, "Transfer-Encoding")
	if hasCL && hasTE {
		// RFC 9112 §6.3 rule 3: Transfer-Encoding overrides Content-Length.
		return []Finding{newFinding("content-length-and-te", Error, "Both Content-Length and Transfer-Encoding",
			"Transfer-Encoding wins and Content-Length must be ignored, but a proxy that reads it the other way splits the stream differently: this is how request/response smuggling works. Send one or the other.",
			"RFC 9112 §6.1", "RFC 9112 §6.3")}
	}
	var out []Finding
	if resp.Truncated {
		out = append(out, truncatedFinding(resp, n))
	}
	if !hasCL {
		if !hasTE && strings.HasPrefix(resp.Proto, "HTTP/1") {
			out = append(out, newFinding("close-delimited", Info, "No Content-Length or Transfer-Encoding: the body ends when the connection closes",
				"The client reads until the server closes the connection, so a connection cut short looks like a complete response and the connection cannot be reused. Sending Content-Length or chunked coding avoids both.",
				"RFC 9112 §6.3"))
		}
		return out
	}
	cl, err := contentLength(resp.Fields)
	if err != "" {
		return append(out, newFinding("content-length-invalid", Error, "Invalid Content-Length",
			err+" A recipient cannot tell where the message ends and must treat it as an unrecoverable error.",
			"RFC 9110 §8.6", "RFC 9112 §6.3"))
	}
	switch {
	case resp.Truncated && n < cl:
		// The client's cap cut the body: fewer bytes is no proof of a wrong length.
	case n < cl:
		out = append(out, newFinding("content-length-mismatch", Error, fmt.Sprintf("Received %d bytes, Content-Length says %d", n, cl),
			"The message is incomplete: the connection ended before the promised bytes arrived. A client must treat it as incomplete (and a cache must not store it as complete).",
			"RFC 9112 §6.3", "RFC 9110 §8.6"))
	case n > cl:
		out = append(out, newFinding("content-length-mismatch", Error, fmt.Sprintf("Received %d bytes, Content-Length says %d", n, cl),
			fmt.Sprintf("The message ends after %d bytes; the %d extra bytes belong to no response and a client on the same connection reads them as the next one.", cl, n-cl),
			"RFC 9112 §6.3", "RFC 9110 §8.6"))
	}
	return out
}

// truncatedFinding says the body is not whole and who kept less of it: the
// client's size limit, or a record (a HAR file) that left bytes out.
func truncatedFinding(resp Response, n int64) Finding {
	if resp.KeptBy == "" {
		return newFinding("body-truncated", Info, fmt.Sprintf("Body cut after %d bytes", n),
			"The client stopped reading at its size limit; the server sent more. Length checks on the content are not possible.",
			"RFC 9112 §6.3")
	}
	kept := int64(len(resp.Body))
	title := fmt.Sprintf("Body not kept: %s has none of its %d bytes", resp.KeptBy, n)
	if kept > 0 {
		title = fmt.Sprintf("Body cut in the record: %s has %d of its %d bytes", resp.KeptBy, kept, n)
	}
	return newFinding("body-not-kept", Info, title,
		fmt.Sprintf("The response had %d bytes and %s kept %d of them. The gap is in the record, not in the response: nothing says the server sent fewer bytes or that a size limit stopped the client. Checks on the content are not possible.", n, resp.KeptBy, kept),
		"RFC 9112 §6.3")
}

// contentLength parses Content-Length. Repeated identical values may be collapsed
// (RFC 9110 §8.6); anything else is an error, described in the returned string.
func contentLength(fs []Field) (int64, string) {
	var buf [4]string
	members := appendValues(buf[:0], fs, "Content-Length")
	if len(members) == 0 {
		return 0, "Content-Length is empty."
	}
	var n int64 = -1
	for _, m := range members {
		if !isDigitRun(m) {
			return 0, fmt.Sprintf("%q is not a number of bytes (1*DIGIT).", m)
		}
		v, err := strconv.ParseInt(m, 10, 64)
		if err != nil {
			return 0, fmt.Sprintf("%q is too large.", m)
		}
		if n >= 0 && v != n {
			return 0, fmt.Sprintf("Content-Length has differing values (%s).", strings.Join(members, ", "))
		}
		n = v
	}
	return n, ""
}

func isDigitRun(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
