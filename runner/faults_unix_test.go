//go:build unix

package runner

import "syscall"

// minorFaults is the page faults the process has taken that needed no disk.
func minorFaults() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Minflt
}
