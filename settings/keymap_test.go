package settings

import (
	"slices"
	"strings"
	"testing"
)

func TestActionsTable(t *testing.T) {
	seen := map[Action]bool{}
	for _, a := range testActions() {
		if seen[a.ID] {
			t.Errorf("action %s listed twice", a.ID)
		}
		seen[a.ID] = true
		if a.Help == "" || len(a.Scopes) == 0 || len(a.Keys) == 0 {
			t.Errorf("action %s lacks help, scope or keys: %+v", a.ID, a)
		}
		for _, k := range a.Keys {
			if c, err := canonicalKey(k); err != nil || c != k {
				t.Errorf("action %s: default key %q is not canonical (%q, %v)", a.ID, k, c, err)
			}
		}
	}
	// The keys DESIGN.md promises every user.
	contract := map[Action][]string{
		ActionSend: {"ctrl+r"}, ActionCancel: {"esc"}, ActionFocusNext: {"tab"}, ActionFocusPrev: {"shift+tab"},
		ActionFilter: {"/"}, ActionOpen: {"enter"}, ActionSave: {"ctrl+s"}, ActionHelp: {"?"},
		ActionQuit: {"q", "ctrl+c"}, ActionPalette: {"ctrl+p"}, ActionEnv: {"ctrl+e"},
	}
	k := DefaultKeymap(testActions())
	for id, keys := range contract {
		if !slices.Equal(k.Keys(id), keys) {
			t.Errorf("%s is bound to %q, want %q", id, k.Keys(id), keys)
		}
	}
}

func TestDefaultKeymapHasNoConflicts(t *testing.T) {
	if c := DefaultKeymap(testActions()).Conflicts(testActions()); len(c) != 0 {
		t.Fatalf("conflicts in the defaults: %v", c)
	}
}

// DefaultKeymap hands out copies: changing one map leaves the next untouched.
func TestDefaultKeymapIsFresh(t *testing.T) {
	k := DefaultKeymap(testActions())
	k[ActionQuit][0] = "x"
	if DefaultKeymap(testActions())[ActionQuit][0] != "q" {
		t.Fatal("DefaultKeymap shares its lists")
	}
}

func TestConflicts(t *testing.T) {
	tests := []struct {
		name   string
		rebind Keymap
		want   []string // Conflict.String of each, in order
	}{
		{"two pane actions on one key in their scope", Keymap{ActionRename: {"n"}},
			[]string{`key "n" is bound to both new-request and rename (tree)`}},
		{"a move shared by four panes is reported once", Keymap{ActionUp: {"up", "j"}},
			[]string{`key "j" is bound to both up and down (tree, request, response, explain)`}},
		{"a global key hides a pane's", Keymap{ActionSend: {"u"}},
			[]string{`key "u" is bound to both send and edit-url (request)`}},
		{"a global key hides a contextual pane key", Keymap{ActionHelp: {"N"}},
			[]string{`key "N" is bound to both help and new-file (tree)`,
				`key "N" is bound to both help and match-prev (response)`}},
		{"contextual global and pane actions may share a key, two global ones may not",
			Keymap{ActionReread: {"esc"}}, []string{`key "esc" is bound to both cancel and reread (global)`}},
		{"actions of different panes may share a key", Keymap{ActionResolve: {"c"}}, nil},
		{"ctrl+h is backspace", Keymap{ActionFilter: {"ctrl+h"}, ActionRename: {"backspace"}},
			[]string{`key "ctrl+h" is bound to both filter and rename (tree)`}},
		{"space is named", Keymap{ActionTop: {" "}},
			[]string{`key "space" is bound to both page-down and top (tree, request, response, explain)`,
				`key "space" is bound to both top and mark (response)`}},
		{"a global action on check's key", Keymap{ActionHelp: {"C"}},
			[]string{`key "C" is bound to both check and help (global)`}},
		{"the palette on the cookies key", Keymap{ActionPalette: {"ctrl+k"}},
			[]string{`key "ctrl+k" is bound to both palette and cookies (global)`}},
		{"a global key hides the History tab's", Keymap{ActionSend: {"5"}},
			[]string{`key "5" is bound to both send and response-history (response)`}},
		{"a response action on save-body's key", Keymap{ActionCopyBody: {"s"}},
			[]string{`key "s" is bound to both copy-body and save-body (response)`}},
		{"two contextual response actions on one key", Keymap{ActionInsecure: {"enter"}},
			[]string{`key "enter" is bound to both note and insecure (response)`}},
		{"mark may take any of page down's keys", Keymap{ActionMark: {"pgdown"}}, nil},
		{"mark on another move's key", Keymap{ActionMark: {"j"}},
			[]string{`key "j" is bound to both down and mark (response)`}},
		{"a contextual global key may share mark's, not page down's", Keymap{ActionReread: {" "}},
			[]string{`key "space" is bound to both reread and page-down (tree, request, response, explain)`}},
		{"save-body may share a key with another pane's action", Keymap{ActionRename: {"s"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := DefaultKeymap(testActions())
			for a, keys := range tt.rebind {
				k[a] = keys
			}
			var got []string
			for _, c := range k.Conflicts(testActions()) {
				got = append(got, c.String())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("conflicts:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestConflictInTheFileIsReportedAtItsLine(t *testing.T) {
	s, errs := Parse("c.toml", []byte("[keys]\nhelp = \"?\"\nsend = [\"ctrl+r\", \"n\"]\n"), testActions())
	want := []string{
		`c.toml:3: keys.send: "n" is also bound to new-request (tree); change one of them`,
		`c.toml:3: keys.send: "n" is also bound to match-next (response); change one of them`,
	}
	if len(errs) != len(want) {
		t.Fatalf("errors: %v", errs)
	}
	for i := range want {
		if errs[i].Error() != want[i] {
			t.Errorf("error %d = %q, want %q", i, errs[i], want[i])
		}
	}
	// The binding stays as written; the message says which to change.
	if !slices.Equal(s.Keys[ActionSend], []string{"ctrl+r", "n"}) {
		t.Errorf("send = %q", s.Keys[ActionSend])
	}
}

func TestCanonicalKey(t *testing.T) {
	tests := []struct {
		in, want string
		fails    string // in the error
	}{
		{"q", "q", ""}, {"R", "R", ""}, {"?", "?", ""}, {"é", "é", ""},
		{"ctrl+r", "ctrl+r", ""}, {"Ctrl+R", "ctrl+r", ""}, {"space", " ", ""}, {" ", " ", ""},
		{"esc", "esc", ""}, {"escape", "esc", ""}, {"return", "enter", ""}, {"shift+tab", "shift+tab", ""},
		{"f5", "f5", ""}, {"pgdown", "pgdown", ""}, {"ctrl+shift+up", "ctrl+shift+up", ""},
		{"alt+x", "alt+x", ""}, {"alt+X", "alt+X", ""}, {"alt+enter", "alt+enter", ""},
		{"ctrl+i", "", "arrives as tab"}, {"ctrl+m", "", "arrives as enter"}, {"ctrl+[", "", "arrives as esc"},
		{"shift+a", "", `"A"`}, {"f21", "", "not a key name"}, {"", "", "not a key name"},
		{"alt+", "", "alt+ needs a key"}, {"\t", "", "not a printable key"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := canonicalKey(tt.in)
			if tt.fails != "" {
				if err == nil || !strings.Contains(err.Error(), tt.fails) {
					t.Errorf("canonicalKey(%q) = %q, %v; want an error saying %q", tt.in, got, err, tt.fails)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("canonicalKey(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}
