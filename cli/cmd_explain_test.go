package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const explainSample = "HTTP/1.1 204 No Content\r\n" +
	"ETag: \"v2\"\r\n" +
	"Content-Length: 3\r\n" +
	"Date: Wed, 01 May 2024 12:00:00 GMT\r\n" +
	"\r\n" +
	"abc"

// runExplainCmd runs `explain args...` with stdin and returns stdout and the error.
func runExplainCmd(t *testing.T, stdin string, args ...string) (string, error) {
	t.Helper()
	c := newExplainCmd()
	var out bytes.Buffer
	c.SetIn(strings.NewReader(stdin))
	c.SetOut(&out)
	c.SetErr(&bytes.Buffer{})
	c.SetArgs(args)
	c.SilenceUsage, c.SilenceErrors = true, true
	err := c.Execute()
	return out.String(), err
}

func TestExplainHuman(t *testing.T) {
	path := filepath.Join(t.TempDir(), "resp.txt")
	if err := os.WriteFile(path, []byte(explainSample), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		stdin string
		args  []string
		want  []string
		not   []string
	}{
		{"file with method", "", []string{path, "--method", "PUT"},
			[]string{"HTTP/1.1 204 No Content", "For PUT", "ERRORS", "no-content-body:", "no-content-length:", "RFC 9110 §8.6",
				"INFO", "method-safety:", "VALIDATORS", `ETag           "v2" (strong)`, "CACHE", "private", "shared"}, nil},
		{"stdin with dash", explainSample, []string{"-"}, []string{"no-content-body:"}, []string{"method-safety:"}},
		{"stdin without argument", explainSample, nil, []string{"ERRORS"}, nil},
		{"only --url means GET", "HTTP/1.1 200 OK\nDate: Wed, 01 May 2024 12:00:00 GMT\nContent-Length: 0\n\n", []string{"--url", "http://127.0.0.1/x"},
			[]string{"GET is safe and idempotent", "no-validator:", "VALIDATORS\n  none"}, []string{"ERRORS"}},
		{"method alone does not claim headers are missing", "HTTP/1.1 412 Precondition Failed\n\n", []string{"--method", "PUT"},
			[]string{"412: a precondition was false"}, []string{"without a precondition"}},
		{"control characters made visible", "HTTP/1.1 200 OK\nETag: \"a\x1b[31m\"\n\n", nil, []string{"␛[31m"}, []string{"\x1b"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, err := runExplainCmd(t, c.stdin, c.args...)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range c.want {
				if !strings.Contains(out, s) {
					t.Errorf("output lacks %q:\n%s", s, out)
				}
			}
			for _, s := range c.not {
				if strings.Contains(out, s) {
					t.Errorf("output has %q:\n%s", s, out)
				}
			}
			for _, l := range strings.Split(out, "\n") {
				if len([]rune(l)) > reportWidth+20 {
					t.Errorf("line too long for a terminal (%d): %q", len(l), l)
				}
			}
		})
	}
}

func TestExplainJSON(t *testing.T) {
	cases := []struct {
		name     string
		stdin    string
		args     []string
		request  bool
		encoding string
		body     string
	}{
		{"request unknown", explainSample, []string{"--json"}, false, "utf-8", "abc"},
		{"request from flags", explainSample, []string{"--json", "--method", "PUT", "--url", "http://127.0.0.1/items/1"}, true, "utf-8", "abc"},
		{"binary body", "HTTP/1.1 200 OK\nContent-Length: 2\n\n\xff\xfe", []string{"--json"}, false, "base64", "//4="},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, err := runExplainCmd(t, c.stdin, c.args...)
			if err != nil {
				t.Fatal(err)
			}
			var doc map[string]json.RawMessage
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatalf("not JSON: %v\n%s", err, out)
			}
			if _, ok := doc["request"]; ok != c.request {
				t.Errorf("request present = %v, want %v", ok, c.request)
			}
			var resp jsonResponse
			if err := json.Unmarshal(doc["response"], &resp); err != nil {
				t.Fatal(err)
			}
			if resp.BodyEncoding != c.encoding || resp.Body != c.body || len(resp.Headers) == 0 || resp.Headers[0][0] == "" {
				t.Errorf("response = %+v", resp)
			}
			var ex struct {
				Status   struct{ Code int }
				Findings []struct {
					ID, Severity, Title, Detail string
					Refs                        []string
				}
				Validators map[string]any
				Cache      map[string]any
			}
			if err := json.Unmarshal(doc["explain"], &ex); err != nil {
				t.Fatal(err)
			}
			if ex.Status.Code != resp.Status || len(ex.Findings) == 0 || ex.Validators["etag_valid"] == nil || ex.Cache["private"] == nil {
				t.Errorf("explain = %+v", ex)
			}
			for _, key := range []string{"vary", "invalidates"} {
				if string(mustField(t, doc["explain"], "cache", key)) == "null" {
					t.Errorf("cache.%s is null", key)
				}
			}
		})
	}
}

func mustField(t *testing.T, raw json.RawMessage, outer, inner string) json.RawMessage {
	t.Helper()
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	var in map[string]json.RawMessage
	if err := json.Unmarshal(m[outer], &in); err != nil {
		t.Fatal(err)
	}
	return in[inner]
}

func TestExplainChecks(t *testing.T) {
	out, err := runExplainCmd(t, "", "--checks")
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"no-content-body", "precondition-failed", "put-validator"} {
		if !strings.Contains(out, id+" ") {
			t.Errorf("--checks lacks %s", id)
		}
	}
	out, err = runExplainCmd(t, "", "--checks", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var list []struct{ ID, Severity, Title string }
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list) < 30 {
		t.Fatalf("--checks --json: %v, %d checks", err, len(list))
	}
}

func TestExplainBadInput(t *testing.T) {
	cases := []struct {
		name  string
		stdin string
		args  []string
		want  string
	}{
		{"garbage on stdin", "hello there\n", nil, "explain: stdin: line 1: expected a status line"},
		{"header garbage", "HTTP/1.1 200 OK\nnot a header\n\n", []string{"-"}, "stdin: line 2"},
		{"empty input", "", []string{"-"}, "empty input"},
		{"missing file", "", []string{filepath.Join(t.TempDir(), "nope.txt")}, "nope.txt"},
		{"bad method", explainSample, []string{"--method", "GE T"}, "not a method name"},
		{"checks with a file", "", []string{"--checks", "x.txt"}, "--checks takes no FILE"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := runExplainCmd(t, c.stdin, c.args...)
			var ee *exitError
			if !errors.As(err, &ee) || ee.code != exitUsage {
				t.Fatalf("err = %v, want a usage error (exit 2)", err)
			}
			if !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("err = %q, want one line containing %q", err, c.want)
			}
		})
	}
}

// TestExplainSavedFileNoSkew: a response saved in 2024 is judged as of its own
// Date, so today's clock neither reports clock skew nor makes it stale; piped on
// stdin, it arrived just now and the skew is real.
func TestExplainSavedFileNoSkew(t *testing.T) {
	raw := "HTTP/1.1 200 OK\r\nDate: Wed, 01 May 2024 12:00:00 GMT\r\nCache-Control: max-age=60\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nhi"
	path := filepath.Join(t.TempDir(), "saved.txt")
	if err := os.WriteFile(path, []byte(raw), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := runExplainCmd(t, "", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"The clocks differ", "before the response arrived", "Stale by"} {
		if strings.Contains(out, bad) {
			t.Errorf("explaining a saved file says %q:\n%s", bad, out)
		}
	}
	if !strings.Contains(out, "clock skew: unknown") || !strings.Contains(out, "Fresh for 60 s more") {
		t.Errorf("saved file not judged as of its Date:\n%s", out)
	}
	out, err = runExplainCmd(t, raw)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "The clocks differ") {
		t.Errorf("piped response from 2024 should show the skew against now:\n%s", out)
	}
}
