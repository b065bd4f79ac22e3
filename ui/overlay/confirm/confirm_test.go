package confirm

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/httplens/httplens/ui/styles"
)

func runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

func TestAnswersFollowTheQuestion(t *testing.T) {
	k := NewKeys()
	conflict := Model{Text: "changed on disk", Reload: true, SaveCopy: true}
	if out := conflict.Update(runes("y"), k); out != nil {
		t.Errorf("y on a question without yes handed up %#v", out)
	}
	if out := conflict.Update(runes("r"), k); out != (Answered{Reload}) {
		t.Errorf("r handed up %#v", out)
	}
	if out := conflict.Update(tea.KeyMsg{Type: tea.KeyEsc}, k); out != (Answered{No}) {
		t.Errorf("esc handed up %#v", out)
	}
	quit := Model{Text: "quit?", YesLabel: "quit without saving"}
	if out := quit.Update(runes("c"), k); out != nil {
		t.Errorf("c on a question without a copy handed up %#v", out)
	}
	if v := quit.View(styles.New(), 80, 10); !strings.Contains(v, "y quit without saving · esc cancel") {
		t.Errorf("choices:\n%s", v)
	}
	must := Model{Text: "gone", YesLabel: "save", Must: true}
	if out := must.Update(tea.KeyMsg{Type: tea.KeyEsc}, k); out != (Held{}) {
		t.Errorf("esc on a question that must be answered handed up %#v", out)
	}
	if out := must.Update(runes("n"), k); out != (Answered{No}) {
		t.Errorf("n handed up %#v", out)
	}
}
