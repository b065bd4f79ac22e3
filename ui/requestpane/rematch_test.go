package requestpane

import (
	"testing"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/ui/keyset"
	"github.com/httplens/httplens/ui/styles"
)

func parseFile(t *testing.T, src string) *collections.File {
	t.Helper()
	f, err := collections.Parse("/c.http", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// editURL gives request i of f an unsaved edit of its URL in p.
func editURL(p *Model, f *collections.File, i int, url string) {
	p.SetRequest(&f.Requests[i])
	p.d.URL = url
	p.commit()
}

// Edits follow their requests to their new positions; an edit whose request is
// gone moves to a "gone:" key, where no request of the file shows it.
func TestRequestPaneRematch(t *testing.T) {
	old := parseFile(t, "### A\nGET http://127.0.0.1/a\n\n### B\nGET http://127.0.0.1/b\n\n### C\nGET http://127.0.0.1/c\n")
	p := New(styles.New(), keyset.Set{})
	editURL(&p, old, 1, "http://127.0.0.1/b-edited")
	editURL(&p, old, 2, "http://127.0.0.1/c-edited")
	// On disk: a request above, and C deleted.
	nf := parseFile(t, "### New\nGET http://127.0.0.1/n\n\n### A\nGET http://127.0.0.1/a\n\n### B\nGET http://127.0.0.1/b\n")
	moved, gone := p.Rematch(old, nf)
	if moved["r:/c.http#1"] != "r:/c.http#2" || len(moved) != 1 {
		t.Errorf("moved = %v", moved)
	}
	if len(gone) != 1 || gone[0] != GoneKey+"r:/c.http#2" {
		t.Errorf("gone = %v", gone)
	}
	if d, ok := p.Draft("r:/c.http#2"); !ok || d.URL != "http://127.0.0.1/b-edited" {
		t.Errorf("B's edit is not at B's new key: %+v %v", d, ok)
	}
	for _, k := range []string{"r:/c.http#0", "r:/c.http#1"} {
		if _, ok := p.Draft(k); ok {
			t.Errorf("an edit shows on %s, which nobody edited", k)
		}
	}
	if d, ok := p.Draft(gone[0]); !ok || d.URL != "http://127.0.0.1/c-edited" || p.Orig(gone[0]).Title != "C" {
		t.Errorf("C's edit is lost: %+v %v", d, ok)
	}
	if len(p.DirtyKeys()) != 2 {
		t.Errorf("dirty keys %v: both edits still count as unsaved", p.DirtyKeys())
	}
}
