package requestpane

import (
	"strings"
	"testing"
)

func TestQueryRoundTrip(t *testing.T) {
	for _, u := range []string{"http://h/p", "http://h/p?a=1&b=&c", "{{host}}/x?q={{term}}&n=2#frag", "http://h/?"} {
		t.Run(u, func(t *testing.T) {
			base, ps, frag := splitQuery(u)
			got := joinQuery(base, ps, frag)
			if strings.TrimSuffix(u, "?") != got {
				t.Errorf("round trip gave %q", got)
			}
		})
	}
}
