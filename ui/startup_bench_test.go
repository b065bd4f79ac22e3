package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/settings"
)

// The pieces of the TUI's start before its first frame (issue 24), each on its
// own, as runTUI builds them: a 160x45 model on the built-in tour (an empty
// folder), its first View, the settings file and the theme. Within a process
// these are warm figures (tables made once a process are made in the first
// iteration); bench/startpieces times the same pieces cold, once a process.

func tourConfig(b *testing.B) Config {
	return Config{Dir: b.TempDir(), Width: 160, Height: 45, Client: requests.NewClient(requests.Options{})}
}

func BenchmarkNewWithStyles(b *testing.B) {
	cfg, st := tourConfig(b), NewStyles()
	b.ReportAllocs()
	for b.Loop() {
		m := NewWithStyles(cfg, st)
		if m.w != 160 {
			b.Fatal("the model is not sized")
		}
	}
}

// BenchmarkFirstView is the first View of a fresh model (the model's
// construction is outside the timer).
func BenchmarkFirstView(b *testing.B) {
	cfg, st := tourConfig(b), NewStyles()
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		m := NewWithStyles(cfg, st)
		b.StartTimer()
		if v := m.View(); !strings.Contains(v, "Collection") {
			b.Fatal("the first View lacks the Collection pane")
		}
	}
}

// BenchmarkSettingsOpen reads the settings file as the TUI does (settings.Open
// with the action table): none at the default place, an empty one, and one
// binding keys.
func BenchmarkSettingsOpen(b *testing.B) {
	dir := b.TempDir()
	files := map[string]string{
		"empty": "",
		"keys":  "[ui]\ntheme = \"dark\"\n\n[keys]\nsend = [\"ctrl+g\"]\nquit = [\"ctrl+q\"]\n",
	}
	b.Run("nofile", func(b *testing.B) {
		b.Setenv(settings.EnvPath, "")
		b.Setenv("XDG_CONFIG_HOME", dir) // no httplens/config.toml there
		b.ReportAllocs()
		for b.Loop() {
			if _, _, errs := settings.Open("", Actions()); len(errs) > 0 {
				b.Fatal(errs)
			}
		}
	})
	for _, name := range []string{"empty", "keys"} {
		path := filepath.Join(dir, name+".toml")
		if err := os.WriteFile(path, []byte(files[name]), 0o600); err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, errs := settings.Open(path, Actions()); len(errs) > 0 {
					b.Fatal(errs)
				}
			}
		})
	}
}

// BenchmarkThemeStyles builds the styles of the automatic theme (what the TUI
// uses without settings) and of a named one.
func BenchmarkThemeStyles(b *testing.B) {
	for _, name := range []string{settings.ThemeAuto, settings.ThemeHighContrast} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ThemeStyles(name, nil, true); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
