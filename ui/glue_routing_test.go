package ui

import "github.com/httplens/httplens/ui/layout"

// Short names the root's tests use for what moved out of the root's routing
// files (layout, the action table's data); production code calls the packages.

func layoutFor(mode string, w, h int) layout.Screen { return layout.For(mode, w, h) }
