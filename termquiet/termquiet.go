// Package termquiet stops the terminal query that bubbletea v1 makes in its
// package init (tea_init.go: lipgloss.HasDarkBackground), which writes ESC ]11;?
// and ESC [6n to every command's terminal and waits up to 5 s for an answer that
// a terminal may never give. Only the TUI needs the background, and only for the
// auto theme; the cli asks for it itself then (package termbg).
//
// It works by init order: the Go spec initializes packages in import-path order
// among those whose imports are ready, and this module's path sorts before
// github.com/charmbracelet/bubbletea, so this init runs first and tells lipgloss
// the background; bubbletea's query then returns at once. That is why it is a
// module of its own with an odd path, replaced by this folder in go.mod.
// TestNoTerminalQuery (package cli) fails if the order ever changes.
package termquiet

import "github.com/charmbracelet/lipgloss"

func init() {
	// A placeholder until the TUI knows better; nothing renders before then.
	lipgloss.SetHasDarkBackground(true)
}
