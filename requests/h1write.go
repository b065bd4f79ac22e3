package requests

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
)

// target is a URL split into what the wire needs.
type target struct {
	u         *url.URL
	authority string // host[:port] as written, for Host
	addr      string // host:port to dial
	path      string // the origin-form request-target: path and query
	full      string // the URL after percent-encoding, without its fragment
}

// encodeURL percent-encodes the bytes that cannot appear in a URL (space, controls,
// non-ASCII, `"`, `<`, `>`, `\`, `^`, backquote, `{`, `|`, `}`) and leaves every other
// byte as written, including existing %XX escapes, as browsers and the VS Code REST
// Client do. `POST /return?location=New York` then sends location=New%20York.
func encodeURL(raw string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if urlAllowed(c) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// urlAllowed: unreserved, reserved (RFC 3986 §2) and '%'.
func urlAllowed(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("-._~:/?#[]@!$&'()*+,;=%", c) >= 0
}

// parseTarget reads an absolute http or https URL after encoding it.
func parseTarget(raw string) (target, error) {
	enc := encodeURL(strings.TrimSpace(raw))
	u, err := url.Parse(enc)
	if err != nil {
		return target{}, fmt.Errorf("bad request: %w", err)
	}
	scheme := strings.ToLower(u.Scheme)
	if scheme != "http" && scheme != "https" {
		return target{}, fmt.Errorf("bad request: URL %q must start with http:// or https://", raw)
	}
	if u.Host == "" {
		return target{}, fmt.Errorf("bad request: URL %q has no host", raw)
	}
	t := target{u: u, authority: u.Host}
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[scheme]
	}
	t.addr = net.JoinHostPort(u.Hostname(), port)
	// The request-target is the encoded text as written, not url's re-encoding of it.
	rest := enc[strings.Index(enc, "//")+2:]
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		rest = rest[i:]
	} else {
		rest = ""
	}
	rest, _, _ = strings.Cut(rest, "#")
	if rest == "" || rest[0] == '?' {
		rest = "/" + rest
	}
	t.path = rest
	t.full, _, _ = strings.Cut(enc, "#")
	return t, nil
}

// wireRequest is a request head ready to write, with the headers httplens added marked.
type wireRequest struct {
	method  string
	line    string // the request-target on the request line
	headers []Header
	added   []bool
	body    []byte
	chunked bool // the user asked for Transfer-Encoding: chunked
	expect  bool // Expect: 100-continue was given
}

// extraHeaders are the fields httplens adds after the user's own, when they apply.
type extraHeaders struct {
	userAgent string
	cookie    string // from the jar
	proxyAuth string // Proxy-Authorization for a proxy URL with user:password
}

// newWireRequest lays out the head: Host first when the user gave none, then the
// user's fields in their order and letter case, then what HTTP/1.1 or the options
// need. A Content-Length that does not match the body is corrected (and marked);
// nothing else of the user's is changed.
func newWireRequest(r Request, t target, absolute bool, x extraHeaders) wireRequest {
	w := wireRequest{method: r.Method, line: t.path, body: r.Body}
	if w.method == "" {
		w.method = "GET"
	}
	if absolute {
		w.line = t.full
	}
	add := func(name, value string, added bool) {
		w.headers = append(w.headers, Header{Name: name, Value: value})
		w.added = append(w.added, added)
	}
	has := map[string]bool{}
	for _, h := range r.Headers {
		has[strings.ToLower(h.Name)] = true
	}
	if !has["host"] {
		add("Host", t.authority, true)
	}
	for _, h := range r.Headers {
		switch strings.ToLower(h.Name) {
		case "content-length":
			if want := strconv.Itoa(len(r.Body)); strings.TrimSpace(h.Value) != want && !has["transfer-encoding"] {
				add(h.Name, want, true)
				continue
			}
		case "transfer-encoding":
			w.chunked = strings.Contains(strings.ToLower(h.Value), "chunked")
		case "expect":
			w.expect = strings.EqualFold(strings.TrimSpace(h.Value), "100-continue") && len(r.Body) > 0
		}
		add(h.Name, h.Value, false)
	}
	if !has["user-agent"] && x.userAgent != "" {
		add("User-Agent", x.userAgent, true)
	}
	if !has["content-length"] && !has["transfer-encoding"] && (r.Body != nil || bodyMethod(w.method)) {
		// RFC 9110 §8.6: a user agent sends Content-Length when the method gives
		// content a meaning, even 0.
		add("Content-Length", strconv.Itoa(len(r.Body)), true)
	}
	if x.cookie != "" && !has["cookie"] {
		add("Cookie", x.cookie, true)
	}
	if t.u.User != nil && !has["authorization"] {
		add("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(t.u.User.String())), true)
	}
	if x.proxyAuth != "" && !has["proxy-authorization"] {
		add("Proxy-Authorization", x.proxyAuth, true)
	}
	return w
}

// bodyMethod reports methods whose requests carry content by definition.
func bodyMethod(m string) bool { return m == "POST" || m == "PUT" || m == "PATCH" }

// head returns the request line and header section as they go on the wire.
func (w wireRequest) head() []byte {
	n := len(w.method) + len(w.line) + 16
	for _, h := range w.headers {
		n += len(h.Name) + len(h.Value) + 4
	}
	b := bytes.NewBuffer(make([]byte, 0, n))
	b.WriteString(w.method)
	b.WriteByte(' ')
	b.WriteString(w.line)
	b.WriteString(" HTTP/1.1\r\n")
	for _, h := range w.headers {
		b.WriteString(h.Name)
		b.WriteString(": ")
		b.WriteString(h.Value)
		b.WriteString("\r\n")
	}
	b.WriteString("\r\n")
	return b.Bytes()
}

// bodyBytes returns the body as framed on the wire: as is, or as one chunk and the
// last chunk when the user asked for chunked.
func (w wireRequest) bodyBytes() []byte {
	if !w.chunked {
		return w.body
	}
	var b bytes.Buffer
	if len(w.body) > 0 {
		fmt.Fprintf(&b, "%x\r\n", len(w.body))
		b.Write(w.body)
		b.WriteString("\r\n")
	}
	b.WriteString("0\r\n\r\n")
	return b.Bytes()
}
