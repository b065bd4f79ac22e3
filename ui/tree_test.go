package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/ui/tree"
)

func newTestTree(t *testing.T, w, h int) tree.Model {
	p := newTreePane(NewStyles())
	p.SetSize(w, h)
	p.SetCollection(tour(t))
	return p
}

func pressTree(p tree.Model, keys ...tea.Msg) (tree.Model, tea.Msg) {
	var last tea.Msg
	for _, k := range keys {
		var cmd tea.Cmd
		p, cmd = p.Update(k)
		if cmd != nil {
			last = cmd()
		}
	}
	return p, last
}

func TestTreePane(t *testing.T) {
	cases := []struct {
		name     string
		keys     []tea.Msg
		selected string // title of the selected request, "" for none
		want     []string
		not      []string
	}{
		{"starts on the first request", nil, "Reset the demo",
			[]string{"▾ 01-etags.http", "› POST   Reset the demo", "  GET    List items"}, nil},
		{"down moves the cursor", []tea.Msg{keyMsg("down"), keyMsg("j")}, "Read item", []string{"› GET    Read item"}, nil},
		{"filter keeps matching requests and their files", append(append([]tea.Msg{keyMsg("/")}, typeText("delete")...), keyMsg("enter")),
			"Delete item if unchanged", []string{"DELETE Delete item if unchanged", "Read the deleted item", "01-etags.http"},
			[]string{"List items", "02-caching.http"}},
		{"esc while filtering clears the filter", append(append([]tea.Msg{keyMsg("/")}, typeText("cache")...), keyMsg("esc")),
			"Reset the demo", []string{"List items", "Delete it again"}, nil},
		{"a filter with no match says so", append([]tea.Msg{keyMsg("/")}, typeText("zzzz")...), "", []string{"No request matches."}, nil},
		{"left folds the file", []tea.Msg{keyMsg("left")}, "", []string{"▸ 01-etags.http"}, []string{"List items"}},
		{"right unfolds it again", []tea.Msg{keyMsg("left"), keyMsg("right"), keyMsg("down")}, "Reset the demo", []string{"List items"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, _ := pressTree(newTestTree(t, 50, 16), c.keys...)
			got := ""
			if r := p.Selected(); r != nil {
				got = r.Title
			}
			if got != c.selected {
				t.Errorf("selected %q, want %q", got, c.selected)
			}
			view := plain(p.View())
			for _, w := range c.want {
				if !strings.Contains(view, w) {
					t.Errorf("view lacks %q:\n%s", w, view)
				}
			}
			for _, n := range c.not {
				if strings.Contains(view, n) {
					t.Errorf("view has %q:\n%s", n, view)
				}
			}
			assertSize(t, p.View(), 50, 16)
		})
	}
}

func TestTreeOpenAndMouse(t *testing.T) {
	p := newTestTree(t, 50, 16)
	p, msg := pressTree(p, keyMsg("down"), keyMsg("enter"))
	opened, ok := msg.(tree.Opened)
	if !ok || opened.Req.Title != "List items" {
		t.Fatalf("enter gave %#v, want tree.Opened for List items", msg)
	}
	p, _ = pressTree(p, tea.MouseMsg{X: 5, Y: 3, Action: tea.MouseActionPress, Button: tea.MouseButtonLeft})
	if r := p.Selected(); r == nil || r.Title != "Read item" {
		t.Errorf("click on row 3 selected %v", r)
	}
	if !p.Editing() {
		p, _ = pressTree(p, keyMsg("/"))
	}
	if !p.Editing() {
		t.Fatal("/ did not start editing the filter")
	}
}

// marksFile has a request with an error, one with a script (which the TUI runs),
// one with a construct not supported here and a clean one.
const marksFile = "### Fine\nGET http://127.0.0.1/ok\n\n### Broken header\nGET http://127.0.0.1/ok\nnot a header\n\n" +
	"### With a handler\nGET http://127.0.0.1/ok\n\n> {%\n  client.test(\"ok\", function() {});\n%}\n\n" +
	"### Saves the body\nGET http://127.0.0.1/ok\n\n>> ./saved.json\n"

func TestTreeMarksRequestErrorsAndNotes(t *testing.T) {
	f, err := collections.Parse("marks.http", []byte(marksFile))
	if err != nil {
		t.Fatal(err)
	}
	p := newTreePane(NewStyles())
	p.SetSize(40, 8)
	p.SetCollection(&collections.Collection{Files: []*collections.File{f}})
	view := plain(p.View())
	for _, w := range []string{"GET    Fine", "GET    ✗ Broken header", "GET    With a handler", "GET    ! Saves the body"} {
		if !strings.Contains(view, w) {
			t.Errorf("tree lacks %q:\n%s", w, view)
		}
	}
	if strings.Contains(view, "✗ Fine") || strings.Contains(view, "! Fine") {
		t.Errorf("a clean request is marked:\n%s", view)
	}
	if strings.Contains(view, "! With a handler") {
		t.Errorf("a request whose script the TUI runs is marked as not run:\n%s", view)
	}

	r := newRequestPane(NewStyles())
	r.SetSize(70, 10)
	r.SetRequest(&f.Requests[1])
	if v := plain(r.View()); !strings.Contains(v, "✗ marks.http:6:1: expected a header") {
		t.Errorf("the request pane does not say what is wrong:\n%s", v)
	}
	r.SetRequest(&f.Requests[2])
	if v := plain(r.View()); !strings.Contains(v, "marks.http:11: response handler (inline) runs on each send") || strings.Contains(v, "not run") {
		t.Errorf("the request pane does not say the script runs:\n%s", v)
	}
	r.SetRequest(&f.Requests[3])
	if v := plain(r.View()); !strings.Contains(v, "! marks.http:18:1: saving the response with >>: not supported here") {
		t.Errorf("the request pane does not list the construct not supported:\n%s", v)
	}
	assertSize(t, r.View(), 70, 10)
}
