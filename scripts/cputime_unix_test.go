//go:build unix

package scripts

import (
	"syscall"
	"time"
)

// processCPU is the user and system CPU time the test process has used, for
// benchmarks on a shared machine: unlike wall time it does not grow while other
// processes hold the CPU. 0 when the system does not say.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
