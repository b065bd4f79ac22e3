package labview

import (
	"context"
	"testing"

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
