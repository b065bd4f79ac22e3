package checks

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

var keys = Keys{Check: "C", Preflight: "P", Answers: "K"}

// An answer opens over the panes only for the request shown; for another one
// the status line names it and K; either way it is kept for its request.
func TestArrivedOpensOnlyForTheRequestShown(t *testing.T) {
	s := NewAnswers()
	a := Answer{Kind: Checks, Request: "GET First", Title: "Live checks of GET /1", Lines: []string{"[pass]"}, Summary: "1 passed",
		At: time.Date(2026, 12, 2, 12, 0, 3, 0, time.UTC)}
	o := s.Checked(CheckDone{Key: "first", Answer: a}, "checks of GET First", "second", keys)
	if o.Open || o.Status != "Live checks (C) of GET First · 12:00:03 done (1 passed): select it and press K to see them." {
		t.Errorf("answer for a request not shown: %+v", o)
	}
	if !s.Has("first") || s.Has("second") {
		t.Error("the answer is not kept for its own request only")
	}
	a.Kind = Preflight
	o = s.Preflighted(PreflightDone{Key: "first", Answer: a}, "first", keys)
	if !o.Open || o.Title != a.Title || o.Status != "CORS preflight: 1 passed" || len(o.Lines) != 1 {
		t.Errorf("answer for the request shown: %+v", o)
	}
}

func TestCheckedWithoutAnswer(t *testing.T) {
	s := NewAnswers()
	for _, tt := range []struct {
		msg  CheckDone
		want string
		err  bool
	}{
		{CheckDone{Key: "a", Cancelled: true}, "Cancelled: checks of GET A", false},
		{CheckDone{Key: "a", Err: fmt.Errorf("send: %w", context.Canceled)}, "Cancelled: checks of GET A", false},
		{CheckDone{Key: "a", Err: errors.New("no such host")}, "Cannot run the checks: no such host", true},
	} {
		if o := s.Checked(tt.msg, "checks of GET A", "a", keys); o.Status != tt.want || o.IsErr != tt.err || o.Open {
			t.Errorf("%+v: %+v", tt.msg, o)
		}
	}
	if o := s.Preflighted(PreflightDone{Key: "a", Err: errors.New("bad URL")}, "a", keys); !o.IsErr || o.Open {
		t.Errorf("preflight error: %+v", o)
	}
	if s.Has("a") {
		t.Error("a run without an answer was kept")
	}
}

// K shows the request's own answers, or says which keys would make some; the
// name is sanitised.
func TestShow(t *testing.T) {
	s := NewAnswers()
	if o := s.Show("a", "GET", "A\x1b[2J", keys); o.Open || o.Status != "No live checks or preflight for A␛[2J in this session: C runs the checks, P the preflight." {
		t.Errorf("K without answers: %+v", o)
	}
	s.Keep("a", Answer{Kind: Checks, Request: "GET A", Title: "Live checks of GET /a", Lines: []string{"x"}})
	if o := s.Show("a", "GET", "A", keys); !o.Open || o.Title != "Checks and preflight of GET A" || !strings.Contains(strings.Join(o.Lines, "\n"), "Live checks of GET /a") {
		t.Errorf("K with answers: %+v", o)
	}
}
