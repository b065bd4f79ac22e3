package collections

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// golden compares got with the file at path, or rewrites it with -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output:\n--- got ---\n%s\n--- want ---\n%s", path, got, want)
	}
}

// parseFile parses a file from testdata, failing the test on error.
func parseFile(t testing.TB, path string) *File {
	t.Helper()
	content, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse(path, content)
	if err != nil {
		t.Fatalf("Parse(%s): %v", path, err)
	}
	return f
}

// dump writes everything Parse found, positions included, for golden files.
func dump(f *File) string {
	var b strings.Builder
	fmt.Fprintf(&b, "file %s newline=%q\n", filepath.Base(f.Path), f.Newline)
	for _, v := range f.Vars {
		fmt.Fprintf(&b, "var %s = %q %s\n", v.Name, v.Value, span(v.Span))
	}
	for _, r := range f.Requests {
		fmt.Fprintf(&b, "\nrequest %d line %d block %s\n", r.Index, r.Line(), span(r.Block))
		fmt.Fprintf(&b, "  title %q %s\n", r.Title, span(r.TitleSpan))
		fmt.Fprintf(&b, "  name %q %s\n", r.Name, span(r.NameSpan))
		fmt.Fprintf(&b, "  method %q %s\n", r.Method, span(r.MethodSpan))
		fmt.Fprintf(&b, "  url %q %s\n", r.URL, span(r.URLSpan))
		fmt.Fprintf(&b, "  version %q %s\n", r.Version, span(r.VersionSpan))
		for i, h := range r.Headers {
			p := r.HeaderPos[i]
			fmt.Fprintf(&b, "  header %q %s = %q %s\n", h.Name, span(p.Name), h.Value, span(p.Value))
		}
		if r.Body == nil {
			fmt.Fprintf(&b, "  no body\n")
		} else {
			fmt.Fprintf(&b, "  body %q %s file=%q\n", r.Body, span(r.BodySpan), r.BodyFile())
		}
		// Only where there are some, so that the goldens of plain files stay as they were.
		for _, s := range r.Scripts {
			fmt.Fprintf(&b, "  script pre=%v line %d file=%q source=%q\n", s.Pre, s.Line, s.File, s.Source)
		}
		for _, d := range r.Directives {
			fmt.Fprintf(&b, "  directive @%s %q line %d\n", d.Name, d.Value, d.Line)
		}
		for _, e := range r.Errors {
			fmt.Fprintf(&b, "  error %d:%d %s\n", e.Pos.Line, e.Pos.Col, e.Msg)
		}
		for _, e := range r.Unsupported {
			fmt.Fprintf(&b, "  unsupported %d:%d %s\n", e.Pos.Line, e.Pos.Col, e.Msg)
		}
	}
	for _, e := range f.Errors {
		fmt.Fprintf(&b, "\nfile error %d:%d %s\n", e.Pos.Line, e.Pos.Col, e.Msg)
	}
	return b.String()
}

func span(s Span) string {
	if s.IsZero() {
		return "-"
	}
	return fmt.Sprintf("%d:%d-%d:%d [%d,%d)", s.Start.Line, s.Start.Col, s.End.Line, s.End.Col, s.Start.Offset, s.End.Offset)
}
