package heapfloor

import (
	"os"
	"runtime"
	"runtime/debug"
	"testing"
)

func TestPercent(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct {
		live, floor uint64
		base, want  int
	}{
		{0, 16 * mb, 100, 400},       // no collection yet: the floor as the runtime's minimum
		{2 * mb, 16 * mb, 100, 400},  // capped: 700 would raise the minimum to 28 MB
		{5 * mb, 16 * mb, 100, 220},  // 5 MB × 3.2 = 16 MB
		{8 * mb, 16 * mb, 100, 100},  // twice the live heap is the floor
		{60 * mb, 16 * mb, 100, 100}, // a 50 MB body: the default goal
		{2 * mb, 4 * mb, 100, 100},   // a floor at the runtime's minimum changes nothing
		{2 * mb, 16 * mb, -1, -1},    // GC off stays off
	} {
		if got := Percent(c.live, c.floor, c.base); got != c.want {
			t.Errorf("Percent(%d MB, %d MB, %d) = %d, want %d", c.live/mb, c.floor/mb, c.base, got, c.want)
		}
	}
}

// churn allocates n bytes of garbage in 16 KB pieces (a key press's worth),
// with a small live heap, and returns the collections it caused.
func churn(n int) uint32 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	var keep []byte
	for range n / (16 << 10) {
		keep = make([]byte, 16<<10)
		keep[0] = 1
	}
	runtime.KeepAlive(keep)
	runtime.ReadMemStats(&after)
	return after.NumGC - before.NumGC
}

// TestKeepCollectsLessOften: with a small live heap, 128 MB of garbage is
// ~60 collections at the runtime's 4 MB minimum and under 10 with a 16 MB
// floor. Counts, not times: the same on any machine.
func TestKeepCollectsLessOften(t *testing.T) {
	if os.Getenv("GOGC") != "" {
		t.Skip("GOGC is set: the runtime's own percent is not 100")
	}
	runtime.GC()
	plain := churn(128 << 20)
	stop := Keep(16 << 20)
	runtime.GC() // a cycle, so the keeper has read the live heap
	kept := churn(128 << 20)
	stop()
	after := churn(128 << 20)
	t.Logf("collections for 128 MB of garbage: %d plain, %d with a 16 MB floor, %d after stop", plain, kept, after)
	if kept*3 > plain {
		t.Errorf("with the floor %d collections, without %d: want under a third", kept, plain)
	}
	if after*3 <= plain {
		t.Errorf("after stop %d collections, want about %d as before", after, plain)
	}
	if p := debug.SetGCPercent(100); p != 100 {
		t.Errorf("GOGC after stop = %d, want 100", p)
	}
}

// TestKeepRespectsGOGC: a GOGC the user set is left alone.
func TestKeepRespectsGOGC(t *testing.T) {
	t.Setenv("GOGC", "100")
	stop := Keep(64 << 20)
	defer stop()
	if p := debug.SetGCPercent(100); p != 100 {
		t.Errorf("GOGC = %d with GOGC set in the environment, want it untouched", p)
	}
}
