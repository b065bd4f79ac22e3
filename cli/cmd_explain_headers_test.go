package cli

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/httplens/httplens/explain"
)

func TestExplainHeadersSection(t *testing.T) {
	raw := "HTTP/1.1 201 Created\nLocation: /items/7\nCache-Control: no-cache, max-age=60\nSet-Cookie: sid=1\nX-Custom: y\n\n"
	out, err := runExplainCmd(t, raw, "--method", "PUT", "--url", "http://127.0.0.1/items/7")
	if err != nil {
		t.Fatal(err)
	}
	section := out[strings.Index(out, "\nHEADERS\n"):]
	for _, want := range []string{
		"Location: /items/7", "· URI: http://127.0.0.1/items/7", "with 201",
		"· no-cache: may be stored", "· max-age=60: fresh for 60 s", "! no-cache and max-age contradict",
		"! No Secure", "Unknown field", "RFC 6265 §4.1",
	} {
		if !strings.Contains(section, want) {
			t.Errorf("HEADERS lacks %q:\n%s", want, section)
		}
	}
	if strings.Contains(section, "\n        ·") {
		t.Errorf("bullet repeated on a wrapped line:\n%s", section)
	}
}

func TestExplainJSONHeaders(t *testing.T) {
	out, err := runExplainCmd(t, "HTTP/1.1 200 OK\nVary: Accept, Origin\nETag: v1\n\n", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Response json.RawMessage      `json:"response"`
		Explain  json.RawMessage      `json:"explain"`
		Headers  []explain.HeaderNote `json:"headers"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Response == nil || doc.Explain == nil || len(doc.Headers) != 2 {
		t.Fatalf("doc = %s", out)
	}
	vary, etag := doc.Headers[0], doc.Headers[1]
	if vary.Name != "Vary" || len(vary.Parsed) != 2 || !etag.Known || len(etag.Warnings) != 1 {
		t.Errorf("notes = %+v", doc.Headers)
	}
	if !strings.Contains(out, `"warnings": []`) {
		t.Errorf("empty lists must be [] not null:\n%s", out)
	}
}

// writeSaved writes a saved response with a given modification time.
func writeSaved(t *testing.T, dir, name, raw string, mtime time.Time) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(raw), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, mtime, mtime); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestExplainCompare(t *testing.T) {
	dir := t.TempDir()
	recent := time.Now().Add(-time.Second)
	ok := writeSaved(t, dir, "a.txt", "HTTP/1.1 200 OK\nETag: \"v1\"\nContent-Length: 2\n\nhi", recent)
	notModified := writeSaved(t, dir, "b.txt", "HTTP/1.1 304 Not Modified\nETag: \"v1\"\n\n", recent)
	failed := writeSaved(t, dir, "c.txt", "HTTP/1.1 412 Precondition Failed\nETag: \"v2\"\n\n", recent)
	generated := time.Now().Add(-time.Hour).UTC().Truncate(time.Second)
	fresh := "HTTP/1.1 200 OK\nETag: \"v1\"\nCache-Control: max-age=60\nDate: " + generated.Format(http.TimeFormat) + "\nContent-Length: 2\n\nhi"
	firstSave := writeSaved(t, dir, "first.txt", fresh, generated.Add(time.Second))
	laterSave := writeSaved(t, dir, "later.txt", fresh, generated.Add(5*time.Minute))
	cases := []struct {
		name string
		args []string
		want []string
	}{
		{"200 then 304", []string{ok, notModified}, []string{"A " + ok, "not-modified-match (info): 200 then 304", "BODY\n  not compared: B is a 304", "HEADER CHANGES\n  removed Content-Length: 2 → (absent)"}},
		{"200 then 412", []string{ok, failed, "--method", "PUT"}, []string{"the ETag changed between", `changed ETag: "v1" → "v2"`}},
		{"a fresh response gone stale", []string{firstSave, laterSave}, []string{"became-stale", "Fresh at A, stale at B", "stale by 240 s"}},
		{"same file", []string{ok, ok}, []string{"nothing to explain", "HEADER CHANGES\n  none"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, err := runExplainCmd(t, "", append([]string{"--compare"}, c.args...)...)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range c.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
		})
	}
	t.Run("json", func(t *testing.T) {
		out, err := runExplainCmd(t, "", "--compare", "--json", ok, notModified)
		if err != nil {
			t.Fatal(err)
		}
		var doc struct {
			A, B       jsonResponse
			Comparison explain.Comparison
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.A.Status != 200 || doc.B.Status != 304 || len(doc.Comparison.Causes) == 0 || doc.Comparison.Causes[0].ID != "not-modified-match" {
			t.Errorf("doc = %+v", doc)
		}
	})
}

func TestExplainCompareBadUsage(t *testing.T) {
	dir := t.TempDir()
	good := writeSaved(t, dir, "a.txt", "HTTP/1.1 200 OK\n\n", time.Now())
	bad := writeSaved(t, dir, "bad.txt", "not a response\n", time.Now())
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"one file", []string{"--compare", good}, "needs two files"},
		{"missing file", []string{"--compare", good, filepath.Join(dir, "nope")}, "nope"},
		{"not a response", []string{"--compare", good, bad}, bad + ":"},
		{"with --checks", []string{"--compare", "--checks", good, good}, "do not go together"},
		{"two files without --compare", []string{good, good}, "one FILE at a time"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := cli(t, append([]string{"explain"}, c.args...)...)
			if code != exitUsage || !strings.Contains(stderr, c.want) || strings.Count(stderr, "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want 2 and %q on one line", code, stderr, c.want)
			}
		})
	}
}
