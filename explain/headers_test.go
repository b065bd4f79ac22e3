package explain

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

// noteCase is one header note test: the field, the exchange around it, and text the
// parsed lines and warnings must (or must not) contain.
type noteCase struct {
	name     string
	field    string
	value    string
	status   int      // 200 when zero
	url      string   // request URL; "" means the request is unknown
	others   []string // other response fields, "Name: value"
	parsed   []string // each must be a substring of some parsed line
	warn     []string // each must be a substring of some warning
	noWarn   bool     // no warning at all
	notKnown bool
}

func runNoteCases(t *testing.T, cases []noteCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n := NoteFor(Field{Name: c.field, Value: c.value}, noteExchange(c))
			if n.Known == c.notKnown {
				t.Errorf("Known = %v", n.Known)
			}
			if n.Meaning == "" || len(n.Refs) == 0 {
				t.Errorf("no meaning or refs: %+v", n)
			}
			for _, want := range c.parsed {
				if !anyContains(n.Parsed, want) {
					t.Errorf("parsed lacks %q:\n%s", want, strings.Join(n.Parsed, "\n"))
				}
			}
			for _, want := range c.warn {
				if !anyContains(n.Warnings, want) {
					t.Errorf("warnings lack %q:\n%s", want, strings.Join(n.Warnings, "\n"))
				}
			}
			if c.noWarn && len(n.Warnings) > 0 {
				t.Errorf("unexpected warnings:\n%s", strings.Join(n.Warnings, "\n"))
			}
		})
	}
}

// noteExchange builds the exchange a case describes, received at the fixed time and
// looked at a minute later.
func noteExchange(c noteCase) Exchange {
	status := c.status
	if status == 0 {
		status = 200
	}
	resp := Response{Proto: "HTTP/1.1", Status: status, Fields: []Field{{Name: c.field, Value: c.value}}}
	for _, o := range c.others {
		name, value, _ := strings.Cut(o, ":")
		resp.Fields = append(resp.Fields, Field{Name: name, Value: strings.TrimSpace(value)})
	}
	x := Exchange{Response: resp, Received: received, Now: received.Add(time.Minute)}
	if c.url != "" {
		x.Request = &Request{Method: "GET", URL: c.url}
	}
	return x
}

func anyContains(lines []string, want string) bool {
	for _, l := range lines {
		if strings.Contains(l, want) {
			return true
		}
	}
	return false
}

func TestNoteUnknownField(t *testing.T) {
	runNoteCases(t, []noteCase{
		{name: "unknown field says so", field: "Flux-Capacitor", value: "1.21", notKnown: true, noWarn: true},
		{name: "X- prefix explained, nothing invented", field: "X-Request-Id", value: "abc", notKnown: true,
			parsed: []string{"X- prefix"}},
		{name: "invalid field name", field: "Bad Name", value: "v", notKnown: true, warn: []string{"not a valid field name"}},
		{name: "name matched case-insensitively", field: "cOnTeNt-TyPe", value: "text/plain", parsed: []string{"media type: text/plain"}},
		{name: "request field in a response", field: "If-Match", value: `"a"`, warn: []string{"request field"}},
	})
	n := NoteFor(Field{Name: "Flux-Capacitor", Value: "1"}, Exchange{})
	if !strings.Contains(n.Meaning, "Unknown field") {
		t.Errorf("meaning %q does not say the field is unknown", n.Meaning)
	}
}

func TestNoteDates(t *testing.T) {
	runNoteCases(t, []noteCase{
		{name: "date agrees with receive time", field: "Date", value: "Wed, 01 May 2024 12:00:00 GMT",
			parsed: []string{"2024-05-01 12:00:00 UTC (1 min ago)", "none to speak of"}, noWarn: true},
		{name: "server clock ahead", field: "Date", value: "Wed, 01 May 2024 12:05:00 GMT",
			parsed: []string{"5 min after the response arrived"}, warn: []string{"clocks differ"}},
		{name: "server clock behind", field: "Date", value: "Wed, 01 May 2024 11:00:00 GMT",
			parsed: []string{"1 h before the response arrived"}, warn: []string{"clocks differ"}},
		{name: "obsolete date form", field: "Date", value: "Wednesday, 01-May-24 12:00:00 GMT",
			parsed: []string{"2024-05-01 12:00:00"}, warn: []string{"obsolete date form"}},
		{name: "malformed date", field: "Date", value: "yesterday", warn: []string{"not an HTTP-date"}},
		{name: "date in another zone", field: "Date", value: "Wed, 01 May 2024 12:00:00 CET", warn: []string{"not an HTTP-date"}},
		{name: "last-modified a day earlier", field: "Last-Modified", value: "Tue, 30 Apr 2024 12:00:00 GMT",
			others: []string{"Date: Wed, 01 May 2024 12:00:00 GMT"},
			parsed: []string{"1 d ago", "strong validator", "If-Modified-Since"}, noWarn: true},
		{name: "last-modified in the future", field: "Last-Modified", value: "Thu, 02 May 2024 12:00:00 GMT",
			others: []string{"Date: Wed, 01 May 2024 12:00:00 GMT"}, warn: []string{"later than Date"}},
		{name: "last-modified equal to date is weak", field: "Last-Modified", value: "Wed, 01 May 2024 12:00:00 GMT",
			others: []string{"Date: Wed, 01 May 2024 12:00:00 GMT"}, parsed: []string{"only a weak validator"}},
		{name: "expires an hour after date", field: "Expires", value: "Wed, 01 May 2024 13:00:00 GMT",
			others: []string{"Date: Wed, 01 May 2024 12:00:00 GMT"}, parsed: []string{"in 59 min", "3600 s (1 h)"}, noWarn: true},
		{name: "expires zero means expired", field: "Expires", value: "0", warn: []string{"already expired"},
			parsed: []string{"expires: already"}},
		{name: "expires ignored beside max-age", field: "Expires", value: "Wed, 01 May 2024 13:00:00 GMT",
			others: []string{"Cache-Control: max-age=60"}, parsed: []string{"ignored: Cache-Control max-age"}},
		{name: "expires before date", field: "Expires", value: "Wed, 01 May 2024 11:00:00 GMT",
			others: []string{"Date: Wed, 01 May 2024 12:00:00 GMT"}, parsed: []string{"already expired when sent"}},
		{name: "age in seconds", field: "Age", value: "3700", parsed: []string{"3700 s (1 h 1 min)", "a cache served"}, noWarn: true},
		{name: "negative age", field: "Age", value: "-5", warn: []string{"not a whole, non-negative"}},
		{name: "age list uses the first", field: "Age", value: "5, 7", parsed: []string{"age: 5 s"}, warn: []string{"first"}},
		{name: "empty age", field: "Age", value: "", warn: []string{"empty"}},
		{name: "retry-after seconds on 503", field: "Retry-After", value: "120", status: 503,
			parsed: []string{"wait: 120 s (2 min)", "retry at: 2024-05-01 12:02:00 UTC (in 1 min)"}, noWarn: true},
		{name: "retry-after date on 429", field: "Retry-After", value: "Wed, 01 May 2024 13:00:00 GMT", status: 429,
			parsed: []string{"retry at: 2024-05-01 13:00:00 UTC (in 59 min)"}},
		{name: "retry-after on 200 has no effect", field: "Retry-After", value: "5", parsed: []string{"no defined effect"}},
		{name: "retry-after malformed", field: "Retry-After", value: "soon", status: 503, warn: []string{"neither"}},
		{name: "retry-after fractional", field: "Retry-After", value: "1.5", status: 503, warn: []string{"neither"}},
		{name: "sunset passed", field: "Sunset", value: "Wed, 01 May 2024 11:00:00 GMT", warn: []string{"has passed"}},
	})
}

func TestNoteDateWithoutTimes(t *testing.T) {
	n := NoteFor(Field{Name: "Date", Value: "Wed, 01 May 2024 12:00:00 GMT"}, Exchange{})
	if !anyContains(n.Parsed, "skew: unknown") || anyContains(n.Parsed, "ago") {
		t.Errorf("without times a date has no distance and no skew:\n%s", strings.Join(n.Parsed, "\n"))
	}
}

func TestNoteValidatorsAndLists(t *testing.T) {
	runNoteCases(t, []noteCase{
		{name: "strong etag", field: "ETag", value: `"v1"`, parsed: []string{`strong tag "v1"`, "If-Match"}, noWarn: true},
		{name: "weak etag", field: "ETag", value: `W/"v1"`, parsed: []string{"weak tag", "never matches in If-Match"}, noWarn: true},
		{name: "unquoted etag", field: "ETag", value: "v1", warn: []string{"not in double quotes"}},
		{name: "etag with lower-case w/", field: "ETag", value: `w/"v1"`, warn: []string{"capital W"}},
		{name: "vary list", field: "Vary", value: "Accept-Encoding, Accept-Language",
			parsed: []string{"varies on: Accept-Encoding", "varies on: Accept-Language"}, noWarn: true},
		{name: "vary star", field: "Vary", value: "*", warn: []string{"never matches"}},
		{name: "vary user-agent and duplicate", field: "Vary", value: "User-Agent, accept, Accept",
			warn: []string{"one copy per browser", "listed twice"}},
		{name: "vary host", field: "Vary", value: "Host", warn: []string{"adds nothing"}},
		{name: "vary garbage", field: "Vary", value: "a b", warn: []string{"not a field name"}},
		{name: "allow list", field: "Allow", value: "GET, HEAD, PUT", parsed: []string{"allowed: GET", "allowed: PUT"}, noWarn: true},
		{name: "allow empty", field: "Allow", value: "", parsed: []string{"no method is allowed"}},
		{name: "allow lower-case method", field: "Allow", value: "get", warn: []string{"case-sensitive"}},
		{name: "405 lists the refused method", field: "Allow", value: "GET, POST", status: 405, url: "http://h/x",
			warn: []string{"very method it refused (GET)"}},
		{name: "accept-ranges bytes", field: "Accept-Ranges", value: "bytes", parsed: []string{"206"}},
		{name: "accept-ranges none", field: "Accept-Ranges", value: "none", parsed: []string{"not supported"}},
	})
}

func TestNoteContent(t *testing.T) {
	runNoteCases(t, []noteCase{
		{name: "json with charset", field: "Content-Type", value: `application/json; charset="utf-8"`,
			parsed: []string{"media type: application/json", "charset: utf-8"}, noWarn: true},
		{name: "json in latin-1", field: "Content-Type", value: "application/json; charset=iso-8859-1", warn: []string{"always UTF-8"}},
		{name: "no subtype", field: "Content-Type", value: "json", warn: []string{"not a media type"}},
		{name: "broken parameter", field: "Content-Type", value: "text/html; charset", warn: []string{"not name=value"}},
		{name: "empty content type", field: "Content-Type", value: "", warn: []string{"not a media type"}},
		{name: "length", field: "Content-Length", value: "2048", parsed: []string{"2048 bytes (2.0 KiB)"}, noWarn: true},
		{name: "length on 204", field: "Content-Length", value: "0", status: 204, parsed: []string{"delimits nothing"}},
		{name: "length not a number", field: "Content-Length", value: "12, 13", warn: []string{"not a number"}},
		{name: "length overflows", field: "Content-Length", value: "99999999999999999999999", warn: []string{"too large"}},
		{name: "gzip without vary", field: "Content-Encoding", value: "gzip", parsed: []string{"applied 1: gzip"},
			warn: []string{"Vary: Accept-Encoding"}},
		{name: "gzip with vary", field: "Content-Encoding", value: "gzip", others: []string{"Vary: Accept-Encoding"}, noWarn: true},
		{name: "chunked as content coding", field: "Content-Encoding", value: "chunked", others: []string{"Vary: x"},
			warn: []string{"Transfer-Encoding"}},
		{name: "transfer chunked", field: "Transfer-Encoding", value: "chunked", parsed: []string{"chunked"}, noWarn: true},
		{name: "transfer gzip last", field: "Transfer-Encoding", value: "chunked, gzip", warn: []string{"not the last"}},
		{name: "transfer with length", field: "Transfer-Encoding", value: "chunked", others: []string{"Content-Length: 3"},
			warn: []string{"smuggling"}},
		{name: "content-range part", field: "Content-Range", value: "bytes 0-99/1000", status: 206,
			parsed: []string{"bytes 0 to 99: 100 bytes", "1000 bytes in all"}, noWarn: true},
		{name: "content-range unsatisfied", field: "Content-Range", value: "bytes */1000", status: 416, parsed: []string{"unsatisfied"}},
		{name: "content-range unknown length", field: "Content-Range", value: "bytes 5-9/*", parsed: []string{"unknown"}},
		{name: "content-range reversed", field: "Content-Range", value: "bytes 9-5/10", warn: []string{"not a valid byte range"}},
		{name: "content-range past the end", field: "Content-Range", value: "bytes 5-10/10", warn: []string{"past the complete length"}},
		{name: "content-range wrong unit", field: "Content-Range", value: "items 1-2/3", warn: []string{"is not"}},
		{name: "content-range without length", field: "Content-Range", value: "bytes 1-2", warn: []string{"complete length"}},
	})
}

func TestNoteLocations(t *testing.T) {
	runNoteCases(t, []noteCase{
		{name: "relative location on 201", field: "Location", value: "/items/7", status: 201, url: "http://h:8080/items",
			parsed: []string{"URI: http://h:8080/items/7 (resolved against http://h:8080/items)", "created resource"}, noWarn: true},
		{name: "dot segments resolved", field: "Location", value: "../b?x=1", status: 302, url: "http://h/a/c/d",
			parsed: []string{"URI: http://h/a/b?x=1", "redirect target"}},
		{name: "absolute location", field: "Location", value: "https://other/x", status: 301, url: "http://h/", parsed: []string{"(absolute)"}},
		{name: "relative without request", field: "Location", value: "/x", status: 303, parsed: []string{"not known here"}},
		{name: "location on 200", field: "Location", value: "/x", url: "http://h/", parsed: []string{"no defined meaning"}},
		{name: "malformed location", field: "Location", value: "http://[::1", status: 302, warn: []string{"not a URI reference"}},
		{name: "content-location equals target", field: "Content-Location", value: "/items/1", url: "http://h/items/1",
			parsed: []string{"current state of the target"}},
		{name: "content-location elsewhere", field: "Content-Location", value: "/items/1.json", url: "http://h/items/1",
			parsed: []string{"differs from the request URL"}},
		{name: "link header", field: "Link", value: `</items?page=2>; rel="next", <https://x/y>; rel=preload; as=style`, url: "http://h/items",
			parsed: []string{"rel=next: http://h/items?page=2", "rel=preload: https://x/y (as=style)"}, noWarn: true},
		{name: "link with comma in URI", field: "Link", value: `</a,b>; rel=alternate`, url: "http://h/", parsed: []string{"rel=alternate: http://h/a,b"}},
		{name: "link without brackets", field: "Link", value: `/next; rel=next`, warn: []string{"angle brackets"}},
		{name: "link without rel", field: "Link", value: `</x>`, parsed: []string{"no rel"}},
	})
}

func TestNoteChallenges(t *testing.T) {
	runNoteCases(t, []noteCase{
		{name: "two schemes", field: "WWW-Authenticate", value: `Bearer realm="api", error="invalid_token", Basic realm="x"`,
			status: 401, url: "https://h/", parsed: []string{"scheme: Bearer", `parameter: error="invalid_token"`, "scheme: Basic"}, noWarn: true},
		{name: "basic over http", field: "WWW-Authenticate", value: `Basic realm="x"`, status: 401, url: "http://h/",
			warn: []string{"plain http"}},
	})
}

func TestHeaderNotesOrderAndDuplicates(t *testing.T) {
	x := Exchange{Response: Response{Status: 200, Fields: []Field{
		{Name: "Set-Cookie", Value: "a=1"}, {Name: "Set-Cookie", Value: "b=2; Secure; HttpOnly"}, {Name: "X-Thing", Value: "y"},
	}}}
	notes := HeaderNotes(x)
	if len(notes) != 3 || notes[0].Value != "a=1" || notes[1].Value != "b=2; Secure; HttpOnly" || notes[2].Known {
		t.Fatalf("notes = %+v", notes)
	}
	for i, f := range x.Response.Fields {
		if !reflect.DeepEqual(notes[i], NoteFor(f, x)) {
			t.Errorf("HeaderNotes and NoteFor disagree on %s", f.Name)
		}
	}
	if got := HeaderNotes(Exchange{}); got == nil || len(got) != 0 {
		t.Errorf("no fields: %v, want an empty non-nil slice", got)
	}
}

func TestHeaderCatalogue(t *testing.T) {
	seen := map[string]bool{}
	for _, name := range HeaderNames() {
		l := strings.ToLower(name)
		if seen[l] {
			t.Errorf("%s listed twice", name)
		}
		seen[l] = true
		spec, ok := lookupHeader(name)
		if !ok || spec.meaning == "" || len(spec.refs) == 0 {
			t.Errorf("%s: incomplete spec %+v", name, spec)
		}
	}
	for _, must := range []string{"Cache-Control", "Vary", "Set-Cookie", "Strict-Transport-Security", "Content-Security-Policy",
		"Access-Control-Allow-Origin", "Retry-After", "Link", "Server-Timing", "Alt-Svc", "X-Content-Type-Options",
		"ETag", "Last-Modified", "Expires", "Age", "Location", "Content-Location", "Allow", "Date"} {
		if !seen[strings.ToLower(must)] {
			t.Errorf("%s has no entry", must)
		}
	}
}

func TestHumanDuration(t *testing.T) {
	cases := []struct {
		d    time.Duration
		want string
	}{
		{0, "0 s"}, {45 * time.Second, "45 s"}, {61 * time.Second, "1 min 1 s"}, {3600 * time.Second, "1 h"},
		{3605 * time.Second, "1 h"}, {90061 * time.Second, "1 d 1 h"}, {400 * 24 * time.Hour, "1 y 35 d"},
	}
	for _, c := range cases {
		t.Run(c.want, func(t *testing.T) {
			if got := humanDuration(c.d); got != c.want {
				t.Errorf("humanDuration(%v) = %q, want %q", c.d, got, c.want)
			}
		})
	}
}

// BenchmarkHeaderNotes explains a typical response of 14 fields.
func BenchmarkHeaderNotes(b *testing.B) {
	raw := "HTTP/1.1 200 OK\nDate: Wed, 01 May 2024 12:00:00 GMT\nContent-Type: application/json; charset=utf-8\n" +
		"Content-Length: 1234\nCache-Control: public, max-age=3600, stale-while-revalidate=60\nETag: \"abc\"\n" +
		"Last-Modified: Tue, 30 Apr 2024 12:00:00 GMT\nVary: Accept-Encoding, Origin\nSet-Cookie: sid=1; Secure; HttpOnly; SameSite=Lax\n" +
		"Strict-Transport-Security: max-age=63072000; includeSubDomains\nContent-Security-Policy: default-src 'self'\n" +
		"Access-Control-Allow-Origin: https://a.test\nServer-Timing: db;dur=12\nLink: </next>; rel=next\nX-Request-Id: 42\n\n"
	x := Exchange{Request: &Request{Method: "GET", URL: "https://h/items"}, Response: rawResponse(b, raw), Received: received, Now: received}
	b.ReportAllocs()
	for b.Loop() {
		if len(HeaderNotes(x)) != 14 {
			b.Fatal("wrong number of notes")
		}
	}
}
