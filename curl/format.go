package curl

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Format writes r as a curl command for a POSIX shell (sh, bash, zsh, dash), one
// option per line joined by backslash continuations. Every argument is quoted so
// that the shell passes it to curl unchanged, and the output is printable text: a
// body with control characters (other than line breaks and tabs) or bytes that
// are not UTF-8 is piped in from printf with octal escapes.
//
// Spaces in the URL are sent as %20. curl sends its own Host, User-Agent and Accept: */* unless r has a header of
// that name. An empty header value is written as -H 'Name;', which curl sends as
// an empty header. The error is for a method, URL or header that holds control
// characters, which no command line can pass safely.
func Format(r Request) (string, error) {
	if err := checkPrintable(r); err != nil {
		return "", err
	}
	method := r.Method
	if method == "" {
		method = "GET"
	}
	hasBody := r.Body != nil || r.BodyFile != ""
	first := []string{"curl"}
	switch {
	case method == "HEAD" && !hasBody:
		first = append(first, "--head")
	case method == "GET" && !hasBody, method == "POST" && hasBody:
	default:
		first = append(first, "-X", quote(method))
	}
	first = append(first, flags(r)...)
	// curl refuses a URL with spaces (newer versions encode them): encode them here.
	first = append(first, quote(strings.ReplaceAll(r.URL, " ", "%20")))
	lines := []string{strings.Join(first, " ")}
	for _, h := range r.Headers {
		lines = append(lines, "-H "+quote(headerArg(h)))
	}
	if _, ok := r.Header("Content-Type"); hasBody && !ok {
		// curl would add its form Content-Type to a body; the request has none.
		lines = append(lines, "-H 'Content-Type:'")
	}
	pipe := ""
	switch {
	case r.BodyFile != "":
		lines = append(lines, "--data-binary "+quote("@"+r.BodyFile))
	case r.Body != nil && plainText(r.Body):
		lines = append(lines, "--data-raw "+quote(string(r.Body)))
	case r.Body != nil:
		pipe = "printf -- " + quote(printfFormat(r.Body)) + " |\n"
		lines = append(lines, "--data-binary @-")
	}
	return pipe + strings.Join(lines, " \\\n  ") + "\n", nil
}

// flags are the options that stand for r's booleans and for URLs that curl would
// otherwise change: [ ] { } patterns and /./ or /../ segments.
func flags(r Request) []string {
	var out []string
	if strings.ContainsAny(r.URL, "[]{}") {
		out = append(out, "--globoff")
	}
	path := r.URL
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	if strings.Contains(path+"/", "/./") || strings.Contains(path+"/", "/../") {
		out = append(out, "--path-as-is")
	}
	if r.Insecure {
		out = append(out, "-k")
	}
	if r.FollowRedirects {
		out = append(out, "-L")
	}
	if r.Compressed {
		out = append(out, "--compressed")
	}
	return out
}

func headerArg(h Header) string {
	if h.Value == "" {
		return h.Name + ";"
	}
	return h.Name + ": " + h.Value
}

func checkPrintable(r Request) error {
	check := func(what, s string) error {
		for _, c := range s {
			if c != '\t' && (unicode.IsControl(c) || c == utf8.RuneError) {
				return fmt.Errorf("curl: the %s holds the control character %U or invalid UTF-8, which a command line cannot pass safely", what, c)
			}
		}
		return nil
	}
	if err := check("method", r.Method); err != nil {
		return err
	}
	if err := check("URL", r.URL); err != nil {
		return err
	}
	if err := check("body file name", r.BodyFile); err != nil {
		return err
	}
	for _, h := range r.Headers {
		if err := check("header "+h.Name, h.Name+h.Value); err != nil {
			return err
		}
	}
	return nil
}

// plainText reports whether b is UTF-8 text with no control characters but line
// feeds and tabs, so that it can be written in single quotes as it is.
func plainText(b []byte) bool {
	s := string(b)
	for _, c := range s {
		if c == utf8.RuneError || unicode.IsControl(c) && c != '\n' && c != '\t' {
			return false
		}
	}
	return !strings.ContainsRune(s, '\x00')
}

// printfFormat writes b as a printf format that prints exactly b: printable
// characters as they are, % doubled, \ doubled, everything else as \ooo.
func printfFormat(b []byte) string {
	var out strings.Builder
	for len(b) > 0 {
		c, size := utf8.DecodeRune(b)
		switch {
		case c == '%':
			out.WriteString("%%")
		case c == '\\':
			out.WriteString(`\\`)
		case c == '\n':
			out.WriteString(`\n`)
		case c == utf8.RuneError || unicode.IsControl(c):
			for _, x := range b[:size] {
				fmt.Fprintf(&out, `\%03o`, x)
			}
		default:
			out.Write(b[:size])
		}
		b = b[size:]
	}
	return out.String()
}

// quote makes s one word for a POSIX shell: as it is when every byte is safe,
// otherwise in single quotes, where nothing is special but the single quote.
func quote(s string) string {
	if s == "" {
		return "''"
	}
	safe := true
	for i := 0; i < len(s) && safe; i++ {
		c := s[i]
		safe = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("_-.,/:@%+=", c) >= 0
	}
	if safe {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
