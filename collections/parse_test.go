package collections

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestParseGolden(t *testing.T) {
	paths, err := filepath.Glob("testdata/parse/*.http")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no test files: %v", err)
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			f := parseFile(t, path)
			golden(t, strings.TrimSuffix(path, ".http")+".golden", []byte(dump(f)))
		})
	}
}

// TestParseSyntax checks each syntax element on the files in testdata/parse.
func TestParseSyntax(t *testing.T) {
	basic := parseFile(t, "testdata/parse/basic.http")
	crlf := parseFile(t, "testdata/parse/crlf.http")
	bom := parseFile(t, "testdata/parse/bom.http")
	tabs := parseFile(t, "testdata/parse/tabs.http")
	hashes := parseFile(t, "testdata/parse/hashes.http")
	single := parseFile(t, "testdata/parse/single.http")
	tests := []struct {
		name      string
		got, want any
	}{
		{"file variables in order", len(basic.Vars), 2},
		{"a variable's value is kept unresolved", basic.Vars[0].Value, "{{demo}}"},
		{"title comes from the ### line", basic.Requests[0].Title, "Read item"},
		{"# @name names a request", basic.Requests[0].Name, "readItem"},
		{"// @name names a request", basic.Requests[1].Name, "updateItem"},
		{"# @name = x names a request", basic.Requests[3].Name, "search"},
		{"the HTTP version is split off the URL", basic.Requests[1].URL, "{{host}}/items/1"},
		{"the HTTP version is kept", basic.Requests[1].Version, "HTTP/1.1"},
		{"comments between headers are skipped", len(basic.Requests[1].Headers), 3},
		{"a header may be empty", basic.Requests[1].Headers[2], Header{Name: "X-Empty", Value: ""}},
		{"a bare URL is a GET", basic.Requests[2].Method, "GET"},
		{"query lines join the URL", basic.Requests[3].URL, "{{host}}/items?name=note&limit=10"},
		{"a < line is a body file", basic.Requests[4].BodyFile(), "./body.json"},
		{"an untitled ### works", basic.Requests[5].Method + " " + basic.Requests[5].Title, "DELETE "},
		{"a request without a body has a nil body", basic.Requests[0].Body == nil, true},
		{"### inside a JSON string is body", strings.Contains(string(basic.Requests[1].Body), "a ### inside"), true},
		{"CRLF is detected", crlf.Newline, "\r\n"},
		{"CRLF bodies keep their line breaks", string(crlf.Requests[0].Body), "hello\r\nworld"},
		{"CRLF header values have no \\r", crlf.Requests[0].Headers[0].Value, "text/plain"},
		{"a BOM is not part of the title", bom.Requests[0].Title, "With a byte order mark"},
		{"columns start after a BOM", bom.Requests[0].TitleSpan.Start.Col, 5},
		{"a tab separates method and URL", tabs.Requests[0].URL, "http://127.0.0.1/tabs"},
		{"trailing spaces leave the title", tabs.Requests[0].Title, "Tabs and trailing spaces"},
		{"spaces around a header name go", tabs.Requests[0].Headers[1], Header{Name: "X-Trace", Value: "abc"}},
		{"a body keeps its indentation", string(tabs.Requests[0].Body), "\t{\"indented\": true}  "},
		{"a last line with no line break", tabs.Requests[1].URL, "http://127.0.0.1/next"},
		{"a line starting with ### ends the body", hashes.Requests[0].Body[len(hashes.Requests[0].Body)-1], byte('y')},
		{"### in the middle of a line is body", len(hashes.Requests), 2},
		{"a file without ### has one untitled request", single.Requests[0].Title + single.Requests[0].Method, "POST"},
		{"the request line's line number", single.Requests[0].Line(), 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.got != tc.want {
				t.Errorf("got %#v, want %#v", tc.got, tc.want)
			}
		})
	}
}

// TestParseErrors: a problem is an error on its request (or on the file, outside
// any request) with its position; the file still loads, and so do the requests
// around the bad one.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, content, want string
		requests            int
	}{
		{"a header without a colon", "### A\nGET /x\nAccept application/json\n", "bad.http:3:1: expected a header (Name: value), or a blank line before the body", 1},
		{"a body without a blank line", "GET /x\nhello\n", "bad.http:2:1: expected a header (Name: value), or a blank line before the body", 1},
		{"a JSON body without a blank line", "GET /x\n{\"a\": 1}\n", `bad.http:2:1: expected a header (Name: value), or a blank line before the body`, 1},
		{"an invalid header name", "GET /x\n  Bad Name: 1\n", `bad.http:2:3: expected a header (Name: value), or a blank line before the body`, 1},
		{"a variable without =", "@host http://x\n", "bad.http:1:1: expected a variable definition: @name = value", 0},
		{"an invalid variable name", "@1host = x\n", `bad.http:1:1: invalid variable name "1host": use letters, digits, _, - and .`, 0},
		{"a name with a space", "### A\n# @name read item\nGET /x\n", `bad.http:2:9: invalid request name "read item": use letters, digits, _, - and .`, 1},
		{"an empty name", "### A\n# @name\nGET /x\n", `bad.http:2:8: invalid request name "": use letters, digits, _, - and .`, 1},
		{"two names", "### A\n# @name a\n// @name b\nGET /x\n", "bad.http:3:10: a second @name for the same request", 1},
		{"a duplicate name", "### A\n# @name a\nGET /x\n\n### B\n# @name a\nGET /y\n", "bad.http:6:9: duplicate request name a (first at line 2)", 2},
		{"a name without a request", "### A\n# @name lonely\n\n### B\nGET /y\n", "bad.http:2:9: # @name lonely is not followed by a request", 1},
		{"an error on a CRLF line", "### A\r\nGET /x\r\nNo colon\r\n", "bad.http:3:1: expected a header (Name: value), or a blank line before the body", 1},
		{"an unclosed script", "GET /x\n\n> {%\nclient.log(1)\n", "bad.http:3:1: script not closed: add %}", 1},
		{"an unclosed comment among the headers", "GET /x\nA: 1\n  /* the rest\n\n{\"a\": 1}\n", "bad.http:3:3: this /* comment is never closed: every line after it in the request is read as comment", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			content := tc.content + "\n###\nGET /after\n"
			f, err := Parse("bad.http", []byte(content))
			if err != nil {
				t.Fatalf("the file is rejected whole: %v", err)
			}
			problems := f.Problems()
			if len(problems) != 1 || problems[0].Error() != tc.want {
				t.Errorf("problems\n got %v\nwant %s", problems, tc.want)
			}
			if len(f.Requests) != tc.requests+1 || f.Requests[tc.requests].URL != "/after" {
				t.Errorf("%d requests, want %d and /after last", len(f.Requests), tc.requests+1)
			}
		})
	}
}

func TestParseEmpty(t *testing.T) {
	for _, content := range []string{"", "\n\n", "# only a comment\n", "@a = 1\n", "###\n###\n"} {
		t.Run(strings.ReplaceAll(content, "\n", `\n`), func(t *testing.T) {
			f, err := Parse("empty.http", []byte(content))
			if err != nil {
				t.Fatal(err)
			}
			if len(f.Requests) != 0 {
				t.Errorf("got %d requests, want none", len(f.Requests))
			}
		})
	}
}

// A formatted request keeps its scripts (a duplicate keeps its handler), and a
// body whose last line starts with @ reads back as that body when a handler
// follows it, as it did in the file.
func TestFormatKeepsScripts(t *testing.T) {
	src := "< {%\n  request.variables.set('a', '1')\n%}\nPOST /x\nA: b\n\n@not-a-variable\n> {%\nclient.test('t', () => {})\n%}\n> ./check.js\n"
	f, err := Parse("s.http", []byte(src))
	if err != nil || len(f.Requests) != 1 || len(f.Problems()) > 0 {
		t.Fatalf("parse: %v %v", err, f.Problems())
	}
	r := f.Requests[0]
	back, err := Parse("s.http", Format(r, "\n"))
	if err != nil || len(back.Requests) != 1 {
		t.Fatalf("read back: %v", err)
	}
	b := back.Requests[0]
	if !same(&r, &b) || string(b.Body) != "@not-a-variable" {
		t.Errorf("body %q, want %q", b.Body, "@not-a-variable")
	}
	if len(b.Scripts) != 3 {
		t.Fatalf("scripts %+v, want the pre-request script, the inline handler and the file", b.Scripts)
	}
	for i, sc := range r.Scripts {
		if got := b.Scripts[i]; got.Pre != sc.Pre || got.Source != sc.Source || got.File != sc.File {
			t.Errorf("script %d: %+v, want %+v", i, got, sc)
		}
	}
}
