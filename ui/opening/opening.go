// Package opening reads the collection the TUI opens, off the UI goroutine: a
// .http file or folder, else the .http files directly in the working folder,
// else the built-in tour; then its environments. It imports collections only.
package opening

import (
	"fmt"
	"os"
	"path/filepath"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
)

// LoadedMsg carries the collection read by LoadCmd.
type LoadedMsg struct {
	Coll  *collections.Collection
	Label string                       // what was opened, for the status line
	Envs  map[string]map[string]string // variables by environment; "" holds the shared ones
	Names []string                     // environment names, sorted
	Err   error                        // the collection could not be read at all
}

// LoadCmd reads the collection at path, or the .http files directly in dir
// when path is "", or the built-in tour when dir has none; then its
// environments. An environment file that cannot be read is one more error of
// the collection, not a failure.
func LoadCmd(path, dir string) tea.Cmd {
	return func() tea.Msg { return Load(path, dir) }
}

// Load is what LoadCmd reports.
func Load(path, dir string) LoadedMsg {
	coll, label, err := Open(path, dir)
	if err != nil {
		return LoadedMsg{Err: err}
	}
	msg := LoadedMsg{Coll: coll, Label: label, Envs: map[string]map[string]string{}}
	if coll.Dir == "" {
		return msg
	}
	names, err := collections.EnvNames(coll.Dir)
	if err != nil {
		coll.Errors = append(coll.Errors, err)
		return msg
	}
	msg.Names = names
	for _, n := range append([]string{""}, names...) {
		vars, err := collections.LoadEnv(coll.Dir, n)
		if err != nil {
			coll.Errors = append(coll.Errors, err)
			continue
		}
		msg.Envs[n] = vars
	}
	return msg
}

// Open picks and reads the collection; label names it for the user.
func Open(path, dir string) (*collections.Collection, string, error) {
	if path != "" {
		c, err := collections.Load(path)
		return c, path, err
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, "", err
	}
	c := &collections.Collection{Root: dir, Dir: dir}
	for _, e := range entries {
		if ext := filepath.Ext(e.Name()); e.IsDir() || ext != ".http" && ext != ".rest" {
			continue
		}
		fc, err := collections.Load(filepath.Join(dir, e.Name()))
		if err != nil {
			c.Errors = append(c.Errors, err)
			continue
		}
		c.Files = append(c.Files, fc.Files...)
		c.Errors = append(c.Errors, fc.Errors...)
	}
	if len(c.Files) > 0 || len(c.Errors) > 0 {
		return c, "the .http files of " + dir, nil
	}
	tour, err := collections.Tour()
	return tour, "the built-in tour", err
}

// Status says what was opened, and how many files failed to parse.
func (msg LoadedMsg) Status() string {
	n := len(msg.Coll.Requests())
	s := fmt.Sprintf("Opened %s: %d requests", msg.Label, n)
	if k := len(msg.Coll.Errors); k > 0 {
		s += fmt.Sprintf("; %d files failed: %v", k, msg.Coll.Errors[0])
	}
	return s
}
