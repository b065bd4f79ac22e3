package responsepane

import "testing"

func TestSearchKeysEnabledOnlyWithMatches(t *testing.T) {
	k := testKeys()
	if k.Get(ActionNext).Enabled() || k.Get(ActionEnd).Enabled() {
		t.Fatal("match keys enabled before any search")
	}
	k.setSearching(true)
	if !k.Get(ActionNext).Enabled() || !k.Get(ActionPrev).Enabled() {
		t.Fatal("match keys disabled during a search")
	}
}
