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
// 25–40 collections at the runtime's 4 MB minimum and about 5 with a 32 MB
// floor. Counts, not times: the same on any machine.
func TestKeepCollectsLessOften(t *testing.T) {
	if os.Getenv("GOGC") != "" {
		t.Skip("GOGC is set: the runtime's own percent is not 100")
	}
	runtime.GC()
	runtime.GC()
	plain := churn(128 << 20)
	stop := Keep(32 << 20)
	runtime.GC() // a cycle, so the keeper has read the live heap
	kept := churn(128 << 20)
	stop()
	t.Logf("collections for 128 MB of garbage: %d plain, %d with a 32 MB floor", plain, kept)
	if kept*3 > plain {
		t.Errorf("with the floor %d collections, without %d: want under a third", kept, plain)
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

// percentNow is the percent the keeper last set.
func percentNow() int {
	mu.Lock()
	defer mu.Unlock()
	if running == nil {
		return 0
	}
	return running.percent
}

// collectUntil runs collections until the keeper has set want, at most 50:
// the keeper re-tunes on the cleanup goroutine after each one.
func collectUntil(want int) int {
	for range 50 {
		if p := percentNow(); p == want {
			return p
		}
		runtime.GC()
		runtime.Gosched()
	}
	return percentNow()
}

// TestKeepFollowsTheLiveHeap: the percent is tuned again after collections,
// back to the default while the live heap is half the floor or more (a large
// body keeps its usual goal) and up again when it is small once more.
func TestKeepFollowsTheLiveHeap(t *testing.T) {
	if os.Getenv("GOGC") != "" {
		t.Skip("GOGC is set: Keep steps aside")
	}
	runtime.GC()
	stop := Keep(16 << 20)
	defer stop()
	if p := collectUntil(400); p != 400 {
		t.Fatalf("with a small live heap the percent is %d, want 400", p)
	}
	big := make([]byte, 12<<20) // a body held: 12 MB live
	if p := collectUntil(100); p != 100 {
		t.Errorf("with 12 MB live the percent is %d, want 100", p)
	}
	runtime.KeepAlive(big)
	big = nil
	if p := collectUntil(400); p != 400 {
		t.Errorf("after the body went the percent is %d, want 400 again", p)
	}
}
