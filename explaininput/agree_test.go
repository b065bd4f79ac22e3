package explaininput

import (
	"context"
	"net"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/httplens/httplens/internal/rawtest"

	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/requests"
)

// rawServer answers every request on 127.0.0.1 with reply, byte for byte, then
// closes the connection.
func rawServer(t *testing.T, reply string) string {
	t.Helper()
	// The request head is read (and dropped) first so the reply is an answer.
	return "http://" + rawtest.Listen(t, func(c net.Conn, _ string) { c.Write([]byte(reply)) }) + "/"
}

// TestSendAndExplainReadTheSameBytesAlike sends a GET to a loopback server that
// answers with hostile bytes, and gives the same bytes to explain.ReadResponse (as
// `httplens explain` does with `curl -si` output): both must see the same head, body
// and problems, or, where explain cannot read a head at all, both must say so.
func TestSendAndExplainReadTheSameBytesAlike(t *testing.T) {
	cases := []struct {
		name, reply string
		problem     string // a problem both must report ("" for none)
		notHead     string // explain's error for bytes that are not a head
	}{
		{name: "control byte in a header value", reply: "HTTP/1.1 200 OK\r\nX-Evil: a\x1b[31mred\r\nContent-Length: 2\r\n\r\nok",
			problem: "line 2: the value of X-Evil holds the control character 0x1b"},
		{name: "conflicting Content-Length", reply: "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 5\r\n\r\nabcdefgh",
			problem: "conflicting Content-Length values (3, 5)"},
		{name: "bytes after a 204", reply: "HTTP/1.1 204 No Content\r\nETag: \"a\"\r\n\r\nsurprise bytes"},
		{name: "whitespace before the colon", reply: "HTTP/1.1 200 OK\r\nETag : \"a\"\r\nContent-Length: 0\r\n\r\n",
			problem: "line 2: whitespace between the field name \"ETag\" and the colon"},
		{name: "obsolete line folding", reply: "HTTP/1.1 200 OK\nX-Long: a\n  b\nContent-Length: 1\n\nz",
			problem: "line 3: obsolete line folding"},
		{name: "Transfer-Encoding not chunked", reply: "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nxyz",
			problem: "Transfer-Encoding does not end in chunked"},
		{name: "chunked body", reply: "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n"},
		{name: "HTTP/0.9", reply: "<html>hello</html>\n", notHead: "line 1: expected a status line"},
		{name: "banner", reply: "SSH-2.0-OpenSSH_9.6p1\r\n", notHead: "line 1: expected a status line"},
		{name: "control byte in a header name", reply: "HTTP/1.1 200 OK\r\nX-E\x01vil: a\r\nContent-Length: 0\r\n\r\n",
			problem: "line 2: the field name", notHead: "line 2: expected a header field"},
		{name: "signed status code", reply: "HTTP/1.1 +12 OK\r\nContent-Length: 0\r\n\r\n",
			problem: "line 1: the status code \"+12\" is not three digits", notHead: "line 1: expected a three-digit status code"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x := requests.Send(context.Background(), requests.Request{URL: rawServer(t, c.reply)}, requests.Options{MaxBody: 1 << 20, Timeout: time.Minute})
			if x.Response == nil {
				t.Fatalf("send kept no response: %v", x.Err)
			}
			sent := From(x, x.Received).Response
			read, err := explain.ReadResponse([]byte(c.reply))
			if c.notHead != "" {
				if err == nil || !strings.Contains(err.Error(), c.notHead) {
					t.Fatalf("explain: err = %v, want %q", err, c.notHead)
				}
				if c.problem == "" {
					c.problem = "no status line"
				}
				if !hasProblem(sent.Problems, c.problem) {
					t.Fatalf("send's problems %q lack %q", sent.Problems, c.problem)
				}
				return
			}
			if err != nil {
				t.Fatalf("explain: %v", err)
			}
			if sent.Proto != read.Proto || sent.Status != read.Status || sent.Reason != read.Reason {
				t.Errorf("status line: send %q %d %q, explain %q %d %q", sent.Proto, sent.Status, sent.Reason, read.Proto, read.Status, read.Reason)
			}
			if !reflect.DeepEqual(sent.Fields, read.Fields) {
				t.Errorf("fields: send %q, explain %q", sent.Fields, read.Fields)
			}
			if string(sent.Body) != string(read.Body) {
				t.Errorf("body: send %q, explain %q", sent.Body, read.Body)
			}
			if !reflect.DeepEqual(sent.Problems, read.Problems) {
				t.Errorf("problems: send %q, explain %q", sent.Problems, read.Problems)
			}
			if c.problem != "" && !hasProblem(read.Problems, c.problem) {
				t.Errorf("problems %q lack %q", read.Problems, c.problem)
			} else if c.problem == "" && len(read.Problems) > 0 {
				t.Errorf("unexpected problems %q", read.Problems)
			}
		})
	}
}

func hasProblem(ps []string, want string) bool {
	for _, p := range ps {
		if strings.Contains(p, want) {
			return true
		}
	}
	return false
}
