package loadgen

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"
)

// Every call is made once, from at most conns goroutines at once, and timed.
func TestRunMakesEveryCallConcurrently(t *testing.T) {
	var calls, now, most atomic.Int64
	r, err := Run(200, 8, func() error {
		calls.Add(1)
		n := now.Add(1)
		defer now.Add(-1)
		for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
		}
		time.Sleep(time.Millisecond)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if calls.Load() != 200 || r.N != 200 {
		t.Fatalf("calls %d, N %d, want 200", calls.Load(), r.N)
	}
	if m := most.Load(); m > 8 || m < 2 {
		t.Errorf("at most %d calls at once, want 2..8", m)
	}
	if r.Percentile(0) < time.Millisecond || r.Percentile(0.99) < r.Percentile(0.5) || r.PerSecond() <= 0 {
		t.Errorf("p0 %v, p50 %v, p99 %v, %v/s", r.Percentile(0), r.Percentile(0.5), r.Percentile(0.99), r.PerSecond())
	}
}

// The first error stops the load and is returned.
func TestRunStopsAtTheFirstError(t *testing.T) {
	var calls atomic.Int64
	boom := errors.New("boom")
	r, err := Run(1000, 4, func() error {
		if calls.Add(1) == 10 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err %v", err)
	}
	if c := calls.Load(); c >= 1000 || r.N >= 1000 {
		t.Errorf("%d calls (%d timed) after the error", c, r.N)
	}
}

// Get reads the whole body of a loopback server, and a refused connection is
// its error.
func TestGet(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write(make([]byte, 4096)) }))
	u := srv.URL
	r, err := Run(20, 2, Get(srv.Client(), u))
	if err != nil || r.N != 20 {
		t.Fatalf("N %d, err %v", r.N, err)
	}
	srv.Close()
	if _, err := Run(1, 1, Get(http.DefaultClient, u)); err == nil {
		t.Error("a closed server gave no error")
	}
}

func TestMedianAndSpread(t *testing.T) {
	v := []float64{3, 1, 2, 10}
	if m := Median(v); m != 2.5 {
		t.Errorf("median %v, want 2.5", m)
	}
	if m := Median(v[:3]); m != 2 {
		t.Errorf("median of 3 %v, want 2", m)
	}
	if v[0] != 3 {
		t.Error("Median sorted its argument")
	}
	if s := Spread(v); s != "2.50x (1.00-10.00)" {
		t.Errorf("spread %q", s)
	}
}
