package scripts

import "testing"

// BenchmarkNewMachine is the cost of a runtime with the sandbox installed, paid once
// per runtime the Engine keeps.
func BenchmarkNewMachine(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := newMachine(DefaultMaxMemory); err != nil {
			b.Fatal(err)
		}
	}
}
