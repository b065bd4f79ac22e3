package settings

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// namedKeys are the key names bubbletea v1 reports (tea.KeyMsg.String). ctrl+i,
// ctrl+m and ctrl+[ are absent: a terminal sends them as tab, enter and esc.
func namedKeys() []string {
	names := []string{"ctrl+@", "ctrl+\\", "ctrl+]", "ctrl+^", "ctrl+_",
		"tab", "enter", "esc", "backspace", "delete", "insert", "shift+tab",
		"up", "down", "left", "right", "home", "end", "pgup", "pgdown",
		"ctrl+home", "ctrl+end", "shift+home", "shift+end", "ctrl+shift+home", "ctrl+shift+end",
		"ctrl+pgup", "ctrl+pgdown",
	}
	for _, dir := range []string{"up", "down", "left", "right"} {
		names = append(names, "ctrl+"+dir, "shift+"+dir, "ctrl+shift+"+dir)
	}
	for c := 'a'; c <= 'z'; c++ {
		if c != 'i' && c != 'm' {
			names = append(names, "ctrl+"+string(c))
		}
	}
	for i := 1; i <= 20; i++ {
		names = append(names, fmt.Sprintf("f%d", i))
	}
	return names
}

// canonicalKey checks that k is a key bubbletea can report and returns it as
// bubbletea names it ("space" becomes " ", "Ctrl+R" becomes "ctrl+r").
func canonicalKey(k string) (string, error) {
	if utf8.RuneCountInString(k) == 1 {
		r, _ := utf8.DecodeRuneInString(k)
		if !unicode.IsPrint(r) {
			return "", fmt.Errorf("%q is not a printable key", k)
		}
		return k, nil
	}
	lower := strings.ToLower(k)
	if lower == "space" {
		return " ", nil
	}
	if rest, ok := strings.CutPrefix(lower, "alt+"); ok {
		inner, err := canonicalKey(strings.TrimPrefix(k, k[:len("alt+")]))
		if err != nil || rest == "" {
			return "", fmt.Errorf("%q: alt+ needs a key after it", k)
		}
		return "alt+" + inner, nil
	}
	switch lower {
	case "ctrl+i":
		return "", fmt.Errorf("%q arrives as tab; bind \"tab\"", k)
	case "ctrl+m":
		return "", fmt.Errorf("%q arrives as enter; bind \"enter\"", k)
	case "ctrl+[":
		return "", fmt.Errorf("%q arrives as esc; bind \"esc\"", k)
	case "escape":
		return "esc", nil
	case "return":
		return "enter", nil
	}
	if rest, ok := strings.CutPrefix(lower, "shift+"); ok && utf8.RuneCountInString(rest) == 1 {
		return "", fmt.Errorf("%q: write the character itself, such as %q", k, strings.ToUpper(rest))
	}
	for _, n := range namedKeys() {
		if lower == n {
			return n, nil
		}
	}
	return "", fmt.Errorf("%q is not a key name (one character, or a name such as \"ctrl+r\", \"esc\", \"f5\", \"pgdown\", \"alt+x\")", k)
}
