package collections

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
)

// Format writes r as a complete block in canonical .http form, ending with a line
// break: "### title", "# @name name" (when named), "METHOD URL[ VERSION]", one
// "Name: value" line per header and, after a blank line, the body. newline is "\n"
// or "\r\n"; the body's line breaks are converted to it. Blank lines at the start and
// end of the body are dropped, since the format cannot keep them.
func Format(r Request, newline string) []byte {
	var b bytes.Buffer
	b.WriteString(titleLine(r.Title))
	b.WriteString(newline)
	if r.Name != "" {
		b.WriteString(nameLine(r.Name, newline))
	}
	b.WriteString(formatPart(&r, newline))
	b.WriteString(newline)
	return b.Bytes()
}

func titleLine(title string) string {
	if title == "" {
		return "###"
	}
	return "### " + title
}

func nameLine(name, newline string) string { return "# @name " + name + newline }

func formatRequestLine(r *Request) string {
	s := r.Method + " " + r.URL
	if r.Version != "" {
		s += " " + r.Version
	}
	return s
}

func formatHeader(h Header) string {
	if h.Value == "" {
		return h.Name + ":"
	}
	return h.Name + ": " + h.Value
}

// formatPart writes the request line, headers and body, with no final line break.
// Its scripts go with it: pre-request scripts before the request line, response
// handlers after the body (a duplicated request keeps them, and a body whose last
// lines start with @ stays a body, not variables, when a handler follows it).
func formatPart(r *Request, newline string) string {
	var b strings.Builder
	for _, sc := range r.Scripts {
		if sc.Pre {
			b.WriteString(formatScript(sc, "<") + newline)
		}
	}
	b.WriteString(formatRequestLine(r))
	for _, h := range r.Headers {
		b.WriteString(newline + formatHeader(h))
	}
	body := formatBody(r.Body, newline)
	if body != "" {
		b.WriteString(newline + newline + body)
	}
	for i, sc := range r.Scripts {
		if sc.Pre {
			continue
		}
		if i == firstHandler(r.Scripts) {
			// The blank line that ends the headers, or the one after the body:
			// without it a body's last # line would read as a comment.
			b.WriteString(newline)
		}
		b.WriteString(newline + formatScript(sc, ">"))
	}
	return b.String()
}

// formatScript writes a script as the parser reads it: "> {%...%}" or "> file".
func formatScript(sc Script, mark string) string {
	if sc.File != "" {
		return mark + " " + sc.File
	}
	return mark + " {%" + sc.Source + "%}"
}

// firstHandler is the index of the first response handler in scripts, or -1.
func firstHandler(scripts []Script) int {
	for i, sc := range scripts {
		if !sc.Pre {
			return i
		}
	}
	return -1
}

// formatBody converts the body's line breaks (LF or CRLF) to newline and drops blank
// lines at its start and end.
func formatBody(body []byte, newline string) string {
	lines := strings.Split(string(body), "\n")
	for len(lines) > 0 && strings.Trim(lines[0], " \t\r") == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.Trim(lines[len(lines)-1], " \t\r") == "" {
		lines = lines[:len(lines)-1]
	}
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, "\r") // a CR before a line break cannot be written back
	}
	return strings.Join(lines, newline)
}

// edit replaces the bytes [start, end) with text.
type edit struct {
	start, end int
	text       string
}

// Replace returns the content of f with request index replaced by edited, ready for
// Save. Only what changed is rewritten, line by line, so comments stay: the title on
// its ### line, the @name line, the request line, the header lines that changed
// (added ones go after the header before them, removed ones are deleted), and the
// body. Every byte outside the request's block is left as it was; an unchanged
// request gives f.Content. edited's own positions are ignored.
func (f *File) Replace(index int, edited Request) ([]byte, error) {
	if index < 0 || index >= len(f.Requests) {
		return nil, fmt.Errorf("%s: no request %d (the file has %d)", f.Path, index, len(f.Requests))
	}
	old := &f.Requests[index]
	if same(old, &edited) {
		return f.Content, nil // unchanged, even when the request has problems
	}
	if err := validate(&edited); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", f.Path, f.Requests[index].Line(), err)
	}
	edits := append(headEdits(f, old, &edited), partEdits(f, old, &edited)...)
	out := apply(f.Content, edits)
	// A last check that the edit did what it says, so a bug can never corrupt a file.
	nf, err := Parse(f.Path, out)
	if err != nil {
		return nil, fmt.Errorf("edited request does not parse: %w", err)
	}
	if len(nf.Requests) != len(f.Requests) || !same(&nf.Requests[index], &edited) {
		return nil, fmt.Errorf("%s:%d: the edited request would not read back as written", f.Path, old.Line())
	}
	if before, after := f.Problems(), nf.Problems(); len(after) > len(before) {
		return nil, after[len(after)-1]
	}
	return out, nil
}

// Append returns the content of f with r added as a new block at the end.
func (f *File) Append(r Request) ([]byte, error) {
	if err := validate(&r); err != nil {
		return nil, fmt.Errorf("%s: new request: %w", f.Path, err)
	}
	out := append([]byte(nil), f.Content...)
	if len(out) > 0 && !bytes.HasSuffix(out, []byte("\n")) {
		out = append(out, f.Newline...)
	}
	if len(out) > 0 {
		out = append(out, f.Newline...)
	}
	return append(out, Format(r, f.Newline)...), nil
}

// headEdits changes the title and the @name line.
func headEdits(f *File, old, r *Request) []edit {
	var edits []edit
	nl := f.Newline
	reqLine, _ := f.lineRange(old.reqLine.Start) // inserted lines go before this line
	first := reqLine
	if !old.nameLine.IsZero() {
		first = old.nameLine.Start.Offset
	}
	// A request that starts without ### after another one (httpyac, REST Client)
	// gets its ### line at the start of its block when it needs one: for a title,
	// or when its new request line would no longer be told apart from a body line.
	implicit := old.sepLine.IsZero() && old.Block.Start.Offset > 0
	if implicit {
		first = old.Block.Start.Offset
	}
	switch {
	case !old.sepLine.IsZero() && old.Title != r.Title:
		edits = append(edits, edit{old.sepLine.Start.Offset, old.sepLine.End.Offset, titleLine(r.Title)})
	case old.Title != r.Title || implicit && !isRequestLine([]byte(formatRequestLine(r))):
		edits = append(edits, edit{first, first, titleLine(r.Title) + nl})
	}
	switch {
	case old.Name == r.Name:
	case old.Name == "":
		edits = append(edits, edit{reqLine, reqLine, nameLine(r.Name, nl)})
	case r.Name == "":
		edits = append(edits, edit{old.nameLine.Start.Offset, old.nameLine.End.Offset, ""})
	default:
		edits = append(edits, edit{old.NameSpan.Start.Offset, old.NameSpan.End.Offset, r.Name})
	}
	return edits
}

// partEdits changes the request line, the headers and the body, line by line, so
// that comment lines stay where they are.
func partEdits(f *File, old, r *Request) []edit {
	nl := f.Newline
	var edits []edit
	if !sameRequestLine(old, r) {
		edits = append(edits, edit{old.reqLine.Start.Offset, old.reqLine.End.Offset, formatRequestLine(r)})
	}
	edits = append(edits, headerEdits(f, old, r.Headers)...)
	oldBody, newBody := formatBody(old.Body, nl), formatBody(r.Body, nl)
	switch {
	case oldBody == newBody: // the same body, whatever its line breaks
	case oldBody == "":
		edits = append(edits, edit{old.headEnd, old.headEnd, nl + nl + newBody})
	case newBody == "" && len(bytes.TrimSpace(f.Content[old.BodySpan.End.Offset:old.Block.End.Offset])) > 0:
		// A script or other lines follow the body: they keep the blank line
		// that parts them from the headers.
		_, next := f.lineRange(old.BodySpan.End)
		edits = append(edits, edit{old.BodySpan.Start.Offset, next, ""})
	case newBody == "":
		edits = append(edits, edit{old.headEnd, old.BodySpan.End.Offset, ""})
	default:
		edits = append(edits, edit{old.BodySpan.Start.Offset, old.BodySpan.End.Offset, newBody})
	}
	return edits
}

// headerEdits turns the old header lines into the new ones. Headers kept unchanged
// (a longest common subsequence) stay; between them, old lines are rewritten in
// place one for one, extra old lines are deleted and extra new ones are inserted
// after the last line kept or rewritten.
func headerEdits(f *File, old *Request, headers []Header) []edit {
	var edits []edit
	anchor := old.reqLine.End.Offset // new lines go after this offset
	i, j := 0, 0
	for _, m := range append(commonHeaders(old.Headers, headers), [2]int{len(old.Headers), len(headers)}) {
		for ; i < m[0] && j < m[1]; i, j = i+1, j+1 {
			line := old.HeaderPos[i].Line
			edits = append(edits, edit{line.Start.Offset, line.End.Offset, formatHeader(headers[j])})
			anchor = line.End.Offset
		}
		for ; i < m[0]; i++ {
			start, next := f.lineRange(old.HeaderPos[i].Line.Start)
			edits = append(edits, edit{start, next, ""})
		}
		for ; j < m[1]; j++ {
			edits = append(edits, edit{anchor, anchor, f.Newline + formatHeader(headers[j])})
		}
		if m[0] < len(old.Headers) {
			anchor = old.HeaderPos[m[0]].Line.End.Offset
		}
		i, j = m[0]+1, m[1]+1
	}
	return edits
}

// commonHeaders returns the index pairs of a longest common subsequence of a and b.
func commonHeaders(a, b []Header) [][2]int {
	n := make([][]int, len(a)+1) // n[i][j]: LCS length of a[i:] and b[j:]
	for i := range n {
		n[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				n[i][j] = n[i+1][j+1] + 1
			} else {
				n[i][j] = max(n[i+1][j], n[i][j+1])
			}
		}
	}
	var pairs [][2]int
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			pairs = append(pairs, [2]int{i, j})
			i, j = i+1, j+1
		case n[i+1][j] >= n[i][j+1]:
			i++
		default:
			j++
		}
	}
	return pairs
}

// apply makes the edits, which must not overlap; edits at the same offset keep
// their order.
func apply(content []byte, edits []edit) []byte {
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	var out []byte
	at := 0
	for _, e := range edits {
		out = append(out, content[at:e.start]...)
		out = append(out, e.text...)
		at = e.end
	}
	return append(out, content[at:]...)
}

// validate refuses a request the format cannot write so that it reads back the same.
func validate(r *Request) error {
	switch {
	case r.Method == "" || methodEnd([]byte(r.Method)) != len(r.Method):
		return fmt.Errorf("invalid method %q: use upper-case letters", r.Method)
	case r.URL == "" || strings.Contains(r.URL, "\n") || strings.Trim(r.URL, " \t\r") != r.URL:
		return fmt.Errorf("invalid URL %q: one line, no spaces around it", r.URL)
	case r.Version != "" && !isVersion([]byte(r.Version)):
		return fmt.Errorf("invalid HTTP version %q", r.Version)
	case strings.Contains(r.Title, "\n") || strings.Trim(r.Title, " \t\r") != r.Title:
		return fmt.Errorf("invalid title %q: one line, no spaces around it", r.Title)
	case r.Name != "" && !isIdent(r.Name):
		return fmt.Errorf("invalid request name %q: use letters, digits, _ and -", r.Name)
	}
	if i := strings.LastIndexAny(r.URL, " \t"); i > 0 && r.Version == "" && isVersion([]byte(r.URL[i+1:])) {
		return fmt.Errorf("URL %q ends with an HTTP version: set Version instead", r.URL)
	}
	for _, h := range r.Headers {
		if !isHeaderName([]byte(h.Name)) {
			return fmt.Errorf("invalid header name %q", h.Name)
		}
		if strings.Contains(h.Value, "\n") || strings.Trim(h.Value, " \t\r") != h.Value {
			return fmt.Errorf("header %s: a value must be one line, no spaces around it", h.Name)
		}
	}
	for _, l := range strings.Split(string(r.Body), "\n") {
		if strings.HasPrefix(l, "###") {
			return fmt.Errorf("a body line may not start with ###: it would start a new request")
		}
	}
	return nil
}
