package ui

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/internal/heapfloor"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/ui/flight"
)

// The large-body figures: time to the first screen, time until Pretty is ready,
// peak RSS, and one scrolling frame, for JSON bodies of 1 MB, 50 MB and 200 MB
// (past the 64 MiB cap: spooled). Benchmarks only; `go test ./...` runs none.
//
//	go test ./ui -run '^$' -bench 'BigBody' -benchtime 1x

// bigSizes are the bodies measured; 1 KB shows the fixed cost of the path (the Go
// runtime and the UI) that every size pays.
var bigSizes = []struct {
	name  string
	bytes int64
}{{"1KB", 1 << 10}, {"1MB", 1 << 20}, {"50MB", 50 << 20}, {"200MB", 200 << 20}}

// writeJSON writes a valid JSON array of exactly n bytes (n >= 2) to w: objects
// while they fit, then spaces before the closing bracket.
func writeJSON(w io.Writer, n int64) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	written := int64(1)
	bw.WriteByte('[')
	for i := 0; ; i++ {
		obj := fmt.Sprintf(`{"id":%d,"name":"item %d","tags":["a","b"],"price":%d.5,"ok":true}`, i, i, i%1000)
		if i > 0 {
			obj = "," + obj
		}
		if written+int64(len(obj))+1 > n {
			break
		}
		bw.WriteString(obj)
		written += int64(len(obj))
	}
	for ; written < n-1; written++ {
		bw.WriteByte(' ')
	}
	bw.WriteByte(']')
	return bw.Flush()
}

// jsonServer serves a JSON body of the size in its path, with Content-Length,
// generated as it is written: the server holds none of it.
func jsonServer(tb testing.TB) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.ParseInt(strings.TrimPrefix(r.URL.Path, "/"), 10, 64)
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", strconv.FormatInt(n, 10))
		_ = writeJSON(w, n)
	}))
	tb.Cleanup(srv.Close)
	return srv.URL
}

// bigFigures is what one child process measured.
type bigFigures struct {
	FirstScreenMS float64 `json:"first_screen_ms"` // last body byte → first frame shown
	PrettyMS      float64 `json:"pretty_ms"`       // last body byte → Pretty formatted and drawn
	PeakRSSKB     int64   `json:"peak_rss_kb"`     // VmHWM of the process
	BaseRSSKB     int64   `json:"base_rss_kb"`     // VmRSS before sending: the runtime and the test binary
	Spooled       bool    `json:"spooled"`
	Shown         int64   `json:"shown_bytes"`
}

// BenchmarkBigBodyPeakRSS runs the whole path — send, the send command's
// explain and content work, the first frame, the Pretty formatting — in a child
// process per size, and reports its peak RSS, so the figure is the process's
// own high-water mark and not the benchmark's.
func BenchmarkBigBodyPeakRSS(b *testing.B) {
	url := jsonServer(b)
	for _, size := range bigSizes {
		b.Run(size.name, func(b *testing.B) {
			var f bigFigures
			for b.Loop() {
				cmd := exec.Command(os.Args[0], "-test.run=^TestBigBodyChild$", "-test.v")
				cmd.Env = append(os.Environ(), "HTTPLENS_BIGBODY_URL="+url+"/"+strconv.FormatInt(size.bytes, 10))
				out, err := cmd.CombinedOutput()
				if err != nil {
					b.Fatalf("child: %v\n%s", err, out)
				}
				_, line, ok := strings.Cut(string(out), "FIGURES ")
				line, _, _ = strings.Cut(line, "\n")
				if !ok || json.Unmarshal([]byte(line), &f) != nil {
					b.Fatalf("no figures in:\n%s", out)
				}
			}
			b.ReportMetric(float64(f.PeakRSSKB)/1024, "peak-RSS-MB")
			b.ReportMetric(f.FirstScreenMS, "first-screen-ms")
			b.ReportMetric(f.PrettyMS, "pretty-ms")
			b.ReportMetric(float64(f.BaseRSSKB)/1024, "base-RSS-MB")
			b.ReportMetric(float64((f.PeakRSSKB-f.BaseRSSKB)*1024)/float64(size.bytes), "growth/body")
		})
	}
}

// TestBigBodyChild is BenchmarkBigBodyPeakRSS's child; it does nothing unless
// HTTPLENS_BIGBODY_URL is set.
func TestBigBodyChild(t *testing.T) {
	url := os.Getenv("HTTPLENS_BIGBODY_URL")
	if url == "" {
		t.Skip("the child of BenchmarkBigBodyPeakRSS")
	}
	defer heapfloor.Keep(heapfloor.TUI)() // as the TUI command does
	f := measureBigBody(t, url)
	b, _ := json.Marshal(f)
	fmt.Printf("FIGURES %s\n", b)
}

// measureBigBody sends to url as the TUI does and times the screens.
func measureBigBody(t *testing.T, url string) bigFigures {
	base := procStatus(t, "VmRSS:")
	spool := t.TempDir()
	var lastByte time.Time
	opts := requests.Options{SpoolDir: spool, Progress: func(done, total int64) {
		if done == total {
			lastByte = time.Now()
		}
	}}
	client := requests.NewClient(opts)
	defer client.CloseIdleConnections()
	m := New(Config{Dir: t.TempDir(), Options: opts})
	var tm tea.Model = m
	tm, _ = tm.Update(tea.WindowSizeMsg{Width: 160, Height: 48})
	req := &collections.Request{Method: "GET", URL: url}
	resolve := func(*collections.Request, map[string]collections.Response, map[string]string) (requests.Request, error) {
		return requests.Request{Method: "GET", URL: url}, nil
	}
	mm := tm.(Model)
	_, id := mm.sess.Flight().Begin("GET " + url)
	msg := flight.SendWith(context.Background(), id, []*collections.Request{req}, client, mm.sess.Scripts(), resolve, mm.st)().(flight.ResponseMsg)
	if msg.Exchange.Err != nil {
		t.Fatal(msg.Exchange.Err)
	}
	next, cmd := mm.Update(msg)
	if !strings.Contains(next.View(), "HTTP/1.1 200 OK") {
		t.Fatal("the first screen lacks the raw head")
	}
	f := bigFigures{FirstScreenMS: ms(time.Since(lastByte))}
	next = run(run(next, keyMsg("tab")), keyMsg("tab"))
	for _, out := range collect(cmd) {
		next = run(next, out)
	}
	next = run(next, keyMsg("2"))
	if v := next.View(); !strings.Contains(v, `"id": 0,`) && !strings.Contains(v, "shown as received") {
		t.Fatalf("Pretty is not ready:\n%s", v)
	}
	f.PrettyMS = ms(time.Since(lastByte))
	r := msg.Exchange.Response
	f.Spooled, f.Shown = r.SpoolPath != "", r.BodyBytes
	f.PeakRSSKB, f.BaseRSSKB = procStatus(t, "VmHWM:"), base
	return f
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// procStatus reads a kB figure of /proc/self/status: VmHWM is the high-water
// RSS, VmRSS the current one.
func procStatus(t testing.TB, field string) int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, field); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return n
		}
	}
	t.Fatal("no " + field + " in /proc/self/status")
	return 0
}
