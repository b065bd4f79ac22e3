package cli

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/httplens/httplens/explain"
)

// agreeDoc is the part of send --json and explain --json this test compares.
type agreeDoc struct {
	Request struct {
		Method  string      `json:"method"`
		URL     string      `json:"url"`
		Headers [][2]string `json:"headers"`
	} `json:"request"`
	Response struct {
		Proto   string      `json:"proto"`
		Status  int         `json:"status"`
		Reason  string      `json:"reason"`
		Headers [][2]string `json:"headers"`
		Body    string      `json:"body"`
	} `json:"response"`
	Explain struct {
		Findings []explain.Finding `json:"findings"`
		CORS     *explain.CORS     `json:"cors"`
		Cookies  []explain.Cookie  `json:"cookies"`
	} `json:"explain"`
}

func (d agreeDoc) codes() []string {
	var out []string
	for _, f := range d.Explain.Findings {
		out = append(out, string(f.Severity)+" "+f.ID)
	}
	slices.Sort(out)
	return out
}

// TestExplainAgreesWithSend sends each lesson request of the demo, then explains the
// raw response it got with the same method, URL and request fields: both commands
// must report the same findings, and --json must carry the CORS and cookie parts.
func TestExplainAgreesWithSend(t *testing.T) {
	base := startDemo(t)
	origin := "Origin: https://app.example"
	cases := []struct {
		name string
		args []string
		want []string // findings that must be there, "severity id"
	}{
		{"CORS read", []string{"-H", origin, base + "/cors/items/1"}, []string{"info cors-verdict"}},
		{"CORS from another origin", []string{"-H", "Origin: https://evil.example", base + "/cors/items/1"}, []string{"error cors-origin"}},
		{"CORS preflight", []string{"-X", "OPTIONS", "-H", origin, "-H", "Access-Control-Request-Method: DELETE", "-H", "Access-Control-Request-Headers: if-match", base + "/cors/items/1"}, []string{"info cors-max-age", "info cors-verdict"}},
		{"CORS preflight refused", []string{"-X", "OPTIONS", "-H", origin, "-H", "Access-Control-Request-Method: PATCH", base + "/cors/items/1"}, []string{"error cors-preflight-method"}},
		{"CORS * with credentials", []string{"-H", origin, "-H", "Cookie: session=1", base + "/cors/wildcard"}, []string{"error cors-credentials-wildcard"}},
		{"cookies set", []string{"-X", "POST", base + "/cookies/login"}, []string{"info cookie"}},
		{"cookies rejected", []string{base + "/cookies/rejected"}, []string{"warning cookie-rejected"}},
		{"303 after PUT", []string{"-X", "PUT", "-H", "Content-Type: application/json", "-d", `{"a":1}`, base + "/redirect/items/1"}, []string{"info redirect-method", "info redirect-relative", "info redirect-cache"}},
		{"307 for DELETE", []string{"-X", "DELETE", base + "/redirect/items/2"}, []string{"info redirect-method", "info redirect-cache"}},
		{"206", []string{"-H", "Range: bytes=2-4", base + "/range/alphabet"}, []string{"info accept-ranges", "info range-partial"}},
		{"416", []string{"-H", "Range: bytes=50-", base + "/range/alphabet"}, nil}, // correct: bytes */26
		{"Range ignored", []string{"-H", "Range: bytes=2-4", base + "/items/1"}, []string{"info range-ignored"}},
		{"Vary not sent", []string{base + "/cache/vary"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			args := append([]string{"send", "--json", "--no-follow", "--no-cookies", "--no-history"}, c.args...)
			code, out, errOut := cli(t, args...)
			if code != exitOK {
				t.Fatalf("send: exit %d: %s", code, errOut)
			}
			var sent agreeDoc
			if err := json.Unmarshal([]byte(out), &sent); err != nil {
				t.Fatalf("send --json: %v\n%s", err, out)
			}
			explained := explainAgain(t, sent)
			if g, w := explained.codes(), sent.codes(); !slices.Equal(g, w) {
				t.Errorf("explain says %q\nsend says    %q", g, w)
			}
			for _, w := range c.want {
				if !slices.Contains(sent.codes(), w) {
					t.Errorf("missing %q in %q", w, sent.codes())
				}
			}
			if (sent.Explain.CORS != nil) != strings.Contains(strings.Join(c.args, " "), "Origin:") {
				t.Errorf("cors part = %+v", sent.Explain.CORS)
			}
			if got, want := len(sent.Explain.Cookies), countHeader(sent.Response.Headers, "Set-Cookie"); got != want || len(explained.Explain.Cookies) != want {
				t.Errorf("cookies part: send %d, explain %d, want %d", got, len(explained.Explain.Cookies), want)
			}
		})
	}
}

// explainAgain feeds the raw response of a send --json document to explain --json,
// with the request's method, URL and header fields as flags.
func explainAgain(t *testing.T, sent agreeDoc) agreeDoc {
	t.Helper()
	var raw strings.Builder
	fmt.Fprintf(&raw, "%s %d %s\r\n", sent.Response.Proto, sent.Response.Status, sent.Response.Reason)
	for _, h := range sent.Response.Headers {
		if strings.EqualFold(h[0], "Transfer-Encoding") {
			t.Fatalf("chunked responses cannot be replayed from JSON: %v", h)
		}
		fmt.Fprintf(&raw, "%s: %s\r\n", h[0], h[1])
	}
	raw.WriteString("\r\n" + sent.Response.Body)
	args := []string{"--json", "--method", sent.Request.Method, "--url", sent.Request.URL}
	for _, h := range sent.Request.Headers {
		args = append(args, "-H", h[0]+": "+h[1])
	}
	out, err := runExplainCmd(t, raw.String(), args...)
	if err != nil {
		t.Fatal(err)
	}
	var doc agreeDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("explain --json: %v\n%s", err, out)
	}
	return doc
}

func countHeader(hs [][2]string, name string) int {
	n := 0
	for _, h := range hs {
		if strings.EqualFold(h[0], name) {
			n++
		}
	}
	return n
}

// TestTourLessonsTeach sends each request of the CORS, cookie, redirect and range
// lessons to the demo (as the TUI would, without following redirects) and checks
// that the Explain pane has the finding the lesson is about.
func TestTourLessonsTeach(t *testing.T) {
	cases := []struct{ file, title, want string }{
		{"05-cors.http", "CORS read from the trusted page", "info cors-verdict"},
		{"05-cors.http", "CORS read from another site", "error cors-origin"},
		{"05-cors.http", "CORS preflight before a write with If-Match", "info cors-max-age"},
		{"05-cors.http", "CORS preflight for PATCH, refused", "error cors-preflight-method"},
		{"05-cors.http", "CORS wildcard with credentials", "error cors-credentials-wildcard"},
		{"06-cookies.http", "Cookies at login", "info cookie"},
		{"06-cookies.http", "Cookies a browser rejects", "warning cookie-rejected"},
		{"06-cookies.http", "Cookies at logout", "info cookie"},
		{"07-redirects.http", "Redirect: 303 after PUT", "info redirect-method"},
		{"07-redirects.http", "Redirect: 307 for DELETE", "info redirect-method"},
		{"07-redirects.http", "Redirect: 307 for GET", "info redirect-cache"},
		{"08-ranges.http", "Range: bytes 2-4", "info range-partial"},
		{"08-ranges.http", "Range: two parts", "info accept-ranges"},
		{"08-ranges.http", "Range with a stale If-Range", "info range-ignored"},
		{"08-ranges.http", "Range ignored by the items", "info range-ignored"},
	}
	for _, c := range cases {
		t.Run(c.title, func(t *testing.T) {
			code, out, errOut := cli(t, "send", "--json", "--no-follow", "--no-cookies", "--no-history",
				"../collections/tour/"+c.file, c.title)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			var doc agreeDoc
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatalf("send --json: %v\n%s", err, out)
			}
			if !slices.Contains(doc.codes(), c.want) {
				t.Errorf("want %q, got %q", c.want, doc.codes())
			}
		})
	}
}

// TestExplainPrintsCORSAndCookies checks the human report's CORS and COOKIES
// sections, escapes included.
func TestExplainPrintsCORSAndCookies(t *testing.T) {
	raw := "HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: https://app.example\r\nVary: Origin\r\n" +
		"Set-Cookie: sid=1; Path=/; HttpOnly; SameSite=Lax\r\nSet-Cookie: t=\x1b[31m; SameSite=None\r\nSet-Cookie: \x1b[2Jx=1\r\nContent-Length: 0\r\n\r\n"
	out, err := runExplainCmd(t, raw, "--url", "https://api.example/x", "-H", "Origin: https://app.example")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"\nCORS\n  read from https://app.example: allowed", "\nCOOKIES\n  sid: api.example/ · session · HttpOnly SameSite=Lax",
		"t: rejected: SameSite=None without Secure"} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b") {
		t.Error("an escape byte reached the output")
	}
	if _, err := runExplainCmd(t, raw, "-H", "no colon"); err == nil || !strings.Contains(err.Error(), `-H "no colon" is not a header field`) {
		t.Errorf("bad -H: %v", err)
	}
}
