package history

import (
	"bytes"
	"strings"

	"github.com/httplens/httplens/requests"
)

// Redacted replaces a secret in a stored header value.
const Redacted = "[redacted]"

// isSecret reports whether a header's value is a credential: Authorization,
// Proxy-Authorization, Cookie or Set-Cookie.
func isSecret(name string) bool {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "authorization", "proxy-authorization", "cookie", "set-cookie":
		return true
	}
	return false
}

// redactValue hides the secret part of a header value and keeps the part that
// explains the exchange: the auth scheme ("Bearer [redacted]"), the cookie names
// and the Set-Cookie attributes (Path, Max-Age, Secure...).
func redactValue(name, value string) string {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "authorization", "proxy-authorization":
		if scheme, _, ok := strings.Cut(strings.TrimSpace(value), " "); ok && scheme != "" {
			return scheme + " " + Redacted
		}
		return Redacted
	case "cookie":
		pairs := strings.Split(value, ";")
		for i, p := range pairs {
			pairs[i] = cookieName(p) + "=" + Redacted
		}
		return strings.Join(pairs, "; ")
	case "set-cookie":
		first, attrs, _ := strings.Cut(value, ";")
		out := cookieName(first) + "=" + Redacted
		if attrs != "" {
			out += ";" + attrs
		}
		return out
	}
	return value
}

func cookieName(pair string) string {
	name, _, _ := strings.Cut(strings.TrimSpace(pair), "=")
	return strings.TrimSpace(name)
}

// redactHeaders returns hs with secret values redacted, and whether any was.
// hs itself is not modified.
func redactHeaders(hs []requests.Header) ([]requests.Header, bool) {
	var out []requests.Header
	for i, h := range hs {
		if !isSecret(h.Name) {
			continue
		}
		if out == nil {
			out = append([]requests.Header(nil), hs...)
		}
		out[i].Value = redactValue(h.Name, h.Value)
	}
	if out == nil {
		return hs, false
	}
	return out, true
}

// redactHead returns a raw HTTP/1.x head with secret header values redacted,
// every other byte (line endings, spacing, letter case, interim heads) kept.
// Continuation lines (obs-fold) of a secret header are redacted too.
func redactHead(raw []byte) ([]byte, bool) {
	if len(raw) == 0 {
		return raw, false
	}
	var out bytes.Buffer
	changed, inSecret, start := false, false, true
	for _, line := range bytes.SplitAfter(raw, []byte("\n")) {
		body, eol := splitEOL(line)
		switch {
		case start || len(body) == 0:
			// A start line, or the blank line that ends a head (a 1xx may follow).
			inSecret = false
			out.Write(line)
		case body[0] == ' ' || body[0] == '\t':
			if !inSecret {
				out.Write(line)
				break
			}
			indent := len(body) - len(bytes.TrimLeft(body, " \t"))
			out.Write(body[:indent])
			out.WriteString(Redacted)
			out.Write(eol)
			changed = true
		default:
			inSecret = false
			colon := bytes.IndexByte(body, ':')
			if colon < 0 || !isSecret(string(body[:colon])) {
				out.Write(line)
				break
			}
			inSecret, changed = true, true
			value := body[colon+1:]
			space := len(value) - len(bytes.TrimLeft(value, " \t"))
			out.Write(body[:colon+1+space])
			out.WriteString(redactValue(string(body[:colon]), string(bytes.TrimSpace(value))))
			out.Write(eol)
		}
		start = len(body) == 0
	}
	if !changed {
		return raw, false
	}
	return out.Bytes(), true
}

// splitEOL splits a line into its content and its terminator (CRLF, LF or none).
func splitEOL(line []byte) (body, eol []byte) {
	n := len(line)
	switch {
	case bytes.HasSuffix(line, []byte("\r\n")):
		return line[:n-2], line[n-2:]
	case bytes.HasSuffix(line, []byte("\n")):
		return line[:n-1], line[n-1:]
	}
	return line, nil
}
