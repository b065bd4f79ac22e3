package check

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/httplens/httplens/requests"
)

// resourceBody is the representation the broken servers serve.
const resourceBody = "0123456789abcdefghijklmnopqrstuvwxyz"

// serve starts a loopback server with h and returns its URL.
func serve(t *testing.T, h http.HandlerFunc) string {
	t.Helper()
	s := httptest.NewServer(h)
	t.Cleanup(s.Close)
	return s.URL
}

// writeResource answers with the resource's fields and, unless HEAD, its body.
func writeResource(w http.ResponseWriter, r *http.Request, etag string) {
	w.Header().Set("ETag", etag)
	w.Header().Set("Last-Modified", "Tue, 30 Apr 2024 12:00:00 GMT")
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("Content-Type", "text/plain")
	w.Header().Set("Content-Length", fmt.Sprint(len(resourceBody)))
	if r.Method != "HEAD" {
		_, _ = w.Write([]byte(resourceBody))
	}
}

func TestBrokenServers(t *testing.T) {
	cases := []struct {
		name   string
		method string
		writes bool
		h      http.HandlerFunc
		wants  []want
	}{
		{name: "no 304 support", h: func(w http.ResponseWriter, r *http.Request) { writeResource(w, r, `"a"`) },
			wants: []want{{ConditionalETag, Failed, "ignores the condition"}, {ConditionalDate, Failed, "got the full 200 again"}}},
		{name: "304 without the caching fields", h: func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("If-None-Match") != "" {
				w.WriteHeader(304)
				return
			}
			writeResource(w, r, `"a"`)
		}, wants: []want{{ConditionalETag, Failed, "lacks ETag, Cache-Control"}}},
		{name: "304 answered with another status", h: func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("If-Modified-Since") != "" {
				w.WriteHeader(500)
				return
			}
			writeResource(w, r, `"a"`)
		}, wants: []want{{ConditionalDate, Failed, "expected 304 Not Modified, got 500"}}},
		{name: "HEAD with other headers", h: func(w http.ResponseWriter, r *http.Request) {
			if r.Method == "HEAD" {
				w.Header().Set("Content-Type", "text/html")
				writeResource(w, r, `"other"`)
				return
			}
			writeResource(w, r, `"a"`)
		}, wants: []want{{Head, Failed, `ETag is "\"other\"" in HEAD but "\"a\"" in GET`}}},
		{name: "Range advertised but ignored", h: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Accept-Ranges", "bytes")
			writeResource(w, r, `"a"`)
		}, wants: []want{{Range, Failed, "server ignores Range: the GET advertised Accept-Ranges: bytes"}}},
		{name: "Range ignored, not advertised", h: func(w http.ResponseWriter, r *http.Request) {
			writeResource(w, r, `"a"`)
		}, wants: []want{{Range, Skipped, "server ignores Range"}}},
		{name: "Range with the wrong bytes", h: rangeServer(func(start, end int) (string, string) {
			return fmt.Sprintf("bytes %d-%d/%d", start, end, len(resourceBody)), resourceBody[start+1 : end+2]
		}), wants: []want{{Range, Failed, "differ from bytes"}}},
		{name: "Range with the wrong Content-Range", h: rangeServer(func(start, end int) (string, string) {
			return fmt.Sprintf("bytes 0-%d/%d", end-start, len(resourceBody)), resourceBody[start : end+1]
		}), wants: []want{{Range, Failed, "Content-Range is"}}},
		{name: "206 without Content-Range", h: rangeServer(func(start, end int) (string, string) {
			return "", resourceBody[start : end+1]
		}), wants: []want{{Range, Failed, "without Content-Range"}}},
		{name: "416 for a satisfiable range", h: func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("Range") != "" {
				w.WriteHeader(416)
				return
			}
			writeResource(w, r, `"a"`)
		}, wants: []want{{Range, Failed, "416"}}},
		{name: "gzip without Vary and with the same strong ETag", h: gzipServer(`"a"`, `"a"`, "", true),
			wants: []want{{Gzip, Failed, "no Vary: Accept-Encoding"}, {Gzip, Failed, "same strong ETag"}}},
		{name: "gzip that is not gzip", h: gzipServer(`"a"`, `"a-gz"`, "Accept-Encoding", false),
			wants: []want{{Gzip, Failed, "not valid gzip"}}},
		{name: "gzip done right", h: gzipServer(`"a"`, `"a-gz"`, "Accept-Encoding", true),
			wants: []want{{Gzip, Passed, "decodes to the same content"}}},
		{name: "write that ignores If-Match", method: "PUT", writes: true, h: writeServer(`"a"`, `"b"`, false),
			wants: []want{{StaleWrite, Failed, "ignores If-Match"}}},
		{name: "weak ETag accepted in If-Match", method: "PUT", writes: true, h: writeServer(`W/"a"`, `W/"b"`, false),
			wants: []want{{ConditionalWrite, Failed, "a weak tag never matches"}}},
		{name: "weak ETag refused by strong comparison", method: "DELETE", writes: true, h: writeServer(`W/"a"`, "", true),
			wants: []want{{StaleWrite, Passed, "412"}, {ConditionalWrite, Failed, "no conditional write can succeed"}}},
		{name: "weak ETag in the answer to a write", method: "PUT", writes: true, h: writeServer(`"a"`, `W/"b"`, true),
			wants: []want{{StaleWrite, Passed, "412"}, {ConditionalWrite, Failed, "carries the weak ETag"}}},
		{name: "write validator a GET does not confirm", method: "PUT", writes: true, h: writeServer(`"a"`, `"b"`, true),
			wants: []want{{ConditionalWrite, Failed, "does not describe what was stored"}}},
		{name: "DELETE that leaves the resource", method: "DELETE", writes: true, h: writeServer(`"a"`, "", true),
			wants: []want{{ConditionalWrite, Failed, "a GET still gets 200"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rep := runCheck(t, requests.Request{Method: c.method, URL: serve(t, c.h) + "/r"}, Options{Writes: c.writes})
			assertResults(t, rep, c.wants)
		})
	}
}

// rangeServer advertises byte ranges and answers a Range with the Content-Range and
// part that part returns for the requested start and end.
func rangeServer(part func(start, end int) (cr, body string)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Accept-Ranges", "bytes")
		var start, end int
		if _, err := fmt.Sscanf(r.Header.Get("Range"), "bytes=%d-%d", &start, &end); err != nil {
			writeResource(w, r, `"a"`)
			return
		}
		cr, body := part(start, end)
		if cr != "" {
			w.Header().Set("Content-Range", cr)
		}
		w.WriteHeader(206)
		_, _ = w.Write([]byte(body))
	}
}

// gzipServer compresses when asked (validly or not) with its own ETag and Vary.
func gzipServer(plainTag, gzipTag, vary string, valid bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			writeResource(w, r, plainTag)
			return
		}
		var b bytes.Buffer
		if valid {
			zw := gzip.NewWriter(&b)
			_, _ = zw.Write([]byte(resourceBody))
			_ = zw.Close()
		} else {
			b.WriteString("not gzip at all")
		}
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("ETag", gzipTag)
		if vary != "" {
			w.Header().Set("Vary", vary)
		}
		_, _ = w.Write(b.Bytes())
	}
}

// writeServer serves the resource with tag and answers writes with putTag. With
// strict it compares If-Match strongly (so weak tags and stale tags get 412);
// otherwise it applies every write. Its GET keeps returning tag, so a write's
// validator is never confirmed and a DELETE never removes anything.
func writeServer(tag, putTag string, strict bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case "GET", "HEAD":
			writeResource(w, r, tag)
			return
		}
		if im := r.Header.Get("If-Match"); strict && (im != tag || strings.HasPrefix(im, "W/")) {
			w.WriteHeader(412)
			return
		}
		if putTag != "" {
			w.Header().Set("ETag", putTag)
		}
		w.WriteHeader(204)
	}
}

// TestHeadWithBody uses a server that writes bytes by hand, since net/http never
// sends a body in answer to HEAD.
func TestHeadWithBody(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	t.Cleanup(func() { l.Close(); wg.Wait() })
	wg.Add(1)
	go func() {
		defer wg.Done()
		for {
			conn, err := l.Accept()
			if err != nil {
				return
			}
			answerRaw(conn)
		}
	}()
	rep := runCheck(t, requests.Request{URL: "http://" + l.Addr().String() + "/r"}, Options{})
	assertResults(t, rep, []want{{Head, Failed, "bytes of body after the header section"}})
}

// answerRaw reads one request head and answers with the resource, body included
// even for HEAD, then closes the connection.
func answerRaw(conn net.Conn) {
	defer conn.Close()
	br := bufio.NewReader(conn)
	for {
		line, err := br.ReadString('\n')
		if err != nil || line == "\r\n" {
			break
		}
	}
	fmt.Fprintf(conn, "HTTP/1.1 200 OK\r\nETag: \"h\"\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s", len(resourceBody), resourceBody)
}
