package collections

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// TestRoundTripUnchanged: writing back any request unchanged gives the same bytes.
func TestRoundTripUnchanged(t *testing.T) {
	paths, _ := filepath.Glob("testdata/parse/*.http")
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			f := parseFile(t, path)
			for i, r := range f.Requests {
				out, err := f.Replace(i, r)
				if err != nil {
					t.Fatalf("request %d: %v", i, err)
				}
				if !bytes.Equal(out, f.Content) {
					t.Errorf("request %d: unchanged write-back changed the file:\n%s", i, out)
				}
			}
		})
	}
}

// TestReplace edits one request and checks the whole file against a golden file,
// and that every byte outside the request's block is unchanged.
func TestReplace(t *testing.T) {
	tests := []struct {
		name  string
		file  string
		index int
		edit  func(r *Request)
	}{
		{"header value in place keeps comments", "basic", 1, func(r *Request) { r.Headers[1].Value = `"abc"` }},
		{"new title", "basic", 0, func(r *Request) { r.Title = "Read the first item" }},
		{"title on an untitled separator", "basic", 5, func(r *Request) { r.Title = "Delete item" }},
		{"rename", "basic", 0, func(r *Request) { r.Name = "firstItem" }},
		{"add a name", "basic", 2, func(r *Request) { r.Name = "list" }},
		{"remove a name", "basic", 1, func(r *Request) { r.Name = "" }},
		{"method and URL", "basic", 0, func(r *Request) { r.Method, r.URL = "HEAD", "{{host}}/items/2" }},
		{"URL with query lines", "basic", 3, func(r *Request) { r.URL += "&sort=name" }},
		{"drop the HTTP version", "basic", 1, func(r *Request) { r.Version = "" }},
		{"add a header", "basic", 1, func(r *Request) { r.Headers = append(r.Headers, Header{Name: "Accept", Value: "*/*"}) }},
		{"remove a header between comments", "basic", 1, func(r *Request) { r.Headers = append(r.Headers[:1], r.Headers[2:]...) }},
		{"insert a header in the middle", "basic", 1, func(r *Request) {
			r.Headers = append(r.Headers[:2], append([]Header{{Name: "Accept", Value: "*/*"}}, r.Headers[2:]...)...)
		}},
		{"first header changed and one added", "basic", 1, func(r *Request) {
			r.Headers = append([]Header{{Name: "Content-Type", Value: "text/plain"}, {Name: "X-New", Value: "1"}}, r.Headers[1:]...)
		}},
		{"every header removed", "crlf", 0, func(r *Request) { r.Headers = nil }},
		{"a header for a request without headers", "basic", 2, func(r *Request) { r.Headers = []Header{{Name: "Accept", Value: "*/*"}} }},
		{"a blank body changes nothing", "basic", 0, func(r *Request) { r.Body = []byte(" \n\t\n") }},
		{"body edit", "basic", 1, func(r *Request) { r.Body = []byte("{\n  \"name\": \"blue\"\n}\n") }},
		{"body removed", "basic", 1, func(r *Request) { r.Body = nil }},
		{"body added", "basic", 0, func(r *Request) { r.Body = []byte(`{"x": 1}`) }},
		{"CRLF stays CRLF", "crlf", 0, func(r *Request) { r.Body = []byte("hi\nthere") }},
		{"CRLF header added", "crlf", 1, func(r *Request) { r.Headers = []Header{{Name: "Accept", Value: "*/*"}} }},
		{"title for a request without a separator", "single", 0, func(r *Request) { r.Title = "Create" }},
		{"BOM kept", "bom", 0, func(r *Request) { r.URL = "http://127.0.0.1/bom2" }},
		{"file without a final line break", "tabs", 1, func(r *Request) { r.Body = []byte("last") }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := parseFile(t, "testdata/parse/"+tc.file+".http")
			old := f.Requests[tc.index]
			edited := f.Requests[tc.index]
			edited.Headers = append([]Header(nil), edited.Headers...)
			tc.edit(&edited)
			out, err := f.Replace(tc.index, edited)
			if err != nil {
				t.Fatal(err)
			}
			before, after := f.Content[:old.Block.Start.Offset], f.Content[old.Block.End.Offset:]
			if !bytes.HasPrefix(out, before) || !bytes.HasSuffix(out, after) {
				t.Errorf("bytes outside the request's block changed")
			}
			nf, err := Parse(f.Path, out)
			if err != nil {
				t.Fatalf("result does not parse: %v", err)
			}
			if !same(&nf.Requests[tc.index], &edited) {
				t.Errorf("request reads back as %+v", nf.Requests[tc.index])
			}
			name := strings.ReplaceAll(tc.name, " ", "-")
			golden(t, "testdata/write/"+name+".golden", out)
		})
	}
}

func TestReplaceRefuses(t *testing.T) {
	f := parseFile(t, "testdata/parse/basic.http")
	tests := []struct {
		name string
		edit func(r *Request)
		want string
	}{
		{"lower-case method", func(r *Request) { r.Method = "get" }, `invalid method "get"`},
		{"two-line URL", func(r *Request) { r.URL = "/a\n/b" }, "invalid URL"},
		{"bad name", func(r *Request) { r.Name = "a b" }, `invalid request name "a b"`},
		{"two-line title", func(r *Request) { r.Title = "a\nb" }, "invalid title"},
		{"bad header name", func(r *Request) { r.Headers = []Header{{Name: "A B", Value: "c"}} }, `invalid header name "A B"`},
		{"two-line header value", func(r *Request) { r.Headers = []Header{{Name: "A", Value: "b\nc"}} }, "header A: a value must be one line"},
		{"### in a body", func(r *Request) { r.Body = []byte("a\n### b") }, "a body line may not start with ###"},
		{"version in the URL", func(r *Request) { r.URL = "/x HTTP/1.1" }, "ends with an HTTP version"},
		{"a name another request has", func(r *Request) { r.Name = "updateItem" }, "duplicate request name updateItem"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			edited := f.Requests[0]
			tc.edit(&edited)
			_, err := f.Replace(0, edited)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want one containing %q", err, tc.want)
			}
		})
	}
	if _, err := f.Replace(len(f.Requests), f.Requests[0]); err == nil {
		t.Errorf("Replace accepted an index past the end")
	}
}

func TestFormat(t *testing.T) {
	r := Request{
		Title: "Create", Name: "create", Method: "POST", URL: "{{demo}}/items", Version: "HTTP/1.1",
		Headers: []Header{{Name: "Content-Type", Value: "application/json"}, {Name: "X-Empty", Value: ""}},
		Body:    []byte("\n{\"a\": 1,\n \"b\": 2}\n\n"),
	}
	tests := []struct{ newline, want string }{
		{"\n", "### Create\n# @name create\nPOST {{demo}}/items HTTP/1.1\nContent-Type: application/json\nX-Empty:\n\n{\"a\": 1,\n \"b\": 2}\n"},
		{"\r\n", "### Create\r\n# @name create\r\nPOST {{demo}}/items HTTP/1.1\r\nContent-Type: application/json\r\nX-Empty:\r\n\r\n{\"a\": 1,\r\n \"b\": 2}\r\n"},
	}
	for _, tc := range tests {
		t.Run("newline "+strings.ReplaceAll(strings.ReplaceAll(tc.newline, "\r", `\r`), "\n", `\n`), func(t *testing.T) {
			got := string(Format(r, tc.newline))
			if got != tc.want {
				t.Errorf("got\n%q\nwant\n%q", got, tc.want)
			}
			f, err := Parse("x.http", []byte(got))
			if err != nil {
				t.Fatal(err)
			}
			if !same(&f.Requests[0], &r) {
				t.Errorf("formatted request reads back as %+v", f.Requests[0])
			}
		})
	}
}

func TestAppend(t *testing.T) {
	f := parseFile(t, "testdata/parse/tabs.http") // no final line break
	out, err := f.Append(Request{Title: "Added", Method: "GET", URL: "http://127.0.0.1/added"})
	if err != nil {
		t.Fatal(err)
	}
	want := string(f.Content) + "\n\n### Added\nGET http://127.0.0.1/added\n"
	if string(out) != want {
		t.Errorf("got\n%q\nwant\n%q", out, want)
	}
}
