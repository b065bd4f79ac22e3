package explain

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

func noteContentType(n *HeaderNote, c noteContext) {
	parts := splitParams(c.value)
	mt := strings.ToLower(parts[0])
	typ, sub, ok := strings.Cut(mt, "/")
	if !ok || !isFieldToken(typ) || !isFieldToken(sub) {
		n.Warnings = append(n.Warnings, fmt.Sprintf("%q is not a media type (type/subtype, e.g. application/json); clients may sniff or refuse the content.", parts[0]))
		return
	}
	n.Parsed = append(n.Parsed, "media type: "+mt)
	for _, p := range parts[1:] {
		name, value, ok := strings.Cut(p, "=")
		if !ok || !isFieldToken(strings.TrimSpace(name)) {
			n.Warnings = append(n.Warnings, fmt.Sprintf("Parameter %q is not name=value.", p))
			continue
		}
		name = strings.ToLower(strings.TrimSpace(name))
		if u, ok := cacheUnquote(strings.TrimSpace(value)); ok {
			value = u
		}
		n.Parsed = append(n.Parsed, name+": "+strings.TrimSpace(value))
	}
	if strings.HasSuffix(sub, "+json") || mt == "application/json" {
		if strings.Contains(strings.ToLower(c.value), "charset") && !strings.Contains(strings.ToLower(c.value), "utf-8") {
			n.Warnings = append(n.Warnings, "JSON is always UTF-8; a charset other than utf-8 is wrong.")
			n.Refs = append(n.Refs, "RFC 8259 §8.1")
		}
	}
}

// splitParams splits "type/sub; a=1; b=\"x;y\"" on semicolons outside quotes; the
// first element is the part before any parameter, trimmed.
func splitParams(v string) []string {
	out := splitUnquoted(v, ';')
	kept := out[:1]
	for _, p := range out[1:] {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return kept
}

// codingMeanings says what each registered content coding is.
func codingMeaning(c string) string {
	switch c {
	case "gzip", "x-gzip":
		return "gzip (LZ77 with a CRC, RFC 1952)"
	case "deflate":
		return "deflate (zlib format, RFC 1950)"
	case "br":
		return "Brotli (RFC 7932)"
	case "zstd":
		return "Zstandard (RFC 8878)"
	case "compress", "x-compress":
		return "compress (LZW; obsolete)"
	case "identity":
		return "identity (no coding; it should not appear in Content-Encoding)"
	case "chunked":
		return "chunked (the body comes in sized chunks)"
	}
	return "unregistered coding " + c
}

func noteContentEncoding(n *HeaderNote, c noteContext) {
	for i, m := range splitList(c.value) {
		n.Parsed = append(n.Parsed, fmt.Sprintf("applied %d: %s", i+1, codingMeaning(strings.ToLower(m))))
		if strings.EqualFold(m, "chunked") {
			n.Warnings = append(n.Warnings, "chunked is a transfer coding; it belongs in Transfer-Encoding.")
		}
	}
	if !has(c.x.Response.Fields, "Vary") {
		n.Warnings = append(n.Warnings, "No Vary field: if the coding was chosen from Accept-Encoding, caches need Vary: Accept-Encoding.")
		n.Refs = append(n.Refs, "RFC 9110 §12.5.5")
	}
}

func noteTransferEncoding(n *HeaderNote, c noteContext) {
	members := splitList(c.value)
	for i, m := range members {
		n.Parsed = append(n.Parsed, fmt.Sprintf("applied %d: %s", i+1, codingMeaning(strings.ToLower(m))))
	}
	if len(members) > 0 && !strings.EqualFold(members[len(members)-1], "chunked") {
		n.Warnings = append(n.Warnings, "chunked is not the last transfer coding, so the body ends only when the connection closes.")
	}
	if has(c.x.Response.Fields, "Content-Length") {
		n.Warnings = append(n.Warnings, "Transfer-Encoding and Content-Length together: Transfer-Encoding wins, and the pair is a request-smuggling risk.")
	}
}

func noteContentLength(n *HeaderNote, c noteContext) {
	if !isDigitRun(c.value) {
		n.Warnings = append(n.Warnings, fmt.Sprintf("%q is not a number of bytes; the message's length cannot be trusted.", c.value))
		return
	}
	v, err := strconv.ParseInt(c.value, 10, 64)
	if err != nil {
		n.Warnings = append(n.Warnings, "The number is too large to be a length.")
		return
	}
	n.Parsed = append(n.Parsed, "length: "+byteSize(v))
	if s := c.x.Response.Status; s == 204 || s == 304 || (s >= 100 && s < 200) {
		n.Parsed = append(n.Parsed, "a "+strconv.Itoa(s)+" has no content, so this length delimits nothing")
	}
}

// byteSize says a byte count, with its binary multiple when large.
func byteSize(v int64) string {
	switch {
	case v >= 1<<30:
		return fmt.Sprintf("%d bytes (%.1f GiB)", v, float64(v)/(1<<30))
	case v >= 1<<20:
		return fmt.Sprintf("%d bytes (%.1f MiB)", v, float64(v)/(1<<20))
	case v >= 1<<10:
		return fmt.Sprintf("%d bytes (%.1f KiB)", v, float64(v)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", v)
}

// resolveLine resolves ref against the request URL and says where it points.
func resolveLine(n *HeaderNote, c noteContext) {
	ref, err := url.Parse(c.value)
	if err != nil || c.value == "" {
		n.Warnings = append(n.Warnings, fmt.Sprintf("%q is not a URI reference.", c.value))
		return
	}
	if ref.IsAbs() {
		n.Parsed = append(n.Parsed, "URI: "+ref.String()+" (absolute)")
		return
	}
	base, err := url.Parse(c.requestURL())
	if err != nil || !base.IsAbs() {
		n.Parsed = append(n.Parsed, "URI: "+c.value+" (relative; it resolves against the request URL, which is not known here)")
		return
	}
	n.Parsed = append(n.Parsed, "URI: "+base.ResolveReference(ref).String()+" (resolved against "+base.String()+")")
}

func noteLocation(n *HeaderNote, c noteContext) {
	resolveLine(n, c)
	switch s := c.x.Response.Status; {
	case s == 201:
		n.Parsed = append(n.Parsed, "with 201: where the created resource is")
	case s == 304:
		n.Parsed = append(n.Parsed, "with 304 it has no defined meaning")
	case s >= 300 && s < 400:
		n.Parsed = append(n.Parsed, fmt.Sprintf("with %d: the redirect target; the client follows it with %s", s, redirectMethod(s, methodOf(c.x))))
	case s != 0:
		n.Parsed = append(n.Parsed, fmt.Sprintf("with %d it has no defined meaning (it matters with 201 and 3xx)", s))
	}
}

func noteContentLocation(n *HeaderNote, c noteContext) {
	resolveLine(n, c)
	ref, err1 := url.Parse(c.value)
	base, err2 := url.Parse(c.requestURL())
	if err1 != nil || err2 != nil || !base.IsAbs() {
		return
	}
	if base.ResolveReference(ref).String() == base.String() {
		n.Parsed = append(n.Parsed, "it is the request URL: the content is the current state of the target resource")
	} else {
		n.Parsed = append(n.Parsed, "it differs from the request URL: the content is also available there, under its own URI")
	}
}

func noteContentRange(n *HeaderNote, c noteContext) {
	unit, rest, ok := strings.Cut(c.value, " ")
	if !ok || !strings.EqualFold(unit, "bytes") {
		n.Warnings = append(n.Warnings, fmt.Sprintf("%q is not \"bytes first-last/length\" or \"bytes */length\".", c.value))
		return
	}
	rng, length, ok := strings.Cut(strings.TrimSpace(rest), "/")
	if !ok || (length != "*" && !isDigitRun(length)) {
		n.Warnings = append(n.Warnings, fmt.Sprintf("%q lacks the complete length after the slash (a number or *).", c.value))
		return
	}
	if rng == "*" {
		n.Parsed = append(n.Parsed, "unsatisfied range; the whole representation is "+length+" bytes")
		return
	}
	a, b, ok := strings.Cut(rng, "-")
	first, err1 := strconv.ParseInt(a, 10, 64)
	last, err2 := strconv.ParseInt(b, 10, 64)
	if !ok || !isDigitRun(a) || !isDigitRun(b) || err1 != nil || err2 != nil || last < first {
		n.Warnings = append(n.Warnings, fmt.Sprintf("%q is not a valid byte range (first-last with first ≤ last).", rng))
		return
	}
	n.Parsed = append(n.Parsed, fmt.Sprintf("bytes %d to %d: %d bytes", first, last, last-first+1))
	if length == "*" {
		n.Parsed = append(n.Parsed, "of a representation whose length is unknown")
		return
	}
	n.Parsed = append(n.Parsed, "of "+length+" bytes in all")
	if total, err := strconv.ParseInt(length, 10, 64); err == nil && last >= total {
		n.Warnings = append(n.Warnings, "The range ends past the complete length.")
	}
}

func noteETag(n *HeaderNote, c noteContext) {
	t, problem := parseEntityTag(c.value)
	if problem != "" {
		n.Warnings = append(n.Warnings, problem)
		return
	}
	if t.weak {
		n.Parsed = append(n.Parsed, "weak tag "+t.opaque+": promises equivalent content, not identical bytes")
		n.Parsed = append(n.Parsed, "use it in If-None-Match (weak comparison); it never matches in If-Match or If-Range")
	} else {
		n.Parsed = append(n.Parsed, "strong tag "+t.opaque+": changes whenever the bytes change")
		n.Parsed = append(n.Parsed, "use it in If-None-Match to revalidate and in If-Match to write safely")
	}
	n.Refs = append(n.Refs, "RFC 9110 §8.8.3.2")
}

func noteVary(n *HeaderNote, c noteContext) {
	members := listLines(n, c, "varies on: ")
	seen := map[string]bool{}
	for _, m := range members {
		l := strings.ToLower(m)
		switch {
		case m == "*":
			n.Warnings = append(n.Warnings, "Vary: * never matches a later request, so every reuse needs the origin.")
		case l == "user-agent":
			n.Warnings = append(n.Warnings, "Vary: User-Agent splits the cache into one copy per browser version; it rarely pays off.")
		case l == "host":
			n.Warnings = append(n.Warnings, "Vary: Host adds nothing: the host is already part of the cache key.")
		case !isFieldToken(m):
			n.Warnings = append(n.Warnings, fmt.Sprintf("%q is not a field name.", m))
		case seen[l]:
			n.Warnings = append(n.Warnings, m+" is listed twice.")
		}
		seen[l] = true
	}
	if len(members) == 0 {
		n.Parsed = append(n.Parsed, "an empty Vary: the response does not vary")
	}
}

func noteAllow(n *HeaderNote, c noteContext) {
	members := listLines(n, c, "allowed: ")
	if len(members) == 0 {
		n.Parsed = append(n.Parsed, "no method is allowed: the resource is switched off")
	}
	method := methodOf(c.x)
	for _, m := range members {
		if !isFieldToken(m) {
			n.Warnings = append(n.Warnings, fmt.Sprintf("%q is not a method name.", m))
		} else if up := strings.ToUpper(m); up != m && cacheKnownMethod(up) {
			n.Warnings = append(n.Warnings, fmt.Sprintf("%q: methods are case-sensitive, so this is not %s.", m, strings.ToUpper(m)))
		}
		if c.x.Response.Status == 405 && m == method {
			n.Warnings = append(n.Warnings, "The 405 lists the very method it refused ("+m+").")
		}
	}
}

func noteAcceptRanges(n *HeaderNote, c noteContext) {
	for _, m := range splitList(c.value) {
		switch strings.ToLower(m) {
		case "bytes":
			n.Parsed = append(n.Parsed, "bytes: a Range: bytes=... request gets 206 with just that part")
		case "none":
			n.Parsed = append(n.Parsed, "none: range requests are not supported; do not retry with Range")
		default:
			n.Parsed = append(n.Parsed, "range unit "+m+" (not registered)")
		}
	}
}

// noteChallenge lists the authentication schemes of WWW- or Proxy-Authenticate.
// A new challenge starts at a member whose first word has no "=".
func noteChallenge(n *HeaderNote, c noteContext) {
	for _, m := range splitList(c.value) {
		word, rest, _ := strings.Cut(m, " ")
		if strings.Contains(word, "=") {
			n.Parsed = append(n.Parsed, "  parameter: "+m)
			continue
		}
		n.Parsed = append(n.Parsed, "scheme: "+word)
		if rest = strings.TrimSpace(rest); rest != "" {
			n.Parsed = append(n.Parsed, "  parameter: "+rest)
		}
		if strings.EqualFold(word, "Basic") && strings.HasPrefix(strings.ToLower(c.requestURL()), "http://") {
			n.Warnings = append(n.Warnings, "Basic over plain http: the password would cross the network only base64-encoded, readable by anyone on the path.")
		}
	}
}
