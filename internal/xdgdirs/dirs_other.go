//go:build !unix

package xdgdirs

import "os"

// Elsewhere (Windows, where httplens does not build today) both are the local
// application data folder, as adrg/xdg had them.
func configDefault(string) string { return os.Getenv("LOCALAPPDATA") }

func stateDefault(string) string { return os.Getenv("LOCALAPPDATA") }
