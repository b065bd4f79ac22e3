package expect

import (
	"strings"
	"testing"
	"time"

	"github.com/httplens/httplens/explain"
)

func TestParse(t *testing.T) {
	for _, c := range []struct {
		in      string
		want    Expectation
		wantErr string
	}{
		{in: "status 204", want: Expectation{Kind: Status, Arg: "204", Text: "status 204"}},
		{in: "  status   2XX ", want: Expectation{Kind: Status, Arg: "2xx", Text: "status 2XX"}},
		{in: "no-errors", want: Expectation{Kind: NoErrors, Text: "no-errors"}},
		{in: "cacheable shared", want: Expectation{Kind: Cacheable, Arg: "shared", Text: "cacheable shared"}},
		{in: "finding put-validator", want: Expectation{Kind: Finding, Arg: "put-validator", Text: "finding put-validator"}},
		{in: "header ETag", want: Expectation{Kind: Header, Arg: "ETag", Text: "header ETag"}},
		{in: "header Cache-Control max-age=10, public", want: Expectation{Kind: Header, Arg: "Cache-Control", Value: "max-age=10, public", Text: "header Cache-Control max-age=10, public"}},
		{in: "", wantErr: "needs a check"},
		{in: "status", wantErr: "one status code"},
		{in: "status 2000", wantErr: "one status code"},
		{in: "status 204 200", wantErr: "one status code"},
		{in: "no-errors please", wantErr: "takes no argument"},
		{in: "cacheable public", wantErr: "shared, private or none"},
		{in: "finding put-validatr", wantErr: `no finding has the id "put-validatr"`},
		{in: "header", wantErr: "field name"},
		{in: "Status 204", wantErr: `unknown check "Status"`},
		{in: "body-contains x", wantErr: "the checks are status, no-errors"},
	} {
		t.Run(c.in, func(t *testing.T) {
			got, err := Parse(c.in)
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("err = %v, want it to say %q", err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Errorf("got %+v, want %+v", got, c.want)
			}
		})
	}
}

var now = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

func exchange(method string, status int, body string, fields ...string) explain.Exchange {
	x := explain.Exchange{Request: &explain.Request{Method: method, URL: "http://127.0.0.1/items/1"},
		Response: explain.Response{Proto: "HTTP/1.1", Status: status, Body: []byte(body), BodyBytes: int64(len(body))},
		Sent:     now, Received: now, Now: now}
	x.Response.Fields = append(x.Response.Fields, explain.Field{Name: "Date", Value: now.Format(time.RFC1123)[:26] + "GMT"})
	for i := 0; i+1 < len(fields); i += 2 {
		x.Response.Fields = append(x.Response.Fields, explain.Field{Name: fields[i], Value: fields[i+1]})
	}
	return x
}

func TestCheck(t *testing.T) {
	ok204 := exchange("PUT", 204, "", "ETag", `"v2"`)
	broken204 := exchange("PUT", 204, "oops", "Content-Length", "4")
	shared := exchange("GET", 200, "{}", "Cache-Control", "max-age=60", "Content-Length", "2")
	private := exchange("GET", 200, "{}", "Cache-Control", "private, max-age=60", "Content-Length", "2")
	noStore := exchange("GET", 200, "{}", "Cache-Control", "no-store", "Content-Length", "2")
	for _, c := range []struct {
		name      string
		expect    string
		x         explain.Exchange
		pass      bool
		reason    string
		refPrefix string
	}{
		{"status matches", "status 204", ok204, true, "", ""},
		{"status differs", "status 200", ok204, false, "status 204, not 200", ""},
		{"status class", "status 2xx", ok204, true, "", ""},
		{"no errors on a clean 204", "no-errors", ok204, true, "", ""},
		{"a 204 with a body is an error", "no-errors", broken204, false, "error no-content-body", "RFC 9110 §15.3.5"},
		{"finding present", "finding no-content-length", broken204, true, "", "RFC 9110 §8.6"},
		{"finding absent", "finding no-content-length", ok204, false, "explain did not report no-content-length", "RFC 9110 §8.6"},
		{"no-finding fails when found", "no-finding no-content-body", broken204, false, "no-content-body", "RFC 9110 §15.3.5"},
		{"cacheable shared", "cacheable shared", shared, true, "", "RFC 9111"},
		{"private is not shared", "cacheable shared", private, false, "cacheable private, not shared", "RFC 9111"},
		{"cacheable private", "cacheable private", private, true, "", "RFC 9111"},
		{"no-store is none", "cacheable none", noStore, true, "", "RFC 9111"},
		{"no-store is not private", "cacheable private", noStore, false, "cacheable none, not private", "RFC 9111"},
		{"header present", "header etag", ok204, true, "", ""},
		{"header value", `header ETag "v2"`, ok204, true, "", ""},
		{"header value differs", `header ETag "v3"`, ok204, false, `ETag is "\"v2\"", not "\"v3\""`, ""},
		{"header missing", "header Location", ok204, false, "no Location field", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			e, err := Parse(c.expect)
			if err != nil {
				t.Fatal(err)
			}
			res := Check(e, c.x, explain.Analyze(c.x))
			if res.Passed != c.pass {
				t.Fatalf("passed = %v (%s), want %v", res.Passed, res.Reason, c.pass)
			}
			if !strings.Contains(res.Reason, c.reason) {
				t.Errorf("reason %q, want it to contain %q", res.Reason, c.reason)
			}
			if c.refPrefix != "" && !strings.HasPrefix(strings.Join(res.Refs, ","), c.refPrefix) && !strings.Contains(strings.Join(res.Refs, ","), c.refPrefix) {
				t.Errorf("refs %v, want %s", res.Refs, c.refPrefix)
			}
			if res.Name != "@expect "+e.Text {
				t.Errorf("name %q", res.Name)
			}
		})
	}
}

func TestNoResponseFailsEveryCheck(t *testing.T) {
	e, _ := Parse("no-errors")
	if res := Check(e, explain.Exchange{}, explain.Report{}); res.Passed || res.Reason != "no response" {
		t.Errorf("%+v", res)
	}
}
