package ui

import (
	"testing"
	"unsafe"
)

// TestModelFitsOnTheStack keeps the root model under the Go compiler's limit
// for a variable on the stack (128 KiB, ir.MaxStackVarSize). Past it, every copy
// of the model that a key press makes — each value-receiver call through a
// function value, each temporary — becomes a heap allocation of the whole
// model, and the garbage collector's work grows with the body held (issue 24:
// a Down key was 3 ms, most of it allocating and collecting 130 KiB copies).
// The model holds five copies of Styles (its own and each pane's): a field added
// to Styles counts five times.
func TestModelFitsOnTheStack(t *testing.T) {
	const limit = 128 << 10
	if n := unsafe.Sizeof(Model{}); n >= limit {
		t.Fatalf("Model is %d bytes, over the %d the compiler keeps on the stack: keep big values behind pointers", n, limit)
	}
}
