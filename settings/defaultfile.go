package settings

import (
	"fmt"
	"strings"
)

// DefaultFile returns the settings file with every setting at its default, each
// with a comment saying what it does: what `httplens config --defaults` prints.
// Loading it gives Defaults(acts).
func DefaultFile(acts []ActionInfo) []byte {
	s := Defaults(acts)
	var b strings.Builder
	b.WriteString(`# httplens settings: httplens/config.toml in the XDG config folder
# (~/.config/httplens/config.toml on Linux), or the file named by $HTTPLENS_CONFIG
# or --config. Every setting below is at its default; delete what you do not change.
# A bad value is reported with its line and keeps its default.
`)
	table := ""
	for _, f := range fields() {
		if f.table != table {
			table = f.table
			fmt.Fprintf(&b, "\n[%s]\n", table)
		} else {
			b.WriteString("\n")
		}
		comment(&b, f.doc)
		fmt.Fprintf(&b, "%s = %s\n", f.key, f.show(&s))
	}
	b.WriteString(`
# Turn the jar on or off for one environment, whatever "enabled" says:
# [cookies.environments]
# prod = false
`)
	writeKeys(&b, acts, s.Keys)
	writeThemeExample(&b)
	return []byte(b.String())
}

func comment(b *strings.Builder, doc string) {
	for _, line := range strings.Split(doc, "\n") {
		b.WriteString("# " + line + "\n")
	}
}

func writeKeys(b *strings.Builder, acts []ActionInfo, k Keymap) {
	b.WriteString(`
# Key bindings: action = a key or a list of keys; [] unbinds. Key names are
# bubbletea's: one character ("q", "?", "R"), "space", or a name such as
# "ctrl+r", "alt+x", "esc", "enter", "tab", "shift+tab", "up", "pgdown", "f5".
# Global keys act in every pane; a pane's keys act while it has focus. Two
# actions that meet on one key are reported at start-up. ctrl+h is left free
# (many terminals send it for backspace), as are ctrl+b (tmux) and alt (macOS).
[keys]
`)
	for _, a := range acts {
		keys := make([]string, len(k[a.ID]))
		for i, key := range k[a.ID] {
			keys[i] = keyLabel(key) // "space" reads better than " "
		}
		fmt.Fprintf(b, "%s = %s # %s (%s)\n", a.ID, quoteList(keys), a.Help, scopeList(a.Scopes))
	}
}

func writeThemeExample(b *strings.Builder) {
	b.WriteString(`
# Your own themes, by role. A role left out keeps the colour of "base"
# ("auto", "dark", "light" or "high-contrast"). Colours are "#rrggbb", "#rgb"
# or an ANSI 256 number such as "33". Choose one with ui.theme = "NAME".
# [themes.NAME]
# base = "dark"
`)
	// An example a person can uncomment as it stands: ANSI numbers most terminals show.
	example := []string{"42", "214", "33", "141", "196", "37", "245",
		"245", "42", "37", "214", "196", "196", "214", "33", "240", "63", "245"}
	for i, r := range Roles() {
		fmt.Fprintf(b, "# %s = %s\n", r, quote(example[i]))
	}
}
