package cli

import (
	"io"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/httplens/httplens/internal/rawtest"
)

// faultListener answers every connection on 127.0.0.1 with serve once the request
// head has arrived. Each serve ends by itself; the listener closes with the test.
func faultListener(t *testing.T, serve func(net.Conn)) string {
	t.Helper()
	return "http://" + rawtest.Answer(t, serve)
}

func TestTUIFaults(t *testing.T) {
	bin := testBinary(t)
	t.Run("connection refused: a clear message, and the app goes on", func(t *testing.T) {
		testFaultRefused(t, bin)
	})
	t.Run("a body dripping a byte at a time shows progress and esc cancels it", func(t *testing.T) {
		testFaultDrip(t, bin)
	})
	t.Run("a reset in the middle of the body keeps what arrived", func(t *testing.T) {
		testFaultReset(t, bin)
	})
	t.Run("hostile bytes in the status line, headers, body and files are shown, never obeyed", func(t *testing.T) {
		testFaultHostile(t, bin)
	})
}

// oneRequest starts the binary on a folder holding one request to url.
func oneRequest(t *testing.T, bin, title, url string) *tuiSession {
	dir := t.TempDir()
	writeE2EFile(t, dir, "fault.http", "### "+title+"\nGET "+url+"\n")
	s := startTUI(t, bin, dir, 130, 36, "--no-demo", "--no-history")
	s.waitText(title)
	return s
}

func testFaultRefused(t *testing.T, bin string) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	s := oneRequest(t, bin, "Refused", "http://"+addr+"/")
	s.send(keyCtrlR)
	s.waitText("Request failed", "cannot connect to "+addr, "connection refused")
	s.send(keyCtrlR) // and again: the app still sends
	s.waitText("Failed: cannot connect")
	s.quit()
}

func testFaultDrip(t *testing.T, bin string) {
	url := faultListener(t, func(c net.Conn) {
		io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: 300\r\n\r\n")
		for range 300 { // bounded: at most 30 s, and it stops when the client goes
			if _, err := c.Write([]byte{'d'}); err != nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	s := oneRequest(t, bin, "Drip", url+"/")
	s.send(keyCtrlR)
	s.waitFor("progress of the drip", func(scr string) bool {
		return strings.Contains(scr, "Sending GET Drip") && strings.Contains(scr, "B of 300 B (")
	})
	s.send(keyEsc)
	s.waitText("Cancelled: GET Drip", "partial body: ")
	s.send(keyCtrlR) // usable: a new send starts
	s.waitText("Sending GET Drip")
	s.send(keyEsc)
	s.waitText("Cancelled: GET Drip")
	s.quit()
}

func testFaultReset(t *testing.T, bin string) {
	url := faultListener(t, func(c net.Conn) {
		io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nthe-first-part")
		c.(*net.TCPConn).SetLinger(0) // close with RST
	})
	s := oneRequest(t, bin, "Reset", url+"/")
	s.send(keyCtrlR)
	s.waitText("Response 200 OK", "reset the connection", "partial body: 14 B arrived before the error", "the-first-part")
	s.quit()
}

func testFaultHostile(t *testing.T, bin string) {
	const evil = "\x1b]52;c;aGVsbG8=\x07\x1b]0;pwned\x07\x1b]8;;http://evil.example/\x07L\x1b]8;;\x07\x1b[2J"
	url := faultListener(t, func(c net.Conn) {
		body := `{"note":"\u001b]0;pwned\u0007"}` + "\n" + evil + "|END"
		io.WriteString(c, "HTTP/1.1 200 Fine\x1b]0;pwned\x07\r\nContent-Type: text/plain\r\nX-Evil: a\u009bb\u202ec\r\n"+
			"Content-Length: "+strconv.Itoa(len(body))+"\r\n\r\n"+body)
	})
	dir := t.TempDir()
	writeE2EFile(t, dir, "evil.http", "### Evil"+evil+"\nGET "+url+"/\n")
	writeE2EFile(t, dir, "broken.http", "### Broken\nGET "+url+"/\n\n\xff"+evil)
	s := startTUI(t, bin, dir, 160, 40, "--no-demo", "--no-history")
	s.waitText("Evil␛]52;c;aGVsbG8=␇", "✗ broken.http")
	s.send(keyCtrlR)
	s.waitText("Response 200 Fine␛]0;pwned␇", `X-Evil: a\u009bb\u202ec`, "␛]52;c;aGVsbG8=␇␛]0;pwned␇␛]8;;http://evil.example/␇L␛]8;;␇␛[2J|END")
	s.mu.Lock()
	effects := []int{s.clipboardWrites, s.titles, s.links}
	s.mu.Unlock()
	if effects[0] != 0 || effects[1] != 0 || effects[2] != 0 {
		t.Errorf("escape sequences reached the terminal: clipboard writes %d, titles %d, links %d", effects[0], effects[1], effects[2])
	}
	if scr := s.screen(); !strings.HasPrefix(scr, "┌ Collection") {
		t.Errorf("the screen was disturbed:\n%s", scr)
	}
	s.quit()
}
