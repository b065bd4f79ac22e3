// Package heapfloor keeps the garbage collector's heap goal at or above a
// floor while the live heap is small.
//
// Go's collector lets the heap grow to twice its live size before it collects,
// but never less than 4 MB. A TUI session showing a 1 MB body has a live heap of
// about 2 MB, so it collected every ~2 MB of garbage: every ~100 key presses,
// against every ~2,700 with a 50 MB body, and a Down key cost 1.35–1.5 times
// more at 1 MB than at 50 MB (issue 24; GOGC=400, whose 4 MB minimum becomes
// 16 MB, made them the same). Raising GOGC only while the live heap is under
// half the floor keeps a large body's goal as it was: twice its live heap.
package heapfloor

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// TUI is the floor the TUI keeps: the goal of GOGC=400 for a small heap, at
// which a Down key cost the same with a 1 MB body as with a 50 MB one (issue
// 24). A few MB more of a small session's memory; nothing more at 50 MB.
const TUI = 16 << 20

// runtimeMinimum is the runtime's minimum heap goal at GOGC=100; it scales
// with GOGC.
const runtimeMinimum = 4 << 20

// Percent is the GOGC that puts the heap goal of a live heap of live bytes at
// floor, and base once twice the live heap reaches it. The runtime's goal is
// the larger of live×(1+GOGC/100) and 4 MB×GOGC/100, so the percent is never
// above floor/4 MB×100: a higher one would raise the minimum past the floor.
func Percent(live, floor uint64, base int) int {
	if base <= 0 || floor <= runtimeMinimum*uint64(base)/100 {
		return base
	}
	top := int(floor * 100 / runtimeMinimum)
	if live == 0 {
		return top
	}
	if live >= floor {
		return base
	}
	p := int((floor - live) * 100 / live)
	return max(base, min(p, top))
}

var mu sync.Mutex
var running *keeper

// keeper re-tunes after every collection: a cleanup on an object nothing
// holds runs once per cycle and arms the next.
type keeper struct {
	floor   uint64
	percent int
	stopped bool
	sample  []metrics.Sample
}

// sentinel is what the cleanup waits on. Its pointer keeps it out of the tiny
// allocator, whose batches can keep a dead object's cleanup from running.
type sentinel struct {
	_ *byte
	_ [8]byte
}

// Keep holds the heap goal at floor or above until stop is called, which
// puts GOGC back to 100. It does nothing when GOGC is set in the environment
// (the user's choice) or when a floor is already kept.
func Keep(floor uint64) (stop func()) {
	mu.Lock()
	defer mu.Unlock()
	if os.Getenv("GOGC") != "" || running != nil {
		return func() {}
	}
	k := &keeper{floor: floor, percent: 100, sample: []metrics.Sample{{Name: "/gc/heap/live:bytes"}}}
	running = k
	k.tune()
	k.arm()
	return func() {
		mu.Lock()
		defer mu.Unlock()
		if !k.stopped {
			k.stopped = true
			running = nil
			debug.SetGCPercent(100)
		}
	}
}

func (k *keeper) arm() {
	runtime.AddCleanup(&sentinel{}, func(k *keeper) {
		mu.Lock()
		defer mu.Unlock()
		if !k.stopped {
			k.tune()
			k.arm()
		}
	}, k)
}

// tune sets GOGC for the live heap the last collection marked.
func (k *keeper) tune() {
	metrics.Read(k.sample)
	var live uint64
	if k.sample[0].Value.Kind() == metrics.KindUint64 {
		live = k.sample[0].Value.Uint64()
	}
	if p := Percent(live, k.floor, 100); p != k.percent {
		k.percent = p
		debug.SetGCPercent(p)
	}
}
