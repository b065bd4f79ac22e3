package collections

import (
	"slices"
	"testing"
)

func parseT(t *testing.T, src string) *File {
	t.Helper()
	f, err := Parse("c.http", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func idsOf(f *File) []Identity {
	var ids []Identity
	for i := range f.Requests {
		ids = append(ids, IdentityOf(&f.Requests[i]))
	}
	return ids
}

func TestRematch(t *testing.T) {
	const before = "### First\nGET http://127.0.0.1/first\n\n### Second\nGET http://127.0.0.1/second\n"
	tests := []struct {
		name, after string
		want        []int
	}{
		{"unchanged", before, []int{0, 1}},
		{"inserted above", "### New\nGET http://127.0.0.1/new\n\n" + before, []int{1, 2}},
		{"inserted between", "### First\nGET http://127.0.0.1/first\n\n### New\nGET http://127.0.0.1/new\n\n### Second\nGET http://127.0.0.1/second\n", []int{0, 2}},
		{"first deleted", "### Second\nGET http://127.0.0.1/second\n", []int{-1, 0}},
		{"second changed on disk", "### First\nGET http://127.0.0.1/first\n\n### Second\nGET http://127.0.0.1/other\n", []int{0, -1}},
		{"second retitled", "### First\nGET http://127.0.0.1/first\n\n### Zweite\nGET http://127.0.0.1/second\n", []int{0, -1}},
		{"swapped", "### Second\nGET http://127.0.0.1/second\n\n### First\nGET http://127.0.0.1/first\n", []int{1, 0}},
		{"emptied", "", []int{-1, -1}},
	}
	old := parseT(t, before)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Rematch(idsOf(old), parseT(t, tt.after))
			if !slices.Equal(got, tt.want) {
				t.Errorf("Rematch = %v, want %v", got, tt.want)
			}
		})
	}
}

// A name is the identity: the request is found though its URL changed on disk.
func TestRematchByName(t *testing.T) {
	old := parseT(t, "### A\n# @name a\nGET http://127.0.0.1/a\n\n### B\n# @name b\nGET http://127.0.0.1/b\n")
	nf := parseT(t, "### B\n# @name b\nGET http://127.0.0.1/b2\n\n### X\nGET http://127.0.0.1/a\n\n### A\n# @name a\nGET http://127.0.0.1/a\n")
	if got := Rematch(idsOf(old), nf); !slices.Equal(got, []int{2, 0}) {
		t.Errorf("Rematch = %v, want [2 0]", got)
	}
	// A request that lost its name is another request.
	nf = parseT(t, "### A\nGET http://127.0.0.1/a\n")
	if got := Rematch(idsOf(old)[:1], nf); !slices.Equal(got, []int{-1}) {
		t.Errorf("Rematch = %v, want [-1]", got)
	}
}

// Equal requests: each edit keeps its own, the nearest to where it was, and two
// edits never land on one request.
func TestRematchTwins(t *testing.T) {
	const twin = "###\nGET http://127.0.0.1/x\n\n"
	old := parseT(t, twin+twin)
	if got := Rematch(idsOf(old), parseT(t, "### New\nGET http://127.0.0.1/n\n\n"+twin+twin)); !slices.Equal(got, []int{1, 2}) {
		t.Errorf("Rematch = %v, want [1 2]", got)
	}
	if got := Rematch(idsOf(old), parseT(t, twin)); !slices.Equal(got, []int{0, -1}) {
		t.Errorf("one twin deleted: Rematch = %v, want [0 -1]", got)
	}
}

// The hash covers every part a request sends, so a change anywhere is noticed.
func TestIdentityOfParts(t *testing.T) {
	base := parseT(t, "### T\nPOST http://127.0.0.1/x HTTP/1.1\nA: 1\n\nbody\n")
	id := IdentityOf(&base.Requests[0])
	for _, src := range []string{
		"### T\nPUT http://127.0.0.1/x HTTP/1.1\nA: 1\n\nbody\n",
		"### T\nPOST http://127.0.0.1/y HTTP/1.1\nA: 1\n\nbody\n",
		"### T\nPOST http://127.0.0.1/x\nA: 1\n\nbody\n",
		"### T\nPOST http://127.0.0.1/x HTTP/1.1\nA: 2\n\nbody\n",
		"### T\nPOST http://127.0.0.1/x HTTP/1.1\nA: 1\n\nbody2\n",
	} {
		if IdentityOf(&parseT(t, src).Requests[0]).Sum == id.Sum {
			t.Errorf("same hash for a changed request:\n%s", src)
		}
	}
}
