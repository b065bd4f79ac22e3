package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/requests"
)

// writeRequestSent prints the request as it was written to the connection, curl-style:
// one "> " line per line of the head, the fields httplens added marked at the end of
// their line. The head is the user's own text, still sanitised: a variable may have
// brought anything in.
func writeRequestSent(w io.Writer, s requests.SentRequest) {
	lines := strings.Split(strings.TrimSuffix(string(s.RawHead), "\r\n\r\n"), "\r\n")
	if len(s.RawHead) == 0 {
		lines = []string{s.Method + " " + s.URL + " " + s.Proto}
	}
	for i, line := range lines {
		mark := ""
		if i > 0 && i-1 < len(s.Added) && s.Added[i-1] {
			mark = "   (added by httplens)"
		}
		fmt.Fprintf(w, "> %s%s\n", printableText(line), mark)
	}
	fmt.Fprintln(w, ">")
	if n := len(s.Body); n > 0 {
		fmt.Fprintf(w, "> [%d bytes of body]\n", n)
	}
}

// writeWireNotes says on errOut what the lenient reader found wrong with the
// response, and what became of bytes that were not part of it. Each line starts with
// "* ", as curl's notes do.
func writeWireNotes(errOut io.Writer, r *requests.Response) {
	if r == nil {
		return
	}
	for _, p := range r.Problems {
		fmt.Fprintf(errOut, "* %s\n", printableText(p))
	}
	if len(r.Extra) > 0 {
		fmt.Fprintf(errOut, "* %d bytes followed the message: %s\n", len(r.Extra), printableText(r.ExtraNote))
	}
}

// writeExtra prints the bytes that followed the message after a marked line, made
// visible for a terminal, as they came for a pipe (after the message, so the message
// itself stays byte-exact at the start of the output).
func writeExtra(out io.Writer, r *requests.Response, terminal bool) error {
	if len(r.Extra) == 0 || !terminal {
		return nil
	}
	_, err := fmt.Fprintf(out, "── %d bytes after the end of the message, not part of it ──\n%s\n", len(r.Extra), visibleText(r.Extra))
	return err
}

// rawExplanation is what the explain engine says about bytes that are not a
// response at all (no status line): its reader's own words, as `httplens explain`
// gives them for the same bytes saved to a file.
func rawExplanation(r *requests.Response) string {
	raw := append(append([]byte{}, r.RawHead...), r.Body...)
	if _, err := explain.ReadResponse(raw); err != nil {
		return err.Error()
	}
	return ""
}
