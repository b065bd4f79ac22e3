//go:build unix && !darwin

package xdgdirs

import "path/filepath"

func configDefault(home string) string { return filepath.Join(home, ".config") }

func stateDefault(home string) string { return filepath.Join(home, ".local", "state") }
