package ui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/ui/responsepane"
)

// jsonExchange is a 200 response with a JSON body and the given extra head lines.
func jsonExchange(body string) requests.Exchange {
	head := "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Evil: a\x1b]52;c;aGk=\x07b\r\n\r\n"
	return requests.Exchange{
		Request: requests.SentRequest{Method: "GET", URL: "http://127.0.0.1/x"},
		Response: &requests.Response{
			Proto: "HTTP/1.1", Status: 200, Reason: "OK",
			Headers: []requests.Header{{Name: "Content-Type", Value: "application/json"}, {Name: "X-Evil", Value: "a\x1b]52;c;aGk=\x07b"}},
			RawHead: []byte(head), Body: []byte(body), BodyBytes: int64(len(body)), Complete: true,
		},
		Timing: requests.Timing{Connect: time.Millisecond, TTFB: 2 * time.Millisecond, Total: 4 * time.Millisecond},
	}
}

// press feeds keys to a pane and runs any command it returns once.
func press(t *testing.T, p responsepane.Model, keys ...tea.Msg) responsepane.Model {
	t.Helper()
	for _, k := range keys {
		var cmd tea.Cmd
		p, cmd = p.Update(k)
		if cmd != nil {
			p, _ = p.Update(cmd())
		}
	}
	return p
}

// assertSize fails unless view is exactly w×h cells.
func assertSize(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Fatalf("view has %d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if got := len([]rune(plain(l))); got != w {
			t.Fatalf("line %d is %d wide, want %d: %q", i, got, w, plain(l))
		}
	}
}
