//go:build !starttrace

package cli

// startMark records a step of the TUI's start in a build with -tags starttrace
// (starttrace_on.go); here it costs nothing.
func startMark(string) {}
