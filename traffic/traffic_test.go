package traffic

import (
	"bytes"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/proxy"
)

func TestReadHARChromeRebuildsAndExplains(t *testing.T) {
	xs, creator, err := ReadHAR("../har/testdata/chrome.har")
	if err != nil {
		t.Fatal(err)
	}
	if creator == "" || len(xs) < 2 {
		t.Fatalf("creator %q, %d exchanges", creator, len(xs))
	}
	x := xs[0]
	if !x.Rebuilt {
		t.Error("a HAR exchange must be marked rebuilt")
	}
	head := string(x.RequestHead)
	if !strings.HasPrefix(head, "GET / HTTP/2\r\n") || strings.Contains(head, ":authority") {
		t.Errorf("request head %q: want origin form, HTTP/2, no pseudo-headers", head)
	}
	if !strings.HasPrefix(string(x.ResponseHead), "HTTP/2 200 ") || !strings.Contains(string(x.ResponseHead), "cache-control: max-age=600\r\n") {
		t.Errorf("response head %q", x.ResponseHead)
	}
	if x.Report == nil || x.Report.Cache.FreshnessLifetimeS != 600 {
		t.Fatalf("report %+v: want max-age=600 read", x.Report)
	}
	if len(x.Phases) == 0 || x.Phases[0].Name != "blocked" {
		t.Errorf("phases %+v", x.Phases)
	}
	if !strings.Contains(strings.Join(xs[1].Notes, "; "), "memory cache") {
		t.Errorf("notes of a cache hit %q", xs[1].Notes)
	}
}

func TestRequestDropsHopByHopAndKeepsTextBody(t *testing.T) {
	x := Exchange{Method: "POST", URL: "http://127.0.0.1:9/items?q=1", Status: 201,
		RequestFields: []explain.Field{{Name: "Host", Value: "x"}, {Name: "Connection", Value: "keep-alive"},
			{Name: "If-None-Match", Value: "\"a\x1b[31m\""}, {Name: "Content-Length", Value: "9"}, {Name: "Content-Type", Value: "application/json"}},
		RequestBody: []byte(`{"a": 1}`)}
	r, ok := x.Request()
	if !ok {
		t.Fatal("no request")
	}
	got := string(collections.Format(r, "\n"))
	want := "### POST http://127.0.0.1:9/items?q=1 (recorded 201)\nPOST http://127.0.0.1:9/items?q=1\nIf-None-Match: \"a[31m\"\nContent-Type: application/json\n\n{\"a\": 1}\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if _, ok := (Exchange{Method: "CONNECT", Tunnel: true}).Request(); ok {
		t.Error("a tunnel has no request to save")
	}
	r = NewRequest("PUT", "http://h/", nil, []byte{0xff, 0x00}, "")
	if r.Body != nil || !strings.Contains(r.Title, "binary body left out") {
		t.Errorf("binary body: %+v", r)
	}
}

func TestAppendRequestKeepsFileAndLoads(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "saved.http")
	r1 := NewRequest("GET", "http://127.0.0.1:1/a", []explain.Field{{Name: "Accept", Value: "text/html"}}, nil, "recorded 200")
	line, err := AppendRequest(path, r1)
	if err != nil || line != 2 {
		t.Fatalf("new file: line %d, %v", line, err)
	}
	// An existing file with CRLF line breaks and no final newline keeps every byte.
	old := "@host = http://127.0.0.1:1\r\n\r\n### mine\r\nGET {{host}}/x"
	os.Remove(path)
	if err := os.WriteFile(path, []byte(old), 0o600); err != nil {
		t.Fatal(err)
	}
	r2 := NewRequest("DELETE", "http://127.0.0.1:1/b", nil, nil, "")
	line, err = AppendRequest(path, r2)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if !bytes.HasPrefix(data, []byte(old)) {
		t.Fatalf("existing bytes changed:\n%q", data)
	}
	if bytes.Contains(bytes.ReplaceAll(data, []byte("\r\n"), nil), []byte("\n")) {
		t.Errorf("mixed line breaks: %q", data)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want the file's own 0600 kept", fi.Mode().Perm())
	}
	f, err := collections.Parse(path, data)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Requests) != 2 || f.Requests[1].Method != "DELETE" || f.Requests[1].URL != "http://127.0.0.1:1/b" {
		t.Fatalf("parsed %d requests: %+v", len(f.Requests), f.Requests)
	}
	if f.Requests[1].Line() != line {
		t.Errorf("block at line %d, AppendRequest said %d", f.Requests[1].Line(), line)
	}
}

func TestFromProxyExplainsClientHeaders(t *testing.T) {
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Cache-Control", "no-cache")
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Write([]byte("hello"))
	}))
	defer up.Close()
	var mu sync.Mutex
	var got []proxy.Exchange
	srv := proxy.New(proxy.Options{Record: func(x proxy.Exchange) { mu.Lock(); got = append(got, x); mu.Unlock() }})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln)
	pu, _ := http.NewRequest("GET", up.URL+"/r", nil)
	pu.Header.Set("If-None-Match", `"v1"`)
	c := &http.Client{Transport: &http.Transport{Proxy: http.ProxyURL(&url.URL{Scheme: "http", Host: ln.Addr().String()})}}
	resp, err := c.Do(pu)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	srv.Close()
	mu.Lock()
	defer mu.Unlock()
	if len(got) != 1 {
		t.Fatalf("%d records", len(got))
	}
	x := FromProxy(got[0])
	if x.Rebuilt || x.Status != 304 || !bytes.HasPrefix(x.RequestHead, []byte("GET http://127.0.0.1:")) {
		t.Fatalf("exchange %+v", x)
	}
	if x.Report == nil || !hasFinding(*x.Report, "304") {
		t.Errorf("report does not speak of the 304 answering If-None-Match: %+v", x.Report)
	}
}

func hasFinding(r explain.Report, s string) bool {
	if strings.Contains(r.Status.Meaning, s) {
		return true
	}
	for _, f := range r.Findings {
		if strings.Contains(f.ID+f.Title+f.Detail, s) {
			return true
		}
	}
	return false
}
