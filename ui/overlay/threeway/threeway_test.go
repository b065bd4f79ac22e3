package threeway

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/httplens/httplens/preconditions"
	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/uimsg"
)

func press(k string) tea.KeyMsg {
	if k == "esc" {
		return tea.KeyMsg{Type: tea.KeyEsc}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

func view(base, server, mine string) Model {
	seen := preconditions.Seen{ETag: `"new"`, Method: "GET", URL: "http://127.0.0.1/items/1", Status: 200}
	return New("k", "PUT Update item", seen, preconditions.Merge3([]byte(base), []byte(server), []byte(mine)))
}

func TestChoicesSendWithTheServersETag(t *testing.T) {
	m := view(`{"a":1,"b":1}`, `{"a":2,"b":1}`, `{"a":1,"b":3}`)
	for _, tt := range []struct {
		key  string
		want Which
		body string
	}{{"y", Yours, `{"a":1,"b":3}`}, {"t", Theirs, `{"a":2,"b":1}`}, {"m", Merged, `{"a":2,"b":3}`}} {
		_, out := m.Update(press(tt.key), NewKeys())
		c, ok := out.(Chosen)
		if !ok || c.Which != tt.want || string(c.Body) != tt.body || c.ETag != `"new"` || c.Key != "k" {
			t.Errorf("%s: %+v", tt.key, out)
		}
	}
	if _, out := m.Update(press("esc"), NewKeys()); out != (uimsg.Close{}) {
		t.Errorf("esc: %+v", out)
	}
}

func TestConflictRefusesTheMerge(t *testing.T) {
	m := view(`{"a":1}`, `{"a":2}`, `{"a":3}`)
	m, out := m.Update(press("m"), NewKeys())
	if out != nil || !strings.Contains(m.Refused(), "both you and the server changed a") {
		t.Fatalf("m with a conflict: %+v, refused %q", out, m.Refused())
	}
	v := ansi.Strip(m.View(styles.New(), NewKeys(), 100, 30))
	if !strings.Contains(v, "!! a: 1 → 2 · 3 (CONFLICT") || !strings.Contains(v, "Not sent: both you") {
		t.Errorf("view:\n%s", v)
	}
}

func TestNotJSONHasNoMerge(t *testing.T) {
	m := view("old text", "server text", "my text")
	if _, out := m.Update(press("m"), NewKeys()); out != nil {
		t.Errorf("m on text bodies: %+v", out)
	}
	v := strings.Join(m.Lines(), "\n")
	if !strings.Contains(v, "Server now: server text") || !strings.Contains(v, "not all JSON objects") {
		t.Errorf("lines:\n%s", v)
	}
}

// Bytes from the network never reach the terminal unescaped.
func TestLinesAreSanitised(t *testing.T) {
	m := view(`{"a":"x"}`, "{\"a\":\"\x1b[2J\"}", `{"a":"x"}`)
	for _, l := range m.Lines() {
		if strings.ContainsRune(l, 0x1b) {
			t.Errorf("raw escape in %q", l)
		}
	}
}
