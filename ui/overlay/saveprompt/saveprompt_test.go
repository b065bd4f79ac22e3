package saveprompt

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/uimsg"
)

func TestPromptHandsUpThePathOrCloses(t *testing.T) {
	m := New("Save the body (\x1b[31m12 B) to a file", "response.json")
	view := m.View(styles.New(), 70, 12)
	for _, w := range []string{"Save the body (␛[31m12 B) to a file", "Save to: response.json", "enter save · esc cancel"} {
		if !strings.Contains(view, w) {
			t.Errorf("view lacks %q:\n%s", w, view)
		}
	}
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("  ")})
	if _, out := m.Update(tea.KeyMsg{Type: tea.KeyEnter}); out != (Chosen{Path: "response.json"}) {
		t.Errorf("enter handed up %#v", out)
	}
	if _, out := m.Update(tea.KeyMsg{Type: tea.KeyEsc}); out != (uimsg.Close{}) {
		t.Errorf("esc handed up %#v", out)
	}
	t.Run("an empty path keeps the prompt open", func(t *testing.T) {
		m := New("Save", "")
		m, out := m.Update(tea.KeyMsg{Type: tea.KeyEnter})
		if out != nil {
			t.Fatalf("enter on nothing handed up %#v", out)
		}
		if v := m.View(styles.New(), 40, 8); !strings.Contains(v, "Save to: █") {
			t.Errorf("the prompt stopped editing:\n%s", v)
		}
		m, _ = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("x")})
		if _, out := m.Update(tea.KeyMsg{Type: tea.KeyEnter}); out != (Chosen{Path: "x"}) {
			t.Errorf("the prompt no longer takes text: %#v", out)
		}
	})
}
