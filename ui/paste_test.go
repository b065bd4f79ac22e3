package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

func pasteMsg(s string) tea.KeyMsg {
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s), Paste: true}
}

// loadedModel is a root model on the .http files of dir, loaded and sized.
func loadedModel(t *testing.T, dir string) tea.Model {
	t.Helper()
	m := New(Config{Dir: dir})
	var tm tea.Model = m
	tm, _ = tm.Update(tea.WindowSizeMsg{Width: 140, Height: 40})
	return run(tm, m.Init()())
}

func TestPastedCurlBecomesARequest(t *testing.T) {
	dir := t.TempDir()
	writeHTTP(t, dir, "api.http", "### First\nGET http://127.0.0.1:1/first\n")
	tm := loadedModel(t, dir)
	tm = run(tm, pasteMsg(`curl -X PUT -H 'If-Match: "v1"' --retry 3 -d '{"a":1}' http://127.0.0.1:1/items/1`))
	b, err := os.ReadFile(filepath.Join(dir, "api.http"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"### First\nGET http://127.0.0.1:1/first\n", "### Pasted from curl", "PUT http://127.0.0.1:1/items/1", `If-Match: "v1"`, `{"a":1}`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("the file lacks %q:\n%s", want, b)
		}
	}
	m := tm.(Model)
	if !strings.Contains(m.status, "Added the pasted curl command to") || !strings.Contains(m.status, "--retry not carried over") {
		t.Errorf("status %q", m.status)
	}
	if r := m.req.Request(); r == nil || r.Method != "PUT" {
		t.Errorf("the new request is not shown: %+v", r)
	}
}

func TestPasteCases(t *testing.T) {
	cases := []struct {
		name   string
		paste  string
		before []string // keys first
		status string
		added  bool
	}{
		{"a curl command that does not parse", `curl 'unterminated`, nil, "Cannot read the pasted curl command", false},
		{"other text is not a request", "hello world", nil, "", false},
		{"a paste into the filter is text", "curl http://x/", []string{"/"}, "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			writeHTTP(t, dir, "api.http", "### First\nGET http://127.0.0.1:1/first\n")
			tm := loadedModel(t, dir)
			for _, k := range c.before {
				tm = run(tm, keyMsg(k))
			}
			tm = run(tm, pasteMsg(c.paste))
			b, _ := os.ReadFile(filepath.Join(dir, "api.http"))
			if got := strings.Contains(string(b), "Pasted from curl"); got != c.added {
				t.Errorf("added = %v", got)
			}
			if !strings.Contains(tm.(Model).status, c.status) {
				t.Errorf("status %q, want %q", tm.(Model).status, c.status)
			}
		})
	}
	t.Run("into the read-only tour: a new file", func(t *testing.T) {
		dir := t.TempDir()
		tm := loadedModel(t, dir)
		tm = run(tm, pasteMsg("curl https://example.test/a"))
		b, err := os.ReadFile(filepath.Join(dir, "pasted.http"))
		if err != nil || !strings.Contains(string(b), "GET https://example.test/a") {
			t.Errorf("pasted.http: %q, %v; status %q", b, err, tm.(Model).status)
		}
	})
}
