//go:build unix

package runner

import (
	"syscall"
	"time"
)

// usage is the page faults the process has taken that needed no disk, and the
// user and system CPU time it has used.
func usage() (faults int64, cpu time.Duration) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, 0
	}
	return ru.Minflt, time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
