package explainfold

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/httplens/httplens/explain"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// exchanges are the five the issue names, answered as the demo answers them.
var exchanges = []struct {
	name, method, url string
	req               []explain.Field
	raw               string
}{
	{"put-204", "PUT", "http://127.0.0.1:1/items/1", []explain.Field{{Name: "If-Match", Value: `"a1"`}, {Name: "Content-Type", Value: "application/json"}},
		"HTTP/1.1 204 No Content\r\nEtag: \"b2\"\r\nDate: Wed, 02 Dec 2026 12:00:00 GMT\r\n\r\n"},
	{"delete-204", "DELETE", "http://127.0.0.1:1/items/1", []explain.Field{{Name: "If-Match", Value: `"b2"`}},
		"HTTP/1.1 204 No Content\r\nDate: Wed, 02 Dec 2026 12:00:00 GMT\r\n\r\n"},
	{"get-304", "GET", "http://127.0.0.1:1/items/1", []explain.Field{{Name: "If-None-Match", Value: `"b2"`}},
		"HTTP/1.1 304 Not Modified\r\nEtag: \"b2\"\r\nCache-Control: no-cache\r\nDate: Wed, 02 Dec 2026 12:00:00 GMT\r\n\r\n"},
	{"put-412", "PUT", "http://127.0.0.1:1/items/1", []explain.Field{{Name: "If-Match", Value: `"a1"`}, {Name: "Content-Type", Value: "application/json"}},
		"HTTP/1.1 412 Precondition Failed\r\nEtag: \"b2\"\r\nContent-Type: application/problem+json\r\nContent-Length: 2\r\nDate: Wed, 02 Dec 2026 12:00:00 GMT\r\n\r\n{}"},
	{"delete-428", "DELETE", "http://127.0.0.1:1/strict/items/2", nil,
		"HTTP/1.1 428 Precondition Required\r\nContent-Type: application/problem+json\r\nContent-Length: 2\r\nDate: Wed, 02 Dec 2026 12:00:00 GMT\r\n\r\n{}"},
}

func report(t *testing.T, i int) (explain.Report, string) {
	t.Helper()
	x := exchanges[i]
	resp, err := explain.ReadResponse([]byte(x.raw))
	if err != nil {
		t.Fatal(err)
	}
	return explain.Analyze(explain.Exchange{Request: &explain.Request{Method: x.method, URL: x.url, Fields: x.req}, Response: resp}), resp.Reason
}

func text(ls []Line) string {
	var b strings.Builder
	for _, l := range ls {
		b.WriteString(l.Text + "\n")
	}
	return b.String()
}

// TestGoldens lays out the five exchanges folded at 62 and 100 columns: headlines
// only, nothing past the edge, no header name broken at its hyphen. The goldens
// (testdata/*.golden) are what a reader first sees in the Explain pane.
func TestGoldens(t *testing.T) {
	for i, x := range exchanges {
		r, reason := report(t, i)
		for _, w := range []int{62, 100} {
			d := New(r, reason, []string{"Caching: not stored by any cache."})
			lines := d.Lines(w)
			for _, l := range lines {
				if ansi.StringWidth(l.Text) > w {
					t.Errorf("%s@%d: line past the edge: %q", x.name, w, l.Text)
				}
				if l.Kind == Detail || l.Kind == Refs {
					t.Errorf("%s@%d: detail shown while folded: %q", x.name, w, l.Text)
				}
			}
			path := filepath.Join("testdata", x.name+"-"+itoa(w)+".golden")
			got := text(lines)
			if *update {
				os.WriteFile(path, []byte(got), 0o644)
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from the golden:\n%s", path, got)
			}
			// Opened, every line still fits and no header name breaks.
			d.SetAll(true)
			for _, l := range d.Lines(w) {
				if ansi.StringWidth(l.Text) > w {
					t.Errorf("%s@%d open: line past the edge: %q", x.name, w, l.Text)
				}
				for _, name := range []string{"If-", "Content-", "Cache-", "If-None-"} {
					if strings.HasSuffix(strings.TrimSpace(l.Text), name) {
						t.Errorf("%s@%d open: header name broken: %q", x.name, w, l.Text)
					}
				}
			}
		}
	}
}

func itoa(n int) string {
	if n == 62 {
		return "62"
	}
	return "100"
}

func TestFolding(t *testing.T) {
	r, reason := report(t, 0) // PUT → 204
	d := New(r, reason, nil)
	folded := d.Lines(62)
	if len(folded) > 14 {
		t.Errorf("folded PUT → 204 is %d lines:\n%s", len(folded), text(folded))
	}
	if !strings.HasPrefix(folded[0].Text, "▸ 204 No Content · successful") {
		t.Errorf("first line %q", folded[0].Text)
	}
	d.Toggle(0)
	open := d.Lines(62)
	if !strings.HasPrefix(open[0].Text, "▾ 204") || open[1].Kind != Detail || !strings.Contains(text(open), "RFC 9110 §9.3.4") {
		t.Errorf("the status opened:\n%s", text(open))
	}
	d.SetAll(true)
	if !d.AllOpen() || len(d.Lines(62)) <= len(open) {
		t.Errorf("all open is not longer than one open")
	}
	// A GET's obvious notes sit in the basics group, folded.
	g, reason := report(t, 2)
	gd := New(g, reason, nil)
	last := gd.Items[len(gd.Items)-1]
	if last.Members == nil || !strings.HasPrefix(last.Headline, "Basics (") {
		t.Errorf("last item = %+v", last)
	}
	if strings.Contains(text(gd.Lines(100)), "GET is safe") {
		t.Errorf("the safe-method note shows while folded")
	}
}

func TestWrapKeepsHeaderNames(t *testing.T) {
	got := Wrap("Resend the request with If-None-Match removed and If-Match set", 22, "• ")
	for _, l := range got {
		if ansi.StringWidth(l) > 22 || strings.HasSuffix(l, "-") {
			t.Errorf("bad line %q in %q", l, got)
		}
	}
	if got[0] != "• Resend the request" {
		t.Errorf("first line %q", got[0])
	}
	// A word longer than the line is still cut, never past the edge.
	for _, l := range Wrap(strings.Repeat("x", 30), 10, "") {
		if ansi.StringWidth(l) > 10 {
			t.Errorf("long word past the edge: %q", l)
		}
	}
}
