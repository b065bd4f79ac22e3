package ui

import (
	"testing"
	"unsafe"
)

// TestModelIsSmall keeps the root model small. A key press copies it a dozen
// times or so (value receivers, closures, temporaries), each copy is zeroed
// and moved, and every function that holds one needs a stack frame of its
// size: at 120 KB (five copies of a 20 KB Styles, the root's and each pane's)
// a frame of Update was 380 KB, the goroutines' stacks grew to 1 MB before
// the first frame (each growth a copy, fresh pages faulted in), and a Down
// key's work was mostly memmove (issue 24). Styles is one pointer now; keep
// big values behind pointers. The model is also boxed into a tea.Model on the
// heap once a key, the biggest single piece of a key's garbage: 15 KB, now
// 4.7 KB (what never changes behind pointers: the help model, the dialogs'
// keys, the fields' keys; the open dialog and the Explain viewport copied on
// write).
func TestModelIsSmall(t *testing.T) {
	const limit = 8 << 10
	if n := unsafe.Sizeof(Model{}); n >= limit {
		t.Fatalf("Model is %d bytes, over %d: keep big values (styles, tables, buffers) behind pointers", n, limit)
	}
}
