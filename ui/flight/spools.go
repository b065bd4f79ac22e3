package flight

import (
	"os"
	"slices"

	tea "github.com/charmbracelet/bubbletea"
)

// Spools are the files holding bodies spooled to disk for the responses this
// session received. A file stays while anything may still read it (the
// exchange remembered for its request, the one shown: saving the body and the
// Raw tab read it) and is removed once nothing does, so that a long session
// does not fill the temporary folder. The zero value holds none.
type Spools struct {
	paths []string
}

// Add keeps path ("" is no file) among the files to sweep later.
func (s *Spools) Add(path string) {
	if path == "" {
		return
	}
	for _, p := range s.paths {
		if p == path {
			return
		}
	}
	// A new array each time: copies of the root model share this one.
	s.paths = append(slices.Clip(s.paths), path)
}

// Sweep forgets and returns the files nothing uses any more; inUse says
// whether something still reads a file.
func (s *Spools) Sweep(inUse func(path string) bool) (gone []string) {
	var kept []string // not in place: copies of the root model share the array
	for _, p := range s.paths {
		if inUse(p) {
			kept = append(kept, p)
		} else {
			gone = append(gone, p)
		}
	}
	s.paths = kept
	return gone
}

// SpoolRemovedMsg ends the command that removed spooled bodies no longer used.
type SpoolRemovedMsg struct{}

// removeCmd removes paths; nil when there are none.
func removeCmd(paths []string) tea.Cmd {
	if len(paths) == 0 {
		return nil
	}
	return func() tea.Msg {
		for _, p := range paths {
			_ = os.Remove(p) // in the session's temporary folder, removed on exit anyway
		}
		return SpoolRemovedMsg{}
	}
}
