package history

import (
	"context"
	"math/rand/v2"
	"reflect"
	"testing"
)

func addN(t *testing.T, s *Store, file, name string, n int) []int64 {
	t.Helper()
	var ids []int64
	for range n {
		id, err := s.Add(context.Background(), sample(file, name))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	return ids
}

func listIDs(t *testing.T, s *Store, f Filter) []int64 {
	t.Helper()
	rows, err := s.List(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, r := range rows {
		ids = append(ids, r.ID)
	}
	return ids
}

// checkTotal verifies the trigger-kept byte total against the rows themselves, and
// that deleting an exchange deleted its details.
func checkTotal(t *testing.T, s *Store) int64 {
	t.Helper()
	var sum int64
	if err := s.db.QueryRow(`SELECT COALESCE(SUM(size), 0) FROM exchanges`).Scan(&sum); err != nil {
		t.Fatal(err)
	}
	var orphans int
	if err := s.db.QueryRow(`SELECT COUNT(*) FROM details WHERE id NOT IN (SELECT id FROM exchanges)`).Scan(&orphans); err != nil || orphans != 0 {
		t.Fatalf("%d details left without their exchange (%v)", orphans, err)
	}
	_, total, err := s.Size(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if total != sum {
		t.Fatalf("kept total %d, rows sum to %d", total, sum)
	}
	return total
}

func TestKeepPerRequest(t *testing.T) {
	cases := []struct {
		name  string
		keep  int
		added int
		kept  int
	}{
		{"fewer than the limit", 3, 2, 2},
		{"exactly the limit", 3, 3, 3},
		{"past the limit keeps the newest", 3, 7, 3},
		{"negative means unlimited", -1, 7, 7},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := tempStore(t, Options{KeepPerRequest: c.keep})
			a := addN(t, s, "a.http", "one", c.added)
			b := addN(t, s, "a.http", "two", 2)
			got := listIDs(t, s, Filter{File: "a.http", Name: "one"})
			var want []int64
			for i := len(a) - 1; i >= len(a)-c.kept; i-- {
				want = append(want, a[i])
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("kept %v, want %v", got, want)
			}
			if got := listIDs(t, s, Filter{File: "a.http", Name: "two"}); !reflect.DeepEqual(got, []int64{b[1], b[0]}) {
				t.Fatalf("another request lost exchanges: %v", got)
			}
			checkTotal(t, s)
		})
	}
}

func TestDefaultKeepsFifty(t *testing.T) {
	s := tempStore(t, Options{})
	ids := addN(t, s, "a.http", "one", DefaultKeepPerRequest+5)
	got := listIDs(t, s, Filter{})
	if len(got) != DefaultKeepPerRequest || got[len(got)-1] != ids[5] {
		t.Fatalf("kept %d, oldest #%d; want %d, oldest #%d", len(got), got[len(got)-1], DefaultKeepPerRequest, ids[5])
	}
}

func TestMaxBytes(t *testing.T) {
	probe := tempStore(t, Options{})
	addN(t, probe, "x", "y", 1)
	one := checkTotal(t, probe) // the size of one sample exchange

	cases := []struct {
		name     string
		maxBytes int64
		added    int
		kept     int
	}{
		{"under the cap", 10 * one, 5, 5},
		{"room for exactly three", 3 * one, 6, 3},
		{"room for two and a half", 2*one + one/2, 6, 2},
		{"smaller than one exchange keeps the newest", one / 2, 4, 1},
		{"negative means no cap", -1, 6, 6},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := tempStore(t, Options{MaxBytes: c.maxBytes, KeepPerRequest: -1})
			ids := addN(t, s, "a.http", "one", c.added)
			got := listIDs(t, s, Filter{})
			if len(got) != c.kept || got[0] != ids[len(ids)-1] {
				t.Fatalf("kept %v of %v, want the newest %d", got, ids, c.kept)
			}
			if total := checkTotal(t, s); c.maxBytes > 0 && c.kept > 1 && total > c.maxBytes {
				t.Fatalf("total %d over the cap %d", total, c.maxBytes)
			}
		})
	}
}

func TestPruneAppliesSmallerLimits(t *testing.T) {
	path := t.TempDir() + "/h.db"
	s := openStore(t, path, Options{})
	big := sample("a.http", "big")
	// Incompressible, so that it costs its 64 KiB however it is stored.
	big.Response.Body = noise(64 << 10)
	for range 4 {
		if _, err := s.Add(context.Background(), big); err != nil {
			t.Fatal(err)
		}
	}
	one := addN(t, s, "a.http", "one", 5)
	two := addN(t, s, "b.http", "two", 1)
	s.Close()

	s = openStore(t, path, Options{KeepPerRequest: 2, MaxBytes: 60 << 10})
	if err := s.Prune(context.Background()); err != nil {
		t.Fatal(err)
	}
	// Per request: big keeps 2, one keeps 2, two keeps 1; then the size cap drops
	// the oldest, which are the two big ones: neither fits in 60 KiB.
	want := []int64{two[0], one[4], one[3]}
	if got := listIDs(t, s, Filter{}); !reflect.DeepEqual(got, want) {
		t.Fatalf("after Prune: %v, want %v", got, want)
	}
	checkTotal(t, s)
}

// noise returns n bytes that do not compress, the same on every run.
func noise(n int) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}
