package labview

import (
	"context"
	"testing"

	"github.com/httplens/httplens/cachelab"
	"github.com/httplens/httplens/requests"
)

func TestCycleOffPrivateSharedOff(t *testing.T) {
	send := func(context.Context, requests.Request) requests.Exchange { return requests.Exchange{} }
	lab := Cycle(nil, send)
	if lab == nil || lab.Shared() {
		t.Fatal("off → private")
	}
	if lab = Cycle(lab, send); lab == nil || !lab.Shared() {
		t.Fatal("private → shared")
	}
	if lab = Cycle(lab, send); lab != nil {
		t.Fatal("shared → off")
	}
	if got := StaleFor(Cycle(nil, send), "GET /"); got != "The cache lab stores nothing yet." {
		t.Errorf("StaleFor on an empty lab: %q", got)
	}
}

func TestToggleSaysWhatTheLabIs(t *testing.T) {
	send := func(context.Context, requests.Request) requests.Exchange { return requests.Exchange{} }
	var says []string
	var lab *cachelab.Lab
	for range 3 {
		var s string
		lab, s = Toggle(lab, send, "ctrl+l", "+")
		says = append(says, s)
	}
	want := []string{
		"Cache lab on: private cache — every send goes through it; ctrl+l shows its contents, + moves its clock 10 s",
		"Cache lab on: shared cache — every send goes through it; ctrl+l shows its contents, + moves its clock 10 s",
		"Cache lab off: requests go straight to the server.",
	}
	for i := range want {
		if says[i] != want[i] {
			t.Errorf("toggle %d: %q, want %q", i+1, says[i], want[i])
		}
	}
	if lab != nil {
		t.Error("the third toggle left the lab on")
	}
}
