package cli

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/settings"
)

// BenchmarkSend runs `send URL` in process, as the command does after flag
// parsing, against a loopback server, with its output going to io.Discard (not a
// terminal). Profile it with -cpuprofile and -memprofile: the findings are in the
// package doc of requests (section "Speed").
func BenchmarkSend(b *testing.B) {
	for _, size := range []struct {
		name string
		n    int
	}{{"1KB", 1 << 10}, {"10MB", 10 << 20}} {
		body := make([]byte, size.n)
		for i := range body {
			body[i] = 'a' + byte(i%26)
		}
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
			w.Write(body)
		}))
		for _, hist := range []bool{false, true} {
			name := size.name + "/no-history"
			if hist {
				name = size.name + "/history"
			}
			b.Run(name, func(b *testing.B) {
				f := sendFlags{method: "GET", timeout: 30 * time.Second, maxBody: requests.DefaultMaxBody, noHist: !hist,
					history: filepath.Join(b.TempDir(), "h.db"), noCookie: true, conf: settings.Defaults(nil)}
				b.SetBytes(int64(size.n))
				b.ReportAllocs()
				for b.Loop() {
					if err := runSend(context.Background(), io.Discard, io.Discard, []string{srv.URL}, f); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		srv.Close()
	}
}
