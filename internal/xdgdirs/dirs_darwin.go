package xdgdirs

import "path/filepath"

func configDefault(home string) string { return filepath.Join(home, "Library", "Application Support") }

func stateDefault(home string) string { return filepath.Join(home, "Library", "Application Support") }
