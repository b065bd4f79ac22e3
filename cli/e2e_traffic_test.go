package cli

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/httplens/httplens/collections"
)

const keyPgDown = "\x1b[6~"

// chromeHAR is a HAR as Chrome's devtools save it: HTTP/2 pseudo-headers,
// _transferSize, a POST with postData, a body left out, an entry from the memory
// cache and one that failed.
const chromeHAR = `{
  "log": {
    "version": "1.2",
    "creator": {"name": "WebInspector", "version": "537.36"},
    "pages": [{"startedDateTime": "2026-12-01T10:00:00.000Z", "id": "page_1", "title": "http://127.0.0.1:9/", "pageTimings": {}}],
    "entries": [
      {
        "_resourceType": "script", "cache": {}, "pageref": "page_1",
        "request": {"method": "GET", "url": "https://shop.example/app.js", "httpVersion": "http/2.0",
          "headers": [{"name": ":authority", "value": "shop.example"}, {"name": ":method", "value": "GET"},
            {"name": ":path", "value": "/app.js"}, {"name": ":scheme", "value": "https"},
            {"name": "accept", "value": "*/*"}, {"name": "if-none-match", "value": "\"v7\""}],
          "queryString": [], "cookies": [], "headersSize": -1, "bodySize": 0},
        "response": {"status": 304, "statusText": "", "httpVersion": "http/2.0",
          "headers": [{"name": ":status", "value": "304"}, {"name": "etag", "value": "\"v7\""},
            {"name": "cache-control", "value": "no-cache"}, {"name": "date", "value": "Tue, 01 Dec 2026 10:00:00 GMT"}],
          "cookies": [], "content": {"size": 0, "mimeType": "text/javascript"},
          "redirectURL": "", "headersSize": -1, "bodySize": 0, "_transferSize": 80, "_error": null},
        "startedDateTime": "2026-12-01T10:00:00.000Z", "time": 30.5,
        "timings": {"blocked": 1.5, "dns": -1, "ssl": -1, "connect": -1, "send": 0.2, "wait": 28.1, "receive": 0.7}
      },
      {
        "_resourceType": "fetch", "cache": {}, "pageref": "page_1",
        "request": {"method": "POST", "url": "https://shop.example/api/cart?x=1", "httpVersion": "http/2.0",
          "headers": [{"name": ":method", "value": "POST"}, {"name": "content-type", "value": "application/json"},
            {"name": "content-length", "value": "13"}, {"name": "origin", "value": "https://shop.example"}],
          "queryString": [{"name": "x", "value": "1"}], "cookies": [], "headersSize": -1, "bodySize": 13,
          "postData": {"mimeType": "application/json", "text": "{\"sku\": \"42\"}"}},
        "response": {"status": 201, "statusText": "", "httpVersion": "http/2.0",
          "headers": [{"name": ":status", "value": "201"}, {"name": "location", "value": "/api/cart/9"},
            {"name": "content-type", "value": "application/json"}, {"name": "cache-control", "value": "no-store"}],
          "cookies": [], "content": {"size": 2048, "mimeType": "application/json"},
          "redirectURL": "", "headersSize": -1, "bodySize": 2048, "_transferSize": 2200, "_error": null},
        "startedDateTime": "2026-12-01T10:00:01.000Z", "time": 50,
        "timings": {"blocked": 1, "dns": -1, "ssl": -1, "connect": -1, "send": 0.1, "wait": 45, "receive": 3.9}
      },
      {
        "_fromCache": "memory", "_resourceType": "image", "cache": {},
        "request": {"method": "GET", "url": "https://shop.example/logo.png", "httpVersion": "", "headers": [],
          "queryString": [], "cookies": [], "headersSize": -1, "bodySize": 0},
        "response": {"status": 200, "statusText": "", "httpVersion": "",
          "headers": [{"name": "cache-control", "value": "public, max-age=86400"}, {"name": "content-type", "value": "image/png"}],
          "cookies": [], "content": {"size": 4, "mimeType": "image/png", "text": "iVBO", "encoding": "base64"},
          "redirectURL": "", "headersSize": -1, "bodySize": -1, "_transferSize": 0, "_error": null},
        "startedDateTime": "2026-12-01T10:00:02.000Z", "time": 0.1,
        "timings": {"blocked": -1, "dns": -1, "ssl": -1, "connect": -1, "send": 0, "wait": 0.1, "receive": 0}
      }
    ]
  }
}`

// Opening a .har shows its exchanges read-only, each with Raw (marked rebuilt),
// Explain; "save as request" writes a .http file that loads, asking before it
// adds to one that exists.
func TestTUIOpensHAR(t *testing.T) {
	bin := testBinary(t)
	dir := t.TempDir()
	writeE2EFile(t, dir, "page.har", chromeHAR)
	s := startTUI(t, bin, dir, 110, 34, "page.har")
	scr := s.waitText("page.har · by WebInspector 537.36 · 3 exchanges", "read-only",
		"https://shop.example/app.js", "https://shop.example/api/cart?x=1", "https://shop.example/logo.png")
	// The 304 answers a revalidation: it refreshes the stored response (RFC 9111
	// §4.3.4), not "no/no".
	for _, want := range []string{"304", "refreshes", "201", "store/store", "no/no", "24h", "[Raw]", "rebuilt from the HAR", "GET /app.js HTTP/2", "if-none-match: \"v7\""} {
		if !strings.Contains(scr, want) {
			t.Errorf("screen lacks %q:\n%s", want, scr)
		}
	}
	if strings.Contains(scr, ":authority") {
		t.Errorf("pseudo-headers shown as fields:\n%s", scr)
	}
	// One key per write: bubbletea reads a run of typed characters as one key.
	s.send("j")
	s.waitText("›    2  POST", "… body not kept in the HAR file (2048 bytes)")
	s.send("4")
	scr = s.waitText("[Explain]", "response body not saved (2048 bytes)", "201", "No Access-Control-Allow-Origin",
		"Body not kept: the HAR file has none of its 2048 bytes")
	if strings.Contains(scr, "Body cut after") {
		t.Errorf("the unsaved body is explained as cut at a size limit:\n%s", scr)
	}
	s.send("s")
	s.waitText("Save to: page.http")
	s.send(keyEnter)
	saved := filepath.Join(dir, "page.http")
	s.waitText("Saved as request: " + saved + ":2")
	s.send("j")
	s.waitText("›    3  GET")
	s.send("s")
	s.waitText("Save to: page.http")
	s.send(keyEnter)
	s.waitText("page.http exists: add the request at its end? y/n")
	s.send("y")
	s.waitText("Saved as request: " + saved + ":9")
	data, err := os.ReadFile(saved)
	if err != nil {
		t.Fatal(err)
	}
	f, err := collections.Parse(saved, data)
	if err != nil || len(f.Requests) != 2 {
		t.Fatalf("%s holds %d requests (%v):\n%s", saved, len(f.Requests), err, data)
	}
	post := f.Requests[0]
	if post.Method != "POST" || post.URL != "https://shop.example/api/cart?x=1" || string(post.Body) != `{"sku": "42"}` {
		t.Errorf("saved POST %s %s %q:\n%s", post.Method, post.URL, post.Body, data)
	}
	if strings.Contains(string(data), ":method") || strings.Contains(strings.ToLower(string(data)), "content-length") {
		t.Errorf("pseudo-headers or Content-Length saved:\n%s", data)
	}
	// The file loads as a collection: list names both requests.
	out, errs, code := runMain(t, "list", saved)
	if code != 0 || !strings.Contains(out, "POST") || !strings.Contains(out, "GET") {
		t.Errorf("list %s: exit %d %s\n%s", saved, code, errs, out)
	}
	s.quit()
}

// proxy --tui shows each exchange a client sends through it, as it is recorded,
// explained with the client's own headers; quitting writes the summary.
func TestTUILiveProxy(t *testing.T) {
	bin := testBinary(t)
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "max-age=300")
		w.Header().Set("ETag", `"p1"`)
		io.WriteString(w, "hello from upstream\n")
	}))
	defer up.Close()
	dir := t.TempDir()
	s := startTUI(t, bin, dir, 110, 34, "proxy", "--tui", "--listen", "127.0.0.1:0")
	scr := s.waitText("proxy on 127.0.0.1:", "recording", "No exchange yet")
	addr := ""
	for _, l := range strings.Split(scr, "\n") {
		if _, rest, ok := strings.Cut(l, "proxy on "); ok {
			addr, _, _ = strings.Cut(rest, " ")
		}
	}
	c := proxyClient(addr)
	resp, err := c.Get(up.URL + "/page.css")
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	s.waitText("1 exchange ·", up.URL+"/page.css", "200", "store/store", "5m", "GET "+up.URL+"/page.css HTTP/1.1", "hello from upstream")
	if strings.Contains(s.screen(), "rebuilt") {
		t.Errorf("proxy bytes marked rebuilt:\n%s", s.screen())
	}
	s.send("4")
	s.waitText("[Explain]", "200 OK · successful")
	s.send(keyPgDown)
	s.waitText("Caching: Private cache: storable", "lifetime 300 seconds from")
	resp, err = c.Get(up.URL + "/second")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	s.waitText("2 exchanges", up.URL+"/second")
	s.send("q")
	s.waitExit()
}
