package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/httplens/httplens/ui/field"
)

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

func TestLineFieldCursor(t *testing.T) {
	f := field.New("> ")
	f.SetValue("hello")
	f.Start()
	for _, k := range keys("left", "left", "backspace", "type:L", "home", "delete", "end", "type:!") {
		f.Update(k.(tea.KeyMsg))
	}
	if f.Value() != "eLlo!" || f.View() != "> eLlo!█" {
		t.Errorf("value %q, view %q", f.Value(), f.View())
	}
	f.Update(keyMsg("home"))
	if f.View() != "> █eLlo!" {
		t.Errorf("cursor at home: %q", f.View())
	}
}
