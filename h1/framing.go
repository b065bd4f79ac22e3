package h1

import (
	"fmt"
	"strconv"
	"strings"
)

// Framing is how the end of a response body is found (RFC 9112 §6.3).
type Framing int

const (
	FrameNone     Framing = iota // 1xx, 204, 304, a response to HEAD: the head is all
	FrameLength                  // Content-Length bytes
	FrameChunked                 // chunked transfer coding
	FrameUntilEOF                // the server closes the connection at the end
)

// BodyFraming decides how the body of a response to method ends (RFC 9112 §6.3)
// and its length for FrameLength (-1 otherwise, 0 for FrameNone). When the head
// does not say it cleanly it adds to h.Problems what was wrong.
func BodyFraming(method string, h *Head) (Framing, int64) {
	if method == "HEAD" || h.Status/100 == 1 || h.Status == 204 || h.Status == 304 {
		return FrameNone, 0
	}
	var te string
	var lengths []string
	for _, f := range h.Fields {
		switch strings.ToLower(strings.TrimSpace(f.Name)) {
		case "transfer-encoding":
			te = strings.ToLower(strings.TrimSpace(f.Value))
		case "content-length":
			for v := range strings.SplitSeq(f.Value, ",") {
				lengths = append(lengths, strings.TrimSpace(v))
			}
		}
	}
	if te != "" {
		codings := strings.Split(te, ",")
		if strings.TrimSpace(codings[len(codings)-1]) == "chunked" {
			return FrameChunked, -1
		}
		h.Problems = append(h.Problems, "Transfer-Encoding does not end in chunked: the body runs until the server closes")
		return FrameUntilEOF, -1
	}
	if len(lengths) == 0 {
		return FrameUntilEOF, -1
	}
	n, err := strconv.ParseInt(lengths[0], 10, 64)
	for _, l := range lengths[1:] {
		if l != lengths[0] {
			h.Problems = append(h.Problems, fmt.Sprintf("conflicting Content-Length values (%s): the end of the message is unknown; read until the server closed", strings.Join(lengths, ", ")))
			return FrameUntilEOF, -1
		}
	}
	if err != nil || !digits(lengths[0]) { // ParseInt alone would take "+5" or "-0"
		h.Problems = append(h.Problems, fmt.Sprintf("Content-Length %q is not a number: read until the server closed", Clip(lengths[0])))
		return FrameUntilEOF, -1
	}
	return FrameLength, n
}
