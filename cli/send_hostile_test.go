package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/httplens/httplens/internal/rawtest"
)

// hostileModes are the misbehaving servers of issue 17, one per case: each writes
// reply (then, for some, resets or stalls) after reading the request head.
var hostileModes = []struct {
	name  string
	reply string
	after string // "reset", "stall" or ""
	// want: in stdout (the bytes as received) and in stderr or the JSON (the words).
	stdout, words string
	code          int
}{
	{"control byte in a header value", "HTTP/1.1 200 OK\r\nX-Evil: a\x1b[31mred\r\nContent-Length: 2\r\n\r\nok", "", "X-Evil: a\x1b[31mred", "control character 0x1b", 0},
	{"control byte in a header name", "HTTP/1.1 200 OK\r\nX-\x07Bell: 1\r\nContent-Length: 2\r\n\r\nok", "", "X-\x07Bell: 1", "is not a token", 0},
	{"conflicting Content-Length", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 9\r\n\r\nokokokokok", "", "okokokokok", "conflicting Content-Length values (2, 9)", 0},
	{"HTTP/0.9", "<html>nine</html>\n", "", "<html>nine</html>\n", "expected a status line", 1},
	{"banner", "SSH-2.0-OpenSSH_9.6p1\r\n", "", "SSH-2.0-OpenSSH_9.6p1\r\n", "did not answer in HTTP/1.x", 1},
	{"reset in the head", "HTTP/1.1 200 OK\r\nX-Cut", "reset", "HTTP/1.1 200 OK\r\nX-Cut", "in the middle of the response head", 1},
	{"reset in the body", "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial", "reset", "partial", "of the body (Content-Length: 100)", 1},
	{"drip in the head, then the timeout", "HTTP/1.1 200 OK\r\nX-Slow: ", "stall", "HTTP/1.1 200 OK\r\nX-Slow: ", "timed out after 300ms reading the response", 1},
	{"bytes after a 204", "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\nsurprise!", "", "HTTP/1.1 204 No Content", "bytes after the head of a No Content response", 0},
	{"1 MB header line", "HTTP/1.1 200 OK\r\nX-Long: " + strings.Repeat("L", 1<<20) + "\r\nContent-Length: 0\r\n\r\n", "", "X-Long: LLLL", "header section is larger than", 1},
	{"10,000 headers", "HTTP/1.1 200 OK\r\n" + strings.Repeat("X-Many: 1\r\n", 10000) + "Content-Length: 2\r\n\r\nok", "", "X-Many: 1\r\nX-Many: 1", "", 0},
	{"bad chunked", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nzz\r\n", "", "hello", "invalid chunked encoding", 1},
}

// hostileServer answers every connection with one mode's bytes, on 127.0.0.1.
func hostileServer(t *testing.T, reply, after string) string {
	t.Helper()
	return "http://" + rawtest.Answer(t, func(c net.Conn) {
		io.WriteString(c, reply)
		switch after {
		case "reset":
			time.Sleep(50 * time.Millisecond)
			c.(*net.TCPConn).SetLinger(0)
		case "stall":
			c.SetReadDeadline(time.Now().Add(5 * time.Second))
			c.Read(make([]byte, 1)) // until the client gives up
		}
	}) + "/"
}

func TestSendShowsHostileResponses(t *testing.T) {
	for _, m := range hostileModes {
		t.Run(m.name, func(t *testing.T) {
			url := hostileServer(t, m.reply, m.after)
			// Only the stalling server needs the timeout to end the exchange, and it
			// stalls for good, so 300ms is no race there. Every other server ends
			// its reply on its own: a generous timeout keeps a loaded machine, slow
			// to move a 1 MB head, from turning "too large" into "timed out".
			timeout := "2m"
			if m.after == "stall" {
				timeout = "300ms"
			}
			args := []string{"send", "--no-history", "--no-cookies", "--timeout", timeout, url}
			code, out, errOut := cli(t, args...)
			if code != m.code {
				t.Errorf("exit %d, want %d; stderr: %s", code, m.code, errOut)
			}
			if !strings.Contains(out, m.stdout) {
				t.Errorf("stdout lacks the bytes as received %q:\n%.300q", m.stdout, out)
			}
			if !strings.Contains(errOut, m.words) {
				t.Errorf("stderr lacks %q:\n%s", m.words, errOut)
			}
			if strings.ContainsAny(errOut, "\x1b\x07") {
				t.Errorf("network bytes reached stderr unescaped: %q", errOut)
			}

			_, out, _ = cli(t, append([]string{"send", "--json"}, args[1:]...)...)
			var doc struct {
				Response *struct {
					Body    string      `json:"body"`
					Headers [][2]string `json:"headers"`
				} `json:"response"`
				Explain *struct {
					Findings []struct{ ID string } `json:"findings"`
				} `json:"explain"`
				Wire  jsonWire `json:"wire"`
				Error string   `json:"error"`
			}
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatalf("send --json: %v\n%.300s", err, out)
			}
			if doc.Response == nil || doc.Wire.ResponseHead+doc.Response.Body == "" && m.stdout != "" {
				t.Fatalf("send --json kept no bytes: %.400s", out)
			}
			words := fmt.Sprint(doc.Wire.Problems, doc.Wire.ExtraNote, doc.Wire.NotHTTP, doc.Error)
			if !strings.Contains(words, m.words) {
				t.Errorf("send --json does not say %q: %s", m.words, words)
			}
			if doc.Response != nil && m.code == 0 && m.name != "10,000 headers" && (doc.Explain == nil || len(doc.Explain.Findings) == 0) {
				t.Errorf("send --json has no explanation: %.400s", out)
			}
		})
	}
}
