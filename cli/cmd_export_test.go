package cli

import (
	"bytes"
	"io"
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

// seen is what the recording server received of one request; headers sorted,
// since the order of fields with different names carries no meaning.
type seen struct {
	Method, URI, Body string
	Headers           []string
}

type recordingServer struct {
	mu  sync.Mutex
	got []seen
	srv *httptest.Server
}

func newRecordingServer(t *testing.T) *recordingServer {
	t.Helper()
	rs := &recordingServer{}
	rs.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		s := seen{Method: r.Method, URI: r.RequestURI, Body: string(body)}
		for name, values := range r.Header {
			for _, v := range values {
				s.Headers = append(s.Headers, name+": "+v)
			}
		}
		sort.Strings(s.Headers)
		rs.mu.Lock()
		rs.got = append(rs.got, s)
		rs.mu.Unlock()
	}))
	t.Cleanup(rs.srv.Close)
	return rs
}

// send runs a shell command line and returns the one request the server received.
func (rs *recordingServer) send(t *testing.T, shell, command string) seen {
	t.Helper()
	rs.mu.Lock()
	rs.got = nil
	rs.mu.Unlock()
	cmd := exec.Command(shell, "-c", command)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = io.Discard, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s\n%s", shell, err, stderr.String(), command)
	}
	rs.mu.Lock()
	defer rs.mu.Unlock()
	if len(rs.got) != 1 {
		t.Fatalf("the server received %d requests, want 1", len(rs.got))
	}
	return rs.got[0]
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestImportExportRoundTripWithRealCurl: a curl command is imported to a .http
// file, exported back to curl, and both commands are run against a loopback
// server, which must receive the same request.
func TestImportExportRoundTripWithRealCurl(t *testing.T) {
	if _, err := exec.LookPath("curl"); err != nil {
		t.Skip("curl is not installed (CI installs it)")
	}
	rs := newRecordingServer(t)
	tests := []struct{ name, command string }{
		{"browser-style post", `curl 'URL/v1/items?limit=20' -H 'accept: application/json' -H 'content-type: application/json' -b 'sid=abc' --data-raw $'{"name":"it\'s","n":1}'`},
		{"put with If-Match", `curl -X PUT URL/items/1 -H 'If-Match: "3f2a"' -H 'Content-Type: text/plain' --data-binary $'one\ntwo'`},
		{"form with auth", `curl -u bob:pw -A tool/1 URL/login -d user=bob --data-urlencode 'note=a b&c'`},
		{"head", `curl -I URL/items/1`},
		{"delete", `curl -X DELETE URL/items/1 -e URL/list`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			original := strings.ReplaceAll(tt.command, "URL", rs.srv.URL)
			block, errOut, code := runCLI(t, "", "import", "curl", "--name", "it", original)
			if code != 0 {
				t.Fatalf("import: exit %d: %s", code, errOut)
			}
			file := filepath.Join(t.TempDir(), "it.http")
			writeFile(t, file, block)
			exported, errOut, code := runCLI(t, "", "export", "curl", file, "it")
			if code != 0 {
				t.Fatalf("export: exit %d: %s", code, errOut)
			}
			want := rs.send(t, "bash", original)
			got := rs.send(t, "sh", exported)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("different requests\n.http:\n%s\nexported:\n%s\nwant %+v\n got %+v", block, exported, want, got)
			}
		})
	}
}

// TestExportCurlResolvesVariables exports a saved request that uses file
// variables, an environment and --var, and checks what curl sends.
func TestExportCurlResolvesVariables(t *testing.T) {
	if _, err := exec.LookPath("curl"); err != nil {
		t.Skip("curl is not installed (CI installs it)")
	}
	rs := newRecordingServer(t)
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "http-client.env.json"), `{"dev": {"host": "`+rs.srv.URL+`", "token": "dev-token"}}`)
	writeFile(t, filepath.Join(dir, "api.http"), "@id = 7\n\n### Update\n# @name update\nPUT {{host}}/items/{{id}}?who={{who}}\nAuthorization: Bearer {{token}}\nContent-Type: application/json\n\n{\"name\": \"it's {{who}}\"}\n\n### Other\nGET {{host}}/other\n")
	out, errOut, code := runCLI(t, "", "export", "curl", filepath.Join(dir, "api.http"), "update", "--env", "dev", "--var", "who=o'brien & co")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	got := rs.send(t, "sh", out)
	want := seen{Method: "PUT", URI: "/items/7?who=o'brien%20&%20co", Body: `{"name": "it's o'brien & co"}`}
	if got.Method != want.Method || got.URI != want.URI || got.Body != want.Body {
		t.Errorf("got %+v\ncommand:\n%s", got, out)
	}
	for _, h := range []string{"Authorization: Bearer dev-token", "Content-Type: application/json"} {
		if !containsLine(got.Headers, h) {
			t.Errorf("header %q not received: %q", h, got.Headers)
		}
	}
}

func containsLine(lines []string, s string) bool {
	for _, l := range lines {
		if l == s {
			return true
		}
	}
	return false
}

func TestExportCurlErrors(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.http")
	writeFile(t, file, "### Read\n# @name read\nGET http://x.test/1\n\n### Write\nPUT http://x.test/1\nIf-Match: {{read.response.headers.ETag}}\n\n### Demo\nGET {{demo}}/items\n\n### Missing\nGET {{nowhere}}/x\n")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"uses another response", []string{file, "Write"}, "uses the response of read"},
		{"demo not running", []string{file, "Demo"}, "--var demo="},
		{"unknown variable", []string{file, "Missing"}, "nowhere"},
		{"no such request", []string{file, "nope"}, "nope"},
		{"several requests, no name", []string{file}, "name one of"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, code := runCLI(t, "", append([]string{"export", "curl"}, tt.args...)...)
			if code != exitUsage || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, errOut, tt.want)
			}
		})
	}
}
