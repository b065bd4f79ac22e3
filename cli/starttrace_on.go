//go:build starttrace

package cli

import (
	"fmt"
	"os"
	"time"
)

// A build with -tags starttrace records when runTUI reaches each step of its
// start, in ms since the cli package's initialisation (after every dependency's):
// a line "PID STEP MS" per step, appended at once to $HTTPLENS_STARTTRACE (the
// benchmark kills the process as soon as its frame shows).
// bench/tui_first_frame.sh with TRACE=1 summarises them.
var (
	traceT0   = time.Now()
	traceFile = openTrace()
)

func openTrace() *os.File {
	path := os.Getenv("HTTPLENS_STARTTRACE")
	if path == "" {
		return nil
	}
	f, _ := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	return f
}

func startMark(step string) {
	if traceFile != nil {
		fmt.Fprintf(traceFile, "%d %s %.2f\n", os.Getpid(), step, float64(time.Since(traceT0).Microseconds())/1000)
	}
}
