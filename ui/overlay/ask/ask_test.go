package ask

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/uimsg"
)

func TestAskHandsUpTheAnswerOrCloses(t *testing.T) {
	m := New(collections.Prompt{Name: "token", Description: "Your API \x1b[31mtoken"}, "old")
	view := m.View(styles.New(), 60, 12)
	for _, w := range []string{"The request asks for {{token}}", "Your API ␛[31mtoken", "token: old"} {
		if !strings.Contains(view, w) {
			t.Errorf("view lacks %q:\n%s", w, view)
		}
	}
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyBackspace})
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("D")})
	if _, out := m.Update(tea.KeyMsg{Type: tea.KeyEnter}); out != (Answered{Name: "token", Value: "olD"}) {
		t.Errorf("enter handed up %#v", out)
	}
	if _, out := m.Update(tea.KeyMsg{Type: tea.KeyEsc}); out != (uimsg.Close{}) {
		t.Errorf("esc handed up %#v", out)
	}
}
