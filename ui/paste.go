package ui

import (
	"fmt"
	"path/filepath"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/curl"
)

// pastedCurl handles a bracketed paste made while no field takes text: a curl
// command becomes a new request in the file under the tree's cursor (or in a new
// file when that one is read-only). ok is false for any other paste.
func (m Model) pastedCurl(msg tea.KeyMsg) (next tea.Model, cmd tea.Cmd, ok bool) {
	text := strings.TrimSpace(string(msg.Runes))
	if !msg.Paste || !strings.HasPrefix(text, "curl ") {
		return m, nil, false
	}
	cr, notes, err := curl.Parse(text)
	if err != nil {
		m.setStatus("Cannot read the pasted curl command: "+err.Error(), true)
		return m, nil, true
	}
	r := requestFromCurl(cr)
	if cr.Insecure {
		notes = append(notes, "-k: certificates are checked; after a refusal, i in the response pane resends without")
	}
	status := "Added the pasted curl command to "
	tail := ""
	if len(notes) > 0 {
		tail = fmt.Sprintf(" · %d note(s): %s", len(notes), strings.Join(notes, "; "))
	}
	f := m.tree.CursorFile()
	if f == nil || f.ReadOnly {
		dir := m.cfg.Dir
		if m.coll != nil && m.coll.Dir != "" {
			dir = m.coll.Dir
		}
		paths := make([]string, 0, 10)
		for i := range 10 {
			name := "pasted.http"
			if i > 0 {
				name = fmt.Sprintf("pasted-%d.http", i+1)
			}
			paths = append(paths, filepath.Join(dir, name))
		}
		return m, createFileCmd(paths, "", collections.Format(r, "\n"), "Added the pasted curl command"+tail+" to a new file: "), true
	}
	content, err := f.Append(r)
	if err != nil {
		m.setStatus("Cannot add the pasted request: "+err.Error(), true)
		return m, nil, true
	}
	show := "r:" + f.Path + "#" + fmt.Sprint(len(f.Requests))
	return m, saveFileCmd(f, content, "", show, status+f.Path+tail), true
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
