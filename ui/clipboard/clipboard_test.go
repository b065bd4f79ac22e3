package clipboard

import (
	"bytes"
	"encoding/base64"
	"errors"
	"strings"
	"testing"

	"github.com/httplens/httplens/requests"
)

func TestCopyWritesOneOSC52Sequence(t *testing.T) {
	var term bytes.Buffer
	got := Cmd(&term, "the body", []byte("a\x1b[2Jb"))().(Copied)
	want := "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte("a\x1b[2Jb")) + "\a"
	if got.Err != nil || got.N != 6 || term.String() != want {
		t.Fatalf("copied %+v, wrote %q, want %q", got, term.String(), want)
	}
	if s, isErr := got.Status(); isErr || s != "Copied the body (6 B) to the clipboard" {
		t.Errorf("status %q %v", s, isErr)
	}
}

func TestCopyRefusesTooMuch(t *testing.T) {
	var term bytes.Buffer
	got := Cmd(&term, "the body", make([]byte, Max+1))().(Copied)
	if got.Err == nil || term.Len() != 0 {
		t.Fatalf("copied %+v and wrote %d bytes", got, term.Len())
	}
	if s, isErr := got.Status(); !isErr || !strings.Contains(s, "over the 1.0 MB a terminal clipboard takes") {
		t.Errorf("status %q %v", s, isErr)
	}
}

func TestCurlCmd(t *testing.T) {
	var term bytes.Buffer
	r := requests.Request{Method: "POST", URL: "http://127.0.0.1:1/items", Headers: []requests.Header{{Name: "X-A", Value: "1"}}, Body: []byte("{}")}
	got := CurlCmd(&term, func() (requests.Request, error) { return r, nil })().(Copied)
	seq := strings.TrimSuffix(strings.TrimPrefix(term.String(), "\x1b]52;c;"), "\a")
	text, err := base64.StdEncoding.DecodeString(seq)
	if got.Err != nil || err != nil || !strings.Contains(string(text), "curl") || !strings.Contains(string(text), "http://127.0.0.1:1/items") {
		t.Fatalf("copied %+v: %q", got, text)
	}
	bad := CurlCmd(&term, func() (requests.Request, error) { return requests.Request{}, errors.New("{{x}}: unknown") })().(Copied)
	if s, _ := bad.Status(); s != "Cannot copy the request as curl: {{x}}: unknown" {
		t.Errorf("status %q", s)
	}
}

func TestResponseCmd(t *testing.T) {
	r := &requests.Response{RawHead: []byte("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n"), Body: []byte("gz"), Decoded: []byte("plain"), Extra: []byte("junk")}
	for _, c := range []struct {
		raw        bool
		what, want string
	}{
		{false, "the response body", "plain"},
		{true, "the raw response", "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\ngzjunk"},
	} {
		var term bytes.Buffer
		got := ResponseCmd(&term, r, c.raw)().(Copied)
		seq := strings.TrimSuffix(strings.TrimPrefix(term.String(), "\x1b]52;c;"), "\a")
		text, _ := base64.StdEncoding.DecodeString(seq)
		if got.What != c.what || string(text) != c.want {
			t.Errorf("raw %v: copied %+v: %q, want %q", c.raw, got, text, c.want)
		}
	}
	if ResponseCmd(&bytes.Buffer{}, nil, false) != nil {
		t.Error("no response, yet a command")
	}
}
