package ui

import (
	"errors"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/explaininput"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/ui/flight"
)

// FuzzScreen checks the whole screen, not one pane: the Explain pane (which
// quotes header values in its findings), the status line (which names the
// response's reason) and the text of a failed exchange's error, each fed
// network-controlled bytes.
func FuzzScreen(f *testing.F) {
	f.Add([]byte("BODY\x1b]52;c;aGk=\x07"), "W/\"a\u009b31m\u202e\"", "O\x1bK", "dial tcp: \x1b]0;pwned\x07\u202e")
	f.Add([]byte("{}"), "\u2066max-age=\x9b5\u2069", "\u200bOK", "read: \xff\u0085")
	f.Fuzz(func(t *testing.T, body []byte, value, reason, errText string) {
		head := "HTTP/1.1 200 " + reason + "\r\nETag: " + value + "\r\nCache-Control: " + value + "\r\n\r\n"
		r := &requests.Response{Proto: "HTTP/1.1", Status: 200, Reason: reason, RawHead: []byte(head),
			Headers: []requests.Header{{Name: "ETag", Value: value}, {Name: "Cache-Control", Value: value},
				{Name: "Content-Type", Value: value}},
			Body: body, BodyBytes: int64(len(body))}
		x := requests.Exchange{Request: requests.SentRequest{Method: "GET", URL: "http://127.0.0.1:1/" + value}, Response: r}
		rep := explain.Analyze(explaininput.From(x, time.Now()))

		m := New(Config{Dir: t.TempDir()})
		next, _ := m.Update(tea.WindowSizeMsg{Width: 140, Height: 40})
		m = next.(Model)
		_, id := m.sess.Flight().Begin(value)
		next, _ = m.Update(flight.ResponseMsg{ID: id, Exchange: x, Report: &rep, Content: newResponseContent(x, m.st)})
		checkSafe(t, "the screen with a response", next.View())

		m = next.(Model)
		_, id = m.sess.Flight().Begin(value)
		fail := requests.Exchange{Err: errors.New(errText)}
		next, _ = m.Update(flight.ResponseMsg{ID: id, Exchange: fail, Content: newResponseContent(fail, m.st)})
		checkSafe(t, "the screen with an error", next.View())
	})
}
