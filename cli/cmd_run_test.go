package cli

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/httplens/httplens/collections"
)

// runFile writes content as name in a new folder and returns its path.
func runFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	writeFile(t, path, content)
	return path
}

// TestRunTourPasses: `httplens run` on the built-in tour, against the demo API the
// run starts itself, passes every request.
func TestRunTourPasses(t *testing.T) {
	tour, err := collections.Tour()
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := cli(t, "run", "../collections/tour")
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	passes := regexp.MustCompile(`(?m)^PASS  `).FindAllString(out, -1)
	if len(passes) != len(tour.Requests()) || strings.Contains(out, "FAIL") {
		t.Errorf("%d PASS lines for %d requests:\n%s", len(passes), len(tour.Requests()), out)
	}
	// The ETag lesson ran in order, each request quoting the ETag its dependency got.
	// Line numbers follow the lesson text, so only the file is matched.
	for _, want := range []string{`updateItem \(\.\./collections/tour/01-etags\.http:\d+\)  204 No Content`,
		`Read item only if changed \(\.\./collections/tour/01-etags\.http:\d+\)  304 Not Modified`,
		`Update again with the stale ETag \(\.\./collections/tour/01-etags\.http:\d+\)  412 Precondition Failed`,
		`ok    @expect finding content-length-mismatch`} {
		if !regexp.MustCompile(want).MatchString(out) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b") {
		t.Errorf("escape sequences in output that is not a terminal:\n%q", out)
	}
}

// junitDoc is the JUnit XML structure CI systems read.
type junitDoc struct {
	XMLName  xml.Name `xml:"testsuites"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Errors   int      `xml:"errors,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Cases    []struct {
			Name      string `xml:"name,attr"`
			Classname string `xml:"classname,attr"`
			Failure   *struct {
				Message string `xml:"message,attr"`
				Type    string `xml:"type,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

// TestRunFailingExpectation: one failing @expect makes the run exit 1, and the JUnit
// report is well-formed JUnit that names the failing test; the JSON report agrees.
func TestRunFailingExpectation(t *testing.T) {
	file := runFile(t, "items.http", `### Read item
# @name readItem
# @expect status 200
# @expect header ETag
GET {{demo}}/items/1

### Delete item
# @expect status 200
DELETE {{demo}}/items/2
`)
	dir := t.TempDir()
	junit, jsonPath := filepath.Join(dir, "junit.xml"), filepath.Join(dir, "run.json")
	code, out, errOut := cli(t, "run", file, "--report", "junit="+junit, "--report", "json="+jsonPath)
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s\n%s", code, out, errOut)
	}
	if !strings.Contains(out, "FAIL  @expect status 200: status 204, not 200 (RFC 9110 §15.3.5") {
		t.Errorf("no failing line with its RFC reference:\n%s", out)
	}
	if !strings.Contains(errOut, "1 of 5 checks failed") {
		t.Errorf("stderr %q", errOut)
	}

	raw, err := os.ReadFile(junit)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(raw), `<?xml version="1.0" encoding="UTF-8"?>`) {
		t.Errorf("no XML declaration:\n%s", raw)
	}
	var doc junitDoc
	if err := xml.Unmarshal(raw, &doc); err != nil {
		t.Fatalf("not XML: %v\n%s", err, raw)
	}
	if doc.Tests != 5 || doc.Failures != 1 || doc.Errors != 0 || len(doc.Suites) != 2 {
		t.Fatalf("testsuites tests=%d failures=%d errors=%d suites=%d\n%s", doc.Tests, doc.Failures, doc.Errors, len(doc.Suites), raw)
	}
	var failed []string
	for _, s := range doc.Suites {
		n := 0
		for _, c := range s.Cases {
			if c.Classname != s.Name {
				t.Errorf("case %q has classname %q, suite %q", c.Name, c.Classname, s.Name)
			}
			if c.Failure != nil {
				n++
				failed = append(failed, s.Name+" / "+c.Name+" / "+c.Failure.Message)
			}
		}
		if s.Tests != len(s.Cases) || s.Failures != n {
			t.Errorf("suite %q: tests=%d failures=%d for %d cases, %d failed", s.Name, s.Tests, s.Failures, len(s.Cases), n)
		}
	}
	want := "Delete item (" + file + ":9) / @expect status 200 / status 204, not 200"
	if len(failed) != 1 || failed[0] != want {
		t.Errorf("failed cases %q, want %q", failed, want)
	}

	var rep struct {
		Passed   bool `json:"passed"`
		ExitCode int  `json:"exit_code"`
		Requests []struct {
			Name     string `json:"name"`
			Passed   bool   `json:"passed"`
			Response struct {
				Status int `json:"status"`
			} `json:"response"`
		} `json:"requests"`
	}
	b, err := os.ReadFile(jsonPath)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Passed || rep.ExitCode != 1 || len(rep.Requests) != 2 || !rep.Requests[0].Passed || rep.Requests[1].Passed ||
		rep.Requests[1].Response.Status != 204 {
		t.Errorf("JSON report %s", b)
	}
}

// TestRunLoginThenCall: a response handler keeps the token /login returns as a
// global, and the next request sends it as {{token}}.
func TestRunLoginThenCall(t *testing.T) {
	file := runFile(t, "auth.http", `### Log in
# @name login
POST {{demo}}/login

> {%
    client.test("a token came back", function () {
        client.assert(typeof response.body.token === "string" && response.body.token.length > 0, "no token in " + JSON.stringify(response.body));
    });
    client.global.set("token", response.body.token);
    client.log("logged in");
%}

### Who am I
# @expect status 200
GET {{demo}}/me
Authorization: Bearer {{token}}

> {%
    client.test("authorised", function () { client.assert(response.status === 200, "status " + response.status); });
%}

### Without the token
# @expect status 401
GET {{demo}}/me
`)
	code, out, errOut := cli(t, "run", file)
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	for _, want := range []string{"PASS  login (", "  ok    a token came back", "  log   logged in",
		"PASS  Who am I (", "  ok    authorised", "  ok    @expect status 200", "PASS  Without the token ("} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
	if strings.Contains(errOut, "not run") {
		t.Errorf("run says the scripts it ran were not run: %s", errOut)
	}
}

// TestRunPicksRequestsAndTheirDependencies: NAME picks a request; the request it
// quotes runs first, once.
func TestRunPicksRequestsAndTheirDependencies(t *testing.T) {
	file := runFile(t, "deps.http", `### Unrelated
GET {{demo}}/status/500

### Read
# @name read
GET {{demo}}/items/3

### Update
# @expect status 204
PUT {{demo}}/items/3
Content-Type: application/json
If-Match: {{read.response.headers.ETag}}

{"name": "eraser (used)"}
`)
	code, out, errOut := cli(t, "run", file, "Update")
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	heads := regexp.MustCompile(`(?m)^(PASS|FAIL)  (\w+)`).FindAllStringSubmatch(out, -1)
	if len(heads) != 2 || heads[0][2] != "read" || heads[1][2] != "Update" {
		t.Errorf("ran %v, want read then Update:\n%s", heads, out)
	}
	if code, _, errOut := cli(t, "run", file, "@nosuch"); code != 2 || !strings.Contains(errOut, "no request named nosuch") {
		t.Errorf("unknown name: exit %d, %s", code, errOut)
	}
}

// TestRunFailOn: an explain finding fails the run only with --fail-on of its
// severity, naming the finding and its RFC section.
func TestRunFailOn(t *testing.T) {
	file := runFile(t, "broken.http", `### Unquoted ETag
GET {{demo}}/broken/etag-unquoted

### Teapot
GET {{demo}}/status/418
`)
	if code, out, _ := cli(t, "run", file); code != 0 {
		t.Fatalf("without --fail-on: exit %d\n%s", code, out)
	}
	code, out, _ := cli(t, "run", file, "--fail-on", "error")
	if code != 1 || !strings.Contains(out, "FAIL  finding etag-syntax: error: ") || !strings.Contains(out, "RFC 9110 §8.8.3") ||
		!strings.Contains(out, "PASS  Teapot") {
		t.Errorf("--fail-on error: exit %d\n%s", code, out)
	}
	code, out, _ = cli(t, "run", file, "--fail-on", "warn")
	if code != 1 || !strings.Contains(out, "FAIL  Teapot") || !strings.Contains(out, "finding status-unused: warning: ") ||
		!strings.Contains(out, "FAIL  finding etag-syntax: error: ") {
		t.Errorf("--fail-on warn: exit %d\n%s", code, out)
	}
}

// TestRunFileErrorsExit2: bad usage and errors in the file exit 2, and the error
// names the file and line; the other requests still run.
func TestRunFileErrorsExit2(t *testing.T) {
	file := runFile(t, "bad.http", `### Good
GET {{demo}}/items/1

### Bad expectation
# @expect stauts 200
GET {{demo}}/items/1

### Missing handler file
GET {{demo}}/items/1

> ./missing.js
`)
	code, out, errOut := cli(t, "run", file)
	if code != 2 {
		t.Fatalf("exit %d, want 2\n%s\n%s", code, out, errOut)
	}
	for _, want := range []string{"PASS  Good (", file + ":5: @expect", file + ":11: script file ./missing.js"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in:\n%s", want, out)
		}
	}
	for _, args := range [][]string{
		{"run"},
		{"run", file, "--fail-on", "info"},
		{"run", file, "--report", "xml=out.xml"},
		{"run", file, "--cache", "public"},
		{"run", filepath.Join(t.TempDir(), "none.http")},
	} {
		if code, _, errOut := cli(t, args...); code != 2 || errOut == "" {
			t.Errorf("%q: exit %d, stderr %q", args, code, errOut)
		}
	}
}

// TestRunThroughOneCacheLab: --cache keeps one lab for the run, so a second GET of
// a fresh response is a hit and says so.
func TestRunThroughOneCacheLab(t *testing.T) {
	file := runFile(t, "cache.http", `### Store
GET {{demo}}/cache/max-age

### Hit
GET {{demo}}/cache/max-age
`)
	code, out, errOut := cli(t, "run", file, "--cache", "private")
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	store, hit := strings.Index(out, "cache private: miss"), strings.Index(out, "cache private: fresh hit")
	if store < 0 || hit < store {
		t.Errorf("want a miss then a fresh hit:\n%s", out)
	}
}

// TestRunCorpusScripts runs the corpus files whose scripts need only the JetBrains
// API (httpyac's IntelliJ examples, a kulala test) through `httplens run`, with their
// hosts pointed at a loopback echo server in the manner of httpbin.
func TestRunCorpusScripts(t *testing.T) {
	const corpus = "../collections/testdata/corpus/http/"
	files := map[string]string{
		"httpyac+httpyac.github.io/examples/intellij/prerequestscript.http":  "http://example.org",
		"httpyac+httpyac.github.io/examples/intellij/postrequestscript.http": "https://postman-echo.com",
		"mistweaverco+kulala.nvim/tests/functional/requests/advanced_A.http": "https://httpbin.org",
	}
	var mu sync.Mutex
	var paths []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		paths = append(paths, r.Method+" "+r.URL.Path)
		mu.Unlock()
		body, _ := io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "application/json")
		if !json.Valid(body) {
			body = []byte("null")
		}
		fmt.Fprintf(w, `{"url": %q, "json": %s}`, r.URL.Path, body)
	}))
	defer srv.Close()
	dir := t.TempDir()
	for rel, host := range files {
		b, err := os.ReadFile(corpus + rel)
		if err != nil {
			t.Fatalf("no corpus: %v", err)
		}
		text := strings.ReplaceAll(string(b), host, srv.URL)
		if strings.Contains(rel, "kulala") {
			// Shows the global the handler kept: AID, the id whose desc is ENV_USER.
			text += "\n\n### Use the global\nGET " + srv.URL + "/aid/{{AID}}\n"
		}
		writeFile(t, filepath.Join(dir, strings.ReplaceAll(rel, "/", "_")), text)
	}
	code, out, errOut := cli(t, "run", dir)
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
	}
	if !strings.Contains(out, "  ok    Request executed successfully") {
		t.Errorf("the post-request script's test did not run:\n%s", out)
	}
	mu.Lock()
	defer mu.Unlock()
	for _, want := range []string{"GET /John", "POST /post", "POST /advanced_1", "GET /aid/1"} {
		if !slices.Contains(paths, want) {
			t.Errorf("the server saw %q, not %q", paths, want)
		}
	}
}
