package statusbar

import (
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/x/ansi"

	"github.com/httplens/httplens/ui/styles"
	"github.com/httplens/httplens/ui/uikit"
)

func TestLineEscapesAndFills(t *testing.T) {
	st := styles.New()
	// A status may carry a server's text: an OSC 52 clipboard write and a bell
	// must not reach the terminal.
	hostile := "HTTP 200 \x1b]52;c;aGk=\x07 done"
	for _, w := range []int{40, 80, 120} {
		got := Line(st, Status{Text: hostile, Env: "dev\x1b[2J"}, w)
		if strings.Contains(ansi.Strip(got), "\x1b") || strings.ContainsRune(got, '\a') {
			t.Fatalf("w=%d: raw control bytes reach the screen: %q", w, got)
		}
		if uikit.Width(got) != w {
			t.Fatalf("w=%d: line is %d cells: %q", w, uikit.Width(got), ansi.Strip(got))
		}
		plain := ansi.Strip(got)
		if !strings.HasPrefix(plain, "HTTP 200 ") || !strings.HasSuffix(plain, " ") || !strings.Contains(plain, "env: dev") {
			t.Fatalf("w=%d: %q", w, plain)
		}
	}
}

func TestLineEnvNoneBusyAndNarrow(t *testing.T) {
	st := styles.New()
	if got := ansi.Strip(Line(st, Status{Text: "ok"}, 30)); !strings.HasSuffix(got, "env: none ") {
		t.Fatalf("no environment: %q", got)
	}
	got := ansi.Strip(Line(st, Status{Text: "old message", Busy: "⠋ GET /users · 1.2s", Env: "x"}, 40))
	if strings.Contains(got, "old message") || !strings.HasPrefix(got, "⠋ GET /users · 1.2s") {
		t.Fatalf("in flight, the flight shows instead of the message: %q", got)
	}
	// Too narrow for both: the message alone, cut to the width.
	got = Line(st, Status{Text: strings.Repeat("m", 50), Env: "prod"}, 20)
	if plain := ansi.Strip(got); strings.Contains(plain, "env") || uikit.Width(got) > 20 {
		t.Fatalf("narrow: %q (%d cells)", plain, uikit.Width(got))
	}
}

func TestPaneAtMatchesTheBar(t *testing.T) {
	st := styles.New()
	names := []string{"Collection", "Request", "Response", "Explain"}
	for focus := range names {
		bar := ansi.Strip(PaneBar(st, names, focus, "f2"))
		if !strings.HasSuffix(bar, "  f2: next pane") {
			t.Fatalf("bar %q", bar)
		}
		cells := []rune(bar)
		// Every column of a label maps to its pane; the labels are as the bar draws them.
		at := 0
		for i, n := range names {
			label := uikit.TabLabel(n, i == focus)
			if got := string(cells[at : at+len(label)]); got != label {
				t.Fatalf("focus %d: label %d is %q, want %q", focus, i, got, label)
			}
			for x := at; x < at+len(label); x++ {
				if p, ok := PaneAt(names, x); !ok || p != i {
					t.Fatalf("column %d: pane %d %v, want %d", x, p, ok, i)
				}
			}
			at += len(label)
		}
		if _, ok := PaneAt(names, at); ok {
			t.Fatalf("column %d is past the labels", at)
		}
	}
	if _, ok := PaneAt(names, -1); ok {
		t.Fatal("negative column")
	}
}

type keys []key.Binding

func (k keys) ShortHelp() []key.Binding  { return k }
func (k keys) FullHelp() [][]key.Binding { return [][]key.Binding{k} }

func TestJoinedAndHints(t *testing.T) {
	g := keys{key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit"))}
	p := keys{key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "send"))}
	j := Joined{Global: g, Pane: p}
	if s := j.ShortHelp(); len(s) != 2 || s[0].Help().Desc != "quit" || s[1].Help().Desc != "send" {
		t.Fatalf("short help %v", s)
	}
	if f := j.FullHelp(); len(f) != 2 || f[1][0].Help().Desc != "send" {
		t.Fatalf("full help %v", f)
	}
	h := help.New()
	got := Hints(h, j, 60)
	if plain := ansi.Strip(got); !strings.Contains(plain, "q quit") || !strings.Contains(plain, "enter send") {
		t.Fatalf("hints %q", plain)
	}
	if w := uikit.Width(Hints(h, j, 8)); w > 8 {
		t.Fatalf("hints are %d cells in 8", w)
	}
}
