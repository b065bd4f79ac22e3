package varsview

import (
	"strings"
	"testing"

	"github.com/httplens/httplens/scripts"
)

func TestLines(t *testing.T) {
	text := strings.Join(Lines("dev", map[string]string{"host": "x"}, map[string]string{"b": "2", "a": "1"},
		[]scripts.Var{{Name: "token", Value: "abc\x1b[2J"}}), "\n")
	for _, want := range []string{"--var", "  host = x", "Environment dev\n  a = 1\n  b = 2", "Script globals", "  token = abc␛[2J"} {
		if !strings.Contains(text, want) {
			t.Errorf("lack %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "\x1b") {
		t.Error("escape reached the screen")
	}
	if text := strings.Join(Lines("", nil, nil, nil), "\n"); !strings.Contains(text, "none yet") {
		t.Errorf("empty:\n%s", text)
	}
	if Title(2) != "Variables · 2 script globals" || Title(0) != "Variables" {
		t.Error(Title(2))
	}
}
