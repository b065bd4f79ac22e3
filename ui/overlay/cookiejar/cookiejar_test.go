package cookiejar

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/ui/styles"
)

func TestDeleteHandsUpTheHighlightedCookieAndTheViewIsSafe(t *testing.T) {
	k := NewKeys()
	m := Model{Title: "environment dev", Note: "Reading the cookies…"}
	m.Sel = 5
	m.SetCookies([]requests.Cookie{
		{Domain: "a.test", Path: "/", Name: "one", Value: "1"},
		{Domain: "b.test", Path: "/", Name: "two", Value: "\x1b]52;c;cGF3bmVk\x07evil"},
	})
	if m.Sel != 1 || m.Note != "" {
		t.Fatalf("after listing: sel %d, note %q", m.Sel, m.Note)
	}
	_, out := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("d")}, k)
	if d, ok := out.(Delete); !ok || d.Cookie.Name != "two" {
		t.Errorf("d handed up %#v", out)
	}
	if _, out := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("D")}, k); out != (Clear{N: 2}) {
		t.Errorf("D handed up %#v", out)
	}
	if v := m.View(styles.New(), 160, 20); strings.Contains(v, "\x1b]") || strings.Contains(v, "\x07") {
		t.Errorf("a server's escape sequence reached the screen: %q", v)
	}
	empty := Model{}
	if _, out := empty.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("d")}, k); out != nil {
		t.Errorf("d on an empty jar handed up %#v", out)
	}
}
