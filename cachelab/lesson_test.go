package cachelab

import (
	"context"
	"testing"
	"time"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/requests"
)

// TestTourLessonLabels sends the cache lesson of the tour, in order, through a
// private lab in front of the demo API, advancing the clock where the lesson says,
// and checks each label the lesson promises.
func TestTourLessonLabels(t *testing.T) {
	tour, err := collections.Tour()
	if err != nil {
		t.Fatal(err)
	}
	var file *collections.File
	for _, f := range tour.Files {
		if f.Path == "tour/09-cache-lab.http" {
			file = f
		}
	}
	if file == nil {
		t.Fatal("no tour/09-cache-lab.http in the tour")
	}
	r := newRig(t, false)
	rv := &collections.Resolver{Demo: r.base}
	// Per request, in order: a clock step before it, and the labels of sending it
	// once (and twice, where the lesson says to send it again).
	steps := []struct {
		advance time.Duration
		labels  []Label
	}{
		{0, []Label{Invalidated}},             // reset: a 204 to POST invalidates /reset, where nothing is stored
		{0, []Label{Miss}},                    // store max-age
		{10 * time.Second, []Label{FreshHit}}, // hit
		{0, []Label{Miss}},                    // store must-revalidate
		{time.Minute, []Label{Revalidated}},   // to the moment it goes stale: revalidate
		{0, []Label{Miss, Revalidated}},       // no-cache
		{0, []Label{Invalidated}},             // PUT
		{0, []Label{Miss}},                    // vary JSON
		{0, []Label{VaryMiss}},                // vary text
		{0, []Label{Miss, Miss}},              // no-store
		{0, []Label{Miss}},                    // private
		{time.Minute, []Label{OnlyIfCached}},  // only-if-cached after max-age ran out
	}
	if len(file.Requests) != len(steps) {
		t.Fatalf("the lesson has %d requests, the test knows %d", len(file.Requests), len(steps))
	}
	for i, req := range file.Requests {
		res, err := rv.Resolve(&file.Requests[i])
		if err != nil {
			t.Fatalf("%s: %v", req.Title, err)
		}
		send := requests.Request{Method: res.Method, URL: res.URL, Body: res.Body}
		for _, h := range res.Headers {
			send.Headers = append(send.Headers, requests.Header{Name: h.Name, Value: h.Value})
		}
		r.lab.Advance(steps[i].advance)
		for _, want := range steps[i].labels {
			if got := r.lab.Do(context.Background(), send); got.Label != want {
				t.Errorf("%s: label %q, want %q (%v)", req.Title, got.Label, want, got.Why)
			}
		}
	}
	if es := r.lab.Entries(); len(es) != 5 {
		t.Errorf("at the end of the lesson the store holds %d entries, want 5 (max-age, must-revalidate, two vary, private)", len(es))
	}
}
