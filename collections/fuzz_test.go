package collections

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse checks that Parse never panics, that its errors carry a position, and
// that what it parses writes back: unchanged gives the same bytes, a formatted
// request reads back the same, and an edited request can be saved.
// Seeds: testdata/fuzz/FuzzParse plus the .http files in testdata.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*/*.http")
	for _, path := range seeds {
		if content, err := os.ReadFile(path); err == nil {
			f.Add(content)
		}
	}
	f.Fuzz(func(t *testing.T, content []byte) {
		file, err := Parse("fuzz.http", content)
		if err != nil {
			var perr *Error
			if !errors.As(err, &perr) || perr.Pos.Line < 1 || perr.Pos.Col < 1 {
				t.Fatalf("error without a position: %v", err)
			}
			return
		}
		for i, r := range file.Requests {
			if err := validate(&r); err != nil {
				t.Fatalf("request %d parses but cannot be written: %v", i, err)
			}
			out, err := file.Replace(i, r)
			if err != nil || !bytes.Equal(out, content) {
				t.Fatalf("request %d: unchanged write-back differs (%v):\n%q\n%q", i, err, content, out)
			}
			block := Format(r, file.Newline)
			back, err := Parse("fuzz.http", block)
			if err != nil || len(back.Requests) != 1 || !same(&back.Requests[0], &r) {
				t.Fatalf("request %d: formatted block %q does not read back (%v)", i, block, err)
			}
			edited := r
			edited.URL = "/edited"
			edited.Headers = append([]Header{{"X-Fuzz", "1"}}, r.Headers...)
			if _, err := file.Replace(i, edited); err != nil {
				t.Fatalf("request %d: edit refused: %v", i, err)
			}
			rv := &Resolver{Demo: "http://127.0.0.1:1", ReadFile: func(string) ([]byte, error) { return nil, nil }}
			rv.Resolve(&file.Requests[i]) // must not panic; errors are expected
			Dependencies(&file.Requests[i])
		}
	})
}
