package demo

import (
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
)

// rawGet sends GET path on a fresh connection and reads every byte until the server
// closes it; net/http would reject these responses.
func rawGet(t *testing.T, base, path string) string {
	t.Helper()
	host := strings.TrimPrefix(base, "http://")
	conn, err := net.Dial("tcp", host)
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, "GET "+path+" HTTP/1.1\r\nHost: "+host+"\r\n\r\n"); err != nil {
		t.Fatalf("write: %v", err)
	}
	b, err := io.ReadAll(conn)
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	return string(b)
}

func TestBrokenResponsesOnTheWire(t *testing.T) {
	const head = "Date: " + date0 + "\r\n"
	tests := []struct {
		name string
		want string
	}{
		{"204-with-body", "HTTP/1.1 204 No Content\r\n" + head +
			"Content-Type: application/json\r\nConnection: close\r\n\r\n" +
			`{"error":"a 204 response has no content, yet here is some"}`},
		{"204-with-content-length", "HTTP/1.1 204 No Content\r\n" + head +
			"Content-Length: 42\r\nConnection: close\r\n\r\n"},
		{"etag-unquoted", "HTTP/1.1 200 OK\r\n" + head +
			"Content-Type: application/json\r\nContent-Length: 50\r\nETag: 5d41402abc4b2a76\r\n" +
			"Cache-Control: no-cache\r\nConnection: close\r\n\r\n" +
			`{"note":"the ETag of this response is not quoted"}`},
		{"304-with-body", "HTTP/1.1 304 Not Modified\r\n" + head +
			"ETag: \"5d41402abc4b2a76\"\r\nCache-Control: no-cache\r\nContent-Type: application/json\r\n" +
			"Content-Length: 59\r\nConnection: close\r\n\r\n" +
			`{"error":"a 304 response has no content, yet here is some"}`},
		{"length-mismatch", "HTTP/1.1 200 OK\r\n" + head +
			"Content-Type: application/json\r\nContent-Length: 100\r\nConnection: close\r\n\r\n" +
			`{"note":"Content-Length promised 100 bytes; the connection closes sooner"}`},
	}
	if len(tests) != len(brokenCases()) {
		t.Fatalf("%d cases tested, %d served", len(tests), len(brokenCases()))
	}
	a := newAPI(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := rawGet(t, a.url, "/broken/"+tc.name); got != tc.want {
				t.Errorf("got\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

func TestBrokenLengthMismatchFailsAClient(t *testing.T) {
	a := newAPI(t)
	resp, err := a.client.Get(a.url + "/broken/length-mismatch")
	if err != nil {
		t.Fatalf("GET: %v", err)
	}
	defer resp.Body.Close()
	if _, err := io.ReadAll(resp.Body); err != io.ErrUnexpectedEOF {
		t.Errorf("reading the short body: %v, want unexpected EOF", err)
	}
}

func TestUnknownBrokenCase(t *testing.T) {
	a := newAPI(t)
	wantProblem(t, a.do(http.MethodGet, "/broken/everything", ""), http.StatusNotFound, "204-with-body")
}
