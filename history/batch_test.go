package history

import (
	"context"
	"reflect"
	"testing"
)

// AddAll stores a batch in order, as many Adds would, and applies retention to
// it: of a request past KeepPerRequest only its newest are left, the other
// requests' entries untouched, and the byte total still matches the rows.
func TestAddAll(t *testing.T) {
	s := tempStore(t, Options{KeepPerRequest: 2})
	before := addN(t, s, "proxy", "GET /a", 1)
	batch := []Entry{sample("proxy", "GET /a"), sample("proxy", "GET /b"), sample("proxy", "GET /a"), sample("proxy", "GET /b")}
	ids, err := s.AddAll(context.Background(), batch)
	if err != nil || len(ids) != len(batch) {
		t.Fatalf("ids %v, %v", ids, err)
	}
	for i := 1; i < len(ids); i++ {
		if ids[i] <= ids[i-1] || ids[0] <= before[0] {
			t.Fatalf("ids not in order: %v after %v", ids, before)
		}
	}
	if got, want := listIDs(t, s, Filter{File: "proxy", Name: "GET /a"}), []int64{ids[2], ids[0]}; !reflect.DeepEqual(got, want) {
		t.Errorf("GET /a keeps %v, want %v", got, want)
	}
	if got, want := listIDs(t, s, Filter{File: "proxy", Name: "GET /b"}), []int64{ids[3], ids[1]}; !reflect.DeepEqual(got, want) {
		t.Errorf("GET /b keeps %v, want %v", got, want)
	}
	e, err := s.Get(context.Background(), ids[3])
	if err != nil || e.Name != "GET /b" {
		t.Errorf("Get(%d): %+v, %v", ids[3], e.Name, err)
	}
	checkTotal(t, s)
}
