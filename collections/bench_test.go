package collections

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeBenchFolder writes files × perFile requests, each with headers and a body,
// spread over a few group folders.
func writeBenchFolder(tb testing.TB, files, perFile int) string {
	tb.Helper()
	dir := tb.TempDir()
	for i := range files {
		var b strings.Builder
		fmt.Fprintf(&b, "@host = {{demo}}\n@token = {{login%d.response.body.$.token}}\n", i)
		for j := range perFile {
			fmt.Fprintf(&b, "\n### Request %d of file %d\n# @name r%d_%d\n", j, i, i, j)
			fmt.Fprintf(&b, "PUT {{host}}/items/%d\n    ?page=%d\n    &size=20\n", j, j)
			b.WriteString("Content-Type: application/json\n# the current ETag\nIf-Match: \"abc\"\nAuthorization: Bearer {{token}}\n\n")
			fmt.Fprintf(&b, "{\n  \"name\": \"item %d\",\n  \"tags\": [\"a\", \"b\", \"###\"]\n}\n", j)
		}
		path := filepath.Join(dir, fmt.Sprintf("group%d", i%5), fmt.Sprintf("file%02d.http", i))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

// BenchmarkLoadFolder loads a folder of 1,000 requests in 50 files.
func BenchmarkLoadFolder(b *testing.B) {
	dir := writeBenchFolder(b, 50, 20)
	b.ResetTimer()
	for b.Loop() {
		c, err := Load(dir)
		if err != nil || len(c.Errors) > 0 {
			b.Fatal(err, c.Errors)
		}
		if n := len(c.Requests()); n != 1000 {
			b.Fatalf("%d requests", n)
		}
	}
}

// BenchmarkLoadCorpus loads every .http file of the compatibility corpus, one
// Load each as the TUI does when a file is opened, and reports the time per file
// (to compare with a 16 ms frame).
func BenchmarkLoadCorpus(b *testing.B) {
	var paths []string
	filepath.WalkDir(corpusDir, func(p string, _ os.DirEntry, _ error) error {
		if filepath.Ext(p) == ".http" {
			paths = append(paths, p)
		}
		return nil
	})
	b.ResetTimer()
	for b.Loop() {
		for _, p := range paths {
			c, err := Load(p)
			if err != nil || len(c.Errors) > 0 {
				b.Fatal(err, c.Errors)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(paths)), "ns/file")
}
