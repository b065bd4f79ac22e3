package traffic

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/httplens/httplens/atomicfile"
	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/har"
	"github.com/httplens/httplens/requests"
)

// hopByHop are the fields a saved request must not carry over: they describe the
// recorded connection, not the request (RFC 9110 §7.6.1), or are recomputed when
// it is sent again.
var hopByHop = map[string]bool{"connection": true, "proxy-connection": true, "keep-alive": true, "te": true,
	"transfer-encoding": true, "upgrade": true, "content-length": true, "proxy-authorization": true, "host": true}

// NewRequest is a recorded request as a .http request: the method, the absolute
// URL, the end-to-end fields in order and a text body. Control characters, which
// would break a .http line, are dropped; a binary body is left out and the title
// says so. note ends the title, e.g. "recorded 200".
func NewRequest(method, url string, fields []explain.Field, body []byte, note string) collections.Request {
	title := method + " " + url
	if note != "" {
		title += " (" + note + ")"
	}
	r := collections.Request{Method: method, URL: strings.Map(noControl, url)}
	for _, h := range fields {
		if !hopByHop[strings.ToLower(h.Name)] && !strings.HasPrefix(h.Name, ":") {
			r.Headers = append(r.Headers, collections.Header{Name: strings.Map(noControl, h.Name), Value: strings.Map(noControl, h.Value)})
		}
	}
	switch {
	case len(body) > 0 && utf8.Valid(body):
		r.Body = body
	case len(body) > 0:
		title += " (binary body left out)"
	}
	r.Title = strings.Map(noControl, title)
	return r
}

// Request is the exchange's request as a .http request; a tunnel has none.
func (x Exchange) Request() (collections.Request, bool) {
	if x.Tunnel || x.Method == "CONNECT" {
		return collections.Request{}, false
	}
	note := ""
	if x.Status != 0 {
		note = fmt.Sprintf("recorded %d", x.Status)
	}
	return NewRequest(x.Method, x.URL, x.RequestFields, x.RequestBody, note), true
}

// fieldsOf converts recorded headers to explain's fields.
func fieldsOf(hs []requests.Header) []explain.Field {
	return append(make([]explain.Field, 0, len(hs)), hs...) // the same type: a copy, never nil
}

func noControl(r rune) rune {
	if r < ' ' || r == 0x7f {
		return -1
	}
	return r
}

// AppendRequest adds r at the end of the .http file at path, creating it when
// missing, and returns the line of its request line (as collections counts). Every byte already in the
// file is kept and its line breaks are followed. The file is replaced atomically;
// if it changed on disk since it was read, nothing is written and the error says so.
func AppendRequest(path string, r collections.Request) (line int, err error) {
	old, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return 0, err
	}
	exists := err == nil
	nl := "\n"
	if bytes.Contains(old, []byte("\r\n")) {
		nl = "\r\n"
	}
	var b bytes.Buffer
	b.Write(old)
	if len(old) > 0 {
		if !bytes.HasSuffix(old, []byte("\n")) {
			b.WriteString(nl)
		}
		b.WriteString(nl) // a blank line before the new ### block
	}
	line = bytes.Count(b.Bytes(), []byte("\n")) + 1
	block := collections.Format(r, nl)
	// The request line follows the "###" title and "# @name" comment lines.
	for _, l := range bytes.SplitAfter(block, []byte("\n")) {
		if !bytes.HasPrefix(l, []byte("#")) {
			break
		}
		line++
	}
	b.Write(block)
	err = atomicfile.Write(path, atomicfile.Options{Perm: 0o644, NoReplace: !exists}, func(w io.Writer) error {
		// Checked as late as can be: a file someone else changed meanwhile is never
		// overwritten with our stale copy of it.
		if exists {
			now, err := os.ReadFile(path)
			if err != nil || !bytes.Equal(now, old) {
				return fmt.Errorf("%s changed on disk while saving; nothing written", path)
			}
		}
		_, err := w.Write(b.Bytes())
		return err
	})
	if errors.Is(err, atomicfile.ErrExist) {
		return 0, fmt.Errorf("%s appeared while saving; nothing written", path)
	}
	return line, err
}

// ReadHAR reads the HAR file at path: its exchanges in file order and who wrote it.
func ReadHAR(path string) (xs []Exchange, creator string, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	log, err := har.Read(f, path)
	if err != nil {
		return nil, "", err
	}
	xs = make([]Exchange, len(log.Entries))
	for i, e := range log.Entries {
		xs[i] = FromHAR(e)
	}
	return xs, log.Creator, nil
}
