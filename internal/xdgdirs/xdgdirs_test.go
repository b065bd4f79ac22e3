//go:build unix && !darwin

package xdgdirs

import "testing"

// The folders are those adrg/xdg v0.5.3 gave on Linux, for each way the
// environment may set them (checked against it when this package replaced it).
func TestFolders(t *testing.T) {
	for _, c := range []struct {
		name, home, config, state string
		wantConfig, wantState     string
	}{
		{"defaults", "/home/ann", "", "", "/home/ann/.config", "/home/ann/.local/state"},
		{"absolute variables", "/home/ann", "/etc/conf", "/var/st", "/etc/conf", "/var/st"},
		{"relative variables are ignored", "/home/ann", "conf", "./st", "/home/ann/.config", "/home/ann/.local/state"},
		{"a tilde", "/home/ann", "~/c", "~", "/home/ann/c", "/home/ann"},
		{"$HOME", "/home/ann", "$HOME/c", "$HOME/s/", "/home/ann/c", "/home/ann/s"},
		{"no home", "", "", "", "/.config", "/.local/state"},
		{"a relative home", "ann", "", "~/x", "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("HOME", c.home)
			t.Setenv("XDG_CONFIG_HOME", c.config)
			t.Setenv("XDG_STATE_HOME", c.state)
			if got := ConfigHome(); got != c.wantConfig {
				t.Errorf("ConfigHome() = %q, want %q", got, c.wantConfig)
			}
			if got := StateHome(); got != c.wantState {
				t.Errorf("StateHome() = %q, want %q", got, c.wantState)
			}
		})
	}
}
