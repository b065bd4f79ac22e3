package scripts

// slab hands runs the arrays of their outcome's lists (tests, log lines) out of
// one allocation shared by many runs: a small handler's run made two allocations
// for them alone (of ~27). A run appends to the room it is given (an append past
// it allocates as usual) and keep takes back what it used, capped, so that a
// holder's append copies rather than writes into the next run's part. The array
// lives while any outcome made from it does, and keeps the strings of up to
// slabSize entries alive as long as it is the slab's.
type slab[T any] struct{ buf []T }

const (
	slabSize = 32
	// slabMin is the room below which a run gets a new slab rather than the
	// rest of the old one, which its appends would likely outgrow.
	slabMin = 4
)

// room returns an empty list backed by the slab's free part.
func (s *slab[T]) room() []T {
	if cap(s.buf)-len(s.buf) < slabMin {
		s.buf = make([]T, 0, slabSize)
	}
	return s.buf[len(s.buf):len(s.buf):cap(s.buf)]
}

// keep returns list, filled from room, as an outcome holds it: nil when empty,
// else capped at its length; the slab moves past the part it used.
func (s *slab[T]) keep(list []T) []T {
	if len(list) == 0 {
		return nil
	}
	if free := s.buf[len(s.buf):cap(s.buf)]; len(free) > 0 && &list[0] == &free[0] {
		s.buf = s.buf[:len(s.buf)+len(list)]
	}
	return list[:len(list):len(list)]
}
