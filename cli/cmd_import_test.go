package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/httplens/httplens/collections"
)

func runCLI(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), code
}

func TestImportCurl(t *testing.T) {
	chrome, err := os.ReadFile("../curl/testdata/chrome-bash.txt")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, stdin string
		args        []string
		method, url string
		headers     []collections.Header
		body, note  string
	}{
		{"chrome bash as one argument", "", []string{"import", "curl", string(chrome)}, "POST", "https://api.example.com/v1/items?limit=20",
			nil, `{"name":"it's new","tags":["a","b"]}`, ""},
		{"words after curl", "", []string{"import", "curl", "--title", "Put it", "curl", "-X", "PUT", "-H", "If-Match: \"1\"", "--compressed", "-k", "http://x.test/a"}, "PUT", "http://x.test/a",
			[]collections.Header{{Name: "If-Match", Value: `"1"`}, {Name: "Accept-Encoding", Value: curlAcceptEncoding}}, "", "send --insecure"},
		{"standard input", "curl http://x.test/s \\\n -d a=1 --frobnicate", []string{"import", "curl"}, "POST", "http://x.test/s",
			[]collections.Header{{Name: "Content-Type", Value: "application/x-www-form-urlencoded"}}, "a=1", "unknown option --frobnicate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, tt.stdin, tt.args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			f, err := collections.Parse("out.http", []byte(out))
			if err != nil || len(f.Requests) != 1 {
				t.Fatalf("output does not parse as one request: %v\n%s", err, out)
			}
			r := f.Requests[0]
			if r.Method != tt.method || r.URL != tt.url || string(r.Body) != tt.body {
				t.Errorf("got %s %s %q\n%s", r.Method, r.URL, r.Body, out)
			}
			if tt.headers != nil && !equalHeaders(r.Headers, tt.headers) {
				t.Errorf("headers %v, want %v", r.Headers, tt.headers)
			}
			if !strings.Contains(errOut, tt.note) {
				t.Errorf("stderr %q does not say %q", errOut, tt.note)
			}
		})
	}
}

func equalHeaders(a, b []collections.Header) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestImportCurlErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unbalanced quote", []string{"import", "curl", "curl 'http://x"}, "line 1, column 6: unterminated single quote"},
		{"not curl", []string{"import", "curl", "wget http://x"}, "not a curl command"},
		{"### in the body", []string{"import", "curl", "curl http://x -d $'a\\n### b'"}, "###"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errOut, code := runCLI(t, "", tt.args...)
			if code != exitUsage || !strings.Contains(errOut, tt.want) {
				t.Errorf("exit %d, stderr %q; want 2 and %q", code, errOut, tt.want)
			}
		})
	}
}

func TestImportPostman(t *testing.T) {
	dir := t.TempDir()
	src := "../postman/testdata/shop.postman_collection.json"
	out, errOut, code := runCLI(t, "", "import", "postman", src, dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"wrote Items/Admin/Admin.http", "wrote http-client.env.json"} {
		if !strings.Contains(out, want) {
			t.Errorf("stdout does not say %q:\n%s", want, out)
		}
	}
	if !strings.Contains(errOut, "not carried over: Items/List items: tests not carried over") {
		t.Errorf("stderr does not list the tests:\n%s", errOut)
	}
	coll, err := collections.Load(dir)
	if err != nil || len(coll.Errors) > 0 || len(coll.Requests()) != 6 {
		t.Fatalf("Load: %v %v, %d requests", err, coll.Errors, len(coll.Requests()))
	}
	// A second import into the same folder refuses, naming a file, and changes nothing.
	before, _ := os.ReadFile(filepath.Join(dir, "Shop API.http"))
	_, errOut, code = runCLI(t, "", "import", "postman", src, dir)
	if code != exitUsage || !strings.Contains(errOut, "already exists: not overwritten") {
		t.Errorf("second import: exit %d, %q", code, errOut)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "Shop API.http")); !bytes.Equal(before, after) {
		t.Errorf("the second import changed a file")
	}
}
