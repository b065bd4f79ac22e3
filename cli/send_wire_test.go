package cli

import (
	"bytes"
	"encoding/json"
	"net"
	"slices"
	"strings"
	"testing"
)

// headServer answers 204 to every request on 127.0.0.1 and sends each request head
// it read on heads.
func headServer(t *testing.T) (url string, heads chan string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	heads = make(chan string, 4)
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				buf, got := make([]byte, 4096), []byte(nil)
				for !bytes.Contains(got, []byte("\r\n\r\n")) {
					n, err := c.Read(buf)
					if err != nil {
						return
					}
					got = append(got, buf[:n]...)
				}
				heads <- string(got)
				c.Write([]byte("HTTP/1.1 204 No Content\r\n\r\n"))
			}()
		}
	}()
	return "http://" + ln.Addr().String(), heads
}

func TestSendVerboseShowsTheRequestAsSent(t *testing.T) {
	url, heads := headServer(t)
	code, _, errOut := cli(t, "send", "--no-history", "--no-cookies", "-X", "get", "-H", "x-Lower: 1", "--verbose", url+"/a b")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	head := <-heads
	if !strings.HasPrefix(head, "get /a%20b HTTP/1.1\r\n") {
		t.Fatalf("server received:\n%s", head)
	}
	for _, want := range []string{"> get /a%20b HTTP/1.1\n", "> Host: " + strings.TrimPrefix(url, "http://") + "   (added by httplens)\n",
		"> x-Lower: 1\n", "> User-Agent: httplens/"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("--verbose lacks %q:\n%s", want, errOut)
		}
	}

	_, out, _ := cli(t, "send", "--no-history", "--no-cookies", "--json", "-H", "x-Lower: 1", url+"/")
	var doc struct {
		Wire     jsonWire       `json:"wire"`
		TimingMS map[string]any `json:"timing_ms"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if head := <-heads; doc.Wire.RequestHead != head {
		t.Fatalf("--json request_head %q, server got %q", doc.Wire.RequestHead, head)
	}
	if !slices.Equal(doc.Wire.Added, []string{"Host", "User-Agent"}) || !doc.Wire.Complete {
		t.Fatalf("added %q complete %v", doc.Wire.Added, doc.Wire.Complete)
	}
	// Plain http to an IP address: no DNS, no TLS, and they are null, not 0.
	if doc.TimingMS["dns"] != nil || doc.TimingMS["tls"] != nil || doc.TimingMS["connect"] == nil {
		t.Fatalf("timing_ms = %v", doc.TimingMS)
	}
}
