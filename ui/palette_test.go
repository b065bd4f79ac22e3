package ui

import (
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/dialogs"
	"github.com/httplens/httplens/ui/overlay/palette"
	"github.com/httplens/httplens/ui/responsecontent"
)

func TestPaletteFiltering(t *testing.T) {
	m := New(Config{})
	all := m.catalog().Entries()
	tests := []struct {
		name, query string
		first       settings.Action // "" when nothing may match
		count       int             // -1: any number
	}{
		{"an empty query lists every action in the table's order", "", actionSend, len(all)},
		{"a word of the help text", "cookies", actionCookies, -1},
		{"letters in order, with gaps", "snd req", actionSend, -1},
		{"the action id", "copy-curl", actionCopyCurl, 1},
		{"an exact word beats a scattered match", "timing", actionResponseTiming, -1},
		{"case does not matter", "PALETTE", actionPalette, -1},
		{"nothing matches", "zzqx", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := palette.Matches(all, tt.query)
			if tt.count >= 0 && len(got) != tt.count {
				t.Errorf("%d matches, want %d", len(got), tt.count)
			}
			if tt.first == "" {
				return
			}
			if len(got) == 0 || got[0].Info.ID != tt.first {
				var ids []string
				for _, e := range got {
					ids = append(ids, string(e.Info.ID))
				}
				t.Errorf("matches %v, want %s first", ids, tt.first)
			}
		})
	}
}

func TestPaletteListsEveryActionWithTheKeysInForce(t *testing.T) {
	km := settings.DefaultKeymap(Actions())
	km[actionSend] = []string{"f5"}
	m := openModel(t, Config{Keys: km})
	m, _ = drive(t, m, pressKey("ctrl+p"))
	if m.overlay.Kind() != dialogs.Palette {
		t.Fatalf("ctrl+p did not open the palette:\n%s", plain(m.View()))
	}
	v := plain(m.View())
	if !strings.Contains(v, "send the request") || !strings.Contains(v, "f5") {
		t.Errorf("the palette does not show send on f5:\n%s", v)
	}
	if want := len(collectionActions()); !strings.Contains(v, " of "+strconv.Itoa(want)+" actions") {
		t.Errorf("the palette does not count %d actions:\n%s", want, v)
	}
	m, _ = drive(t, m, typeText("timing")...)
	if v := plain(m.View()); !strings.Contains(v, "› response Timing tab") {
		t.Errorf("typing did not filter to the Timing tab:\n%s", v)
	}
}

func TestPaletteRunsAction(t *testing.T) {
	tests := []struct {
		name  string
		query string
		check func(t *testing.T, m Model)
	}{
		{"a global action", "next pane", func(t *testing.T, m Model) {
			if m.focus != paneRequest {
				t.Errorf("focus is %v, want the request pane", m.focus)
			}
		}},
		{"a pane action moves to its pane first", "timing tab", func(t *testing.T, m Model) {
			if m.focus != paneResponse || m.resp.Tab() != responsecontent.TabTiming {
				t.Errorf("focus %v, tab %d; want the response pane's Timing tab", m.focus, m.resp.Tab())
			}
		}},
		{"the help overlay", "help", func(t *testing.T, m Model) {
			if m.overlay.Kind() != dialogs.Help {
				t.Errorf("overlay %d, want help", m.overlay.Kind())
			}
		}},
		{"esc closes without running anything", "", func(t *testing.T, m Model) {
			if m.overlay.Kind() != dialogs.None || m.focus != paneTree {
				t.Errorf("overlay %d, focus %v", m.overlay.Kind(), m.focus)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := openModel(t, Config{})
			m, _ = drive(t, m, pressKey("ctrl+p"))
			m, _ = drive(t, m, typeText(tt.query)...)
			last := keyMsg("enter")
			if tt.query == "" {
				last = keyMsg("esc")
			}
			m, _ = drive(t, m, last)
			tt.check(t, m)
		})
	}
}

// The help overlay lists the same actions as the palette, with the same keys.
func TestHelpAndPaletteAgree(t *testing.T) {
	km := settings.DefaultKeymap(Actions())
	km[actionSend] = []string{"f5"}
	km[actionCopyCurl] = nil
	m := New(Config{Keys: km})
	listed := map[string]string{} // help text -> key label, from the help overlay's groups
	for _, g := range m.catalog().HelpGroups() {
		for _, col := range g.FullHelp() {
			for _, b := range col {
				if b.Enabled() {
					listed[b.Help().Desc+"@"+g.Name] = b.Help().Key
				}
			}
		}
	}
	n := 0
	for _, e := range m.catalog().Entries() {
		if len(e.Keys) == 0 {
			continue // unbound: the palette says so, help leaves it out
		}
		n++
		found := false
		for k, label := range listed {
			if strings.HasPrefix(k, e.Info.Help+"@") && label == keysLabel(e.Keys) {
				found = true
			}
		}
		if !found {
			t.Errorf("help lacks %s (%s on %s)", e.Info.ID, e.Info.Help, keysLabel(e.Keys))
		}
	}
	if n != len(collectionActions())-1 {
		t.Errorf("%d bound actions, want all but copy-curl", n)
	}
	if !key.Matches(pressKey("f5"), m.keys.Get(actionSend)) || key.Matches(keyMsg("ctrl+r"), m.keys.Get(actionSend)) {
		t.Error("send is not on f5 alone")
	}
}

func TestKeyMsgForEveryDefaultKey(t *testing.T) {
	for _, a := range actionList() {
		for _, k := range a.Keys {
			t.Run(string(a.ID)+" "+k, func(t *testing.T) {
				msg, ok := keyMsgFor(k)
				if !ok || msg.String() != k {
					t.Errorf("keyMsgFor(%q) = %q, %v", k, msg.String(), ok)
				}
			})
		}
	}
	if msg, ok := keyMsgFor("alt+x"); !ok || msg.String() != "alt+x" {
		t.Errorf("alt+x gives %q", msg.String())
	}
	if _, ok := keyMsgFor("hyper+q"); ok {
		t.Error("a key bubbletea never reports was built")
	}
}

// pressKey is the key message for any key name bubbletea reports.
func pressKey(k string) tea.KeyMsg {
	msg, ok := keyMsgFor(k)
	if !ok {
		panic("no key " + k)
	}
	return msg
}
