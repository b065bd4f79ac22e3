package ui

import (
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/demo"
	"github.com/httplens/httplens/requests"
)

// TestMain forces the Ascii profile so that views and goldens carry no colour codes.
func TestMain(m *testing.M) {
	lipgloss.SetColorProfile(termenv.Ascii)
	os.Exit(m.Run())
}

// plain strips any ANSI from a view.
func plain(s string) string { return ansi.Strip(s) }

// keyMsg builds the key message for a key name such as "enter", "ctrl+r" or "a".
func keyMsg(k string) tea.KeyMsg {
	if rest, ok := strings.CutPrefix(k, "alt+"); ok && rest != "" {
		m := keyMsg(rest)
		m.Alt = true
		return m
	}
	for t, name := range keyNames() {
		if name == k {
			return tea.KeyMsg{Type: t}
		}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

func keyNames() map[tea.KeyType]string {
	return map[tea.KeyType]string{
		tea.KeyEnter: "enter", tea.KeyEsc: "esc", tea.KeyTab: "tab", tea.KeyShiftTab: "shift+tab",
		tea.KeyCtrlR: "ctrl+r", tea.KeyCtrlC: "ctrl+c", tea.KeyCtrlE: "ctrl+e", tea.KeyCtrlS: "ctrl+s",
		tea.KeyUp: "up", tea.KeyDown: "down", tea.KeyLeft: "left", tea.KeyRight: "right",
		tea.KeyPgDown: "pgdown", tea.KeyPgUp: "pgup", tea.KeyHome: "home", tea.KeyEnd: "end",
		tea.KeyBackspace: "backspace", tea.KeyDelete: "delete", tea.KeyCtrlA: "ctrl+a",
	}
}

// typeText is the key messages for typing s.
func typeText(s string) []tea.Msg {
	var out []tea.Msg
	for _, r := range s {
		out = append(out, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	return out
}

// tour loads the built-in tour or fails the test.
func tour(t testing.TB) *collections.Collection {
	t.Helper()
	c, err := collections.Tour()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// demoServer runs the demo API on 127.0.0.1 for one test.
func demoServer(t testing.TB) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(demo.NewHandler())
	t.Cleanup(srv.Close)
	return srv
}

// testClient is an HTTP client closed with the test.
func testClient(t testing.TB) *requests.Client {
	t.Helper()
	c := requests.NewClient(requests.Options{})
	t.Cleanup(c.CloseIdleConnections)
	return c
}

// newLocalServer serves h on 127.0.0.1 for one test and returns its base URL.
func newLocalServer(t testing.TB, h http.Handler) string {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}

// keyMsgFor builds the key press bubbletea reports for the key name k, so that a
// test can press any bound key. ok is false for a name
// bubbletea never reports.
func keyMsgFor(k string) (tea.KeyMsg, bool) {
	alt := false
	if rest, ok := strings.CutPrefix(k, "alt+"); ok && rest != "" {
		alt, k = true, rest
	}
	if utf8.RuneCountInString(k) == 1 && k != " " {
		return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k), Alt: alt}, true
	}
	// bubbletea's key types run from its special keys (negative) to DEL (127).
	for t := tea.KeyType(-200); t <= 127; t++ {
		if t == tea.KeyRunes {
			continue
		}
		msg := tea.KeyMsg{Type: t, Alt: alt}
		if t == tea.KeySpace {
			msg.Runes = []rune{' '}
		}
		if msg.String() == prefixAlt(alt)+k {
			return msg, true
		}
	}
	return tea.KeyMsg{}, false
}

func prefixAlt(alt bool) string {
	if alt {
		return "alt+"
	}
	return ""
}
