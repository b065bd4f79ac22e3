package ui

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/bodylines"
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

func TestLargeBodyRawFirstPrettyAfter(t *testing.T) {
	x := bigExchange(3 << 20)
	c := newResponseContent(x, NewStyles())
	if !c.pending || c.tabs[tabPretty].Plain(0) != "formatting…" {
		t.Fatalf("a large body must leave Pretty pending")
	}
	if got := c.tabs[tabRaw].Plain(0); got != "HTTP/1.1 200 OK" {
		t.Fatalf("raw starts with %q", got)
	}
	p := newResponsePane(NewStyles())
	p.SetSize(100, 20)
	p.SetContent(c)
	p, _ = p.Update(keyMsg("2"))
	if v := plain(p.View()); !strings.Contains(v, "formatting…") {
		t.Fatalf("Pretty does not say it is formatting:\n%s", v)
	}
	msg := prettyCmd(context.Background(), 1, c.kind, c.body, false, NewStyles())().(prettyDoneMsg)
	if msg.err != nil {
		t.Fatal(msg.err)
	}
	p.SetPretty(msg.tab, msg.note)
	v := plain(p.View())
	for _, want := range []string{"[", `  {`, `    "id": 0,`, "json shown without colours"} {
		if !strings.Contains(v, want) {
			t.Errorf("Pretty lacks %q:\n%s", want, v)
		}
	}
	if c.pending == false || c.tabs[tabPretty].Plain(0) != "formatting…" {
		t.Error("SetPretty changed the content in place; a search may be reading it")
	}
}

func TestPrettyTabKinds(t *testing.T) {
	big := maxHighlight + 10
	cases := []struct {
		name  string
		kind  bodyKind
		body  []byte
		cut   bool
		note  string
		first string
	}{
		{"small JSON is coloured", kindJSON, []byte(`{"a":1}`), false, "", "{"},
		{"large invalid JSON as received", kindJSON, append([]byte("{"), bytes.Repeat([]byte("x"), big)...), false, "not valid JSON", "{xxx"},
		{"large cut JSON as received", kindJSON, append([]byte(`["`), bytes.Repeat([]byte("x"), big)...), true, "cut at the cap", `["xx`},
		{"large text as received", kindText, bytes.Repeat([]byte("line\n"), big/5+1), false, "", "line"},
		{"binary is a hex dump", kindBinary, []byte{0, 1, 2}, false, "", "00000000  00 01 02"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tab, note, err := prettyTab(context.Background(), c.kind, c.body, c.cut, NewStyles())
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(note, c.note) {
				t.Errorf("note %q, want %q", note, c.note)
			}
			if got := tab.Plain(0); !strings.HasPrefix(got, c.first) {
				t.Errorf("first line %.40q, want %q", got, c.first)
			}
		})
	}
	t.Run("a cancelled format says so", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_, _, err := prettyTab(ctx, kindJSON, jsonBody(big), false, NewStyles())
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v", err)
		}
	})
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
	m.flight.id = 1
	m.flight.cancel = func() {}
	next, cmd := m.Update(responseMsg{id: 1, exchange: x, content: newResponseContent(x, m.st)})
	return next.(Model), cmd
}

func prettyDoneOf(msgs []tea.Msg) (prettyDoneMsg, bool) {
	for _, msg := range msgs {
		if d, ok := msg.(prettyDoneMsg); ok {
			return d, true
		}
	}
	return prettyDoneMsg{}, false
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
	if m.resp.content.pending || m.xfer.pretty.cancel != nil || m.keys.Get(actionCancel).Enabled() {
		t.Error("the formatting is still marked in progress")
	}
	if got := m.resp.content.tabs[tabPretty].Plain(1); got != "  {" {
		t.Errorf("Pretty line 1 = %q", got)
	}
}

func TestEscStopsFormatting(t *testing.T) {
	m, cmd := receivedModel(t, bigExchange(3<<20))
	next, _ := m.Update(keyMsg("esc"))
	m = next.(Model)
	d, ok := prettyDoneOf(collect(cmd)) // runs after the cancel: it must see it
	if !ok || !errors.Is(d.err, context.Canceled) {
		t.Fatalf("the formatting did not stop: %+v", d.err)
	}
	next, _ = m.Update(d)
	m = next.(Model)
	if !strings.Contains(m.status, "Formatting stopped") || m.resp.content.note != "formatting stopped: shown as received" {
		t.Errorf("status %q, note %q", m.status, m.resp.content.note)
	}
	if got := m.resp.content.tabs[tabPretty].Plain(0); !strings.HasPrefix(got, `[{"id":0`) {
		t.Errorf("Pretty should show the body as received, starts %.30q", got)
	}
}

func TestNewSendDropsFormatting(t *testing.T) {
	m, cmd := receivedModel(t, bigExchange(1<<20))
	m.xfer.pretty.cancel() // what a new send does first (cancelFlight)
	m.xfer.pretty = prettyJob{}
	d, _ := prettyDoneOf(collect(cmd))
	next, _ := m.Update(d)
	if next.(Model).resp.content.pending != true {
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
