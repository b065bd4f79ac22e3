package demo

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// brokenCases lists the deliberately wrong responses of GET /broken/{case}.
func brokenCases() []string {
	return []string{"204-with-body", "204-with-content-length", "etag-unquoted", "304-with-body", "length-mismatch"}
}

// brokenResponse returns the exact bytes of a broken case, stamped with date. net/http
// would refuse to write any of them, which is why they are assembled by hand.
func brokenResponse(name string, date time.Time) ([]byte, bool) {
	head := func(status string, fields ...string) string {
		var b strings.Builder
		b.WriteString("HTTP/1.1 " + status + "\r\nDate: " + date.UTC().Format(http.TimeFormat) + "\r\n")
		for _, f := range fields {
			b.WriteString(f + "\r\n")
		}
		b.WriteString("Connection: close\r\n\r\n")
		return b.String()
	}
	length := func(body string) string { return "Content-Length: " + strconv.Itoa(len(body)) }
	var raw string
	switch name {
	case "204-with-body":
		// RFC 9110 §15.3.5: a 204 ends at the blank line; these bytes are garbage.
		body := `{"error":"a 204 response has no content, yet here is some"}`
		raw = head("204 No Content", "Content-Type: application/json") + body
	case "204-with-content-length":
		// RFC 9110 §8.6: a server must not send Content-Length in a 204.
		raw = head("204 No Content", "Content-Length: 42")
	case "etag-unquoted":
		// RFC 9110 §8.8.3: an entity tag is a quoted string.
		body := `{"note":"the ETag of this response is not quoted"}`
		raw = head("200 OK", "Content-Type: application/json", length(body),
			"ETag: 5d41402abc4b2a76", "Cache-Control: no-cache") + body
	case "304-with-body":
		// RFC 9110 §15.4.5: a 304 ends at the blank line; these bytes are garbage.
		body := `{"error":"a 304 response has no content, yet here is some"}`
		raw = head("304 Not Modified", `ETag: "5d41402abc4b2a76"`, "Cache-Control: no-cache",
			"Content-Type: application/json", length(body)) + body
	case "length-mismatch":
		// RFC 9112 §6.3: the connection closes before Content-Length bytes arrive.
		body := `{"note":"Content-Length promised 100 bytes; the connection closes sooner"}`
		raw = head("200 OK", "Content-Type: application/json", "Content-Length: 100") + body
	default:
		return nil, false
	}
	return []byte(raw), true
}

// broken takes over the connection, writes the case's bytes one at a time (as a faulty
// server might) and closes it, so nothing in net/http can repair the response.
func (h *handler) broken(w http.ResponseWriter, r *http.Request) {
	raw, ok := brokenResponse(r.PathValue("case"), h.now())
	if !ok {
		writeProblem(w, r, &problem{status: http.StatusNotFound,
			detail: "no such broken case; try one of: " + strings.Join(brokenCases(), ", ")})
		return
	}
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		// HTTP/2 connections cannot be hijacked; the demo only speaks HTTP/1.1.
		writeProblem(w, r, &problem{status: http.StatusInternalServerError,
			detail: "this connection cannot be taken over: " + err.Error()})
		return
	}
	defer conn.Close()
	// A client that stops reading must not hold the handler forever.
	_ = conn.SetWriteDeadline(time.Now().Add(10 * time.Second))
	for i := range raw {
		if _, err := conn.Write(raw[i : i+1]); err != nil {
			return
		}
	}
}
