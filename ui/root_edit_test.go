package ui

import (
	"bytes"
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/ui/dialogs"
)

// drive feeds msgs to the model one at a time and, after each, runs every command
// it produced until none is left, as the program does for a person typing at a
// human pace (minus spinner ticks and the terminal). It reports whether the
// program asked to quit.
func drive(t *testing.T, m Model, msgs ...tea.Msg) (Model, bool) {
	t.Helper()
	for _, msg := range msgs {
		var quit bool
		if m, quit = drainOne(m, msg); quit {
			return m, true
		}
	}
	return m, false
}

func drainOne(m Model, first tea.Msg) (Model, bool) {
	queue := []tea.Msg{first}
	for len(queue) > 0 {
		msg := queue[0]
		queue = queue[1:]
		switch mm := msg.(type) {
		case nil, spinner.TickMsg:
			continue
		case tea.QuitMsg:
			return m, true
		case tea.BatchMsg:
			for _, c := range mm {
				if c != nil {
					queue = append(queue, c())
				}
			}
			continue
		}
		next, cmd := m.Update(msg)
		m = next.(Model)
		if cmd != nil {
			queue = append(queue, cmd())
		}
	}
	return m, false
}

// keys turns key names and "type:text" into messages.
func keys(ks ...string) []tea.Msg {
	var out []tea.Msg
	for _, k := range ks {
		if s, ok := strings.CutPrefix(k, "type:"); ok {
			out = append(out, typeText(s)...)
			continue
		}
		out = append(out, keyMsg(k))
	}
	return out
}

// openModel loads cfg's collection into a 140x40 model.
func openModel(t *testing.T, cfg Config) Model {
	t.Helper()
	if cfg.Client == nil {
		cfg.Client = testClient(t)
	}
	if cfg.Dir == "" {
		cfg.Dir = t.TempDir()
	}
	m := New(cfg)
	m, _ = drive(t, m, tea.WindowSizeMsg{Width: 140, Height: 40}, m.Init()())
	return m
}

// selectRequest filters the tree down to title and opens it in the request pane.
func selectRequest(t *testing.T, m Model, title string) Model {
	t.Helper()
	m, _ = drive(t, m, keys("tab", "tab", "tab")...) // back to the tree from anywhere it was
	for m.focus != paneTree {
		m, _ = drive(t, m, keyMsg("tab"))
	}
	if m.tree.FilterValue() != "" {
		m, _ = drive(t, m, keyMsg("esc"))
	}
	m, _ = drive(t, m, keys("/", "type:"+title, "enter", "enter")...)
	if r := m.req.Saved(); r == nil || r.Title != title {
		t.Fatalf("could not open %q: pane shows %v\n%s", title, r, plain(m.View()))
	}
	return m
}

// copyFile copies a collection file into a temporary folder.
func copyFile(t *testing.T, src string) string {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), filepath.Base(src))
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dst
}

func TestSaveWritesOnlyThatBlock(t *testing.T) {
	path := copyFile(t, "../collections/testdata/parse/basic.http")
	orig, _ := os.ReadFile(path)
	m := openModel(t, Config{Path: path})
	m = selectRequest(t, m, "Update item")
	block := m.req.Saved().Block
	// Change If-Match (the second header) and add a line to the body.
	m, _ = drive(t, m, keys("down", "enter", "end", "backspace", "backspace", "backspace", "backspace", "backspace", "backspace", "type:Etag}}", "enter")...)
	m, _ = drive(t, m, keys("alt+2", "enter", "down", "down", "end", "type:,", "enter", "type:  \"size\": 3", "esc")...)
	if !strings.Contains(m.tree.View(), "Update item ●") {
		t.Errorf("the tree does not mark the unsaved edit:\n%s", plain(m.tree.View()))
	}
	m, _ = drive(t, m, keyMsg("ctrl+s"))
	if !strings.HasPrefix(m.status, "Saved Update item") {
		t.Fatalf("status after ctrl+s: %q", m.status)
	}
	got, _ := os.ReadFile(path)
	before, after := orig[:block.Start.Offset], orig[block.End.Offset:]
	if !bytes.HasPrefix(got, before) || !bytes.HasSuffix(got, after) {
		t.Fatalf("bytes outside the block changed:\n%s", got)
	}
	wantBlock := strings.Replace(string(orig[block.Start.Offset:block.End.Offset]),
		"If-Match: {{readItem.response.headers.ETag}}", "If-Match: {{readItem.response.headers.Etag}}", 1)
	wantBlock = strings.Replace(wantBlock, `"note": "a ### inside a JSON string is body"`,
		`"note": "a ### inside a JSON string is body",`+"\n"+`  "size": 3`, 1)
	if gotBlock := string(got[len(before) : len(got)-len(after)]); gotBlock != wantBlock {
		t.Errorf("block written:\n%s\nwant:\n%s", gotBlock, wantBlock)
	}
	if m.req.Dirty() || strings.Contains(m.tree.View(), "●") || strings.Contains(m.req.Title(), "modified") {
		t.Error("still marked unsaved after saving")
	}
	// A second edit saves over the file just written: the model took the new File.
	m, _ = drive(t, m, keys("alt+1", "m", "ctrl+s")...)
	if got2, _ := os.ReadFile(path); !bytes.Contains(got2, []byte("PATCH {{host}}/items/1 HTTP/1.1")) {
		t.Errorf("second save: status %q, file:\n%s", m.status, got2)
	}
}

func TestSaveConflictOffersReloadOrCopy(t *testing.T) {
	path := copyFile(t, "../collections/testdata/folder/a.http")
	m := openModel(t, Config{Path: path})
	m = selectRequest(t, m, "Read item")
	// Somebody else changes the file after it was read.
	theirs := append(mustRead(t, path), []byte("\n### Theirs\nGET http://127.0.0.1/theirs\n")...)
	if err := os.WriteFile(path, theirs, 0o644); err != nil {
		t.Fatal(err)
	}
	m, _ = drive(t, m, keys("a", "type:X-Mine: 1", "enter", "ctrl+s")...)
	if m.overlay.Kind() != dialogs.Conflict || !strings.Contains(plain(m.View()), "changed on disk") {
		t.Fatalf("no conflict dialog:\n%s", plain(m.View()))
	}
	if !bytes.Equal(mustRead(t, path), theirs) {
		t.Fatal("the file changed on disk was overwritten")
	}
	m, _ = drive(t, m, keyMsg("c"))
	cp := filepath.Join(filepath.Dir(path), "a.copy.http")
	if b := mustRead(t, cp); !bytes.Contains(b, []byte("X-Mine: 1")) || bytes.Contains(b, []byte("Theirs")) {
		t.Errorf("the copy is not our version with the edit:\n%s", b)
	}
	if !strings.Contains(m.status, "Saved a copy as "+cp) {
		t.Errorf("status %q", m.status)
	}
	// Reload, then save our edit over their version: both changes are kept.
	m = selectRequest(t, m, "Read item")
	m, _ = drive(t, m, keyMsg("ctrl+s"))
	m, _ = drive(t, m, keyMsg("r"))
	if !strings.HasPrefix(m.status, "Reloaded") || !m.req.Dirty() {
		t.Fatalf("reload: status %q, dirty %v", m.status, m.req.Dirty())
	}
	m, _ = drive(t, m, keyMsg("ctrl+s"))
	if b := mustRead(t, path); !bytes.Contains(b, []byte("X-Mine: 1")) || !bytes.Contains(b, []byte("### Theirs")) {
		t.Errorf("after reload and save (status %q):\n%s", m.status, b)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestQuitWithUnsavedEditsAsks(t *testing.T) {
	m := openModel(t, Config{DemoURL: "http://127.0.0.1:9"})
	m = selectRequest(t, m, "Read item")
	m, quit := drive(t, m, keys("m", "q")...)
	if quit || m.overlay.Kind() != dialogs.Quit || !strings.Contains(plain(m.View()), "1 request has unsaved edits") {
		t.Fatalf("q with an unsaved edit: quit %v, view:\n%s", quit, plain(m.View()))
	}
	m, quit = drive(t, m, keyMsg("n"))
	if quit || m.overlay.Kind() != dialogs.None {
		t.Fatal("n did not keep the app open")
	}
	if _, quit = drive(t, m, keys("q", "y")...); !quit {
		t.Error("q then y did not quit")
	}
	m, _ = drive(t, m, keyMsg("z"))
	if _, quit = drive(t, m, keyMsg("q")); !quit {
		t.Error("q without edits asked instead of quitting")
	}
}

func TestTreeFileOperations(t *testing.T) {
	dir := t.TempDir()
	writeHTTP(t, dir, "one.http", "# keep me\n### First\nGET http://127.0.0.1/1\n\n### Second\nGET http://127.0.0.1/2\n")
	m := openModel(t, Config{Dir: dir})
	path := filepath.Join(dir, "one.http")
	steps := []struct {
		name string
		keys []string
		want string
	}{
		{"n adds a new request at the end", []string{"n"},
			"# keep me\n### First\nGET http://127.0.0.1/1\n\n### Second\nGET http://127.0.0.1/2\n\n### New request\nGET http://127.0.0.1/\n"},
		{"r renames it", []string{"r", "ctrl+a", "type:Third ", "enter"},
			"# keep me\n### First\nGET http://127.0.0.1/1\n\n### Second\nGET http://127.0.0.1/2\n\n### Third New request\nGET http://127.0.0.1/\n"},
		{"c duplicates the selected request", []string{"g", "down", "c"},
			"# keep me\n### First\nGET http://127.0.0.1/1\n\n### Second\nGET http://127.0.0.1/2\n\n### Third New request\nGET http://127.0.0.1/\n\n### First (copy)\nGET http://127.0.0.1/1\n"},
		{"x asks, y deletes the selected request", []string{"g", "down", "down", "x", "y"},
			"# keep me\n### First\nGET http://127.0.0.1/1\n\n### Third New request\nGET http://127.0.0.1/\n\n### First (copy)\nGET http://127.0.0.1/1\n"},
		{"x then n keeps it", []string{"g", "down", "x", "n"},
			"# keep me\n### First\nGET http://127.0.0.1/1\n\n### Third New request\nGET http://127.0.0.1/\n\n### First (copy)\nGET http://127.0.0.1/1\n"},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			m, _ = drive(t, m, keys(s.keys...)...)
			if got := string(mustRead(t, path)); got != s.want {
				t.Errorf("status %q; file:\n%s\nwant:\n%s", m.status, got, s.want)
			}
		})
	}
	t.Run("N creates a new .http file", func(t *testing.T) {
		m, _ = drive(t, m, keys("N", "type:two", "enter")...)
		b := mustRead(t, filepath.Join(dir, "two.http"))
		if string(b) != "### New request\nGET http://127.0.0.1/\n" || !strings.Contains(plain(m.tree.View()), "two.http") {
			t.Errorf("status %q; new file %q; tree:\n%s", m.status, b, plain(m.tree.View()))
		}
		if r := m.tree.Selected(); r == nil || r.File.Path != filepath.Join(dir, "two.http") {
			t.Error("the new file's request is not selected")
		}
	})
	t.Run("the tour is read-only", func(t *testing.T) {
		tm := openModel(t, Config{DemoURL: "http://127.0.0.1:9"})
		tm, _ = drive(t, tm, keyMsg("n"))
		if !strings.Contains(tm.status, "read-only") || !tm.errMsg {
			t.Errorf("n on the tour: %q", tm.status)
		}
	})
}

// lockedBuffer is a clipboard the copy commands may write from their goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// clip is the text of the last OSC 52 clipboard write.
func (l *lockedBuffer) clip(t *testing.T) string {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	s := l.b.String()
	i := strings.LastIndex(s, "\x1b]52;c;")
	if i < 0 || !strings.HasSuffix(s, "\x07") {
		t.Fatalf("no OSC 52 sequence in %q", s)
	}
	b, err := base64.StdEncoding.DecodeString(s[i+len("\x1b]52;c;") : len(s)-1])
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestCopyWithOSC52(t *testing.T) {
	srv := demoServer(t)
	clip := &lockedBuffer{}
	m := openModel(t, Config{DemoURL: srv.URL, Clipboard: clip})
	m = selectRequest(t, m, "Read item")
	m, _ = drive(t, m, keys("a", "type:X-Note: it's", "enter", "y")...)
	if got := clip.clip(t); !strings.HasPrefix(got, "curl ") || !strings.Contains(got, srv.URL+"/items/1") || !strings.Contains(got, "X-Note") {
		t.Errorf("copied curl command %q (status %q)", got, m.status)
	}
	m, _ = drive(t, m, keys("ctrl+r", "tab", "y")...)
	if got := clip.clip(t); !strings.Contains(got, `"name"`) || strings.Contains(got, "HTTP/1.1") {
		t.Errorf("copied body %q", got)
	}
	m, _ = drive(t, m, keyMsg("Y"))
	if got := clip.clip(t); !strings.HasPrefix(got, "HTTP/1.1 200 OK\r\n") || !strings.Contains(got, `"name"`) {
		t.Errorf("copied raw response %q", got)
	}
	if !strings.Contains(m.status, "Copied the raw response") {
		t.Errorf("status %q", m.status)
	}
}

var _ = collections.ErrConflict

func TestSaveOnTheTourOffersACopy(t *testing.T) {
	dir := t.TempDir()
	m := openModel(t, Config{Dir: dir, DemoURL: "http://127.0.0.1:9"})
	m = selectRequest(t, m, "Read item")
	m, _ = drive(t, m, keys("a", "type:X-Mine: 1", "enter", "ctrl+s")...)
	if m.overlay.Kind() != dialogs.ReadOnly || !strings.Contains(plain(m.View()), "read-only") {
		t.Fatalf("ctrl+s on the tour:\n%s", plain(m.View()))
	}
	m, _ = drive(t, m, keyMsg("c"))
	b := mustRead(t, filepath.Join(dir, "01-etags.copy.http"))
	if !bytes.Contains(b, []byte("GET {{demo}}/items/1\nAccept: application/json\nX-Mine: 1\n")) {
		t.Errorf("the copy (status %q):\n%s", m.status, b)
	}
	if !strings.Contains(plain(m.tree.View()), "01-etags.copy.http") {
		t.Error("the copy is not in the tree")
	}
}
