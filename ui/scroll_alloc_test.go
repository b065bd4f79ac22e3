package ui

import (
	"runtime"
	"testing"
)

// TestDownKeyAllocatesLittle bounds the garbage of a Down key in a large body:
// the root Model's Update (which boxes the model into a tea.Model) and its
// View at 160x45. Garbage is what sets how often a small session collects, and
// a collection costs the same whatever the heap's size: at 85 KB a key, a 1 MB
// body scrolled 1.5–2.5 times slower a key than a 50 MB one (issue 24). It was
// 85 KB; 21 KB after: the model 15 KB → 4.7 KB (pointers to what never
// changes, no escape that moves it to the heap twice), the screen written in
// one buffer, the panes' unchanged parts kept. Bytes, not time: the count is
// the same on any machine.
func TestDownKeyAllocatesLittle(t *testing.T) {
	const limit = 32 << 10
	m := bodyInFocus(t, jsonServer(t)+"/1048576")
	down, up := keyMsg("down"), keyMsg("up")
	for range 100 {
		m, _ = drainOne(m, down)
	}
	const keys = 200
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for i := range keys {
		k := down
		if i%2 == 1 {
			k = up
		}
		next, _ := m.Update(k)
		m = next.(Model)
		_ = m.View()
	}
	runtime.ReadMemStats(&after)
	per := (after.TotalAlloc - before.TotalAlloc) / keys
	t.Logf("%d bytes a key", per)
	if per > limit {
		t.Fatalf("a Down key allocates %d bytes, over %d: see which part of Update or View grew (go test -bench ModelScroll/1MB -memprofile)", per, limit)
	}
}
