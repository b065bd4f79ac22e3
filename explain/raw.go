package explain

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/httplens/httplens/h1"
)

// ReadResponse reads a raw HTTP response as `curl -si` prints it: one or more heads
// (interim 1xx heads, redirects with their bodies), each a status line such as
// "HTTP/1.1 200 OK" or "HTTP/2 200", header fields and a blank line, then the body.
// Lines may end in CRLF or a bare LF. The last head is returned, with its fields in
// the order, case and number received and the rest of the input as its body; a
// chunked body is decoded when it is well-formed. The head is read by h1.ParseHead,
// the reader `httplens send` uses on the wire, and what it finds wrong (a control
// character in a value, conflicting Content-Length values) is in Response.Problems.
// Input that is not a response gives an error naming the line and what was expected.
// ReadResponse never panics.
func ReadResponse(raw []byte) (Response, error) {
	r := rawReader{data: raw, line: 1}
	r.skipBlankLines()
	if r.pos >= len(r.data) {
		return Response{}, fmt.Errorf("empty input: expected a status line such as \"HTTP/1.1 200 OK\"")
	}
	for {
		resp, err := r.head()
		if err != nil {
			return Response{}, err
		}
		if r.nextHead(resp) {
			continue
		}
		body := r.data[r.pos:]
		resp.Body = body
		// The method is unknown here: framing is judged as for GET, as the wire
		// reader judges it for a GET, so both name the same problems.
		// h1.Field is Field: BodyFraming reads the fields in place.
		h := h1.Head{Status: resp.Status, Fields: resp.Fields, Problems: resp.Problems}
		h1.BodyFraming("GET", &h)
		resp.Problems = h.Problems
		if decoded, ok := decodeChunked(body); ok && isChunked(resp) && resp.Status >= 200 && resp.Status != 204 && resp.Status != 304 {
			resp.Body = decoded
		}
		resp.BodyBytes = int64(len(resp.Body))
		return resp, nil
	}
}

// rawReader walks the input line by line, counting lines for error messages.
type rawReader struct {
	data []byte
	pos  int
	line int
}

// readLine returns the next line without its line ending; ok is false at the end.
func (r *rawReader) readLine() (string, bool) {
	if r.pos >= len(r.data) {
		return "", false
	}
	rest := r.data[r.pos:]
	i := bytes.IndexByte(rest, '\n')
	if i < 0 {
		r.pos = len(r.data)
		return string(bytes.TrimSuffix(rest, []byte("\r"))), true
	}
	r.pos += i + 1
	r.line++
	return string(bytes.TrimSuffix(rest[:i], []byte("\r"))), true
}

// skipBlankLines skips empty lines, as between one head's end and the next head.
func (r *rawReader) skipBlankLines() {
	for r.pos < len(r.data) {
		rest := r.data[r.pos:]
		switch {
		case rest[0] == '\n':
			r.pos++
			r.line++
		case len(rest) > 1 && rest[0] == '\r' && rest[1] == '\n':
			r.pos += 2
			r.line++
		default:
			return
		}
	}
}

// head reads a status line and the header section up to the blank line (or the end
// of the input, for a head pasted without one).
// The lines are checked here, so that a head that is not one at all gets an error
// naming its line; the reading itself is h1.ParseHead's, the reader requests uses
// on the wire, so `send` and `explain` see the same head in the same bytes.
func (r *rawReader) head() (Response, error) {
	start := r.pos
	n := r.line
	line, _ := r.readLine()
	resp, err := parseStatusLine(line)
	if err != nil {
		return Response{}, fmt.Errorf("line %d: %v", n, err)
	}
	for {
		n = r.line
		line, ok := r.readLine()
		if !ok || line == "" {
			h := h1.ParseHead(r.data[start:r.pos])
			return Response{Proto: h.Proto, Status: h.Status, Reason: h.Reason, Fields: h.Fields, Problems: h.Problems}, nil
		}
		if line[0] == ' ' || line[0] == '\t' {
			// obs-fold: a continuation line joins the previous value with a space
			// (RFC 9112 §5.2).
			if len(resp.Fields) == 0 {
				return Response{}, fmt.Errorf("line %d: expected a header field \"Name: value\", got a continuation line %q", n, line)
			}
			last := &resp.Fields[len(resp.Fields)-1]
			last.Value = strings.TrimSpace(last.Value + " " + strings.TrimSpace(line))
			continue
		}
		f, err := parseFieldLine(line)
		if err != nil {
			return Response{}, fmt.Errorf("line %d: %v", n, err)
		}
		resp.Fields = append(resp.Fields, f)
	}
}

// parseStatusLine reads "HTTP/1.1 200 OK", "HTTP/1.0 404", "HTTP/2 200".
func parseStatusLine(line string) (Response, error) {
	expected := fmt.Sprintf("expected a status line such as \"HTTP/1.1 200 OK\", got %q", clip(line))
	proto, rest, _ := strings.Cut(line, " ")
	if !h1.ValidProto(proto) {
		return Response{}, fmt.Errorf("%s", expected)
	}
	rest = strings.TrimLeft(rest, " ")
	code, reason, _ := strings.Cut(rest, " ")
	if len(code) != 3 || !isDigitRun(code) {
		return Response{}, fmt.Errorf("expected a three-digit status code after %s, got %q", proto, clip(code))
	}
	status, _ := strconv.Atoi(code)
	return Response{Proto: proto, Status: status, Reason: strings.TrimSpace(reason)}, nil
}

// parseFieldLine reads "Name: value". The name must be a token; whitespace before
// the colon is dropped, as a proxy must (RFC 9112 §5.1).
func parseFieldLine(line string) (Field, error) {
	name, value, ok := strings.Cut(line, ":")
	name = strings.TrimRight(name, " \t")
	if !ok || !h1.IsToken(name) {
		return Field{}, fmt.Errorf("expected a header field \"Name: value\" or a blank line, got %q", clip(line))
	}
	return Field{Name: name, Value: strings.Trim(value, " \t")}, nil
}

// clip shortens a line quoted in an error message.
func clip(s string) string {
	const max = 60
	if len(s) > max {
		return s[:max] + "..."
	}
	return s
}

// nextHead decides whether another head follows the one just read: directly (an
// interim 1xx, or curl's redirect heads without bodies), or after a body delimited
// by Content-Length or chunked coding (a redirect with its body). It moves past the
// body when it finds one.
func (r *rawReader) nextHead(resp Response) bool {
	save, saveLine := r.pos, r.line
	r.skipBlankLines()
	if startsWithStatusLine(r.data[r.pos:]) {
		return true
	}
	r.pos, r.line = save, saveLine
	rest := r.data[r.pos:]
	skip := -1
	if isChunked(resp) {
		skip = chunkedLength(rest)
	} else if n, problem := contentLength(resp.Fields); problem == "" && n <= int64(len(rest)) {
		skip = int(n)
	}
	if skip <= 0 {
		return false
	}
	after := rawReader{data: rest, pos: skip}
	after.skipBlankLines()
	if !startsWithStatusLine(rest[after.pos:]) {
		return false
	}
	r.line += bytes.Count(rest[:after.pos], []byte("\n"))
	r.pos += after.pos
	return true
}

// startsWithStatusLine reports whether b begins with a valid status line.
func startsWithStatusLine(b []byte) bool {
	if !bytes.HasPrefix(b, []byte("HTTP/")) {
		return false
	}
	line := b
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		line = b[:i]
	}
	_, err := parseStatusLine(string(bytes.TrimSuffix(line, []byte("\r"))))
	return err == nil
}

// isChunked reports a Transfer-Encoding whose final coding is chunked.
func isChunked(resp Response) bool {
	codings := values(resp.Fields, "Transfer-Encoding")
	return len(codings) > 0 && strings.EqualFold(codings[len(codings)-1], "chunked")
}
