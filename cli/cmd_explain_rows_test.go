package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
)

// rowsHAR is a HAR whose URLs are long, wide (CJK, two cells a character) or
// hold a control byte, beside a short one; each entry's cache verdict is known.
func rowsHAR(t *testing.T) (path string, urls []string) {
	urls = []string{
		"https://static.assets.example/build/2026-12-01/chunks/vendor.3f9a8c1d2e.min.js?v=1234567890&locale=en-GB",
		"https://shop.example/",
		"https://shop.example/商品/カテゴリー/とても長い名前の商品ページ",
		"https://shop.example/evil\u001b[31mred",
	}
	var entries []string
	for i, u := range urls {
		cc := "max-age=600"
		if i%2 == 1 {
			cc = "no-store"
		}
		entries = append(entries, fmt.Sprintf(`{"startedDateTime":"2026-12-01T11:00:0%d.000+01:00",
 "request":{"method":"GET","url":%s,"httpVersion":"HTTP/1.1","headers":[],"cookies":[],"queryString":[],"headersSize":-1,"bodySize":0},
 "response":{"status":200,"statusText":"OK","httpVersion":"HTTP/1.1",
  "headers":[{"name":"Cache-Control","value":"%s"},{"name":"Date","value":"Tue, 01 Dec 2026 10:00:00 GMT"}],
  "cookies":[],"content":{"mimeType":"text/plain","size":2,"text":"ok"},"redirectURL":"","headersSize":-1,"bodySize":2},
 "cache":{},"timings":{"send":0,"wait":1,"receive":0},"time":1}`, i, jsonString(u), cc))
	}
	doc := `{"log":{"version":"1.2","creator":{"name":"test","version":"1"},"entries":[` + strings.Join(entries, ",\n") + `]}}`
	path = filepath.Join(t.TempDir(), "rows.har")
	if err := os.WriteFile(path, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	return path, urls
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// The row table as a terminal shows it: the binary under a pty 80 columns wide
// and 200 wide. Every line fits the terminal, and each column of every row
// starts in the same cell as its header, whatever the URL holds.
func TestExplainHARRowsLineUp(t *testing.T) {
	bin := testBinary(t)
	path, urls := rowsHAR(t)
	for _, cols := range []int{80, 200} {
		t.Run(fmt.Sprint(cols), func(t *testing.T) {
			cmd := exec.Command(bin, "explain", path)
			f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 50, Cols: uint16(cols)})
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			io.Copy(&out, f) // until the program exits and the pty reports EIO
			f.Close()
			if err := cmd.Wait(); err != nil {
				t.Fatalf("explain: %v\n%s", err, out.String())
			}
			lines := strings.Split(strings.ReplaceAll(out.String(), "\r\n", "\n"), "\n")
			var header string
			var rows []string
			for _, l := range lines {
				if w := ansi.StringWidth(l); w > cols {
					t.Errorf("a line of %d cells on a %d-column terminal: %q", w, cols, l)
				}
				switch {
				case strings.HasPrefix(l, "   #  METHOD"):
					header = l
				case header != "" && len(rows) < len(urls) && strings.HasPrefix(strings.TrimLeft(l, " "), fmt.Sprint(len(rows)+1)+"  GET"):
					rows = append(rows, l)
				}
			}
			if header == "" || len(rows) != len(urls) {
				t.Fatalf("header %q, %d rows of %d in\n%s", header, len(rows), len(urls), out.String())
			}
			at := func(line, word string) int {
				i := strings.Index(line, word)
				if i < 0 {
					t.Fatalf("%q not in %q", word, line)
				}
				return ansi.StringWidth(line[:i])
			}
			for i, r := range rows {
				verdict := "store/store"
				if i%2 == 1 {
					verdict = "no/no"
				}
				// The status is right-aligned under "ST", the verdict and the
				// findings start where their headers do.
				if at(r, " 200 ")+4 != at(header, "ST ")+2 || at(r, verdict) != at(header, "PRIV") || at(r, "0E ") != at(header, "FINDINGS") {
					t.Errorf("row %d out of line with the header:\n%s\n%s", i+1, header, r)
				}
				if strings.ContainsRune(r, '\x1b') {
					t.Errorf("row %d writes the URL's escape byte raw: %q", i+1, r)
				}
			}
			// A wide terminal shows the long URL whole; at 80 it is cut in the middle.
			long := strings.TrimPrefix(urls[0], "https://")
			if whole := strings.Contains(rows[0], long); whole != (cols == 200) {
				t.Errorf("at %d columns the long URL shown whole: %v\n%s", cols, whole, rows[0])
			}
			if !strings.Contains(rows[0], "static.") || !strings.Contains(rows[0], "…") && cols == 80 {
				t.Errorf("at %d columns the long URL keeps neither its start nor a cut: %s", cols, rows[0])
			}
		})
	}
}
