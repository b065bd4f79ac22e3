package history

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/httplens/httplens/requests"
)

// rule is what the HAR 1.2 spec says about one field: its JSON type, whether it
// may be left out, and for objects and arrays of objects the rules inside.
type rule struct {
	kind     string // string, number, bool, object, array
	optional bool
	fields   harSpec // for an object, or for the objects of an array
}

type harSpec map[string]rule

func req(kind string, fields harSpec) rule { return rule{kind: kind, fields: fields} }
func opt(kind string, fields harSpec) rule { return rule{kind: kind, optional: true, fields: fields} }

// harSchema is HAR 1.2 as published (softwareishard.com/blog/har-12-spec), the
// parts an exporter must get right.
func harSchema() harSpec {
	nv := harSpec{"name": req("string", nil), "value": req("string", nil), "comment": opt("string", nil)}
	cookie := harSpec{
		"name": req("string", nil), "value": req("string", nil), "path": opt("string", nil),
		"domain": opt("string", nil), "expires": opt("string", nil), "httpOnly": opt("bool", nil),
		"secure": opt("bool", nil), "comment": opt("string", nil),
	}
	request := harSpec{
		"method": req("string", nil), "url": req("string", nil), "httpVersion": req("string", nil),
		"cookies": req("array", cookie), "headers": req("array", nv), "queryString": req("array", nv),
		"postData": opt("object", harSpec{
			"mimeType": req("string", nil), "params": opt("array", nil), "text": opt("string", nil),
			"comment": opt("string", nil), "encoding": opt("string", nil), // encoding: as in content, for a binary body
		}),
		"headersSize": req("number", nil), "bodySize": req("number", nil), "comment": opt("string", nil),
	}
	response := harSpec{
		"status": req("number", nil), "statusText": req("string", nil), "httpVersion": req("string", nil),
		"cookies": req("array", cookie), "headers": req("array", nv),
		"content": req("object", harSpec{
			"size": req("number", nil), "compression": opt("number", nil), "mimeType": req("string", nil),
			"text": opt("string", nil), "encoding": opt("string", nil), "comment": opt("string", nil),
		}),
		"redirectURL": req("string", nil), "headersSize": req("number", nil), "bodySize": req("number", nil),
		"comment": opt("string", nil),
	}
	timings := harSpec{
		"blocked": opt("number", nil), "dns": opt("number", nil), "connect": opt("number", nil),
		"send": req("number", nil), "wait": req("number", nil), "receive": req("number", nil),
		"ssl": opt("number", nil), "comment": opt("string", nil),
	}
	entry := harSpec{
		"pageref": opt("string", nil), "startedDateTime": req("string", nil), "time": req("number", nil),
		"request": req("object", request), "response": req("object", response), "cache": req("object", harSpec{}),
		"timings": req("object", timings), "serverIPAddress": opt("string", nil), "connection": opt("string", nil),
		"comment": opt("string", nil),
	}
	return harSpec{"log": req("object", harSpec{
		"version": req("string", nil), "creator": req("object", harSpec{
			"name": req("string", nil), "version": req("string", nil), "comment": opt("string", nil),
		}),
		"browser": opt("object", nil), "pages": opt("array", nil), "entries": req("array", entry),
		"comment": opt("string", nil),
	})}
}

// checkHAR reports every field that breaks the spec: missing, of the wrong type, or
// unknown (custom fields must start with "_").
func checkHAR(v map[string]any, spec harSpec, at string) []string {
	var errs []string
	for name, r := range spec {
		val, ok := v[name]
		if !ok {
			if !r.optional {
				errs = append(errs, at+"."+name+": missing")
			}
			continue
		}
		errs = append(errs, checkValue(val, r, at+"."+name)...)
	}
	for name := range v {
		if _, known := spec[name]; !known && !strings.HasPrefix(name, "_") {
			errs = append(errs, at+"."+name+": not in HAR 1.2")
		}
	}
	return errs
}

func checkValue(val any, r rule, at string) []string {
	ok := false
	switch r.kind {
	case "string":
		_, ok = val.(string)
	case "number":
		_, ok = val.(float64)
	case "bool":
		_, ok = val.(bool)
	case "object":
		var obj map[string]any
		if obj, ok = val.(map[string]any); ok && r.fields != nil {
			return checkHAR(obj, r.fields, at)
		}
	case "array":
		var arr []any
		if arr, ok = val.([]any); ok && r.fields != nil {
			var errs []string
			for i, el := range arr {
				errs = append(errs, checkValue(el, rule{kind: "object", fields: r.fields}, fmt.Sprintf("%s[%d]", at, i))...)
			}
			return errs
		}
	}
	if !ok {
		return []string{fmt.Sprintf("%s: %T, want %s", at, val, r.kind)}
	}
	return nil
}

// checkHARValues checks what the spec says beyond types: dates, timings, sizes.
func checkHARValues(entries []any) []string {
	var errs []string
	for i, el := range entries {
		e := el.(map[string]any)
		if _, err := time.Parse(time.RFC3339Nano, e["startedDateTime"].(string)); err != nil {
			errs = append(errs, fmt.Sprintf("entries[%d].startedDateTime: %v", i, err))
		}
		t := e["timings"].(map[string]any)
		sum := 0.0
		for _, k := range []string{"blocked", "dns", "connect", "send", "wait", "receive", "ssl"} {
			v, ok := t[k].(float64)
			if !ok {
				continue
			}
			required := k == "send" || k == "wait" || k == "receive"
			if v < -1 || (required && v < 0) {
				errs = append(errs, fmt.Sprintf("entries[%d].timings.%s = %v", i, k, v))
			}
			if v > 0 && k != "ssl" { // ssl is part of connect
				sum += v
			}
		}
		if got := e["time"].(float64); math.Abs(got-sum) > 1e-6 {
			errs = append(errs, fmt.Sprintf("entries[%d].time = %v, timings sum to %v", i, got, sum))
		}
	}
	return errs
}

// harEntries is a varied history: every kind of exchange the exporter must handle.
func harEntries() []Entry {
	get := sample("tour.http", "readItem")
	get.Request.URL = "http://127.0.0.1:8080/items?q=a%20b&tag=x&tag=y&flag"
	get.Request.Headers = append(get.Request.Headers, requests.Header{Name: "Cookie", Value: "a=1; b=2"})
	get.Response.Headers = append(get.Response.Headers,
		requests.Header{Name: "Set-Cookie", Value: "sid=xyz; Path=/; HttpOnly; Secure; Expires=Wed, 21 Oct 2026 07:28:00 GMT"},
		requests.Header{Name: "Content-Type", Value: "application/json"})
	get.Timing = requests.Timing{DNS: 1500 * time.Microsecond, Connect: time.Millisecond, TLS: 2 * time.Millisecond,
		TTFB: 4 * time.Millisecond, Transfer: time.Millisecond, Total: 12 * time.Millisecond}

	put := sample("tour.http", "update")
	put.Request.Method, put.Request.Body = "PUT", []byte(`{"name":"renamed"}`)
	put.Request.Headers = append(put.Request.Headers, requests.Header{Name: "Content-Type", Value: "application/json"})
	put.Response.Status, put.Response.Reason, put.Response.Body, put.BodyBytes = 204, "No Content", nil, 0

	img := sample("", "")
	img.Response.Body = []byte{0x89, 'P', 'N', 'G', 0, 0xff, 0xfe}
	img.BodyBytes = 7
	img.Response.Headers = []requests.Header{{Name: "Content-Type", Value: "image/png"}}
	img.Timing = requests.Timing{}

	gz := sample("api.http", "gzip")
	gz.Response.Body, gz.BodyBytes = []byte{0x1f, 0x8b, 8, 0, 1, 2}, 6
	gz.Response.Decoded = []byte("hello, decoded")
	gz.Response.Headers = append(gz.Response.Headers, requests.Header{Name: "Location", Value: "/next"})

	failed := sample("tour.http", "down")
	failed.Response, failed.BodyBytes, failed.Err = nil, 0, "dial tcp 127.0.0.1:1: connection refused"
	form := sample("api.http", "form")
	form.Request.Method, form.Request.Body = "POST", []byte("name=a+b&tag=x%26y&empty=&flag")
	form.Request.Headers = append(form.Request.Headers, requests.Header{Name: "Content-Type", Value: "application/x-www-form-urlencoded; charset=utf-8"})

	upload := sample("api.http", "upload")
	upload.Request.Method, upload.Request.Body = "PUT", []byte{0x89, 'P', 'N', 'G', 0, 0xff}
	upload.Request.Headers = append(upload.Request.Headers, requests.Header{Name: "Content-Type", Value: "image/png"})
	return []Entry{get, put, img, gz, failed, form, upload}
}

func exportHAR(t *testing.T, entries []Entry) ([]byte, map[string]any) {
	t.Helper()
	s := tempStore(t, Options{StoreSecrets: true})
	for i, e := range entries {
		e.Sent = e.Sent.Add(time.Duration(i) * time.Second)
		if _, err := s.Add(context.Background(), e); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	n, err := s.ExportHAR(context.Background(), &buf, Filter{}, "1.2.3")
	if err != nil || n != len(entries) {
		t.Fatalf("ExportHAR wrote %d, %v; want %d", n, err, len(entries))
	}
	var doc map[string]any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, buf.Bytes())
	}
	return buf.Bytes(), doc
}

func TestHARFollowsTheSpec(t *testing.T) {
	cases := []struct {
		name    string
		entries []Entry
	}{
		{"an empty history", nil},
		{"one exchange", harEntries()[:1]},
		{"every kind of exchange", harEntries()},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, doc := exportHAR(t, c.entries)
			errs := checkHAR(doc, harSchema(), "")
			entries := doc["log"].(map[string]any)["entries"].([]any)
			errs = append(errs, checkHARValues(entries)...)
			sort.Strings(errs)
			for _, e := range errs {
				t.Error(e)
			}
			if len(entries) != len(c.entries) {
				t.Fatalf("%d entries, want %d", len(entries), len(c.entries))
			}
		})
	}
}

func TestHARCheckerCatchesMistakes(t *testing.T) {
	_, doc := exportHAR(t, harEntries()[:1])
	entry := doc["log"].(map[string]any)["entries"].([]any)[0].(map[string]any)
	delete(entry["response"].(map[string]any), "redirectURL")
	entry["request"].(map[string]any)["bodySize"] = "0"
	entry["extra"] = 1
	got := checkHAR(doc, harSchema(), "")
	sort.Strings(got)
	want := []string{
		".log.entries[0].extra: not in HAR 1.2",
		".log.entries[0].request.bodySize: string, want number",
		".log.entries[0].response.redirectURL: missing",
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("checker found %q, want %q", got, want)
	}
}

// TestHARContent checks what a HAR viewer shows, field by field.
func TestHARContent(t *testing.T) {
	raw, doc := exportHAR(t, harEntries())
	log := doc["log"].(map[string]any)
	if log["version"] != "1.2" || !reflect.DeepEqual(log["creator"], map[string]any{"name": "httplens", "version": "1.2.3"}) {
		t.Fatalf("log head = %v %v", log["version"], log["creator"])
	}
	es := log["entries"].([]any)
	at := func(i int, path ...string) any {
		var v any = es[i]
		for _, p := range path {
			v = v.(map[string]any)[p]
		}
		return v
	}
	b64, _ := base64.StdEncoding.DecodeString(fmt.Sprint(at(2, "response", "content", "text")))
	cases := []struct {
		name string
		got  any
		want any
	}{
		{"oldest first", at(0, "comment"), "tour.http readItem"},
		{"query in order, decoded", at(0, "request", "queryString"), []any{
			map[string]any{"name": "q", "value": "a b"}, map[string]any{"name": "tag", "value": "x"},
			map[string]any{"name": "tag", "value": "y"}, map[string]any{"name": "flag", "value": ""}}},
		{"request cookies", at(0, "request", "cookies"), []any{
			map[string]any{"name": "a", "value": "1"}, map[string]any{"name": "b", "value": "2"}}},
		{"response cookie attributes", at(0, "response", "cookies"), []any{map[string]any{"name": "sid", "value": "xyz",
			"path": "/", "httpOnly": true, "secure": true, "expires": "2026-10-21T07:28:00Z"}}},
		{"connect includes ssl", at(0, "timings", "connect"), 3.0},
		{"ssl", at(0, "timings", "ssl"), 2.0},
		{"the rest of the total is blocked", at(0, "timings", "blocked"), 2.5},
		{"time is the total", at(0, "time"), 12.0},
		{"json text", at(0, "response", "content", "text"), `{"name":"one"}`},
		{"mime type", at(0, "response", "content", "mimeType"), "application/json"},
		{"headers size is the raw head", at(0, "response", "headersSize"), float64(len(sample("", "").Response.RawHead))},
		{"post data", at(1, "request", "postData"), map[string]any{"mimeType": "application/json", "params": []any{},
			"text": `{"name":"renamed"}`}},
		{"204 has an empty content", at(1, "response", "content"), map[string]any{"size": 0.0, "mimeType": ""}},
		{"binary body is base64", at(2, "response", "content", "encoding"), "base64"},
		{"urlencoded params, in order and decoded", at(5, "request", "postData", "params"), []any{
			map[string]any{"name": "name", "value": "a b"}, map[string]any{"name": "tag", "value": "x&y"},
			map[string]any{"name": "empty", "value": ""}, map[string]any{"name": "flag", "value": ""}}},
		{"urlencoded text kept", at(5, "request", "postData", "text"), "name=a+b&tag=x%26y&empty=&flag"},
		{"binary post data is base64", at(6, "request", "postData", "encoding"), "base64"},
		{"binary post data text", at(6, "request", "postData", "text"), base64.StdEncoding.EncodeToString([]byte{0x89, 'P', 'N', 'G', 0, 0xff})},
		{"base64 decodes to the bytes", string(b64), "\x89PNG\x00\xff\xfe"},
		{"phases not measured are -1", at(2, "timings", "dns"), -1.0},
		{"content is decoded", at(3, "response", "content", "text"), "hello, decoded"},
		{"content size is decoded size", at(3, "response", "content", "size"), 14.0},
		{"body size is as received", at(3, "response", "bodySize"), 6.0},
		{"redirect URL", at(3, "response", "redirectURL"), "/next"},
		{"failed: status 0", at(4, "response", "status"), 0.0},
		{"failed: error kept", at(4, "_error"), "dial tcp 127.0.0.1:1: connection refused"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if !reflect.DeepEqual(c.got, c.want) {
				t.Fatalf("got %#v, want %#v", c.got, c.want)
			}
		})
	}

	// Round trip: decode into the writer's own types and encode again; nothing is
	// lost or changed.
	var typed struct {
		Log struct {
			Version string     `json:"version"`
			Creator harCreator `json:"creator"`
			Entries []harEntry `json:"entries"`
		} `json:"log"`
	}
	if err := json.Unmarshal(raw, &typed); err != nil {
		t.Fatal(err)
	}
	again, err := json.Marshal(typed)
	if err != nil {
		t.Fatal(err)
	}
	var doc2 map[string]any
	if err := json.Unmarshal(again, &doc2); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(doc, doc2) {
		t.Fatalf("round trip changed the log:\n%s\n%s", raw, again)
	}
}
