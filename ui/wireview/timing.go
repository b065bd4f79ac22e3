package wireview

import (
	"fmt"
	"strings"
	"time"

	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/ui/styles"
)

// NotHappened stands for the duration of a phase that did not take place (no DNS
// for an IP address, no TLS for http, no connect on a reused connection): it took
// no time because there was nothing to do, which "0 µs" would hide.
const NotHappened = "—"

// Timing draws the phases of t (Timing.List) as a waterfall w cells wide: one row
// per phase, its bar starting where the one before ended, then the total. A phase
// that did not happen has no bar and NotHappened for its duration.
//
// The history does not store which phases happened: for a timing that does not
// say (Happened empty), a phase with a duration happened.
func Timing(t requests.Timing, w int, st styles.Styles) []string {
	rows := t.List()
	if t.Happened == 0 {
		for i := range rows {
			rows[i].Happened = rows[i].Duration != 0
		}
	}
	total := t.Total
	sum := time.Duration(0)
	for _, p := range rows {
		sum += p.Duration
	}
	total = max(total, sum) // the HTTP/2 path's phases may overlap past Total
	label := len("Request sent") + 2
	const value = 10
	barW := max(w-label-value-2, 1)
	lines := []string{""}
	at := time.Duration(0)
	for _, p := range rows {
		if !p.Happened {
			lines = append(lines, fmt.Sprintf("%-*s%s  %*s", label, p.Name, strings.Repeat(" ", barW), value, NotHappened))
			continue
		}
		start, n := 0, 0
		if total > 0 {
			start = int(int64(barW) * int64(at) / int64(total))
			n = int(int64(barW) * int64(p.Duration) / int64(total))
		}
		if p.Duration > 0 {
			n = max(n, 1)
		}
		n = min(n, barW)
		start = max(min(start, barW-n), 0)
		bar := strings.Repeat(" ", start) + st.SeverityInfo.Render(strings.Repeat("█", n)) + strings.Repeat(" ", max(barW-start-n, 0))
		lines = append(lines, fmt.Sprintf("%-*s%s  %*s", label, p.Name, bar, value, Duration(p.Duration)))
		at += p.Duration
	}
	return append(lines, "", fmt.Sprintf("%-*s%*s  %*s", label, "Total", barW, "", value, Duration(t.Total)))
}
