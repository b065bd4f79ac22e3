package saving

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/curl"
)

// Paste makes a pasted curl command a new request at the end of f, the file under
// the tree's cursor, or in a new file in dir when f is nil or read-only. ok is
// false when text is not a curl command.
func (s Saver) Paste(text string, f *collections.File, dir string) (o Outcome, ok bool) {
	text = strings.TrimSpace(text)
	if !strings.HasPrefix(text, "curl ") {
		return o, false
	}
	cr, notes, err := curl.Parse(text)
	if err != nil {
		return failed("Cannot read the pasted curl command: ", err), true
	}
	r := requestFromCurl(cr)
	if cr.Insecure {
		notes = append(notes, "-k: certificates are checked; after a refusal, i in the response pane resends without")
	}
	tail := ""
	if len(notes) > 0 {
		tail = fmt.Sprintf(" · %d note(s): %s", len(notes), strings.Join(notes, "; "))
	}
	if f == nil || f.ReadOnly {
		paths := make([]string, 0, 10)
		for i := range 10 {
			name := "pasted.http"
			if i > 0 {
				name = fmt.Sprintf("pasted-%d.http", i+1)
			}
			paths = append(paths, filepath.Join(dir, name))
		}
		return Outcome{Cmd: CreateFileCmd(paths, "", collections.Format(r, "\n"), "Added the pasted curl command"+tail+" to a new file: ")}, true
	}
	content, err := f.Append(r)
	if err != nil {
		return failed("Cannot add the pasted request: ", err), true
	}
	show := "r:" + f.Path + "#" + fmt.Sprint(len(f.Requests))
	return Outcome{Cmd: SaveFileCmd(f, content, "", show, "Added the pasted curl command to "+f.Path+tail)}, true
}

// requestFromCurl is the .http request a curl command sends.
func requestFromCurl(cr curl.Request) collections.Request {
	r := collections.Request{Title: "Pasted from curl", Method: cr.Method, URL: cr.URL}
	for _, h := range cr.Headers {
		r.Headers = append(r.Headers, collections.Header{Name: h.Name, Value: h.Value})
	}
	switch {
	case cr.BodyFile != "":
		r.Body = []byte("< " + cr.BodyFile)
	case cr.Body != nil:
		r.Body = cr.Body
	}
	return r
}
