package ui

import (
	"os"
	"path/filepath"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
)

// loadCollectionCmd reads the collection at path, or the .http files directly in
// dir when path is "", or the built-in tour when dir has none; then its
// environments.
func loadCollectionCmd(path, dir string) tea.Cmd {
	return func() tea.Msg {
		coll, label, err := openCollection(path, dir)
		if err != nil {
			return collectionLoadedMsg{err: err}
		}
		msg := collectionLoadedMsg{coll: coll, label: label, envs: map[string]map[string]string{}}
		if coll.Dir == "" {
			return msg
		}
		names, err := collections.EnvNames(coll.Dir)
		if err != nil {
			coll.Errors = append(coll.Errors, err)
			return msg
		}
		msg.names = names
		for _, n := range append([]string{""}, names...) {
			vars, err := collections.LoadEnv(coll.Dir, n)
			if err != nil {
				coll.Errors = append(coll.Errors, err)
				continue
			}
			msg.envs[n] = vars
		}
		return msg
	}
}

// openCollection picks and reads the collection; label names it for the user.
func openCollection(path, dir string) (*collections.Collection, string, error) {
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
