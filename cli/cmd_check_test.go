package cli

import (
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/httplens/httplens/check"
)

func TestCheckCommand(t *testing.T) {
	base := startDemo(t)
	ignoresConditions := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"x"`)
		_, _ = w.Write([]byte("always the same body"))
	}))
	t.Cleanup(ignoresConditions.Close)
	cases := []struct {
		name string
		args []string
		want []string
	}{
		{"demo item", []string{base + "/items/1"},
			[]string{"CHECK GET " + base + "/items/1 (first GET: 200 OK)", "PASSED conditional-etag", "PASSED head", "SKIPPED gzip",
				`> GET [If-None-Match: "`, "RFC 9110 §13.1.2", "3 passed, 0 failed, 4 skipped"}},
		{"demo write", []string{"-X", "PUT", "-H", "Content-Type: application/json", "-d", `{"name":"c"}`, "--writes", base + "/items/2"},
			[]string{"CHECK PUT", "PASSED stale-write", "PASSED conditional-write", "5 passed, 0 failed, 2 skipped"}},
		{"writes need --writes", []string{"-X", "DELETE", base + "/items/2"}, []string{"SKIPPED stale-write", "(--writes)"}},
		{"a server that ignores If-None-Match", []string{ignoresConditions.URL}, []string{"FAILED conditional-etag", "ignores the condition", "1 failed"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, stderr := cli(t, append([]string{"check"}, c.args...)...)
			if code != exitOK || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			for _, w := range c.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
		})
	}
}

func TestCheckJSON(t *testing.T) {
	base := startDemo(t)
	code, out, _ := cli(t, "check", "--json", base+"/items/1")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	var doc struct {
		Method  string
		URL     string
		First   struct{ Status int }
		Results []check.Result
		Summary map[string]int
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if doc.Method != "GET" || doc.First.Status != 200 || len(doc.Results) != 7 || doc.Summary["passed"] != 3 { // the demo item ignores Range: skipped
		t.Errorf("doc = %+v", doc)
	}
	if r := doc.Results[0]; r.Name != check.ConditionalETag || r.Status != check.Passed || len(r.Evidence) != 1 || r.Evidence[0].Status != 304 {
		t.Errorf("first result = %+v", r)
	}
}

func TestCheckExitStatus(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + l.Addr().String() + "/"
	l.Close()
	cases := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"connection refused", []string{closed}, exitFailed, "the first request failed"},
		{"not a URL", []string{"items/1"}, exitUsage, "not an http:// or https:// URL"},
		{"bad header", []string{"-H", "nocolon", "http://127.0.0.1/"}, exitUsage, "not 'Name: value'"},
		{"missing body file", []string{"-X", "PUT", "-d", "@/nonexistent/body.json", "http://127.0.0.1/"}, exitUsage, "body.json"},
		{"no URL", nil, exitUsage, "accepts 1 arg"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := cli(t, append([]string{"check"}, c.args...)...)
			if code != c.code || !strings.Contains(stderr, c.want) || strings.Count(stderr, "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want %d and %q on one line", code, stderr, c.code, c.want)
			}
		})
	}
}
