package responsepane

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/keyset"
	"github.com/httplens/httplens/ui/nav"
	rc "github.com/httplens/httplens/ui/responsecontent"
	"github.com/httplens/httplens/ui/styles"
)

// TestMain forces the Ascii profile so that views carry no colour codes.
func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

// testKeys binds the response scope as the root's action table does by default.
func testKeys() Keys {
	row := func(id settings.Action, keys ...string) keyset.Row {
		return keyset.Row{ActionInfo: settings.ActionInfo{ID: id, Help: string(id), Scopes: []settings.Scope{"response"}, Keys: keys}}
	}
	rows := []keyset.Row{
		row(nav.Up, "up", "k"), row(nav.Down, "down", "j"), row(nav.PageUp, "pgup", "ctrl+u"),
		row(nav.PageDown, "pgdown", "ctrl+d", " "), row(nav.Top, "home", "g"), row(nav.Bottom, "end", "G"),
		row(nav.TabNext, "right", "l", "]"), row(nav.TabPrev, "left", "h", "["),
	}
	for i, id := range TabActions {
		rows = append(rows, row(id, string(rune('1'+i))))
	}
	rows = append(rows, row(ActionSearch, "/"), row(ActionNext, "n"), row(ActionPrev, "N"), row(ActionEnd, "esc"),
		row(ActionCopyBody, "y"), row(ActionCopyRaw, "Y"), row(ActionNote, "enter"), row(ActionMark, " "),
		row(ActionSaveBody, "s"), row(ActionInsecure, "i"))
	send := key.NewBinding(key.WithKeys("ctrl+r"), key.WithHelp("ctrl+r", "send"))
	cancel := key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel"))
	return NewKeys(keyset.New(rows, nil, "response"), send, cancel)
}

// plain strips any ANSI from a view.
func plain(s string) string { return ansi.Strip(s) }

// keyMsg builds the key message for a key name such as "enter", "down" or "a".
func keyMsg(k string) tea.KeyMsg {
	names := map[string]tea.KeyType{
		"enter": tea.KeyEnter, "esc": tea.KeyEsc, "up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft,
		"right": tea.KeyRight, "pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp, "home": tea.KeyHome, "end": tea.KeyEnd,
		"backspace": tea.KeyBackspace,
	}
	if t, ok := names[k]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// typeText is the key messages for typing s.
func typeText(s string) []tea.Msg {
	var out []tea.Msg
	for _, r := range s {
		out = append(out, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	return out
}

// jsonExchange is a 200 response with a JSON body and a header holding an
// escape sequence.
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

// newPane is a pane of the default keys w×h cells large.
func newPane(w, h int) Model {
	p := New(styles.New(), testKeys())
	p.SetSize(w, h)
	return p
}

func newTestResponse(x requests.Exchange, w, h int) Model {
	p := newPane(w, h)
	p.SetContent(rc.New(x, styles.New()))
	return p
}

// press feeds keys to a pane and runs any command it returns once.
func press(t *testing.T, p Model, keys ...tea.Msg) Model {
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

// jsonBody is a compact JSON array of objects about n bytes long.
func jsonBody(n int) []byte {
	var sb strings.Builder
	sb.Grow(n + 128)
	sb.WriteString("[")
	for i := 0; sb.Len() < n; i++ {
		if i > 0 {
			sb.WriteString(",")
		}
		fmt.Fprintf(&sb, `{"id":%d,"name":"item %d","tags":["a","b"],"price":%d.5,"ok":true}`, i, i, i%1000)
	}
	sb.WriteString("]")
	return []byte(sb.String())
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
