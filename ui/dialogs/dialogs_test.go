package dialogs

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/preconditions"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/overlay/ask"
	"github.com/httplens/httplens/ui/overlay/cookiejar"
	"github.com/httplens/httplens/ui/overlay/envpicker"
	"github.com/httplens/httplens/ui/overlay/keyhelp"
	"github.com/httplens/httplens/ui/overlay/palette"
	"github.com/httplens/httplens/ui/overlay/threeway"
	"github.com/httplens/httplens/ui/saving"
	"github.com/httplens/httplens/ui/styles"
)

func press(k string) tea.KeyMsg {
	switch k {
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "ctrl+c":
		return tea.KeyMsg{Type: tea.KeyCtrlC}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// noCatalog fails the test when a dialog that lists no actions asks for them.
func noCatalog(t *testing.T) func() Catalog {
	return func() Catalog {
		t.Helper()
		t.Errorf("the catalog was built for a dialog that lists no actions")
		return Catalog{}
	}
}

func opened(d Dialog) Model {
	m := New()
	m.Open(d)
	return m
}

// Every answer of every question becomes the outcome the root applies, and
// closes the question, except where the question stays (no answer, a held esc).
func TestQuestionsAnswer(t *testing.T) {
	req := &collections.Request{Method: "DELETE", URL: "http://127.0.0.1/items/1"}
	tests := []struct {
		name     string
		d        Dialog
		key      string
		want     Outcome
		stayOpen bool
	}{
		{"yes to quit quits", Question(Quit, "", "Quit?"), "y", Outcome{Do: QuitNow{}}, false},
		{"no to quit only closes", Question(Quit, "", "Quit?"), "n", Outcome{}, false},
		{"esc to quit only closes", Question(Quit, "", "Quit?"), "esc", Outcome{}, false},
		{"yes to delete names the request", Dialog{Kind: Delete, Req: req, Text: "Delete?"}, "y", Outcome{Do: DeleteRequest{Req: req}}, false},
		{"yes to resend sends", Question(Resend, "k1", "Again?"), "y", Outcome{Do: SendAgain{Key: "k1"}}, false},
		{"yes to overwrite names the file", Dialog{Kind: Overwrite, Path: "/tmp/x.json"}, "y", Outcome{Do: OverwriteFile{Path: "/tmp/x.json"}}, false},
		{"r on a conflict reloads", Question(Conflict, "k2", "Changed"), "r", Outcome{Do: Reload{Key: "k2"}}, false},
		{"c on a conflict saves a copy", Question(Conflict, "k2", "Changed"), "c", Outcome{Do: SaveCopy{Key: "k2"}}, false},
		{"c on read-only saves a copy", Question(ReadOnly, "k3", "Read-only"), "c", Outcome{Do: SaveCopy{Key: "k3"}}, false},
		{"y on read-only is no answer", Question(ReadOnly, "k3", "Read-only"), "y", Outcome{}, true},
		{"r on quit is no answer", Question(Quit, "", "Quit?"), "r", Outcome{}, true},
		{"y saves the vanished edit", Question(Vanished, "k4", "Gone"), "y", Outcome{Do: SaveVanished{Key: "k4"}}, false},
		{"n discards the vanished edit", Question(Vanished, "k4", "Gone"), "n",
			Outcome{Do: DiscardVanished{Key: "k4"}, Status: "Discarded the edit."}, false},
		{"esc holds the vanished edit's question", Question(Vanished, "k4", "Gone"), "esc",
			Outcome{Status: "Answer y or n: closing this would leave the edit where nothing shows it."}, true},
		{"ctrl+c quits from a question", Question(Vanished, "k4", "Gone"), "ctrl+c", Outcome{Do: QuitNow{}}, true},
		{"ctrl+c quits from the help", HelpView(), "ctrl+c", Outcome{Do: QuitNow{}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, out := opened(tt.d).Update(press(tt.key), noCatalog(t))
			if out != tt.want {
				t.Errorf("outcome %+v, want %+v", out, tt.want)
			}
			if m.IsOpen() != tt.stayOpen {
				t.Errorf("open %v after %s, want %v", m.IsOpen(), tt.key, tt.stayOpen)
			}
			if tt.stayOpen && m.Kind() != tt.d.Kind {
				t.Errorf("kind %d, want %d", m.Kind(), tt.d.Kind)
			}
		})
	}
}

func TestQuitAsksOnlyWithUnsavedEdits(t *testing.T) {
	if _, ok := QuitQuestion(0); ok {
		t.Errorf("asked with nothing to lose")
	}
	for n, want := range map[int]string{1: "1 request has unsaved edits", 3: "3 requests have unsaved edits"} {
		d, ok := QuitQuestion(n)
		if !ok || d.Kind != Quit || !strings.HasPrefix(d.Text, want) {
			t.Errorf("%d edits: %v %+v", n, ok, d)
		}
	}
}

func TestSavingQuestionsOpenTheirDialog(t *testing.T) {
	for ask, kind := range map[saving.Ask]Kind{saving.AskReadOnly: ReadOnly, saving.AskConflict: Conflict,
		saving.AskVanished: Vanished, saving.AskOverwrite: Overwrite, saving.AskDelete: Delete} {
		req := &collections.Request{Method: "GET", URL: "/x"}
		d, ok := SavingQuestion(saving.Outcome{Ask: ask, Key: "k", Req: req, Path: "p", Text: "t"})
		if !ok || d.Kind != kind || d.Key != "k" || d.Req != req || d.Path != "p" || d.Text != "t" {
			t.Errorf("ask %v: %v %+v", ask, ok, d)
		}
	}
	if _, ok := SavingQuestion(saving.Outcome{Status: "Saved"}); ok {
		t.Errorf("a step that asks nothing opened a dialog")
	}
}

func TestOverlaysHandUpTheirAnswers(t *testing.T) {
	t.Run("the picker's choice sets the environment", func(t *testing.T) {
		m := opened(EnvPicker([]string{"dev", "prod"}, "dev"))
		m, out := m.Update(press("j"), noCatalog(t))
		if out != (Outcome{}) || m.Kind() != Env {
			t.Fatalf("down: %+v, kind %d", out, m.Kind())
		}
		m, out = m.Update(press("enter"), noCatalog(t))
		if out.Do != (envpicker.Chosen{Env: "prod"}) || m.IsOpen() {
			t.Errorf("enter: %+v, open %v", out, m.IsOpen())
		}
	})
	t.Run("a prompt answered sends, dismissed says why nothing was sent", func(t *testing.T) {
		d := AskPrompt("k", collections.Prompt{Name: "token", Description: "Token"}, "abc")
		if m, out := opened(d).Update(press("enter"), noCatalog(t)); out.Do != (ask.Answered{Name: "token", Value: "abc"}) || m.IsOpen() {
			t.Errorf("enter: %+v, open %v", out, m.IsOpen())
		}
		m, out := opened(d).Update(press("esc"), noCatalog(t))
		if out.Do != nil || !strings.HasPrefix(out.Status, "Not sent") || m.IsOpen() {
			t.Errorf("esc: %+v, open %v", out, m.IsOpen())
		}
	})
	t.Run("the cookies view stays open to list the jar again", func(t *testing.T) {
		m := opened(CookiesView("environment dev"))
		m.Listed([]requests.Cookie{{Name: "sid", Value: "1", Domain: "127.0.0.1", Path: "/"}})
		m, out := m.Update(press("d"), noCatalog(t))
		if del, ok := out.Do.(cookiejar.Delete); !ok || del.Cookie.Name != "sid" || m.Kind() != Cookies {
			t.Fatalf("d: %+v, kind %d", out, m.Kind())
		}
		m, out = m.Update(press("D"), noCatalog(t))
		if out.Do != (cookiejar.Clear{N: 1}) || m.Kind() != Cookies {
			t.Fatalf("D: %+v, kind %d", out, m.Kind())
		}
		if m, out = m.Update(press("esc"), noCatalog(t)); out != (Outcome{}) || m.IsOpen() {
			t.Errorf("esc: %+v, open %v", out, m.IsOpen())
		}
	})
	t.Run("a refused merge says why and stays", func(t *testing.T) {
		seen := preconditions.Seen{ETag: `"new"`, Method: "GET", URL: "http://127.0.0.1/items/1", Status: 200}
		mv := threeway.New("k", "PUT item", seen, preconditions.Merge3([]byte(`{"a":1}`), []byte(`{"a":2}`), []byte(`{"a":3}`)))
		m, out := opened(MergeView("k", `"new"`, mv)).Update(press("m"), noCatalog(t))
		if out.Do != nil || !out.IsErr || !strings.Contains(out.Status, "both you and the server changed a") || m.Kind() != Retry {
			t.Fatalf("m: %+v, kind %d", out, m.Kind())
		}
		m, out = m.Update(press("t"), noCatalog(t))
		if c, ok := out.Do.(threeway.Chosen); !ok || c.Which != threeway.Theirs || c.ETag != `"new"` || m.IsOpen() {
			t.Errorf("t: %+v, open %v", out, m.IsOpen())
		}
	})
}

// Listed and Targeted reach the cookies view only while it is open.
func TestCookieMessagesOnlyReachTheCookiesView(t *testing.T) {
	m := opened(TextView("t", []string{"x"}))
	m.Listed([]requests.Cookie{{Name: "sid"}})
	m.Targeted(&url.URL{Host: "127.0.0.1"}, time.Now())
	if d := m.Current(); len(d.cookies.Cookies) != 0 || d.cookies.Target != nil {
		t.Errorf("a text view took the cookies: %+v", d.cookies)
	}
	m = opened(CookiesView("environment dev"))
	now := time.Unix(1, 0)
	m.Listed([]requests.Cookie{{Name: "sid"}})
	m.Targeted(&url.URL{Host: "127.0.0.1"}, now)
	if d := m.Current(); len(d.cookies.Cookies) != 1 || d.cookies.Target == nil || !d.cookies.Now.Equal(now) {
		t.Errorf("the cookies view: %+v", d.cookies)
	}
}

// A small table: two global actions, a pane action, an action of two panes,
// one of every pane and one the traffic view lists in its own help.
func testCatalog() Catalog {
	g := []settings.Scope{settings.ScopeGlobal}
	row := func(id, help string, scopes []settings.Scope, disabled bool, keys ...string) Row {
		return Row{ActionInfo: settings.ActionInfo{ID: settings.Action(id), Help: help, Scopes: scopes, Keys: keys}, Disabled: disabled}
	}
	return Catalog{
		Rows: []Row{
			row("send", "send the request", g, false, "ctrl+r"),
			row("cancel", "cancel", g, true, "esc"),
			row("open", "open / fold", []settings.Scope{"tree"}, false, "enter"),
			row("tab-next", "next tab", []settings.Scope{"request", "response", "traffic"}, false, "]"),
			row("down", "down", []settings.Scope{"tree", "request", "response", "explain", "traffic"}, false, "j"),
			row("save-har", "save as request", []settings.Scope{"traffic"}, false, "s"),
		},
		Keys:    settings.Keymap{"send": {"f5"}},
		Scopes:  []Scope{{ID: "tree", Title: "Collection"}, {ID: "request", Title: "Request"}, {ID: "response", Title: "Response"}},
		OwnHelp: "traffic",
	}
}

func TestCatalogEntries(t *testing.T) {
	es := testCatalog().Entries()
	want := []struct {
		id, label, where string
		disabled         bool
	}{
		{"send", "f5", "Global", false}, // the keys in force, not the default
		{"cancel", "esc", "Global", true},
		{"open", "enter", "Collection", false},
		{"tab-next", "]", "panes", false},
		{"down", "j", "panes", false},
		{"save-har", "s", "Traffic", false}, // an untitled scope is capitalised
	}
	if len(es) != len(want) {
		t.Fatalf("%d entries, want %d", len(es), len(want))
	}
	for i, w := range want {
		e := es[i]
		if string(e.Info.ID) != w.id || e.Label != w.label || e.Where != w.where || e.Disabled != w.disabled {
			t.Errorf("entry %d: %s %q %q %v; want %+v", i, e.Info.ID, e.Label, e.Where, e.Disabled, w)
		}
	}
}

func TestHelpGroups(t *testing.T) {
	var got []string
	for _, g := range testCatalog().HelpGroups() {
		var helps []string
		for _, col := range g.FullHelp() {
			for _, b := range col {
				helps = append(helps, b.Help().Key+" "+b.Help().Desc)
			}
		}
		got = append(got, g.Name+": "+strings.Join(helps, ", "))
	}
	// The traffic scope is left out of the grouping (and its own action out of
	// the help); groups follow the titles' order, a pair of scopes is named by both.
	want := []string{
		"Global: f5 send the request, esc cancel",
		"Every pane: j down",
		"Collection: enter open / fold",
		"Request and Response: ] next tab",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("groups:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestHelpColumnsHoldEightBindings(t *testing.T) {
	c := Catalog{}
	for i := range 19 {
		c.Rows = append(c.Rows, Row{ActionInfo: settings.ActionInfo{ID: settings.Action(rune('a' + i)), Help: "x",
			Scopes: []settings.Scope{settings.ScopeGlobal}, Keys: []string{string(rune('a' + i))}}})
	}
	gs := c.HelpGroups()
	if len(gs) != 1 || len(gs[0].Cols) != 3 || len(gs[0].Cols[0]) != 8 || len(gs[0].Cols[2]) != 3 {
		t.Errorf("groups: %+v", gs)
	}
}

func TestPaletteRunsTheChosenAction(t *testing.T) {
	calls := 0
	cat := func() Catalog { calls++; return testCatalog() }
	m := opened(PaletteView())
	for _, r := range "fold" {
		m, _ = m.Update(press(string(r)), cat)
	}
	v := ansi.Strip(m.View(Screen{St: styles.New(), W: 100, H: 30, Catalog: cat}))
	if !strings.Contains(v, "open / fold") {
		t.Errorf("the palette does not list the match:\n%s", v)
	}
	m, out := m.Update(press("enter"), cat)
	if out.Do != (palette.Run{ID: "open"}) || m.IsOpen() {
		t.Errorf("enter: %+v, open %v", out, m.IsOpen())
	}
	if calls == 0 {
		t.Errorf("the palette never asked for the actions")
	}
}

// The help lists the actions' groups, then the text fields' keys, then the
// dialogs' own keys; its key line is the close keys.
func TestHelpViewListsActionsFieldsAndDialogs(t *testing.T) {
	m := opened(HelpView())
	fields := func() []keyhelp.Scope {
		return []keyhelp.Scope{{Name: "Body editor", Keys: m.confirm}}
	}
	v := ansi.Strip(m.View(Screen{St: styles.New(), W: 160, H: 60, Catalog: testCatalog, Fields: fields}))
	last := -1
	for _, s := range []string{"Global", "Every pane", "Collection", "Request and Response", "Body editor", "Dialogs", "Environment picker", "Command palette", "Cookies"} {
		i := strings.Index(v, s)
		if i < 0 || i < last {
			t.Errorf("%q missing or out of order in:\n%s", s, v)
		}
		last = max(last, i)
	}
	if !regexp.MustCompile(`f5 +send the request`).MatchString(v) {
		t.Errorf("the actions are not listed with the keys in force:\n%s", v)
	}
	if km := m.KeyMap(); km.ShortHelp()[0].Help().Desc != m.close.Close.Help().Desc {
		t.Errorf("help's key line: %+v", km.ShortHelp())
	}
}

// Network text shown in a question is escaped before it reaches the terminal.
func TestQuestionTextIsSanitised(t *testing.T) {
	m := opened(Question(Resend, "k", "POST \x1b[2J/items\u202e again?"))
	v := m.View(Screen{St: styles.New(), W: 80, H: 20})
	if strings.Contains(v, "\x1b[2J") || strings.Contains(v, "\u202e") {
		t.Errorf("raw control sequences in the view: %q", v)
	}
	if !strings.Contains(ansi.Strip(v), "y send it again") {
		t.Errorf("the answers are missing:\n%s", ansi.Strip(v))
	}
}
