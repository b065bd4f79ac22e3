package labview

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/cachelab"
	"github.com/httplens/httplens/demo"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/uimsg"
)

func newLab(t *testing.T) (*cachelab.Lab, string) {
	t.Helper()
	s, err := demo.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	c := requests.NewClient(requests.Options{})
	t.Cleanup(c.CloseIdleConnections)
	return cachelab.New(cachelab.Config{Send: c.Send}), s.URL()
}

func press(m Model, k string) Model {
	m, _ = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)})
	return m
}

func TestLabelsAndContents(t *testing.T) {
	lab, base := newLab(t)
	get := requests.Request{Method: "GET", URL: base + "/cache/must-revalidate"}
	first := lab.Do(context.Background(), get)
	second := lab.Do(context.Background(), get)
	text := strings.Join(ExchangeLines(&second, Kind(lab)), "\n")
	for _, want := range []string{"Cache lab (private cache): fresh hit", "Upstream: nothing sent", "Client got: 200 OK · Age:"} {
		if !strings.Contains(text, want) {
			t.Errorf("fresh hit lines lack %q:\n%s", want, text)
		}
	}
	if text := strings.Join(ExchangeLines(&first, Kind(lab)), "\n"); !strings.Contains(text, ": miss") || !strings.Contains(text, "Upstream request:\n  GET "+base) || !strings.Contains(text, "stored:") {
		t.Errorf("miss lines:\n%s", text)
	}

	m := New(lab)
	st := styles.New()
	view := m.View(st, 170, 34)
	for _, want := range []string{"1 entries", "GET " + base + "/cache/must-revalidate", "fresh for", "History of", "Explain at the lab clock", "private cache: storable", "once stale it must be revalidated"} {
		if !strings.Contains(view, want) {
			t.Errorf("view lacks %q:\n%s", want, view)
		}
	}
	m = press(m, "H")
	if view := m.View(st, 170, 34); !strings.Contains(view, "stale by") || !strings.Contains(view, "clock +1 h 0 min 0 s") {
		t.Errorf("after +1 h:\n%s", view)
	}
	third := lab.Do(context.Background(), get)
	if text := strings.Join(ExchangeLines(&third, Kind(lab)), "\n"); third.Label != cachelab.Revalidated || !strings.Contains(text, "If-None-Match:") || !strings.Contains(text, "→ 304") {
		t.Errorf("after +1 h, %s:\n%s", third.Label, text)
	}
	m.Refresh()
	m = press(m, "s")
	if !strings.HasPrefix(m.note, "To stale: Cache lab clock +1 h 1 min") {
		t.Errorf("to stale: %q", m.note)
	}
	m = press(m, "d")
	if lab.Len() != 0 || !strings.Contains(m.View(st, 170, 34), "The store is empty") {
		t.Errorf("d left %d entries", lab.Len())
	}
	if _, out := m.Update(tea.KeyMsg{Type: tea.KeyEsc}); out != (uimsg.Close{}) {
		t.Error("esc did not close")
	}
}

func TestHostileKeyIsEscaped(t *testing.T) {
	r := &cachelab.Result{Label: cachelab.Miss, Why: []string{"\x1b]0;pwned\x07"}, StoreWhy: "\x1b[2J"}
	if text := strings.Join(ExchangeLines(r, "private cache"), "\n"); strings.ContainsAny(text, "\x1b\x07") {
		t.Errorf("escape reached the lines: %q", text)
	}
}
