// Package notices words the start-up notices (the settings file's problems and
// key conflicts) for the text overlay the TUI opens at start. It is pure: it
// imports termtext and uikit only.
package notices

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/uikit"
)

// Width is the width notices wrap to: an overlay on an 80-column terminal.
const Width = 72

// Overlay is the title and lines that show notices, read from the settings file
// file ("" when none is named). The file is named once; each notice keeps its
// line and key, wrapped rather than cut, its continuation lines indented. Every
// notice is sanitised: it may quote the file's bytes.
func Overlay(file string, notices []string) (title string, lines []string) {
	add := func(text, indent string) {
		for i, l := range strings.Split(uikit.WrapText(termtext.String(text), Width), "\n") {
			if i > 0 {
				l = indent + l
			}
			lines = append(lines, l)
		}
	}
	if file != "" {
		add("File: "+file, "  ")
		lines = append(lines, "")
	}
	for _, n := range notices {
		if file != "" {
			n = strings.ReplaceAll(n, file+":", filepath.Base(file)+":")
		}
		add(n, "    ")
	}
	lines = append(lines, "", "Everything else works; what is listed keeps its default.")
	title = "Settings: 1 problem"
	if len(notices) > 1 {
		title = fmt.Sprintf("Settings: %d problems", len(notices))
	}
	return title, lines
}
