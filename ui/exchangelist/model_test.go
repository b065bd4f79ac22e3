package exchangelist

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/traffic"
	"github.com/httplens/httplens/ui/keyset"
	"github.com/httplens/httplens/ui/nav"
	"github.com/httplens/httplens/ui/styles"
)

// testKeys binds the traffic scope as the root's action table does by default.
func testKeys() keyset.Set {
	row := func(id settings.Action, keys ...string) keyset.Row {
		return keyset.Row{ActionInfo: settings.ActionInfo{ID: id, Help: string(id), Scopes: []settings.Scope{"traffic"}, Keys: keys}}
	}
	return keyset.New([]keyset.Row{row(nav.Up, "up"), row(nav.Down, "down"), row(nav.PageUp, "pgup"), row(nav.PageDown, "pgdown"),
		row(nav.Top, "home"), row(nav.Bottom, "end"), row(TabNext, "right"), row(TabPrev, "left"),
		row(ShowRaw, "1"), row(ShowHeaders, "2"), row(ShowTiming, "3"), row(ShowExplain, "4"), row(SaveRequest, "s")}, nil, "traffic")
}

func runes(s string) tea.KeyMsg { return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)} }

// step feeds msg and runs the commands it returns, feeding their messages back,
// as the program would.
func step(t *testing.T, m Model, msg tea.Msg) Model {
	t.Helper()
	m, cmd := m.Update(msg)
	for cmd != nil {
		next := cmd()
		if next == nil {
			break
		}
		m, cmd = m.Update(next)
	}
	return m
}

func screen(m Model) string { return ansi.Strip(m.View()) }

// pageTo pages the tab down until want shows.
func pageTo(t *testing.T, m Model, want string) Model {
	t.Helper()
	for range 10 {
		if strings.Contains(screen(m), want) {
			return m
		}
		m = step(t, m, tea.KeyMsg{Type: tea.KeyPgDown})
	}
	t.Fatalf("%q never shows:\n%s", want, screen(m))
	return m
}

func loadedChrome(t *testing.T, dir string) Model {
	t.Helper()
	m := New(styles.New(), testKeys(), Source{HARPath: "../../har/testdata/chrome.har", SaveTo: "saved.http", Dir: dir})
	m.SetSize(100, 30)
	return step(t, m, m.Init()())
}

func TestHARListAndTabs(t *testing.T) {
	m := loadedChrome(t, t.TempDir())
	s := screen(m)
	for _, want := range []string{"chrome.har · by WebInspector", "read-only", "https://shop.example/", "store/store", "10m", "[Raw]", "rebuilt from the HAR", "GET / HTTP/2"} {
		if !strings.Contains(s, want) {
			t.Errorf("screen lacks %q:\n%s", want, s)
		}
	}
	for i, l := range strings.Split(m.View(), "\n") {
		if w := ansi.StringWidth(l); w != 100 {
			t.Errorf("line %d is %d cells wide, want 100", i, w)
		}
	}
	m = step(t, m, runes("4"))
	if s := screen(m); !strings.Contains(s, "[Explain]") || !strings.Contains(s, "The record: HTTP/2-style pseudo-headers left out") {
		t.Errorf("Explain tab:\n%s", s)
	}
	m = pageTo(t, m, "Private cache: storable")
	m = step(t, m, tea.KeyMsg{Type: tea.KeyDown})
	if s := screen(m); !strings.Contains(s, "›    2") || !strings.Contains(s, "memory cache") {
		t.Errorf("second entry's Explain should name the cache hit:\n%s", s)
	}
	m = step(t, m, runes("3"))
	if s := screen(m); !strings.Contains(s, "[Timing]") {
		t.Errorf("Timing tab:\n%s", s)
	}
}

func TestSaveAsRequestAsksBeforeAddingToAFile(t *testing.T) {
	dir := t.TempDir()
	m := loadedChrome(t, dir)
	m = step(t, m, runes("s"))
	if !m.Typing() || !strings.Contains(screen(m), "Save to: saved.http") {
		t.Fatalf("prompt not shown:\n%s", screen(m))
	}
	m = step(t, m, tea.KeyMsg{Type: tea.KeyEnter})
	path := filepath.Join(dir, "saved.http")
	if s := screen(m); !strings.Contains(s, "Saved as request: "+path+":2") {
		t.Fatalf("not saved:\n%s", s)
	}
	// A second save to the same file asks first; n goes back to the prompt, esc abandons.
	m = step(t, m, runes("s"))
	m = step(t, m, tea.KeyMsg{Type: tea.KeyEnter})
	if !strings.Contains(screen(m), "exists: add the request at its end? y/n") {
		t.Fatalf("no question before adding to an existing file:\n%s", screen(m))
	}
	m = step(t, m, tea.KeyMsg{Type: tea.KeyEsc})
	data, _ := os.ReadFile(path)
	if strings.Count(string(data), "###") != 1 {
		t.Fatalf("esc still wrote:\n%s", data)
	}
	m = step(t, m, runes("s"))
	m = step(t, m, tea.KeyMsg{Type: tea.KeyEnter})
	m = step(t, m, runes("y"))
	data, _ = os.ReadFile(path)
	f, err := collections.Parse(path, data)
	if err != nil || len(f.Requests) != 2 {
		t.Fatalf("file holds %v requests (%v):\n%s", f, err, data)
	}
	r := f.Requests[0]
	if r.Method != "GET" || r.URL != "https://shop.example/" || len(r.Errors) > 0 {
		t.Errorf("saved request %s %s errors %v", r.Method, r.URL, r.Errors)
	}
	for _, h := range r.Headers {
		if strings.HasPrefix(h.Name, ":") {
			t.Errorf("pseudo-header saved: %s", h.Name)
		}
	}
}

func TestLiveExchangesArrive(t *testing.T) {
	ch := make(chan traffic.Exchange, 2)
	m := New(styles.New(), testKeys(), Source{Title: "proxy on 127.0.0.1:1", Live: ch})
	m.SetSize(90, 20)
	cmd := m.Init()
	if !strings.Contains(screen(m), "No exchange yet") {
		t.Errorf("empty live list:\n%s", screen(m))
	}
	ch <- traffic.Exchange{Method: "GET", URL: "http://127.0.0.1:1/a\x1b[2J", Status: 0, Err: "upstream refused"}
	var next tea.Msg
	m, cmd = m.Update(cmd())
	if !strings.Contains(screen(m), "/a␛[2J") || strings.Contains(m.View(), "\x1b[2J") {
		t.Errorf("URL not made safe:\n%q", m.View())
	}
	close(ch)
	next = cmd()
	if _, ok := next.(EndedMsg); !ok {
		t.Fatalf("got %T after close", next)
	}
	m, _ = m.Update(next)
	if strings.Contains(screen(m), "recording") {
		t.Errorf("still says recording after the channel closed:\n%s", screen(m))
	}
}

// Bytes from the network reach the screen only made visible: an OSC 52 clipboard
// write, a screen clear and a bidi override in a head or body are shown, never sent.
func TestHostileBytesShownNotObeyed(t *testing.T) {
	ch := make(chan traffic.Exchange, 1)
	m := New(styles.New(), testKeys(), Source{Title: "p", Live: ch})
	m.SetSize(120, 30)
	cmd := m.Init()
	ch <- traffic.Exchange{Method: "GET\x1b[31m", URL: "http://127.0.0.1/\u202e", Status: 200, Reason: "OK\x1b]0;title\x07",
		RequestHead:  []byte("GET / HTTP/1.1\r\nX: \x1b]52;c;aGk=\x07\r\n\r\n"),
		ResponseHead: []byte("HTTP/1.1 200 OK\x1b[2J\r\n\r\n"), ResponseBody: []byte("body\x1b[H\x9b1m"),
		ResponseFields: []explain.Field{{Name: "X\x1b[1m", Value: "\x1b]8;;http://evil\x07link"}}}
	m, _ = m.Update(cmd())
	for _, tab := range []string{"1", "2", "3", "4"} {
		m = step(t, m, runes(tab))
		v := m.View() // not stripped: the test profile draws no colour, so any ESC is the network's
		if strings.ContainsAny(v, "\x1b\x07\x9b\u202e") {
			t.Errorf("tab %s writes raw control bytes:\n%q", tab, v)
		}
	}
}

// A file that is not a HAR says why, naming the file and line, and the view stays usable.
func TestNotAHARSaysWhere(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.har")
	if err := os.WriteFile(path, []byte("{\n  \"log\": [1,\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	m := New(styles.New(), testKeys(), Source{HARPath: path})
	m.SetSize(120, 20)
	m = step(t, m, m.Init()())
	m = step(t, m, tea.KeyMsg{Type: tea.KeyDown})
	m = step(t, m, runes("s"))
	s := screen(m)
	if !strings.Contains(s, "Cannot read: "+path+":") || !strings.Contains(s, "no exchange is selected") {
		t.Errorf("screen:\n%s", s)
	}
}

// Each column's heading starts where that column starts in the rows.
func TestHeadingsLineUpWithTheRows(t *testing.T) {
	m := loadedChrome(t, t.TempDir())
	lines := strings.Split(screen(m), "\n")
	head, row := -1, -1
	for i, l := range lines {
		if head < 0 && strings.Contains(l, "METHOD") {
			head = i
		}
		if head >= 0 && i > head && strings.Contains(l, "https://shop.example/") {
			row = i
			break
		}
	}
	if head < 0 || row < 0 {
		t.Fatalf("no heading or row:\n%s", screen(m))
	}
	h, r := lines[head], lines[row]
	for _, c := range []struct{ heading, cell string }{{"FRESH", "10m"}, {"URL", "https://shop.example/"}} {
		hi, ri := strings.Index(h, c.heading), strings.Index(r, c.cell)
		if hi < 0 || ri < 0 {
			t.Fatalf("%q or %q missing:\n%s\n%s", c.heading, c.cell, h, r)
		}
		if hi, ri := ansi.StringWidth(h[:hi]), ansi.StringWidth(r[:ri]); hi != ri {
			t.Errorf("%s heading at column %d, its cell %q at %d:\n%s\n%s", c.heading, hi, c.cell, ri, h, r)
		}
	}
}
