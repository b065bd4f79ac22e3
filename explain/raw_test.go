package explain

import (
	"reflect"
	"strings"
	"testing"
)

func TestReadResponse(t *testing.T) {
	cases := []struct {
		name   string
		raw    string
		proto  string
		status int
		reason string
		fields []Field
		body   string
	}{
		{"CRLF", "HTTP/1.1 204 No Content\r\nETag: \"a\"\r\n\r\n", "HTTP/1.1", 204, "No Content", []Field{{Name: "ETag", Value: `"a"`}}, ""},
		{"bare LF with body", "HTTP/1.1 200 OK\nContent-Length: 2\n\nhi", "HTTP/1.1", 200, "OK", []Field{{Name: "Content-Length", Value: "2"}}, "hi"},
		{"case, order and duplicates kept", "HTTP/1.1 200 OK\nx-b: 1\nX-A: 2\nx-b: 3\n\n", "HTTP/1.1", 200, "OK",
			[]Field{{Name: "x-b", Value: "1"}, {Name: "X-A", Value: "2"}, {Name: "x-b", Value: "3"}}, ""},
		{"HTTP/2 line without reason", "HTTP/2 200 \r\ncontent-type: text/plain\r\n\r\nok", "HTTP/2", 200, "", []Field{{Name: "content-type", Value: "text/plain"}}, "ok"},
		{"HTTP/1.0 and a reason with spaces", "HTTP/1.0 404 Not  Found\n\n", "HTTP/1.0", 404, "Not  Found", nil, ""},
		{"100 Continue then the answer", "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nLocation: /x\r\n\r\n", "HTTP/1.1", 201, "Created", []Field{{Name: "Location", Value: "/x"}}, ""},
		{"redirect with a body then the answer", "HTTP/1.1 301 Moved Permanently\nLocation: /b\nContent-Length: 5\n\nmoved\nHTTP/1.1 200 OK\nContent-Length: 2\n\nhi",
			"HTTP/1.1", 200, "OK", []Field{{Name: "Content-Length", Value: "2"}}, "hi"},
		{"curl -L heads without bodies", "HTTP/1.1 302 Found\r\nLocation: /b\r\nContent-Length: 5\r\n\r\nHTTP/2 200\r\n\r\ndone", "HTTP/2", 200, "", nil, "done"},
		{"chunked redirect body", "HTTP/1.1 302 Found\nTransfer-Encoding: chunked\n\n2\r\nab\r\n0\r\n\r\nHTTP/1.1 200 OK\n\nz", "HTTP/1.1", 200, "OK", nil, "z"},
		{"chunked body decoded", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWiki\r\n5;x=y\r\npedia\r\n0\r\nTrailer: t\r\n\r\n", "HTTP/1.1", 200, "OK",
			[]Field{{Name: "Transfer-Encoding", Value: "chunked"}}, "Wikipedia"},
		{"already decoded body kept", "HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n{\"a\":1}", "HTTP/1.1", 200, "OK",
			[]Field{{Name: "Transfer-Encoding", Value: "chunked"}}, `{"a":1}`},
		{"chunked 204 is not decoded", "HTTP/1.1 204 No Content\nTransfer-Encoding: chunked\n\n0\r\n\r\n", "HTTP/1.1", 204, "No Content",
			[]Field{{Name: "Transfer-Encoding", Value: "chunked"}}, "0\r\n\r\n"},
		{"obs-fold joins lines", "HTTP/1.1 200 OK\nX-Long: a\n  b\n\n", "HTTP/1.1", 200, "OK", []Field{{Name: "X-Long", Value: "a b"}}, ""},
		{"space before colon dropped", "HTTP/1.1 200 OK\nETag : \"a\"\n\n", "HTTP/1.1", 200, "OK", []Field{{Name: "ETag", Value: `"a"`}}, ""},
		{"head without blank line", "HTTP/1.1 200 OK\nDate: Wed, 01 May 2024 12:00:00 GMT", "HTTP/1.1", 200, "OK", []Field{{Name: "Date", Value: "Wed, 01 May 2024 12:00:00 GMT"}}, ""},
		{"leading blank lines", "\r\n\nHTTP/1.1 200 OK\n\n", "HTTP/1.1", 200, "OK", nil, ""},
		{"empty value", "HTTP/1.1 405 Method Not Allowed\nAllow:\n\n", "HTTP/1.1", 405, "Method Not Allowed", []Field{{Name: "Allow", Value: ""}}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, err := ReadResponse([]byte(c.raw))
			if err != nil {
				t.Fatal(err)
			}
			if resp.Proto != c.proto || resp.Status != c.status || resp.Reason != c.reason {
				t.Errorf("status line = %q %d %q, want %q %d %q", resp.Proto, resp.Status, resp.Reason, c.proto, c.status, c.reason)
			}
			if len(resp.Fields) != len(c.fields) {
				t.Fatalf("fields = %q, want %q", resp.Fields, c.fields)
			}
			for i := range c.fields {
				if resp.Fields[i] != c.fields[i] {
					t.Errorf("field %d = %q, want %q", i, resp.Fields[i], c.fields[i])
				}
			}
			if string(resp.Body) != c.body || resp.BodyBytes != int64(len(c.body)) || resp.Truncated {
				t.Errorf("body = %q (%d bytes, truncated %v), want %q", resp.Body, resp.BodyBytes, resp.Truncated, c.body)
			}
		})
	}
}

func TestReadResponseErrors(t *testing.T) {
	cases := []struct {
		name, raw string
		want      []string
	}{
		{"empty", "", []string{"empty input", "status line"}},
		{"only blank lines", "\n\r\n", []string{"empty input"}},
		{"a request, not a response", "GET / HTTP/1.1\nHost: x\n\n", []string{"line 1", "expected a status line", "GET / HTTP/1.1"}},
		{"JSON", `{"a": 1}`, []string{"line 1", "expected a status line"}},
		{"status code not three digits", "HTTP/1.1 20 OK\n\n", []string{"line 1", "three-digit status code", `"20"`}},
		{"status code not a number", "HTTP/1.1 OK\n\n", []string{"line 1", "three-digit"}},
		{"bad version", "HTTP/11 200 OK\n\n", []string{"line 1", "expected a status line"}},
		{"header without colon", "HTTP/1.1 200 OK\nDate: x\nnonsense here\n\n", []string{"line 3", `"Name: value"`, "nonsense here"}},
		{"continuation first", "HTTP/1.1 200 OK\n folded\n\n", []string{"line 2", "continuation"}},
		{"bad name in second head", "HTTP/1.1 100 Continue\n\nHTTP/1.1 200 OK\nBad Name: x\n\n", []string{"line 4", "Bad Name: x"}},
		{"line number after leading blanks", "\n\nHTTP/1.1 2000 OK\n", []string{"line 3"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadResponse([]byte(c.raw))
			if err == nil {
				t.Fatal("want an error")
			}
			for _, s := range c.want {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q lacks %q", err, s)
				}
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error spans lines: %q", err)
			}
		})
	}
}

func TestDecodeChunked(t *testing.T) {
	cases := []struct {
		name, in, out string
		ok            bool
	}{
		{"two chunks", "3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n", "abcde", true},
		{"bare LF", "3\nabc\n0\n\n", "abc", true},
		{"upper-case hex", "A\r\n0123456789\r\n0\r\n\r\n", "0123456789", true},
		{"no final blank line", "1\r\na\r\n0\r\n", "a", true},
		{"size beyond data", "9\r\nabc\r\n0\r\n\r\n", "", false},
		{"not hex", "zz\r\nabc\r\n0\r\n\r\n", "", false},
		{"missing last chunk", "3\r\nabc\r\n", "", false},
		{"data after the body", "1\r\na\r\n0\r\n\r\nmore", "", false},
		{"huge size", "ffffffffffffffffffff\r\n", "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, ok := decodeChunked([]byte(c.in))
			if ok != c.ok || string(out) != c.out {
				t.Fatalf("decodeChunked = %q %v, want %q %v", out, ok, c.out, c.ok)
			}
		})
	}
}

// FuzzReadResponse checks that any input gives a response or an error, never a
// panic, and that a response read is one Analyze can explain.
func FuzzReadResponse(f *testing.F) {
	f.Add([]byte("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi"))
	f.Add([]byte("HTTP/1.1 100 Continue\n\nHTTP/1.1 204 No Content\nETag: x\n\n"))
	f.Add([]byte("HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n4\r\nWiki\r\n0\r\n\r\n"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		resp, err := ReadResponse(raw)
		if err != nil {
			if resp.Status != 0 || resp.Fields != nil {
				t.Fatalf("error %v with a non-empty response", err)
			}
			return
		}
		if resp.Status < 0 || resp.Status > 999 || resp.BodyBytes != int64(len(resp.Body)) {
			t.Fatalf("bad response %+v", resp)
		}
		for _, method := range []string{"GET", "PUT", "HEAD"} {
			x := Exchange{Request: &Request{Method: method, Fields: resp.Fields}, Response: resp, Received: received}
			rep := Analyze(x)
			if rep.Status.Code != resp.Status {
				t.Fatalf("%s: the report is for status %d, the response has %d", method, rep.Status.Code, resp.Status)
			}
			if resp.Status >= 100 && resp.Status <= 599 && (rep.Status.Class == "" || rep.Status.Meaning == "") {
				t.Fatalf("%s %d: no class or meaning: %+v", method, resp.Status, rep.Status)
			}
			rank := 0
			for _, f := range rep.Findings {
				if f.ID == "" || f.Title == "" {
					t.Fatalf("%s: a finding without an id or title: %+v", method, f)
				}
				r := severityRank(f.Severity)
				if f.Severity != Error && f.Severity != Warning && f.Severity != Info || r < rank {
					t.Fatalf("%s: severity %q out of place in %+v", method, f.Severity, rep.Findings)
				}
				rank = r
			}
			// Pure: the same exchange explains the same way.
			if again := Analyze(x); !reflect.DeepEqual(again, rep) {
				t.Fatalf("%s: two analyses differ:\n%+v\n%+v", method, rep, again)
			}
		}
	})
}
