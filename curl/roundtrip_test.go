package curl

import (
	"bytes"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
)

// received is what the recording server saw of one request, normalised so that
// two requests meaning the same thing compare equal: headers sorted by name (the
// order of fields with different names carries no meaning), and a multipart body
// compared part by part, since curl picks a random boundary.
type received struct {
	Method  string
	URI     string
	Headers []string
	Body    string
}

// recorder is a loopback server that keeps every request it receives.
type recorder struct {
	mu   sync.Mutex
	got  []received
	srv  *httptest.Server
	errs []error
}

func newRecorder(t *testing.T) *recorder {
	t.Helper()
	rec := &recorder{}
	rec.srv = httptest.NewServer(http.HandlerFunc(rec.serve))
	t.Cleanup(rec.srv.Close)
	return rec
}

func (rec *recorder) serve(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	x := received{Method: r.Method, URI: r.RequestURI, Body: string(body)}
	mt, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	for name, values := range r.Header {
		for _, v := range values {
			switch {
			case strings.HasPrefix(mt, "multipart/") && name == "Content-Type":
				v = mt // the boundary differs
			case strings.HasPrefix(mt, "multipart/") && name == "Content-Length":
				continue
			case name == "Expect":
				continue // curl asks for 100-continue on -T uploads: how, not what, it sends
			}
			x.Headers = append(x.Headers, name+": "+v)
		}
	}
	sort.Strings(x.Headers)
	if strings.HasPrefix(mt, "multipart/") {
		x.Body, err = multipartParts(body, params["boundary"])
	}
	rec.mu.Lock()
	rec.got = append(rec.got, x)
	if err != nil {
		rec.errs = append(rec.errs, err)
	}
	rec.mu.Unlock()
	io.WriteString(w, "ok\n")
}

// multipartParts lists the parts of a multipart body: headers and content.
func multipartParts(body []byte, boundary string) (string, error) {
	mr := multipart.NewReader(bytes.NewReader(body), boundary)
	var b strings.Builder
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return b.String(), nil
		}
		if err != nil {
			return "", fmt.Errorf("multipart body: %w", err)
		}
		content, _ := io.ReadAll(p)
		fmt.Fprintf(&b, "[%s | %s | %q]\n", p.Header.Get("Content-Disposition"), p.Header.Get("Content-Type"), content)
	}
}

// run runs a command line with shell and returns the one request it sent.
func (rec *recorder) run(t *testing.T, shell, command string) received {
	t.Helper()
	rec.mu.Lock()
	rec.got, rec.errs = nil, nil
	rec.mu.Unlock()
	cmd := exec.Command(shell, "-c", command)
	cmd.Dir = t.TempDir()
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = io.Discard, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s -c failed: %v\n%s\ncommand:\n%s", shell, err, stderr.String(), command)
	}
	rec.mu.Lock()
	defer rec.mu.Unlock()
	if len(rec.errs) > 0 {
		t.Fatalf("server: %v", rec.errs[0])
	}
	if len(rec.got) != 1 {
		t.Fatalf("the server received %d requests, want 1\ncommand:\n%s", len(rec.got), command)
	}
	return rec.got[0]
}

func needCurl(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("curl"); err != nil {
		t.Skip("curl is not installed (CI installs it)")
	}
}

// TestRoundTripWithRealCurl runs each command as written (with bash) and as
// Format writes what Parse read from it (with sh), and compares what a loopback
// server received from both.
func TestRoundTripWithRealCurl(t *testing.T) {
	needCurl(t)
	rec := newRecorder(t)
	dir := t.TempDir()
	upload := filepath.Join(dir, "upload.json")
	if err := os.WriteFile(upload, []byte("{\"from\": \"file\"}\n\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, command string }{
		{"get with query and headers", `curl 'URL/items?page=2&sort=name' -H 'Accept: application/json' -H 'X-Trace: a b  c'`},
		{"post json with data-raw", `curl 'URL/items' -H 'Content-Type: application/json' --data-raw '{"name":"it'\''s","n":1}'`},
		{"form data joined with &", `curl URL/login -d user=bob -d 'pass=p@ss w' --data-urlencode 'note=a&b c/é'`},
		{"get with -G moves data to the query", `curl -G URL/search -d q=http --data-urlencode 'lang=en us'`},
		{"put with a multi-line body", "curl -X PUT URL/items/1 -H 'Content-Type: text/plain' --data-binary $'line one\\nline \"two\"\\n\\ttabbed %s \\\\ end\\n'"},
		{"delete with If-Match", `curl -X DELETE URL/items/1 -H 'If-Match: "3f2a"'`},
		{"options that become headers", `curl -u 'bob:s3cr:et' -A 'Mozilla/5.0 (X11)' -e 'URL/from;auto' -b 'session=abc; theme=dark' -r 0-99 URL/profile`},
		{"head", `curl -sI URL/items/1`},
		{"multipart form", `curl -F name=widget -F 'meta={"a":1};type=application/json' --form-string 'raw=@not-a-file' URL/upload`},
		{"json option", `curl --json '{"a": [1, 2]}' URL/items`},
		{"control characters go through printf", "curl URL/bin -H 'Content-Type: application/octet-stream' --data-binary $'a\\r\\nb\\x01\\x7f\\xff %d \\\\n'"},
		{"data-raw starting with @", `curl URL/at --data-raw '@home'`},
		{"empty header value", `curl URL/empty -H 'X-Empty;' -H 'X-Full: 1'`},
		{"url-query", `curl URL/q --url-query 'a=b c' --url-query '+raw=x%20y'`},
		{"brackets in the URL need --globoff", `curl -g 'URL/arr?ids[]=1&ids[]=2'`},
		{"dot segments kept", `curl --path-as-is 'URL/a/../b/./c'`},
		{"body from a file", `curl URL/file -H 'Content-Type: application/json' --data-binary @` + upload},
		{"upload a file with -T to a folder URL", `curl -T ` + upload + ` URL/put/`},
		{"combined short options", `curl -sSkL -XPATCH -HContent-Type:text/plain -d'x=1' URL/patch`},
		{"line continuations", "curl URL/cont \\\n  -H 'A: 1' \\\n  -H \"B: \\\"2\\\" \\$HOME\" \\\n  --data-raw 'x'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			original := strings.ReplaceAll(tt.command, "URL", rec.srv.URL)
			r, notes, err := Parse(original)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			exported, err := Format(r)
			if err != nil {
				t.Fatalf("Format: %v", err)
			}
			want := rec.run(t, "bash", original)
			got := rec.run(t, "sh", exported)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("the exported command sent something else\noriginal: %s\nexported:\n%s\nnotes: %q\nwant %+v\n got %+v", original, exported, notes, want, got)
			}
		})
	}
}

// TestFormatSendsTheRequest formats requests built in code, including bodies no
// command line can hold as an argument (NUL bytes), runs them with sh and checks
// that the server received exactly the request.
func TestFormatSendsTheRequest(t *testing.T) {
	needCurl(t)
	rec := newRecorder(t)
	tests := []struct {
		name string
		r    Request
	}{
		{"nul bytes and quotes in the body", Request{Method: "POST", URL: "/bin", Headers: []Header{{Name: "Content-Type", Value: "application/octet-stream"}}, Body: []byte("a\x00b'c\"d$e`f\\g%h\n")}},
		{"put without content type", Request{Method: "PUT", URL: "/raw", Body: []byte("plain")}},
		{"get with a body", Request{Method: "GET", URL: "/odd", Headers: []Header{{Name: "Content-Type", Value: "text/plain"}}, Body: []byte("x")}},
		{"options with an empty body", Request{Method: "OPTIONS", URL: "/o", Body: []byte{}}},
		{"shell characters in header values", Request{Method: "GET", URL: "/h?x='1'&y=$(id)", Headers: []Header{{Name: "X-Sh", Value: "`id` $HOME 'q' \"d\" ; | & *"}, {Name: "User-Agent", Value: "custom/1"}}}},
		{"utf-8 text", Request{Method: "POST", URL: "/u", Headers: []Header{{Name: "Content-Type", Value: "text/plain; charset=utf-8"}}, Body: []byte("héllo wörld ✓\n")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.r
			r.URL = rec.srv.URL + r.URL
			command, err := Format(r)
			if err != nil {
				t.Fatal(err)
			}
			got := rec.run(t, "sh", command)
			if got.Method != tt.r.Method || got.URI != tt.r.URL || got.Body != string(tt.r.Body) {
				t.Errorf("got %s %s %q, want %s %s %q\ncommand:\n%s", got.Method, got.URI, got.Body, tt.r.Method, tt.r.URL, tt.r.Body, command)
			}
			for _, h := range tt.r.Headers {
				want := http.CanonicalHeaderKey(h.Name) + ": " + h.Value
				if !containsString(got.Headers, want) {
					t.Errorf("header %q not received; got %q", want, got.Headers)
				}
			}
			if _, ok := tt.r.Header("Content-Type"); !ok && containsPrefix(got.Headers, "Content-Type:") {
				t.Errorf("curl added a Content-Type: %q", got.Headers)
			}
		})
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func containsPrefix(list []string, prefix string) bool {
	for _, x := range list {
		if strings.HasPrefix(x, prefix) {
			return true
		}
	}
	return false
}
