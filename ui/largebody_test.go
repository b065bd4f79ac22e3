package ui

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/bodylines"
	"github.com/httplens/httplens/ui/flight"
	"github.com/httplens/httplens/ui/responsecontent"
	"github.com/httplens/httplens/ui/responsepane"
)

func TestRawLinesMatchDisplayLines(t *testing.T) {
	cases := []struct{ name, in string }{
		{"CRLF ends lines", "HTTP/1.1 200 OK\r\nA: b\r\n\r\n"},
		{"lone CR stays visible", "a\rb\n"},
		{"no final newline", "x\ny"},
		{"controls are made visible", "\x1b[2J\x00\tz"},
		{"a long line is cut", strings.Repeat("x", bodylines.MaxLineBytes*2+5)},
		{"empty lines", "\n\n\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l, err := bodylines.New(context.Background(), []byte(c.in), bodylines.Raw)
			if err != nil {
				t.Fatal(err)
			}
			want := strings.Join(termtext.Lines([]byte(c.in)), "\n")
			if got := allLines(l); got != want {
				t.Errorf("got %q, want %q", got, want)
			}
			var seq []string
			l.Each(func(_ int, s string) bool { seq = append(seq, s); return true })
			if strings.Join(seq, "\n") != want {
				t.Errorf("each gives %q, want %q", seq, want)
			}
		})
	}
	t.Run("a cut never splits a rune", func(t *testing.T) {
		in := "a" + strings.Repeat("é", bodylines.MaxLineBytes)
		l, _ := bodylines.New(context.Background(), []byte(in), bodylines.Raw)
		if got := strings.Join(splitAll(l), ""); got != in {
			t.Errorf("the pieces do not join back to the line")
		}
	})
}

func splitAll(l *bodylines.Text) []string {
	out := make([]string, l.Len())
	for i := range out {
		out[i] = l.Line(i)
	}
	return out
}

func TestJSONLinesCutLongStrings(t *testing.T) {
	long := strings.Repeat("ab", bodylines.MaxLineBytes)
	in := `{"k":"` + long + `","n":1}`
	l, err := bodylines.New(context.Background(), []byte(in), bodylines.JSON)
	if err != nil {
		t.Fatal(err)
	}
	lines := splitAll(l)
	for i, s := range lines {
		if len(s) > bodylines.MaxLineBytes+8 {
			t.Errorf("line %d is %d bytes long", i, len(s))
		}
	}
	var want bytes.Buffer
	_ = json.Indent(&want, []byte(in), "", "  ")
	joined := strings.Join(lines, "\n")
	if strings.ReplaceAll(joined, "\n", "") != strings.ReplaceAll(want.String(), "\n", "") {
		t.Errorf("the cut lines lost or invented text")
	}
}

// bigExchange is a 200 response with a JSON body of about n bytes.
func bigExchange(n int) requests.Exchange {
	body := jsonBody(n)
	head := "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n"
	return requests.Exchange{Request: requests.SentRequest{Method: "GET", URL: "http://127.0.0.1/big"},
		Response: &requests.Response{Proto: "HTTP/1.1", Status: 200, Reason: "OK", RawHead: []byte(head),
			Headers: []requests.Header{{Name: "Content-Type", Value: "application/json"}},
			Body:    body, BodyBytes: int64(len(body))}}
}

// collect runs cmd and every command it batches, returning their messages.
func collect(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, collect(c)...)
		}
		return out
	}
	if msg == nil {
		return nil
	}
	return []tea.Msg{msg}
}

// receivedModel is a root model that has just shown the response x of send 1.
func receivedModel(t *testing.T, x requests.Exchange) (Model, tea.Cmd) {
	t.Helper()
	m := New(Config{Dir: t.TempDir()})
	next, _ := m.Update(tea.WindowSizeMsg{Width: 140, Height: 40})
	m = next.(Model)
	_, id := m.sess.Flight().Begin("GET /big")
	next, cmd := m.Update(flight.ResponseMsg{ID: id, Exchange: x, Content: newResponseContent(x, m.st)})
	return next.(Model), cmd
}

func prettyDoneOf(msgs []tea.Msg) (responsepane.PrettyDoneMsg, bool) {
	for _, msg := range msgs {
		if d, ok := msg.(responsepane.PrettyDoneMsg); ok {
			return d, true
		}
	}
	return responsepane.PrettyDoneMsg{}, false
}

func TestRootFormatsLargeBodyAfterShowingRaw(t *testing.T) {
	m, cmd := receivedModel(t, bigExchange(1<<20))
	if !m.keys.Get(actionCancel).Enabled() {
		t.Error("esc must be able to stop the formatting")
	}
	d, ok := prettyDoneOf(collect(cmd))
	if !ok {
		t.Fatal("no formatting was started")
	}
	next, _ := m.Update(d)
	m = next.(Model)
	if m.resp.Content().Pending || m.resp.Formatting() || m.keys.Get(actionCancel).Enabled() {
		t.Error("the formatting is still marked in progress")
	}
	if got := m.resp.Content().Tabs[responsecontent.TabPretty].Plain(1); got != "  {" {
		t.Errorf("Pretty line 1 = %q", got)
	}
}

func TestEscStopsFormatting(t *testing.T) {
	m, cmd := receivedModel(t, bigExchange(3<<20))
	next, _ := m.Update(keyMsg("esc"))
	m = next.(Model)
	d, ok := prettyDoneOf(collect(cmd)) // runs after the cancel: it must see it
	if !ok {
		t.Fatal("no formatting was started")
	}
	next, _ = m.Update(d)
	m = next.(Model)
	if !strings.Contains(m.status, "Formatting stopped") || m.resp.Content().Note != "formatting stopped: shown as received" {
		t.Errorf("status %q, note %q", m.status, m.resp.Content().Note)
	}
	if got := m.resp.Content().Tabs[responsecontent.TabPretty].Plain(0); !strings.HasPrefix(got, `[{"id":0`) {
		t.Errorf("Pretty should show the body as received, starts %.30q", got)
	}
}

func TestNewSendDropsFormatting(t *testing.T) {
	m, cmd := receivedModel(t, bigExchange(1<<20))
	m.resp.DropFormatting() // what a new send does first (newTransfer)
	d, _ := prettyDoneOf(collect(cmd))
	next, _ := m.Update(d)
	if m = next.(Model); m.resp.Content().Pending != true {
		t.Error("a result for a dropped formatting was applied")
	}
}

// allLines joins every line of l with "\n".
func allLines(l *bodylines.Text) string {
	lines := make([]string, l.Len())
	for i := range lines {
		lines[i] = l.Line(i)
	}
	return strings.Join(lines, "\n")
}
