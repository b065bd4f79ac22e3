// Package uimsg holds the messages the TUI's panes and overlays hand up to the
// root model. It is a leaf so that no package under ui imports the root: a
// component returns one of these from its Update and the root acts on it in the
// same update, so a key and its effect land in one frame.
package uimsg

import "github.com/httplens/httplens/settings"

// Close asks the root to close the open overlay.
type Close struct{}

// RunAction asks a pane to run one of its actions: the palette's way of running
// a pane action, the same code its key runs.
type RunAction struct{ ID settings.Action }
