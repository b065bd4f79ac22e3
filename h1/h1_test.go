package h1

import (
	"bufio"
	"io"
	"reflect"
	"strings"
	"testing"
)

func TestParseHead(t *testing.T) {
	cases := []struct {
		name     string
		head     string
		status   int
		reason   string
		fields   []Field
		problems []string // substrings, in order
	}{
		{"clean", "HTTP/1.1 200 OK\r\nA: 1\r\nb: 2\r\n\r\n", 200, "OK", []Field{{Name: "A", Value: "1"}, {Name: "b", Value: "2"}}, nil},
		{"bare LF", "HTTP/1.1 404 Not Found\nA: 1\n\n", 404, "Not Found", []Field{{Name: "A", Value: "1"}}, nil},
		{"signed status", "HTTP/1.1 +12 OK\r\n\r\n", 0, "OK", []Field{}, []string{`line 1: the status code "+12"`}},
		{"bad version", "HTTP/11 200 OK\r\n\r\n", 200, "OK", []Field{}, []string{`line 1: the version "HTTP/11"`}},
		{"control in value", "HTTP/1.1 200 OK\r\nX: a\x1bb\r\n\r\n", 200, "OK", []Field{{Name: "X", Value: "a\x1bb"}}, []string{"line 2: the value of X holds the control character 0x1b"}},
		{"separator in name", "HTTP/1.1 200 OK\r\nX/Y: 1\r\n\r\n", 200, "OK", []Field{{Name: "X/Y", Value: "1"}}, []string{`line 2: the field name "X/Y" is not a token`}},
		{"space before colon", "HTTP/1.1 200 OK\r\nETag : \"a\"\r\n\r\n", 200, "OK", []Field{{Name: "ETag", Value: `"a"`}}, []string{"line 2: whitespace between"}},
		{"fold", "HTTP/1.1 200 OK\r\nX:\r\n  b\r\n\r\n", 200, "OK", []Field{{Name: "X", Value: "b"}}, []string{"line 3: obsolete line folding"}},
		{"no colon", "HTTP/1.1 200 OK\r\nnonsense\r\nA: 1\r\n\r\n", 200, "OK", []Field{{Name: "A", Value: "1"}}, []string{"line 2: not a header field"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := ParseHead([]byte(c.head))
			if h.Status != c.status || h.Reason != c.reason || !reflect.DeepEqual(h.Fields, c.fields) {
				t.Errorf("got %d %q %q, want %d %q %q", h.Status, h.Reason, h.Fields, c.status, c.reason, c.fields)
			}
			if len(h.Problems) != len(c.problems) {
				t.Fatalf("problems %q, want %q", h.Problems, c.problems)
			}
			for i, p := range c.problems {
				if !strings.Contains(h.Problems[i], p) {
					t.Errorf("problem %q lacks %q", h.Problems[i], p)
				}
			}
		})
	}
}

func TestBodyFraming(t *testing.T) {
	cases := []struct {
		name, method, head string
		frame              Framing
		length             int64
		problem            string
	}{
		{"length", "GET", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n", FrameLength, 5, ""},
		{"same length twice", "GET", "HTTP/1.1 200 OK\r\nContent-Length: 5, 5\r\n\r\n", FrameLength, 5, ""},
		{"conflicting lengths", "GET", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n", FrameUntilEOF, -1, "conflicting"},
		{"signed length", "GET", "HTTP/1.1 200 OK\r\nContent-Length: +5\r\n\r\n", FrameUntilEOF, -1, "not a number"},
		{"minus zero", "GET", "HTTP/1.1 200 OK\r\nContent-Length: -0\r\n\r\n", FrameUntilEOF, -1, "not a number"},
		{"chunked wins", "GET", "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\nContent-Length: 5\r\n\r\n", FrameChunked, -1, ""},
		{"204", "GET", "HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n", FrameNone, 0, ""},
		{"HEAD", "HEAD", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n", FrameNone, 0, ""},
		{"no length", "GET", "HTTP/1.1 200 OK\r\n\r\n", FrameUntilEOF, -1, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := ParseHead([]byte(c.head))
			f, n := BodyFraming(c.method, &h)
			if f != c.frame || n != c.length {
				t.Errorf("framing %d %d, want %d %d", f, n, c.frame, c.length)
			}
			if got := strings.Join(h.Problems, "; "); c.problem == "" && got != "" || !strings.Contains(got, c.problem) {
				t.Errorf("problems %q, want %q", got, c.problem)
			}
		})
	}
}

func TestChunkedReader(t *testing.T) {
	cases := []struct{ name, in, body, bad, trailers string }{
		{"two chunks and a trailer", "4\r\nWiki\r\n5;x=y\r\npedia\r\n0\r\nT: 1\r\n\r\n", "Wikipedia", "", "T=1"},
		{"bare LF", "3\nabc\n0\n\n", "abc", "", ""},
		{"not hex", "zz\r\nrest", "", "zz\r\n", ""},
		{"no CRLF after data", "3\r\nabcX\r\n", "abc", "X\r\n", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cr := &ChunkedReader{BR: bufio.NewReader(strings.NewReader(c.in))}
			body, _ := io.ReadAll(cr)
			var tr []string
			for _, f := range cr.Trailers {
				tr = append(tr, f.Name+"="+f.Value)
			}
			if string(body) != c.body || string(cr.Bad) != c.bad || strings.Join(tr, ",") != c.trailers {
				t.Errorf("body %q bad %q trailers %q, want %q %q %q", body, cr.Bad, tr, c.body, c.bad, c.trailers)
			}
		})
	}
}

// FuzzParseHead checks that any head parses without a panic, that every field
// came from a line of the head, and that a problem names a line that exists.
func FuzzParseHead(f *testing.F) {
	for _, s := range []string{"HTTP/1.1 200 OK\r\nA: 1\r\n\r\n", "HTTP/1.1 +12\r\n x\r\n", "\n\n:", "HTTP/2 200 \r\nX : \x00\r\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		h := ParseHead(in)
		if lines := strings.Count(string(in), "\n") + 1; len(h.Fields) > lines {
			t.Fatalf("%d fields from %d lines", len(h.Fields), lines)
		}
		if h.Status < 0 || h.Status > 999 {
			t.Fatalf("status %d", h.Status)
		}
	})
}
