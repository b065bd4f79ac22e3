package curl

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse checks that Parse never panics, that an error is one clear line (a
// *SyntaxError with a position, ErrNotCurl, or a "curl command:" message), and
// that whatever it parses Format can write, or refuses with an error.
// Seeds: testdata/fuzz/FuzzParse plus the browser commands in testdata.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.txt")
	for _, path := range seeds {
		if b, err := os.ReadFile(path); err == nil {
			f.Add(string(b))
		}
	}
	f.Fuzz(func(t *testing.T, command string) {
		r, _, err := Parse(command)
		if err != nil {
			var se *SyntaxError
			msg := err.Error()
			switch {
			case errors.As(err, &se):
				if se.Line < 1 || se.Col < 1 {
					t.Fatalf("syntax error without a position: %v", err)
				}
			case errors.Is(err, ErrNotCurl), strings.HasPrefix(msg, "curl command: "):
			default:
				t.Fatalf("unclear error: %v", err)
			}
			if strings.Contains(msg, "\n") {
				t.Fatalf("error is more than one line: %q", msg)
			}
			return
		}
		if r.URL == "" || r.Method == "" {
			t.Fatalf("parsed request without URL or method: %+v", r)
		}
		if _, err := Format(r); err != nil && !strings.Contains(err.Error(), "cannot pass safely") {
			t.Fatalf("Format: %v", err)
		}
	})
}
