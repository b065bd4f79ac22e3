package har

import (
	"os"
	"strings"
	"testing"

	"github.com/httplens/httplens/explain"
)

func readFile(t *testing.T, name string) Log {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	l, err := Read(f, name)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func hasLack(e Entry, part string) bool {
	for _, l := range e.Lacks {
		if strings.Contains(l, part) {
			return true
		}
	}
	return false
}

func field(fs []explain.Field, name string) string {
	for _, f := range fs {
		if strings.EqualFold(f.Name, name) {
			return f.Value
		}
	}
	return ""
}

func TestChromeShape(t *testing.T) {
	l := readFile(t, "chrome.har")
	if l.Creator != "WebInspector 537.36" || len(l.Entries) != 3 {
		t.Fatalf("creator %q, %d entries", l.Creator, len(l.Entries))
	}
	t.Run("h2 pseudo-headers are left out and said so", func(t *testing.T) {
		e := l.Entries[0]
		for _, f := range append(e.Request.Fields, e.Response.Fields...) {
			if strings.HasPrefix(f.Name, ":") {
				t.Errorf("pseudo-header %q kept", f.Name)
			}
		}
		if !hasLack(e, "pseudo-headers left out of the request") || !hasLack(e, "pseudo-headers left out of the response") {
			t.Errorf("lacks %q", e.Lacks)
		}
		if e.Response.Proto != "HTTP/2" || string(e.Response.Body) != "<p>hello</p>\n" || e.TransferSize != 95 {
			t.Errorf("proto %q body %q transfer %d", e.Response.Proto, e.Response.Body, e.TransferSize)
		}
	})
	t.Run("received is started plus the phases up to wait", func(t *testing.T) {
		e := l.Entries[0]
		if d := e.Received.Sub(e.Started).Milliseconds(); d != 41 {
			t.Errorf("received %d ms after start, want 41 (1.2+0.1+40)", d)
		}
		r := explain.Analyze(e.Exchange())
		if !r.Cache.StorablePrivate || r.Cache.FreshnessLifetimeS != 600 || !r.Cache.Fresh {
			t.Errorf("cache %+v", r.Cache)
		}
	})
	t.Run("base64 content and the memory cache", func(t *testing.T) {
		e := l.Entries[1]
		if string(e.Response.Body) != "\x89PNG" || e.FromCache != "memory" || e.TransferSize != 0 {
			t.Errorf("body %q from cache %q transfer %d", e.Response.Body, e.FromCache, e.TransferSize)
		}
		if hasLack(e, "request headers missing") || e.Request.FieldsUnknown {
			t.Errorf("empty header list read as unknown: %+v", e.Request)
		}
	})
	t.Run("a blocked request has no status", func(t *testing.T) {
		e := l.Entries[2]
		if e.Response.Status != 0 || e.Error != "net::ERR_BLOCKED_BY_CLIENT" || !hasLack(e, "no response status") {
			t.Errorf("%+v", e)
		}
	})
}

func TestFirefoxShape(t *testing.T) {
	l := readFile(t, "firefox.har")
	if len(l.Entries) != 2 {
		t.Fatalf("%d entries", len(l.Entries))
	}
	t.Run("the client's If-None-Match reaches explain", func(t *testing.T) {
		e := l.Entries[0]
		if field(e.Request.Fields, "If-None-Match") != `"v1"` || e.Response.Status != 304 {
			t.Fatalf("%+v", e)
		}
		if !hasLack(e, "timings partial: no receive") {
			t.Errorf("lacks %q", e.Lacks)
		}
		if e.Started.UTC().Hour() != 10 {
			t.Errorf("started %v: the +01:00 offset was lost", e.Started)
		}
	})
	t.Run("the request body (postData) is kept", func(t *testing.T) {
		e := l.Entries[1]
		if string(e.RequestBody) != `{"a":1}` || l.Entries[0].RequestBody != nil {
			t.Errorf("request bodies %q, %q", l.Entries[1].RequestBody, l.Entries[0].RequestBody)
		}
	})
	t.Run("a body not included is not read as empty", func(t *testing.T) {
		e := l.Entries[1]
		if !e.Response.Truncated || e.Response.BodyBytes != 2000 || !hasLack(e, "response body not saved (2000 bytes)") {
			t.Errorf("%+v lacks %q", e.Response, e.Lacks)
		}
		if e.Response.KeptBy != "the HAR file" {
			t.Errorf("KeptBy %q: the gap is the HAR file's", e.Response.KeptBy)
		}
		for _, f := range explain.Analyze(e.Exchange()).Findings {
			if f.Severity == explain.Error {
				t.Errorf("an unsaved body made an error finding: %s %s", f.ID, f.Title)
			}
			if f.ID == "body-truncated" {
				t.Errorf("an unsaved body explained as cut at a size limit: %s", f.Title)
			}
		}
	})
}

func TestSafariShape(t *testing.T) {
	l := readFile(t, "safari.har") // starts with a byte order mark
	if len(l.Entries) != 2 {
		t.Fatalf("%d entries", len(l.Entries))
	}
	e := l.Entries[0]
	if e.Response.Proto != "HTTP/3" || e.Response.BodyBytes != 17 || e.Response.Truncated {
		t.Errorf("h3 entry with size as a string: %+v", e.Response)
	}
	if r := explain.Analyze(e.Exchange()); r.Cache.StorablePrivate {
		t.Errorf("no-store storable: %+v", r.Cache)
	}
	e = l.Entries[1]
	if !hasLack(e, "timings missing") || !hasLack(e, "response body not saved (11 bytes)") {
		t.Errorf("lacks %q", e.Lacks)
	}
	if r := explain.Analyze(e.Exchange()); r.Validators.ETag != `"css-7"` || r.Cache.FreshnessSource != "heuristic" {
		t.Errorf("validators %+v cache %+v", r.Validators, r.Cache)
	}
}

func TestBadFiles(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"syntax error names its line", "{\"log\": {\n\"entries\": [\n{,}]}}", "x.har:3: not a HAR file"},
		{"no log object", `{"entries": []}`, `x.har:1: not a HAR file: no "log" object`},
		{"entries not a list", "{\"log\": {\n \"entries\": {}}}", "x.har:2: log.entries is not a list"},
		{"an entry of the wrong type", "{\"log\": {\"entries\": [\n{},\n\"x\"]}}", "x.har:3: entry 1"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse([]byte(c.in), "x.har")
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err %v, want %q", err, c.want)
			}
		})
	}
	t.Run("an empty entry is lenient", func(t *testing.T) {
		l, err := Parse([]byte(`{"log": {"entries": [{}]}}`), "x.har")
		if err != nil || len(l.Entries) != 1 || !hasLack(l.Entries[0], "no request") || !hasLack(l.Entries[0], "no response") {
			t.Fatalf("%v %+v", err, l)
		}
	})
}
