package responsepane

import (
	"fmt"
	"strings"

	"github.com/httplens/httplens/ui/uikit"
)

// Progress is how much of a body has arrived.
type Progress struct {
	Done, Total int64   // Total is -1 when the server did not say
	Rate        float64 // bytes a second since the body began
}

// SetProgress shows how much of the body has arrived while sending.
func (m *Model) SetProgress(p Progress) { m.progress = p }

// progressBar draws p in w cells: a bar and "3.1 MB of 50.0 MB" when the length
// is known, else the bytes so far and the rate.
func progressBar(p Progress, w int) string {
	if p.Done == 0 && p.Total <= 0 {
		return ""
	}
	if p.Total <= 0 {
		return fmt.Sprintf("%s received · %s/s", uikit.Bytes(p.Done), uikit.Bytes(int64(p.Rate)))
	}
	label := fmt.Sprintf(" %s of %s (%d%%)", uikit.Bytes(p.Done), uikit.Bytes(p.Total), 100*p.Done/p.Total)
	barW := max(w-len(label)-4, 10)
	fill := int(int64(barW) * min(p.Done, p.Total) / p.Total)
	return "[" + strings.Repeat("█", fill) + strings.Repeat("░", barW-fill) + "]" + label
}
