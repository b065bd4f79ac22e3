// Package loadgen sends a fixed number of requests from a fixed number of
// concurrent workers and measures them: what the proxy's benchmarks compare,
// direct against proxied (throughput and p99, issue 23).
package loadgen

import (
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// Result is one load's measure.
type Result struct {
	N       int           // calls made
	Elapsed time.Duration // from the first call to the last return
	lat     []time.Duration
}

// Run calls do n times from conns goroutines at once, timing each call. The
// first error stops the workers (calls under way finish) and is returned.
func Run(n, conns int, do func() error) (Result, error) {
	work := make(chan struct{}, n)
	for range n {
		work <- struct{}{}
	}
	close(work)
	var (
		mu    sync.Mutex
		lat   = make([]time.Duration, 0, n)
		wg    sync.WaitGroup
		first atomic.Pointer[error]
	)
	start := time.Now()
	for range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			for range work {
				if first.Load() != nil {
					break
				}
				t := time.Now()
				if err := do(); err != nil {
					first.CompareAndSwap(nil, &err)
					break
				}
				mine = append(mine, time.Since(t))
			}
			mu.Lock()
			lat = append(lat, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	r := Result{N: len(lat), Elapsed: time.Since(start), lat: lat}
	slices.Sort(r.lat)
	if err := first.Load(); err != nil {
		return r, *err
	}
	return r, nil
}

// PerSecond is the calls made per second.
func (r Result) PerSecond() float64 { return float64(r.N) / r.Elapsed.Seconds() }

// Percentile is the latency under which fraction q (0 to 1) of the calls
// returned; 0 when none was made.
func (r Result) Percentile(q float64) time.Duration {
	if len(r.lat) == 0 {
		return 0
	}
	return r.lat[min(int(float64(len(r.lat))*q), len(r.lat)-1)]
}

// P99Millis is the 99th percentile latency in milliseconds.
func (r Result) P99Millis() float64 {
	return float64(r.Percentile(0.99).Microseconds()) / 1000
}

// Get is a call that fetches u with c and reads the whole body.
func Get(c *http.Client, u string) func() error {
	return func() error {
		resp, err := c.Get(u)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		_, err = io.Copy(io.Discard, resp.Body)
		return err
	}
}

// Median is the median of v (the mean of the middle two for an even count); v is
// not changed.
func Median(v []float64) float64 {
	s := slices.Sorted(slices.Values(v))
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// Spread is the median and range of ratios, as the benchmarks print them:
// "1.52x (1.40-1.71)".
func Spread(v []float64) string {
	return fmt.Sprintf("%.2fx (%.2f-%.2f)", Median(v), slices.Min(v), slices.Max(v))
}
