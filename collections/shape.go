package collections

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/httplens/httplens/headers"
)

// finish turns what the dialects write into what goes on the wire: a relative or
// scheme-less URL made absolute, "Authorization: Basic user pass" encoded and a
// GraphQL query wrapped in its JSON body.
func finish(r *Request, out *Resolved, x *expander) error {
	if err := absoluteURL(r, out, x); err != nil {
		return err
	}
	basicAuth(out.Headers)
	return graphQL(r, out)
}

// absoluteURL completes a URL written without a host ("/path") from the @host
// variable or the Host header, and one written without a scheme
// ("localhost:8080/api") with http://.
func absoluteURL(r *Request, out *Resolved, x *expander) error {
	if strings.Contains(out.URL, "://") {
		return nil
	}
	if !strings.HasPrefix(out.URL, "/") {
		out.URL = "http://" + out.URL
		return nil
	}
	if host, ok := x.lookup("host"); ok {
		base, _, err := x.expand(host, []string{"host"})
		if err != nil {
			return errorAt(r, r.URLSpan.Start.Offset, err.Error())
		}
		if !strings.Contains(base, "://") {
			base = "http://" + base
		}
		out.URL = strings.TrimRight(base, "/") + out.URL
		return nil
	}
	for i, h := range out.Headers {
		if !h.Is("Host") || h.Value == "" {
			continue
		}
		scheme, hostport, ok := strings.Cut(h.Value, "://")
		if !ok {
			scheme, hostport = "http", h.Value
			if strings.HasSuffix(hostport, ":443") {
				scheme = "https"
			}
		}
		hostport = strings.TrimRight(hostport, "/")
		out.Headers[i].Value = hostport // a Host header carries no scheme on the wire
		out.URL = scheme + "://" + hostport + out.URL
		return nil
	}
	return errorAt(r, r.URLSpan.Start.Offset, fmt.Sprintf("the URL %s has no host: define @host or add a Host header", out.URL))
}

// basicAuth encodes "Authorization: Basic user pass" and "Basic user:pass" as the
// REST Client does; an already encoded value has neither a space nor a colon.
func basicAuth(hs []Header) {
	for i, h := range hs {
		scheme, cred, ok := strings.Cut(h.Value, " ")
		if !h.Is("Authorization") || !ok || !strings.EqualFold(scheme, "Basic") {
			continue
		}
		cred = strings.TrimSpace(cred)
		if user, pass, two := strings.Cut(cred, " "); two {
			cred = user + ":" + strings.TrimSpace(pass)
		} else if !strings.Contains(cred, ":") {
			continue
		}
		hs[i].Value = scheme + " " + base64.StdEncoding.EncodeToString([]byte(cred))
	}
}

// Compiled on first use: package init runs before every command's first
// output, the TUI's first frame too (issue 24).
var gqlOperation = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^\s*(query|mutation|subscription)\s*([_A-Za-z][_0-9A-Za-z]*)?`)
})

// graphQL wraps the body of a GraphQL request as {"query", "variables",
// "operationName"} and sends it as a POST. A request is GraphQL with the GRAPHQL
// method (JetBrains), an X-Request-Type: GraphQL header (REST Client, which is
// dropped), or, as httpyac has it, a POST whose body starts with query, mutation
// or subscription. Variables are a JSON object after a blank line.
func graphQL(r *Request, out *Resolved) error {
	marked := out.Method == "GRAPHQL"
	for i := 0; i < len(out.Headers); i++ {
		if out.Headers[i].Is("X-Request-Type") && strings.EqualFold(out.Headers[i].Value, "GraphQL") {
			out.Headers = append(out.Headers[:i], out.Headers[i+1:]...)
			marked = true
			i--
		}
	}
	if !marked && !(out.Method == "POST" && gqlOperation().Match(out.Body) && !json.Valid(out.Body)) {
		return nil
	}
	out.Method = "POST"
	body := strings.ReplaceAll(string(out.Body), "\r\n", "\n")
	query, vars := body, "{}"
	if i := strings.LastIndex(body, "\n\n"); i >= 0 {
		if v := strings.TrimSpace(body[i:]); strings.HasPrefix(v, "{") && json.Valid([]byte(v)) {
			query, vars = strings.TrimSpace(body[:i]), v
		}
	}
	msg := map[string]any{"query": query, "variables": json.RawMessage(vars)}
	if m := gqlOperation().FindStringSubmatch(query); m != nil && m[2] != "" {
		msg["operationName"] = m[2]
	}
	b, err := json.Marshal(msg)
	if err != nil {
		return errorAt(r, r.BodySpan.Start.Offset, "GraphQL variables: "+err.Error())
	}
	out.Body = b
	if !headers.List(out.Headers).Has("Content-Type") {
		out.Headers = append(out.Headers, Header{Name: "Content-Type", Value: "application/json"})
	}
	return nil
}

func isMultipart(hs []Header) bool {
	for _, h := range hs {
		if h.Is("Content-Type") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(h.Value)), "multipart/") {
			return true
		}
	}
	return false
}

// multipart writes a multipart body for the wire: every line ends in CRLF (RFC
// 2046 §5.1.1), and a part's "< ./file" line is replaced by that file's bytes.
func (rv *Resolver) multipart(r *Request, body []byte) ([]byte, error) {
	var out bytes.Buffer
	lines := strings.Split(strings.ReplaceAll(string(body), "\r\n", "\n"), "\n")
	for i, l := range lines {
		if i > 0 {
			out.WriteString("\r\n")
		}
		if strings.HasPrefix(l, "< ") {
			data, err := rv.readFile(r, filepath.FromSlash(strings.TrimSpace(l[2:])))
			if err != nil {
				return nil, err
			}
			out.Write(data)
			continue
		}
		out.WriteString(l)
	}
	out.WriteString("\r\n")
	return out.Bytes(), nil
}
