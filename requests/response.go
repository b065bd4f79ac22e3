package requests

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/httplens/httplens/headers"
)

// readResponse reads resp's body up to maxBody bytes and builds the Response from
// the captured head. A body error (reset, cut short) is stored in *errp while the
// bytes that did arrive are kept.
func readResponse(resp *http.Response, c *capture, opts Options, errp *error) *Response {
	defer resp.Body.Close()
	maxBody := opts.MaxBody
	out := &Response{Proto: resp.Proto, Status: resp.StatusCode}
	rd := bodyReader{limit: maxBody, length: resp.ContentLength, progress: opts.Progress, spoolDir: opts.SpoolDir}
	b, err := rd.read(resp.Body)
	out.Body, out.BodyBytes, out.Truncated = b.body, int64(len(b.body)), b.truncated
	out.SpoolPath, out.SpooledBytes = b.spoolPath, b.spooled
	if err != nil {
		*errp = fmt.Errorf("reading body: %w", err)
	}
	out.Complete = err == nil

	var head []byte
	complete := false
	if c != nil {
		_, head, _, complete = c.snapshot()
	}
	if complete {
		out.RawHead = head
		out.Reason, out.Headers = parseHead(finalHead(head))
		out.Extra = trailing(resp, c, out, err)
	} else {
		out.Reconstructed = true
		out.Reason = strings.TrimSpace(strings.TrimPrefix(resp.Status, strconv.Itoa(resp.StatusCode)))
		out.Headers = sortedHeaders(resp.Header)
		out.RawHead = rebuildResponseHead(out)
	}
	out.Decoded, out.DecodedTruncated = decode(out.Headers, out.Body, maxBody)
	return out
}

// trailing returns bytes the server sent after the end of the message: content on a
// response that ends at its head (1xx, 204, 304, HEAD) or past Content-Length. The
// transport drops them; the explain engine needs them. When the server said it
// closes the connection, the tap drains it on close (see tapConn.Close) and this
// waits for that; on a kept-alive connection only the bytes that arrived with the
// message are seen.
func trailing(resp *http.Response, c *capture, out *Response, bodyErr error) []byte {
	if bodyErr != nil || out.Truncated || len(resp.TransferEncoding) > 0 {
		return nil
	}
	if resp.Close {
		select {
		case <-c.drained:
		case <-time.After(2 * drainWindow):
		}
	}
	_, _, rest, _ := c.snapshot()
	if int64(len(rest)) <= out.BodyBytes || !bytes.HasPrefix(rest, out.Body) {
		return nil
	}
	return rest[out.BodyBytes:]
}

// finalHead returns the last head of a capture that may hold interim 1xx heads.
func finalHead(raw []byte) []byte {
	for {
		n := headEnd(raw)
		if n < 0 || n == len(raw) {
			return raw
		}
		raw = raw[n:]
	}
}

// parseHead reads the reason phrase and the header fields, in order and letter case,
// from a raw response head. Obsolete line folding joins the continuation with a space.
// The head is converted to a string once; names and values are slices of it.
func parseHead(head []byte) (reason string, headers []Header) {
	text := strings.TrimRight(string(head), "\r\n")
	status, rest, _ := strings.Cut(text, "\n")
	if parts := strings.SplitN(strings.TrimRight(status, "\r"), " ", 3); len(parts) == 3 {
		reason = parts[2]
	}
	headers = make([]Header, 0, strings.Count(rest, "\n")+1)
	for rest != "" {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		line = strings.TrimRight(line, "\r")
		if (strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t")) && len(headers) > 0 {
			last := &headers[len(headers)-1]
			last.Value += " " + strings.TrimSpace(line)
			continue
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		headers = append(headers, Header{Name: name, Value: strings.Trim(value, " \t")})
	}
	return reason, headers
}

// sortedHeaders lists h by name: the best order available once the wire order is lost.
func sortedHeaders(h http.Header) []Header {
	names := make([]string, 0, len(h))
	for k := range h {
		names = append(names, k)
	}
	sort.Strings(names)
	var out []Header
	for _, k := range names {
		for _, v := range h[k] {
			out = append(out, Header{Name: k, Value: v})
		}
	}
	return out
}

func rebuildResponseHead(r *Response) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s %d %s\r\n", r.Proto, r.Status, r.Reason)
	for _, h := range r.Headers {
		fmt.Fprintf(&b, "%s: %s\r\n", h.Name, h.Value)
	}
	b.WriteString("\r\n")
	return b.Bytes()
}

// decode removes gzip or deflate content coding, bounded by limit: a body that
// inflates past it is cut there and truncated is set. It returns nil when there is
// nothing to decode or the coding is unknown or broken: the raw body stays.
func decode(hs []Header, body []byte, limit int64) (decoded []byte, truncated bool) {
	var coding string
	// Of several lines the last is read; a list of codings is not decoded.
	if cs := headers.List(hs).Values("Content-Encoding"); len(cs) > 0 {
		coding = strings.ToLower(strings.TrimSpace(cs[len(cs)-1]))
	}
	var r io.Reader
	var err error
	switch coding {
	case "gzip", "x-gzip":
		r, err = gzip.NewReader(bytes.NewReader(body))
	case "deflate":
		// "deflate" means zlib-wrapped (RFC 9110 §8.4.1.2); some servers send it raw.
		r, err = zlib.NewReader(bytes.NewReader(body))
		if err != nil {
			r, err = flate.NewReader(bytes.NewReader(body)), nil
		}
	default:
		return nil, false
	}
	if err != nil {
		return nil, false
	}
	out, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, false
	}
	if int64(len(out)) > limit {
		return out[:limit], true
	}
	return out, false
}

// sentRequest describes the request as it went out on the final hop.
func sentRequest(c *capture, r Request, resp *http.Response) SentRequest {
	s := SentRequest{Method: r.Method, URL: r.URL, Proto: "HTTP/1.1", Headers: r.Headers, Body: r.Body}
	if s.Method == "" {
		s.Method = http.MethodGet
	}
	if resp != nil && resp.Request != nil {
		s.Method, s.URL = resp.Request.Method, resp.Request.URL.String()
		if resp.Request.Body == nil || resp.Request.ContentLength == 0 {
			if resp.Request.Method != r.Method {
				s.Body = nil // a 303 or a 301/302 after POST turned it into a GET
			}
		}
	}
	if c == nil {
		if resp != nil {
			s.Proto = resp.Proto
		}
		return s
	}
	head, _, _, _ := c.snapshot()
	if len(head) == 0 {
		return s
	}
	s.RawHead = head
	line, _, _ := strings.Cut(string(head), "\r\n")
	if i := strings.LastIndexByte(line, ' '); i >= 0 {
		s.Proto = line[i+1:]
	}
	_, s.Headers = parseHead(head)
	return s
}
