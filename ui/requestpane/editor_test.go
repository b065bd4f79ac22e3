package requestpane

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// keyMsg is the key message of a named key ("enter", "down") or of typed text.
func keyMsg(k string) tea.KeyMsg {
	named := map[string]tea.KeyType{"enter": tea.KeyEnter, "esc": tea.KeyEsc, "backspace": tea.KeyBackspace,
		"delete": tea.KeyDelete, "up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"home": tea.KeyHome, "end": tea.KeyEnd}
	if t, ok := named[k]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

func keys(ks ...string) []tea.Msg {
	out := make([]tea.Msg, len(ks))
	for i, k := range ks {
		out[i] = keyMsg(k)
	}
	return out
}

func typeText(s string) []tea.Msg {
	var out []tea.Msg
	for _, r := range s {
		out = append(out, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	return out
}

func TestTextEditor(t *testing.T) {
	cases := []struct {
		name, start string
		keys        []tea.Msg
		want        string
	}{
		{"typing at the start", "abc", typeText("x"), "xabc"},
		{"enter splits a line", "abcd", append(keys("right", "right"), keyMsg("enter")), "ab\ncd"},
		{"backspace at a line start joins it to the one before", "ab\ncd", keys("down", "backspace"), "abcd"},
		{"delete at a line end joins the next line", "ab\ncd", keys("end", "delete"), "abcd"},
		{"right at a line end goes to the next line", "ab\ncd", append(keys("end", "right"), typeText("X")...), "ab\nXcd"},
		{"left at a line start goes to the line before", "ab\ncd", append(keys("down", "left"), typeText("X")...), "abX\ncd"},
		{"a paste with line breaks makes lines", "", []tea.Msg{tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("a\nb"), Paste: true}}, "a\nb"},
		{"down keeps within the last line", "ab", append(keys("down", "down", "end"), typeText("!")...), "ab!"},
		{"CRLF text is edited as lines", "a\r\nb", keys("down", "backspace"), "ab"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := newTextEditor()
			e.SetText(c.start)
			e.editing = true
			for _, k := range c.keys {
				e.Update(k.(tea.KeyMsg))
			}
			if got := e.Text(); got != c.want {
				t.Errorf("text %q, want %q", got, c.want)
			}
		})
	}
	t.Run("esc ends editing and the view follows the cursor", func(t *testing.T) {
		e := newTextEditor()
		e.SetText(strings.Repeat("line\n", 20) + "last")
		e.editing = true
		for range 20 {
			e.Update(keyMsg("down"))
		}
		if v := e.View(5); len(v) != 5 || v[4] != "█last" {
			t.Errorf("view %q", v)
		}
		e.Update(keyMsg("esc"))
		if e.editing {
			t.Error("esc did not end editing")
		}
	})
}
