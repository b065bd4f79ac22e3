package responsepane

import "testing"

func TestProgressBar(t *testing.T) {
	cases := []struct {
		name string
		p    Progress
		want string
	}{
		{"known length", Progress{Done: 250, Total: 1000}, "[█████░░░░░░░░░░░░░░░] 250 B of 1.0 KB (25%)"},
		{"unknown length", Progress{Done: 2e6, Total: -1, Rate: 1e6}, "2.0 MB received · 1.0 MB/s"},
		{"nothing yet", Progress{Total: -1}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := progressBar(c.p, 46); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}
