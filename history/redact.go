package history

import (
	"bytes"
	"net/url"
	"strings"

	"github.com/httplens/httplens/requests"
)

// Redacted replaces a secret in a stored header value.
const Redacted = "[redacted]"

// SecretHeaders are the headers whose values are redacted before storing (any
// letter case), besides the names of Options.SecretNames.
var SecretHeaders = []string{
	"Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie",
	"X-Api-Key", "Api-Key", "ApiKey", "X-Auth-Token", "X-Access-Token", "Private-Token",
	"X-Csrf-Token", "X-Xsrf-Token", "X-Amz-Security-Token", "X-Goog-Api-Key",
}

// SecretParams are the query (and fragment) parameters whose values are redacted
// before storing, in every URL kept: the request's, the request line's, each
// redirect's, Location, Content-Location, Referer and the error text.
var SecretParams = []string{
	"token", "access_token", "refresh_token", "id_token", "auth", "auth_token",
	"api_key", "apikey", "api-key", "key", "password", "passwd", "pwd", "secret",
	"client_secret", "sig", "signature", "x-amz-signature", "x-amz-credential",
	"x-amz-security-token", "session", "sessionid",
}

// redactor knows which names are secret: the defaults plus the user's.
type redactor struct {
	extra map[string]bool // lower case; for headers and parameters alike
}

func newRedactor(names []string) redactor {
	r := redactor{extra: map[string]bool{}}
	for _, n := range names {
		r.extra[strings.ToLower(strings.TrimSpace(n))] = true
	}
	return r
}

func inFold(list []string, name string) bool {
	for _, s := range list {
		if strings.EqualFold(s, name) {
			return true
		}
	}
	return false
}

// isSecret reports whether a header's value is a credential.
func (r redactor) isSecret(name string) bool {
	name = strings.TrimSpace(name)
	return inFold(SecretHeaders, name) || r.extra[strings.ToLower(name)]
}

// isSecretParam reports whether a query parameter's value is a credential.
func (r redactor) isSecretParam(name string) bool {
	if u, err := url.QueryUnescape(name); err == nil {
		name = u
	}
	return inFold(SecretParams, name) || r.extra[strings.ToLower(name)]
}

// hasURL reports whether a header's value is a URL whose query may carry secrets.
func hasURL(name string) bool {
	return inFold([]string{"Location", "Content-Location", "Referer"}, strings.TrimSpace(name))
}

// params redacts the values of secret parameters wherever "?name=", "&name=",
// ";name=" or "#name=" occurs in s: in a URL, a request line or an error text
// that quotes one. A value ends at &, #, ;, white space, a quote or an angle
// bracket, so the text around it is kept.
func (r redactor) params(s string) (string, bool) {
	if !strings.ContainsAny(s, "?&#;") || !strings.Contains(s, "=") {
		return s, false
	}
	var b strings.Builder
	changed := false
	i := 0
	for i < len(s) {
		c := s[i]
		b.WriteByte(c)
		i++
		if c != '?' && c != '&' && c != '#' && c != ';' {
			continue
		}
		end := i
		for end < len(s) && !strings.ContainsRune("=&#;?\"' \t\r\n<>", rune(s[end])) {
			end++
		}
		if end == i || end >= len(s) || s[end] != '=' || !r.isSecretParam(s[i:end]) {
			continue
		}
		v := end + 1
		for v < len(s) && !strings.ContainsRune("&#;\"' \t\r\n<>", rune(s[v])) {
			v++
		}
		b.WriteString(s[i : end+1])
		b.WriteString(Redacted)
		changed = changed || v > end+1
		i = v
	}
	if !changed {
		return s, false
	}
	return b.String(), true
}

// redactValue hides the secret part of a header value and keeps the part that
// explains the exchange: the auth scheme ("Bearer [redacted]"), the cookie names
// and the Set-Cookie attributes (Path, Max-Age, Secure...).
func (r redactor) value(name, value string) string {
	if hasURL(name) {
		v, _ := r.params(value)
		return v
	}
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
	return Redacted
}

func cookieName(pair string) string {
	name, _, _ := strings.Cut(strings.TrimSpace(pair), "=")
	return strings.TrimSpace(name)
}

// headers returns hs with secret values redacted, and whether any was.
// hs itself is not modified.
func (r redactor) headers(hs []requests.Header) ([]requests.Header, bool) {
	var out []requests.Header
	for i, h := range hs {
		if !r.isSecret(h.Name) && !hasURL(h.Name) {
			continue
		}
		v := r.value(h.Name, h.Value)
		if v == h.Value {
			continue
		}
		if out == nil {
			out = append([]requests.Header(nil), hs...)
		}
		out[i].Value = v
	}
	if out == nil {
		return hs, false
	}
	return out, true
}

// redactHead is head with the default names only.
func redactHead(raw []byte) ([]byte, bool) { return redactor{}.head(raw) }

// head returns a raw HTTP/1.x head with secret header values (and secret query
// parameters in the request line and URL headers) redacted, every other byte
// (line endings, spacing, letter case, interim heads) kept. Continuation lines
// (obs-fold) of a secret header are redacted too.
func (r redactor) head(raw []byte) ([]byte, bool) {
	if len(raw) == 0 {
		return raw, false
	}
	var out bytes.Buffer
	changed, inSecret, start := false, false, true
	for _, line := range bytes.SplitAfter(raw, []byte("\n")) {
		body, eol := splitEOL(line)
		switch {
		case start && len(body) > 0:
			// A request line's target may carry a secret parameter.
			inSecret = false
			v, ch := r.params(string(body))
			out.WriteString(v)
			out.Write(eol)
			changed = changed || ch
		case len(body) == 0:
			// The blank line that ends a head (a 1xx may follow).
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
			if colon < 0 || !r.isSecret(string(body[:colon])) && !hasURL(string(body[:colon])) {
				out.Write(line)
				break
			}
			value := body[colon+1:]
			space := len(value) - len(bytes.TrimLeft(value, " \t"))
			v := r.value(string(body[:colon]), string(bytes.TrimSpace(value)))
			if !r.isSecret(string(body[:colon])) && v == string(bytes.TrimSpace(value)) {
				out.Write(line) // a URL header without secrets
				break
			}
			inSecret, changed = r.isSecret(string(body[:colon])), true
			out.Write(body[:colon+1+space])
			out.WriteString(v)
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
