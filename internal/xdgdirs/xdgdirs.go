// Package xdgdirs finds the XDG base folders httplens keeps its files in: the
// config folder (the settings file) and the state folder (the history), read
// from the environment when asked. It gives the paths github.com/adrg/xdg
// gave, which it replaces: that package, at every process's start, worked out
// two dozen folders and opened user-dirs.dirs (issue 24), where httplens needs
// two paths, once.
package xdgdirs

import (
	"os"
	"path/filepath"
	"strings"
)

// ConfigHome is $XDG_CONFIG_HOME when it is an absolute path (after ~ or
// $HOME at its start is expanded), else the platform's default: ~/.config on
// Linux and the other Unix systems, ~/Library/Application Support on macOS.
func ConfigHome() string { return envPath("XDG_CONFIG_HOME", configDefault) }

// StateHome is $XDG_STATE_HOME as ConfigHome reads its variable, else
// ~/.local/state on Linux and the other Unix systems, ~/Library/Application
// Support on macOS.
func StateHome() string { return envPath("XDG_STATE_HOME", stateDefault) }

// home is $HOME, or / without one (as adrg/xdg).
func home() string {
	if h := os.Getenv("HOME"); h != "" {
		return h
	}
	return "/"
}

// envPath is the variable name's value when it is an absolute path once its
// home prefix is expanded, else fallback's path under the home folder when
// that is absolute ("" when it is not).
func envPath(name string, fallback func(home string) string) string {
	h := home()
	if dir := expandHome(os.Getenv(name), h); dir != "" && filepath.IsAbs(dir) {
		return dir
	}
	if dir := expandHome(fallback(h), h); filepath.IsAbs(dir) {
		return dir
	}
	return ""
}

// expandHome replaces ~ or $HOME at the start of path by home.
func expandHome(path, home string) string {
	switch {
	case path == "":
		return ""
	case path[0] == '~':
		return filepath.Join(home, path[1:])
	case strings.HasPrefix(path, "$HOME"):
		return filepath.Join(home, path[5:])
	}
	return path
}
