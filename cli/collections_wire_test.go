package cli

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"io"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// wireRecorder is a raw HTTP/1.1 server on 127.0.0.1 that keeps the bytes of every
// request it reads and answers 200 with {"token":"abc"} on /login, 204 otherwise.
type wireRecorder struct {
	addr string
	mu   sync.Mutex
	got  [][]byte
}

func startRecorder(t *testing.T) *wireRecorder {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &wireRecorder{addr: ln.Addr().String()}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go s.serve(c)
		}
	}()
	return s
}

func (s *wireRecorder) serve(c net.Conn) {
	defer c.Close()
	br := bufio.NewReader(c)
	var raw bytes.Buffer
	length := 0
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			return
		}
		raw.WriteString(line)
		if name, value, ok := strings.Cut(line, ":"); ok && strings.EqualFold(name, "Content-Length") {
			length, _ = strconv.Atoi(strings.TrimSpace(value))
		}
		if line == "\r\n" {
			break
		}
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(br, body); err != nil {
		return
	}
	raw.Write(body)
	s.mu.Lock()
	s.got = append(s.got, raw.Bytes())
	s.mu.Unlock()
	if strings.Contains(strings.SplitN(raw.String(), "\r\n", 2)[0], " /redirect ") {
		io.WriteString(c, "HTTP/1.1 302 Found\r\nLocation: /target\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
		return
	}
	if strings.Contains(strings.SplitN(raw.String(), "\r\n", 2)[0], " /login ") {
		io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 15\r\nConnection: close\r\n\r\n{\"token\":\"abc\"}")
		return
	}
	io.WriteString(c, "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n")
}

// last returns the head and the body of the last request received.
func (s *wireRecorder) last(t *testing.T) (head, body string) {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.got) == 0 {
		t.Fatal("nothing was sent")
	}
	head, body, _ = strings.Cut(string(s.got[len(s.got)-1]), "\r\n\r\n")
	return head, body
}

// project writes files (slash paths) under a fresh project folder (it holds .git,
// so environment lookups stop there) and returns the folder.
func project(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files[".git/HEAD"] = "ref: refs/heads/main\n"
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestDialectsOnTheWire sends each construct of the dialects people write to a
// recording server and checks the bytes that arrived.
func TestDialectsOnTheWire(t *testing.T) {
	srv := startRecorder(t)
	base := "http://" + srv.addr
	tests := []struct {
		name  string
		files map[string]string // "api.http" is sent
		args  []string          // after the file
		check func(t *testing.T, head, body string)
	}{
		{"# @no-redirect stops at the redirect", map[string]string{"api.http": "# @no-redirect\nGET " + base + "/redirect\n"}, nil,
			func(t *testing.T, head, body string) { wantLine(t, head, "GET /redirect HTTP/1.1") }},
		{"without it the redirect is followed", map[string]string{"api.http": "GET " + base + "/redirect\n"}, nil,
			func(t *testing.T, head, body string) { wantLine(t, head, "GET /target HTTP/1.1") }},
		{"a response handler is not sent", map[string]string{"api.http": "POST " + base + "/p\nContent-Type: application/json\n\n{\"a\": 1}\n\n> {%\n  client.test(\"ok\", () => {});\n%}\n"}, nil,
			func(t *testing.T, head, body string) { want(t, body, `{"a": 1}`) }},
		{"a pre-request script is not sent", map[string]string{"api.http": "< {%\n  request.variables.set(\"x\", \"1\")\n%}\nPOST " + base + "/p\n\nhello\n"}, nil,
			func(t *testing.T, head, body string) { want(t, body, "hello") }},
		{"a URL continued on indented lines", map[string]string{"api.http": "GET " + base + "\n    /api\n    /items\n    ?page=2\n    &size=5\n"}, nil,
			func(t *testing.T, head, body string) { wantLine(t, head, "GET /api/items?page=2&size=5 HTTP/1.1") }},
		{"a /* */ comment between headers", map[string]string{"api.http": "GET " + base + "/c\n/* a comment\n   over lines */\nX-After: 1\n"}, nil,
			func(t *testing.T, head, body string) { wantLine(t, head, "X-After: 1") }},
		{"a variable with a dot", map[string]string{"api.http": "@base.url = " + base + "\nGET {{base.url}}/dotted\n"}, nil,
			func(t *testing.T, head, body string) { wantLine(t, head, "GET /dotted HTTP/1.1") }},
		{"GRAPHQL becomes a JSON POST", map[string]string{"api.http": "GRAPHQL " + base + "/graphql\n\nquery Items($n: Int) { items(n: $n) { id } }\n\n{\"n\": 2}\n"}, nil,
			func(t *testing.T, head, body string) {
				wantLine(t, head, "POST /graphql HTTP/1.1")
				wantLine(t, head, "Content-Type: application/json")
				want(t, body, `{"operationName":"Items","query":"query Items($n: Int) { items(n: $n) { id } }","variables":{"n":2}}`)
			}},
		{"X-REQUEST-TYPE: GraphQL becomes a JSON body", map[string]string{"api.http": "POST " + base + "/graphql\nX-REQUEST-TYPE: GraphQL\n\n{ items { id } }\n"}, nil,
			func(t *testing.T, head, body string) {
				if strings.Contains(strings.ToLower(head), "x-request-type") {
					t.Errorf("the marker header went out:\n%s", head)
				}
				want(t, body, `{"query":"{ items { id } }","variables":{}}`)
			}},
		{"a request after a blank line without ###", map[string]string{"api.http": "GET " + base + "/first\n\nPUT " + base + "/second\nContent-Type: text/plain\n\nbody two\n"}, []string{"#2"},
			func(t *testing.T, head, body string) {
				wantLine(t, head, "PUT /second HTTP/1.1")
				want(t, body, "body two")
			}},
		{"a relative URL with @host", map[string]string{"api.http": "@host = " + base + "\nGET /relative\n"}, nil,
			func(t *testing.T, head, body string) { wantLine(t, head, "GET /relative HTTP/1.1") }},
		{"a relative URL with a Host header", map[string]string{"api.http": "GET /by-host\nHost: " + srv.addr + "\n"}, nil,
			func(t *testing.T, head, body string) {
				wantLine(t, head, "GET /by-host HTTP/1.1")
				wantLine(t, head, "Host: "+srv.addr)
			}},
		{"a URL without a scheme", map[string]string{"api.http": "GET " + srv.addr + "/no-scheme\n"}, nil,
			func(t *testing.T, head, body string) { wantLine(t, head, "GET /no-scheme HTTP/1.1") }},
		{"Basic user pass is encoded", map[string]string{"api.http": "GET " + base + "/auth\nAuthorization: Basic alice s3cret\n"}, nil,
			func(t *testing.T, head, body string) {
				wantLine(t, head, "Authorization: Basic "+base64.StdEncoding.EncodeToString([]byte("alice:s3cret")))
			}},
		{"<@ file substitutes variables", map[string]string{"api.http": "@who = bob\nPOST " + base + "/file\n\n<@ ./body.json\n", "body.json": "{\"who\": \"{{who}}\"}"}, nil,
			func(t *testing.T, head, body string) { want(t, body, `{"who": "bob"}`) }},
		{"< file sends it untouched", map[string]string{"api.http": "POST " + base + "/file\n\n< ./body.json\n", "body.json": "{\"who\": \"{{who}}\"}"}, nil,
			func(t *testing.T, head, body string) { want(t, body, `{"who": "{{who}}"}`) }},
		{"multipart goes with CRLF and part files", map[string]string{
			"api.http": "POST " + base + "/upload\nContent-Type: multipart/form-data; boundary=B\n\n--B\nContent-Disposition: form-data; name=\"t\"\n\nhello\n--B\nContent-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\n\n< ./a.txt\n--B--\n",
			"a.txt":    "file\nbytes",
		}, nil,
			func(t *testing.T, head, body string) {
				want(t, body, "--B\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\nhello\r\n--B\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\n\r\nfile\nbytes\r\n--B--\r\n")
			}},
		{"a request variable without $", map[string]string{"api.http": "### login\n# @name login\nPOST " + base + "/login\n\n###\n# @name use\nGET " + base + "/use\nX-Token: {{login.response.body.token}}\n"}, []string{"@use"},
			func(t *testing.T, head, body string) { wantLine(t, head, "X-Token: abc") }},
		{"a variable redefined later takes effect from there", map[string]string{"api.http": "@v = one\n###\nGET " + base + "/{{v}}\n\n###\n@v = two\nGET " + base + "/{{v}}\n"}, []string{"#2"},
			func(t *testing.T, head, body string) { wantLine(t, head, "GET /two HTTP/1.1") }},
		{"@prompt takes --var", map[string]string{"api.http": "# @prompt user the user to read\nGET " + base + "/users/{{user}}\n"}, []string{"--var", "user=ada"},
			func(t *testing.T, head, body string) { wantLine(t, head, "GET /users/ada HTTP/1.1") }},
		{"$dotenv and .env values", map[string]string{"api.http": "GET " + base + "/env/{{$dotenv TOKEN}}/{{PLAIN}}\n", ".env": "TOKEN=t0k\nPLAIN=\"p\"\n"}, nil,
			func(t *testing.T, head, body string) { wantLine(t, head, "GET /env/t0k/p HTTP/1.1") }},
		{"VS Code settings environments with $shared", map[string]string{"api.http": "GET {{base}}/{{name}}\n",
			".vscode/settings.json": "{\n  // REST Client\n  \"rest-client.environmentVariables\": {\n    \"$shared\": {\"base\": \"" + base + "\"},\n    \"dev\": {\"name\": \"dev-name\"},\n  },\n}\n"}, []string{"--env", "dev"},
			func(t *testing.T, head, body string) { wantLine(t, head, "GET /dev-name HTTP/1.1") }},
		{"environment files up to the project root", map[string]string{"api/deep/api.http": "GET {{base}}/up\n",
			"http-client.env.json": "{\"dev\": {\"base\": \"" + base + "\"}}"}, []string{"--env", "dev"},
			func(t *testing.T, head, body string) { wantLine(t, head, "GET /up HTTP/1.1") }},
		{"dynamic variables of both clients", map[string]string{"api.http": "GET " + base + "/d\nX-A: {{$random.integer(5, 6)}}\nX-B: {{$guid}}\nX-C: {{$datetime iso8601 -1 d}}\nX-D: {{$random.hexadecimal(8)}}\nX-E: {{$datetime \"YYYY-MM-DD\"}}\n"}, nil,
			func(t *testing.T, head, body string) {
				wantLine(t, head, "X-A: 5")
				wantMatch(t, head, `(?m)^X-B: [0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\r?$`)
				wantMatch(t, head, `(?m)^X-C: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\r?$`)
				wantMatch(t, head, `(?m)^X-D: [0-9a-f]{8}\r?$`)
				wantMatch(t, head, `(?m)^X-E: \d{4}-\d\d-\d\d\r?$`)
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := project(t, tc.files)
			file := filepath.Join(dir, "api.http")
			if _, ok := tc.files["api/deep/api.http"]; ok {
				file = filepath.Join(dir, "api", "deep", "api.http")
			}
			args := append([]string{"send", "--no-history", "--no-cookies", file}, tc.args...)
			code, _, errOut := cli(t, args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			head, body := srv.last(t)
			tc.check(t, head, body)
		})
	}
}

func want(t *testing.T, got, want string) {
	t.Helper()
	if got != want {
		t.Errorf("body\n got %q\nwant %q", got, want)
	}
}

func wantLine(t *testing.T, head, line string) {
	t.Helper()
	for _, l := range strings.Split(head, "\r\n") {
		if l == line {
			return
		}
	}
	t.Errorf("no line %q in\n%s", line, head)
}

func wantMatch(t *testing.T, head, pattern string) {
	t.Helper()
	if !regexp.MustCompile(pattern).MatchString(strings.ReplaceAll(head, "\r\n", "\n")) {
		t.Errorf("nothing matches %s in\n%s", pattern, head)
	}
}

// TestPromptWithoutVar: a @prompt variable the CLI was not given is a clear error.
func TestPromptWithoutVar(t *testing.T) {
	dir := project(t, map[string]string{"api.http": "# @prompt user\nGET http://127.0.0.1:1/users/{{user}}\n"})
	code, _, errOut := cli(t, "send", "--no-history", filepath.Join(dir, "api.http"))
	if code != 2 || !strings.Contains(errOut, "api.http:2:30: {{user}} is asked for by # @prompt: pass --var user=VALUE") {
		t.Errorf("exit %d: %s", code, errOut)
	}
}

// TestSendAddresses: #index, FILE:LINE, @name and a title pick the same request
// list prints them for; --all sends every request in order.
func TestSendAddresses(t *testing.T) {
	srv := startRecorder(t)
	base := "http://" + srv.addr
	dir := project(t, map[string]string{"api.http": "GET " + base + "/one\n\n### Second one\nGET " + base + "/two\n\n###\n# @name third\nGET " + base + "/three\n\n###\nGET " + base + "/four\n"})
	file := filepath.Join(dir, "api.http")
	for _, tc := range []struct {
		args []string
		path string
	}{
		{[]string{file, "#1"}, "/one"},
		{[]string{file, "Second one"}, "/two"},
		{[]string{file, "@third"}, "/three"},
		{[]string{file, "#4"}, "/four"},
		{[]string{file + ":11"}, "/four"},
		{[]string{file, "api.http:5"}, "/two"},
	} {
		code, _, errOut := cli(t, append([]string{"send", "--no-history", "--no-cookies"}, tc.args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", tc.args, code, errOut)
		}
		if head, _ := srv.last(t); !strings.HasPrefix(head, "GET "+tc.path+" ") {
			t.Errorf("%v sent %q", tc.args, strings.SplitN(head, "\r\n", 2)[0])
		}
	}
	code, out, _ := cli(t, "list", "--json", file)
	var rows []struct{ Address string }
	if code != 0 || json.Unmarshal([]byte(out), &rows) != nil || len(rows) != 4 ||
		rows[0].Address != "#1" || rows[1].Address != "Second one" || rows[2].Address != "@third" || rows[3].Address != "#4" {
		t.Errorf("list: %d %s", code, out)
	}
	srv.mu.Lock()
	before := len(srv.got)
	srv.mu.Unlock()
	code, _, errOut := cli(t, "send", "--no-history", "--no-cookies", "--all", file)
	srv.mu.Lock()
	var paths []string
	for _, raw := range srv.got[before:] {
		paths = append(paths, strings.Fields(string(raw))[1])
	}
	srv.mu.Unlock()
	if code != 0 || strings.Join(paths, " ") != "/one /two /three /four" {
		t.Errorf("--all: exit %d, sent %v: %s", code, paths, errOut)
	}
	if code, _, errOut := cli(t, "send", "--no-history", file, "#9"); code != 2 || !strings.Contains(errOut, "has 4 requests (#1 to #4)") {
		t.Errorf("#9: exit %d: %s", code, errOut)
	}
}

// TestImportedCurlFormFileOnTheWire: curl -F name=@file imports as a multipart
// part naming the file, and sending the saved request puts the file's bytes in
// that part, with CRLF line ends.
func TestImportedCurlFormFileOnTheWire(t *testing.T) {
	srv := startRecorder(t)
	dir := project(t, map[string]string{"photo.bin": "\x00\x01raw"})
	code, block, errOut := cli(t, "import", "curl", "curl -F 'f=@photo.bin' -F a=1 -H 'Host:' http://"+srv.addr+"/up")
	if code != 0 || !strings.Contains(errOut, "part file photo.bin") || !strings.Contains(errOut, "-H 'Host:'") {
		t.Fatalf("import: exit %d: %s", code, errOut)
	}
	file := filepath.Join(dir, "up.http")
	if err := os.WriteFile(file, []byte(block), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := cli(t, "send", "--no-history", "--no-cookies", file); code != 0 {
		t.Fatalf("send: exit %d: %s", code, errOut)
	}
	_, body := srv.last(t)
	if !strings.Contains(body, "filename=\"photo.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n\x00\x01raw\r\n--") ||
		!strings.Contains(body, "name=\"a\"\r\n\r\n1\r\n") {
		t.Errorf("body %q", body)
	}
}

// TestCompletion: the shell completion offers a file's request addresses and the
// environments beside it.
func TestCompletion(t *testing.T) {
	dir := project(t, map[string]string{
		"api.http":             "### Read\n# @name read\nGET /a\n\n### Second one\nGET /b\n",
		"http-client.env.json": `{"dev": {}, "prod": {}, "$shared": {}}`,
	})
	file := filepath.Join(dir, "api.http")
	_, out, _ := cli(t, "__complete", "send", file, "")
	if !strings.Contains(out, "@read\tGET /a") || !strings.Contains(out, "Second one\tGET /b") {
		t.Errorf("requests: %q", out)
	}
	_, out, _ = cli(t, "__complete", "export", "curl", file, "--env", "")
	if !strings.HasPrefix(out, "dev\nprod\n") {
		t.Errorf("environments: %q", out)
	}
}
