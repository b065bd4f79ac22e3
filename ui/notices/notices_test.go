package notices

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestOverlayNamesTheFileOnceAndWraps(t *testing.T) {
	file := "/home/me/.config/httplens/settings.toml"
	long := file + ":7: keys.send: \"ctrl+r\" is also bound to edit-url in the request pane, so one of them would never act; pick another key"
	title, lines := Overlay(file, []string{file + ":2: request.timeout: \"soon\" is not a duration", long})
	if title != "Settings: 2 problems" {
		t.Errorf("title %q", title)
	}
	want := []string{"File: " + file, "", "settings.toml:2: request.timeout: \"soon\" is not a duration"}
	if !slices.Equal(lines[:3], want) {
		t.Errorf("first lines %q, want %q", lines[:3], want)
	}
	if !strings.HasPrefix(lines[3], "settings.toml:7: keys.send:") || !strings.HasPrefix(lines[4], "    ") {
		t.Errorf("the long notice is not wrapped with an indent: %q", lines[3:])
	}
	joined := strings.Join(strings.Fields(strings.Join(lines, " ")), " ")
	if !strings.Contains(joined, "so one of them would never act; pick another key") {
		t.Errorf("words were lost: %q", joined)
	}
	for _, l := range lines {
		if ansi.StringWidth(l) > Width {
			t.Errorf("line wider than %d: %q", Width, l)
		}
	}
	if lines[len(lines)-1] != "Everything else works; what is listed keeps its default." {
		t.Errorf("last line %q", lines[len(lines)-1])
	}
}

func TestOverlayWithoutAFileAndSanitised(t *testing.T) {
	title, lines := Overlay("", []string{"/tmp/c.toml:4: keys.send\x1b[2J"})
	if title != "Settings: 1 problem" {
		t.Errorf("title %q", title)
	}
	if strings.HasPrefix(lines[0], "File:") || !strings.HasPrefix(lines[0], "/tmp/c.toml:4: keys.send") {
		t.Errorf("lines %q", lines)
	}
	for _, l := range lines {
		if strings.ContainsRune(l, 0x1b) {
			t.Errorf("an escape reached the overlay: %q", l)
		}
	}
}
