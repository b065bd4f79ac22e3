package history

import (
	"context"
	"testing"
)

// TestForget: starting the tour over forgets the tour's exchanges only.
func TestForget(t *testing.T) {
	s := tempStore(t, Options{})
	ctx := context.Background()
	for _, e := range []Entry{sample("tour/01-etags.http", "readItem"), sample("tour/04-teach.http", "readPencil"),
		sample("/home/me/api.http", "readItem"), sample("tour_notes/x.http", "a"), sample("tour%/y.http", "b")} {
		if _, err := s.Add(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	n, err := s.Forget(ctx, "tour/")
	if err != nil || n != 2 {
		t.Fatalf("Forget = %d, %v; want 2", n, err)
	}
	rows, err := s.List(ctx, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, r := range rows {
		files = append(files, r.File)
	}
	if len(rows) != 3 {
		t.Errorf("left %v, want the three outside tour/", files)
	}
	if n, _ := s.Forget(ctx, ""); n != 0 {
		t.Errorf("an empty prefix deleted %d", n)
	}
}
