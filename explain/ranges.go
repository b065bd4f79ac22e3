package explain

import (
	"fmt"
	"strconv"
	"strings"
)

// rangeFindings checks a response against the request's Range (RFC 9110 §14): a 206
// whose Content-Range must lie in what was asked and agree with the bytes, a
// multipart/byteranges 206 with a boundary, a 416 with "*/length", a 200 that
// ignored Range, If-Range with a weak validator, and Accept-Ranges.
func rangeFindings(x Exchange) []Finding {
	resp := x.Response
	reqRange, asked := first(requestFields(x), "Range")
	var out []Finding
	if ir, ok := first(requestFields(x), "If-Range"); ok && strings.HasPrefix(ir, "W/") {
		out = append(out, newFinding("range-if-range-weak", Error, "If-Range with a weak entity tag",
			"A client must not send a weak tag in If-Range: it needs a strong validator, since bytes from two versions must never be stitched together. The server must treat it as not matching and send the whole 200.",
			"RFC 9110 §13.1.5"))
	}
	switch {
	case resp.Status == 206:
		out = append(out, partialFindings(resp, reqRange, asked)...)
	case resp.Status == 416:
		cr, _ := first(resp.Fields, "Content-Range")
		if _, _, total, ok := parseContentRange(cr); !ok || !strings.HasPrefix(cr, "bytes */") || total < 0 {
			out = append(out, newFinding("range-unsatisfiable", Warning, "416 without Content-Range: bytes */length",
				"A 416 to a byte range should say the current length as Content-Range: bytes */<length>, so the client can ask for a range that exists.",
				"RFC 9110 §15.5.17", "RFC 9110 §14.4"))
		}
	case asked && resp.Status == 200 && fieldsKnown(x) && has(requestFields(x), "If-Range"):
		out = append(out, newFinding("range-ignored", Info, "If-Range did not match: whole 200",
			"If-Range names a version that is not the current one, so the server sends the whole representation instead of "+reqRange+": the part would have come from another version. Replace what you hold with this.",
			"RFC 9110 §13.1.5", "RFC 9110 §14.2"))
	case asked && resp.Status == 200 && fieldsKnown(x):
		out = append(out, newFinding("range-ignored", Info, "Server ignores Range: whole 200",
			"The request asked for "+reqRange+" and got the whole representation. A server may ignore Range; the client must read it as the full content, not as the part it asked for.",
			"RFC 9110 §14.2", "RFC 9110 §15.3.1"))
	}
	if ar, ok := first(resp.Fields, "Accept-Ranges"); ok {
		what := "Accept-Ranges: " + ar + ": the server takes byte ranges, so a client can resume a download or fetch a slice with Range: bytes=start-end."
		if strings.EqualFold(ar, "none") {
			what = "Accept-Ranges: none: the server takes no range requests; do not send Range to it."
		}
		out = append(out, newFinding("accept-ranges", Info, "Accept-Ranges: "+ar, what, "RFC 9110 §14.3"))
	}
	return out
}

// partialFindings checks a 206: one part with Content-Range, or multipart/byteranges.
func partialFindings(resp Response, reqRange string, asked bool) []Finding {
	if isByteranges(resp) {
		ct, _ := first(resp.Fields, "Content-Type")
		if !strings.Contains(strings.ToLower(ct), "boundary=") {
			return []Finding{newFinding("range-multipart", Error, "multipart/byteranges without a boundary",
				"A multipart 206 must name its boundary in Content-Type (multipart/byteranges; boundary=...); without it the parts cannot be told apart.",
				"RFC 9110 §14.6", "RFC 9110 §15.3.7.2")}
		}
		if has(resp.Fields, "Content-Range") {
			return []Finding{newFinding("range-multipart", Error, "Content-Range on a multipart 206",
				"A multipart/byteranges 206 must not carry Content-Range in its header section; each part carries its own.",
				"RFC 9110 §15.3.7.2")}
		}
		return nil
	}
	cr, ok := first(resp.Fields, "Content-Range")
	if !ok {
		return nil // partial-no-range says it
	}
	start, end, total, valid := parseContentRange(cr)
	if !valid || start < 0 {
		return []Finding{newFinding("range-content-range", Error, "Malformed Content-Range: "+cr,
			"A 206 needs Content-Range: bytes first-last/length (length may be *), with first <= last < length. The client cannot place these bytes.",
			"RFC 9110 §14.4", "RFC 9110 §15.3.7.1")}
	}
	var out []Finding
	if n := end - start + 1; !resp.Truncated && bodyLen(resp) != n {
		out = append(out, newFinding("range-length", Error, fmt.Sprintf("Content-Range says %d bytes, %d arrived", n, bodyLen(resp)),
			fmt.Sprintf("Content-Range: %s promises bytes %d-%d (%d bytes) but the content is %d bytes; the client would place the wrong bytes.", cr, start, end, n, bodyLen(resp)),
			"RFC 9110 §14.4", "RFC 9110 §15.3.7.1"))
	}
	if asked && !rangeCovers(reqRange, start, end, total) {
		out = append(out, newFinding("range-mismatch", Error, "206 for bytes the request did not ask for",
			fmt.Sprintf("The request asked for %s; Content-Range is %s. A server should send what was asked (it may coalesce or shorten to the end), nothing else.", reqRange, cr),
			"RFC 9110 §14.2", "RFC 9110 §15.3.7"))
	}
	if len(out) == 0 {
		of := "a representation of unknown length"
		if total >= 0 {
			of = fmt.Sprintf("%d", total)
		}
		out = append(out, newFinding("range-partial", Info, fmt.Sprintf("206: bytes %d-%d of %s", start, end, of),
			fmt.Sprintf("The %d bytes carried are bytes %d to %d (counting from 0) of the representation; Content-Range and the content agree. A client joins parts only when their validators are the same strong ETag.", end-start+1, start, end),
			"RFC 9110 §14.4", "RFC 9110 §15.3.7.1"))
	}
	return out
}

// parseContentRange reads "bytes first-last/length" or "bytes */length"; total is -1
// for "*", start is -1 for the unsatisfied form.
func parseContentRange(s string) (start, end, total int64, ok bool) {
	unit, rest, found := strings.Cut(strings.TrimSpace(s), " ")
	if !found || !strings.EqualFold(unit, "bytes") {
		return 0, 0, 0, false
	}
	rng, length, found := strings.Cut(rest, "/")
	if !found {
		return 0, 0, 0, false
	}
	total = -1
	if length != "*" {
		n, err := strconv.ParseInt(length, 10, 64)
		if err != nil || !isDigitRun(length) {
			return 0, 0, 0, false
		}
		total = n
	}
	if rng == "*" {
		return -1, -1, total, total >= 0
	}
	a, b, found := strings.Cut(rng, "-")
	if !found || !isDigitRun(a) || !isDigitRun(b) {
		return 0, 0, 0, false
	}
	start, _ = strconv.ParseInt(a, 10, 64)
	end, _ = strconv.ParseInt(b, 10, 64)
	if end < start || (total >= 0 && end >= total) {
		return 0, 0, 0, false
	}
	return start, end, total, true
}

// rangeCovers reports whether [start, end] lies within one of the requested byte
// ranges (RFC 9110 §14.1.2). An unreadable Range gives the benefit of the doubt.
func rangeCovers(reqRange string, start, end, total int64) bool {
	unit, set, ok := strings.Cut(reqRange, "=")
	if !ok || !strings.EqualFold(strings.TrimSpace(unit), "bytes") {
		return true
	}
	for _, spec := range strings.Split(set, ",") {
		a, b, ok := strings.Cut(strings.TrimSpace(spec), "-")
		if !ok {
			return true
		}
		switch {
		case a == "" && isDigitRun(b): // suffix: the last b bytes
			n, _ := strconv.ParseInt(b, 10, 64)
			if total < 0 || start >= total-n {
				return true
			}
		case isDigitRun(a):
			first, _ := strconv.ParseInt(a, 10, 64)
			last := int64(-1)
			if isDigitRun(b) {
				last, _ = strconv.ParseInt(b, 10, 64)
			}
			if start >= first && (last < 0 || end <= last) {
				return true
			}
		default:
			return true
		}
	}
	return false
}
