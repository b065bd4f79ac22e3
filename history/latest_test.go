package history

import (
	"context"
	"testing"
)

// The OPTIONS preflight P stores under a PUT is not the PUT's answer; for an
// OPTIONS request its own OPTIONS exchanges are.
func TestLatestOfLeavesOutPreflights(t *testing.T) {
	s := tempStore(t, Options{})
	ctx := context.Background()
	put := sample("a.http", "write")
	put.Request.Method = "PUT"
	preflight := sample("a.http", "write")
	preflight.Request.Method = "OPTIONS"
	ask := sample("a.http", "ask")
	ask.Request.Method = "OPTIONS"
	var ids []int64
	for _, e := range []Entry{put, preflight, ask} {
		id, err := s.Add(ctx, e)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if got, ok, err := s.LatestOf(ctx, "a.http", "write", "PUT"); err != nil || !ok || got.ID != ids[0] {
		t.Errorf("the PUT's answer: #%d %v %v, want #%d", got.ID, ok, err, ids[0])
	}
	if got, ok, err := s.LatestOf(ctx, "a.http", "ask", "options"); err != nil || !ok || got.ID != ids[2] {
		t.Errorf("the OPTIONS request's answer: #%d %v %v, want #%d", got.ID, ok, err, ids[2])
	}
	if _, ok, err := s.LatestOf(ctx, "a.http", "ask", "GET"); ok || err != nil {
		t.Errorf("a GET only preflighted has an answer: %v %v", ok, err)
	}
	if got, _, _ := s.Latest(ctx, "a.http", "write"); got.ID != ids[1] {
		t.Errorf("Latest: #%d, want the newest of any method #%d", got.ID, ids[1])
	}
}
