package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/httplens/httplens/demo"
)

// cli runs the command line in-process and returns its exit status and output.
func cli(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

func startDemo(t *testing.T) string {
	t.Helper()
	srv, err := demo.Start()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return srv.URL()
}

// sendJSON is the part of the `send --json` document the tests read.
type sendJSON struct {
	Request struct {
		Method  string      `json:"method"`
		Headers [][2]string `json:"headers"`
	} `json:"request"`
	Response struct {
		Status       int         `json:"status"`
		Reason       string      `json:"reason"`
		Headers      [][2]string `json:"headers"`
		Body         string      `json:"body"`
		BodyEncoding string      `json:"body_encoding"`
		BodyBytes    int64       `json:"body_bytes"`
	} `json:"response"`
	TimingMS map[string]float64 `json:"timing_ms"`
	Explain  struct {
		Status   struct{ Code int } `json:"status"`
		Findings []struct {
			ID       string `json:"id"`
			Severity string `json:"severity"`
		} `json:"findings"`
		Validators struct {
			ETag      string `json:"etag"`
			ETagValid bool   `json:"etag_valid"`
		} `json:"validators"`
		Cache struct {
			StorablePrivate bool   `json:"storable_private"`
			FreshnessSource string `json:"freshness_source"`
		} `json:"cache"`
	} `json:"explain"`
}

func decodeSend(t *testing.T, out string) sendJSON {
	t.Helper()
	var doc sendJSON
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("send --json is not JSON: %v\n%s", err, out)
	}
	return doc
}

func (d sendJSON) has(id, severity string) bool {
	for _, f := range d.Explain.Findings {
		if f.ID == id && f.Severity == severity {
			return true
		}
	}
	return false
}

// The demo's broken responses are wrong on the wire; each must produce the error it
// was built for through the real path: connection, capture, explain.
func TestSendExplainsBrokenResponses(t *testing.T) {
	base := startDemo(t)
	cases := []struct{ path, id string }{
		{"/broken/204-with-body", "no-content-body"},
		{"/broken/204-with-content-length", "no-content-length"},
		{"/broken/etag-unquoted", "etag-syntax"},
		{"/broken/304-with-body", "not-modified-body"},
		{"/broken/length-mismatch", "content-length-mismatch"},
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			code, out, errOut := cli(t, "send", "--json", base+c.path)
			doc := decodeSend(t, out)
			if !doc.has(c.id, "error") {
				t.Fatalf("want error %s; exit %d, stderr %q, findings %+v", c.id, code, errOut, doc.Explain.Findings)
			}
		})
	}
}

func TestSendJSONKeepsHeaderCaseAndOrder(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		buf := make([]byte, 4096)
		c.Read(buf)
		c.Write([]byte("HTTP/1.1 200 OK\r\neTaG: \"x\"\r\nX-Dup: 1\r\nX-Dup: 2\r\nContent-Length: 2\r\n\r\nhi"))
	}()
	code, out, _ := cli(t, "send", "--json", "-H", "X-Mine: yes", "http://"+ln.Addr().String()+"/")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	doc := decodeSend(t, out)
	want := [][2]string{{"eTaG", `"x"`}, {"X-Dup", "1"}, {"X-Dup", "2"}, {"Content-Length", "2"}}
	if !slices.Equal(doc.Response.Headers, want) {
		t.Fatalf("headers = %q, want %q", doc.Response.Headers, want)
	}
	if doc.Response.Body != "hi" || doc.Response.BodyEncoding != "utf-8" || doc.Response.BodyBytes != 2 {
		t.Fatalf("body = %+v", doc.Response)
	}
	if !slices.Contains(doc.Request.Headers, [2]string{"X-Mine", "yes"}) {
		t.Fatalf("request headers = %q", doc.Request.Headers)
	}
	for _, k := range []string{"dns", "connect", "tls", "ttfb", "transfer", "total"} {
		if _, ok := doc.TimingMS[k]; !ok {
			t.Fatalf("timing_ms.%s missing: %v", k, doc.TimingMS)
		}
	}
	if doc.Explain.Validators.ETag != `"x"` || !doc.Explain.Validators.ETagValid {
		t.Fatalf("validators = %+v", doc.Explain.Validators)
	}
}

func TestSendRawOutputIsExact(t *testing.T) {
	base := startDemo(t)
	code, out, _ := cli(t, "send", base+"/items/1")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	if !strings.HasPrefix(out, "HTTP/1.1 200 OK\r\n") || !strings.Contains(out, "\r\n\r\n{") {
		t.Fatalf("raw output = %q", out)
	}
}

func TestSendExitStatus(t *testing.T) {
	base := startDemo(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + ln.Addr().String() + "/"
	ln.Close()
	cases := []struct {
		name string
		args []string
		code int
		err  string
	}{
		{"a 404 is a response", []string{"send", base + "/status/404"}, 0, ""},
		{"connection refused", []string{"send", closed}, 1, "connection refused"},
		{"bad header flag", []string{"send", "-H", "nocolon", base}, 2, "not 'Name: value'"},
		{"unknown flag", []string{"send", "--nope", base}, 2, "unknown flag"},
		{"missing file", []string{"send", "nothere.http"}, 2, "nothere.http"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, errOut := cli(t, c.args...)
			if code != c.code || !strings.Contains(errOut, c.err) {
				t.Fatalf("exit %d stderr %q, want %d and %q", code, errOut, c.code, c.err)
			}
			if c.err != "" && strings.Count(errOut, "\n") != 1 {
				t.Fatalf("want one line on stderr, got %q", errOut)
			}
		})
	}
}

func TestSendSavedRequestSendsDependenciesFirst(t *testing.T) {
	base := startDemo(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "items.http")
	src := "@host = " + base + "\n\n### Read\n# @name readItem\nGET {{host}}/items/2\n\n" +
		"### Update\n# @name update\nPUT {{host}}/items/2\nContent-Type: application/json\n" +
		"If-Match: {{readItem.response.headers.ETag}}\n\n{\"name\": \"renamed\"}\n"
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := cli(t, "send", "--json", file, "update")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	doc := decodeSend(t, out)
	if doc.Response.Status != 204 || doc.Request.Method != "PUT" {
		t.Fatalf("want the PUT with the read ETag to give 204, got %d %s", doc.Response.Status, doc.Response.Reason)
	}
	code, _, errOut = cli(t, "send", file)
	if code != 2 || !strings.Contains(errOut, "readItem") || !strings.Contains(errOut, "update") {
		t.Fatalf("a file of several requests without NAME must list them: %d %q", code, errOut)
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := cli(t, "version")
	if code != 0 || out != "httplens "+version+"\n" {
		t.Fatalf("version: %d %q", code, out)
	}
}

func TestSendKeepsHistory(t *testing.T) {
	base := startDemo(t)
	db := filepath.Join(t.TempDir(), "h.db")
	if code, _, errOut := cli(t, "send", "--history", db, base+"/items/1"); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if code, _, _ := cli(t, "send", "--history", db, "--no-history", base+"/items/2"); code != 0 {
		t.Fatal("send failed")
	}
	code, out, _ := cli(t, "history", "--history", db, "--json")
	if code != 0 {
		t.Fatalf("history: exit %d", code)
	}
	var list []map[string]any
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("history --json: %v\n%s", err, out)
	}
	if len(list) != 1 || !strings.HasSuffix(fmt.Sprint(list[0]["url"]), "/items/1") {
		t.Fatalf("want only the first exchange kept, got %v", list)
	}
}

// Cookies set in one `send` are sent by the next, through the jar kept in the
// history database; --no-cookies sends none.
func TestSendKeepsCookiesAcrossRuns(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/login", func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "session", Value: "s3cret", Path: "/"})
	})
	mux.HandleFunc("/me", func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie("session")
		if err != nil {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		io.WriteString(w, "hello "+c.Value)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "h.db")

	if code, _, errOut := cli(t, "send", "--history", db, srv.URL+"/login"); code != 0 {
		t.Fatalf("login: %d %s", code, errOut)
	}
	_, out, _ := cli(t, "send", "--history", db, "--json", srv.URL+"/me")
	if doc := decodeSend(t, out); doc.Response.Status != 200 || doc.Response.Body != "hello s3cret" {
		t.Fatalf("second run: %d %q", doc.Response.Status, doc.Response.Body)
	}
	_, out, _ = cli(t, "send", "--history", db, "--no-cookies", "--json", srv.URL+"/me")
	if doc := decodeSend(t, out); doc.Response.Status != 401 {
		t.Fatalf("--no-cookies still sent the cookie: %d", doc.Response.Status)
	}
}

// The settings file gives send its defaults; a flag on the command line wins.
func TestSendUsesSettings(t *testing.T) {
	base := startDemo(t)
	conf := filepath.Join(t.TempDir(), "config.toml")
	// A redirect not followed shows that follow_redirects = false took effect.
	if err := os.WriteFile(conf, []byte("[request]\nfollow_redirects = false\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, out, errOut := cli(t, "send", "--config", conf, "--no-history", "--json", base+"/status/302")
	if doc := decodeSend(t, out); doc.Response.Status != 302 {
		t.Fatalf("settings not applied: %d (%s)", doc.Response.Status, errOut)
	}
	if err := os.WriteFile(conf, []byte("[request]\ntimeout = \"soon\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := cli(t, "send", "--config", conf, "--no-history", base+"/items/1")
	if code != 0 || !strings.Contains(errOut, "config.toml:2") || !strings.Contains(errOut, "timeout") {
		t.Fatalf("a bad value must be reported with its line and the run go on: %d %q", code, errOut)
	}
}

func TestTUIRejectsABadVar(t *testing.T) {
	code, _, errOut := cli(t, "--no-demo", "--var", "novalue")
	if code != 2 || !strings.Contains(errOut, `--var "novalue" is not k=v`) {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
}

// The request object of send --json always has its body, base64 when it is binary.
func TestSendJSONRequestBody(t *testing.T) {
	base := startDemo(t)
	dir := t.TempDir()
	bin := filepath.Join(dir, "bin")
	if err := os.WriteFile(bin, []byte{0xff, 0x00, 0x01}, 0o600); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Request struct {
			Body     *string `json:"body"`
			Encoding string  `json:"body_encoding"`
		} `json:"request"`
	}
	for _, c := range []struct {
		args           []string
		body, encoding string
	}{
		{[]string{base + "/items/1"}, "", "utf-8"},
		{[]string{"-X", "POST", "-d", "@" + bin, base + "/status/200"}, "/wAB", "base64"},
	} {
		_, out, _ := cli(t, append([]string{"send", "--no-history", "--json"}, c.args...)...)
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		if doc.Request.Body == nil || *doc.Request.Body != c.body || doc.Request.Encoding != c.encoding {
			t.Fatalf("%v: request body %v (%s), want %q (%s)", c.args, doc.Request.Body, doc.Request.Encoding, c.body, c.encoding)
		}
	}
}
