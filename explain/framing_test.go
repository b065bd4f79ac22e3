package explain

import "testing"

func TestFramingFindings(t *testing.T) {
	cases := []struct {
		name      string
		method    string
		raw       string
		truncated bool
		want      []string
	}{
		{"204 clean", "PUT", "HTTP/1.1 204 No Content\n\n", false, nil},
		{"204 with body", "PUT", "HTTP/1.1 204 No Content\n\n{}", false, []string{"E no-content-body"}},
		{"204 with Content-Length 0", "PUT", "HTTP/1.1 204 No Content\nContent-Length: 0\n\n", false, []string{"E no-content-length"}},
		{"204 with chunked terminator", "PUT", "HTTP/1.1 204 No Content\nTransfer-Encoding: chunked\n\n0\r\n\r\n", false,
			[]string{"E no-content-transfer-encoding", "E no-content-body"}},
		{"204 with everything wrong", "DELETE", "HTTP/1.1 204 No Content\nContent-Length: 2\nTransfer-Encoding: chunked\n\nhi", false,
			[]string{"E no-content-body", "E no-content-length", "E no-content-transfer-encoding"}},
		{"304 clean with Content-Length of the 200", "GET", "HTTP/1.1 304 Not Modified\nContent-Length: 120\n\n", false, nil},
		{"304 with body", "GET", "HTTP/1.1 304 Not Modified\n\nstale", false, []string{"E not-modified-body"}},
		{"HEAD with Content-Length and no body", "HEAD", "HTTP/1.1 200 OK\nContent-Length: 120\n\n", false, nil},
		{"HEAD with body", "HEAD", "HTTP/1.1 200 OK\nContent-Length: 2\n\nhi", false, []string{"E head-body"}},
		{"length matches", "GET", "HTTP/1.1 200 OK\nContent-Length: 2\n\nhi", false, nil},
		{"fewer bytes than Content-Length", "GET", "HTTP/1.1 200 OK\nContent-Length: 10\n\nhi", false, []string{"E content-length-mismatch"}},
		{"more bytes than Content-Length", "GET", "HTTP/1.1 200 OK\nContent-Length: 1\n\nhi", false, []string{"E content-length-mismatch"}},
		{"cut by the client's cap is no mismatch", "GET", "HTTP/1.1 200 OK\nContent-Length: 10\n\nhi", true, []string{"I body-truncated"}},
		{"cut but still more than Content-Length", "GET", "HTTP/1.1 200 OK\nContent-Length: 1\n\nhi", true,
			[]string{"I body-truncated", "E content-length-mismatch"}},
		{"repeated identical Content-Length", "GET", "HTTP/1.1 200 OK\nContent-Length: 2, 2\n\nhi", false, nil},
		{"differing Content-Length", "GET", "HTTP/1.1 200 OK\nContent-Length: 2\nContent-Length: 3\n\nhi", false, []string{"E content-length-invalid"}},
		{"negative Content-Length", "GET", "HTTP/1.1 200 OK\nContent-Length: -1\n\nhi", false, []string{"E content-length-invalid"}},
		{"huge Content-Length", "GET", "HTTP/1.1 200 OK\nContent-Length: 99999999999999999999\n\nhi", false, []string{"E content-length-invalid"}},
		{"Content-Length and Transfer-Encoding", "GET", "HTTP/1.1 200 OK\nContent-Length: 7\nTransfer-Encoding: chunked\n\n2\r\nhi\r\n0\r\n\r\n", false,
			[]string{"E content-length-and-te"}},
		{"chunked alone", "GET", "HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n2\r\nhi\r\n0\r\n\r\n", false, nil},
		{"HTTP/1.1 close-delimited", "GET", "HTTP/1.1 200 OK\n\nhi", false, []string{"I close-delimited"}},
		{"HTTP/2 needs no length", "GET", "HTTP/2 200\n\nhi", false, nil},
		{"interim head is not framed here", "GET", "HTTP/1.1 103 Early Hints\nLink: </a.css>; rel=preload\n\n", false, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x := exchange(t, c.method, nil, c.raw)
			x.Response.Truncated = c.truncated
			assertFindings(t, framingFindings(x), c.want)
		})
	}
}

func TestContentLength(t *testing.T) {
	cases := []struct {
		in   []string
		want int64
		ok   bool
	}{
		{[]string{"0"}, 0, true},
		{[]string{"42"}, 42, true},
		{[]string{"42, 42"}, 42, true},
		{[]string{"42", "42"}, 42, true},
		{[]string{"42", "43"}, 0, false},
		{[]string{"4 2"}, 0, false},
		{[]string{"+4"}, 0, false},
		{[]string{""}, 0, false},
	}
	for _, c := range cases {
		t.Run(c.in[0], func(t *testing.T) {
			var fs []Field
			for _, v := range c.in {
				fs = append(fs, Field{Name: "content-length", Value: v})
			}
			n, problem := contentLength(fs)
			if (problem == "") != c.ok || n != c.want {
				t.Fatalf("contentLength(%q) = %d %q, want %d ok=%v", c.in, n, problem, c.want, c.ok)
			}
		})
	}
}
