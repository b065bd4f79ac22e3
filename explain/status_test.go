package explain

import (
	"strings"
	"testing"
)

func TestStatusFindings(t *testing.T) {
	cases := []struct {
		name   string
		method string
		req    []string
		raw    string
		want   []string
	}{
		{"plain 200 says nothing", "GET", nil, "HTTP/1.1 200 OK\n\n", nil},
		{"code above 599 is invalid", "GET", nil, "HTTP/1.1 600 Odd\n\n", []string{"E status-invalid"}},
		{"code below 100 is invalid", "GET", nil, "HTTP/1.1 099 Odd\n\n", []string{"E status-invalid"}},
		{"unregistered code is read as x00", "GET", nil, "HTTP/1.1 471 Custom\n\n", []string{"W status-unknown"}},
		{"306 is unused", "GET", nil, "HTTP/1.1 306 Switch\n\n", []string{"W status-unused"}},
		{"418 is unused", "GET", nil, "HTTP/1.1 418 I'm a teapot\n\n", []string{"W status-unused"}},
		{"305 is deprecated", "GET", nil, "HTTP/1.1 305 Use Proxy\nLocation: http://proxy/\n\n", []string{"W status-deprecated"}},
		{"1xx as the last head", "GET", []string{"Expect: 100-continue"}, "HTTP/1.1 100 Continue\n\n", []string{"W interim-status"}},
		{"101 without Upgrade", "GET", nil, "HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\n\n", []string{"W interim-status", "W status-not-requested"}},
		{"101 with Upgrade", "GET", []string{"Upgrade: websocket"}, "HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\n\n", []string{"W interim-status"}},
		{"POST 201 with Location", "POST", nil, "HTTP/1.1 201 Created\nLocation: /items/7\n\n", nil},
		{"POST 201 without Location", "POST", nil, "HTTP/1.1 201 Created\n\n", []string{"W created-no-location"}},
		{"PUT 201 without Location is the target", "PUT", nil, "HTTP/1.1 201 Created\n\n", []string{"I created-no-location"}},
		{"GET 201 is a side effect", "GET", nil, "HTTP/1.1 201 Created\nLocation: /x\n\n", []string{"W created-safe-method"}},
		{"unknown method 201 without Location", "", nil, "HTTP/1.1 201 Created\n\n", []string{"W created-no-location"}},
		{"DELETE 202 says what to poll", "DELETE", nil, "HTTP/1.1 202 Accepted\nLocation: /queue/5\n\n", []string{"I accepted"}},
		{"205 with content", "POST", nil, "HTTP/1.1 205 Reset Content\n\nabc", []string{"E reset-content-body"}},
		{"205 without content", "POST", nil, "HTTP/1.1 205 Reset Content\n\n", nil},
		{"206 with Content-Range", "GET", []string{"Range: bytes=0-1"}, "HTTP/1.1 206 Partial Content\nContent-Range: bytes 0-1/10\n\nab", nil},
		{"206 without Content-Range", "GET", []string{"Range: bytes=0-1"}, "HTTP/1.1 206 Partial Content\n\nab", []string{"E partial-no-range"}},
		{"206 multipart needs no Content-Range", "GET", []string{"Range: bytes=0-1,4-5"}, "HTTP/1.1 206 Partial Content\nContent-Type: multipart/byteranges; boundary=x\n\n", nil},
		{"206 not asked for", "GET", nil, "HTTP/1.1 206 Partial Content\nContent-Range: bytes 0-1/10\n\nab", []string{"W status-not-requested"}},
		{"416 without Range", "GET", nil, "HTTP/1.1 416 Range Not Satisfiable\n\n", []string{"W status-not-requested"}},
		{"417 without Expect", "PUT", nil, "HTTP/1.1 417 Expectation Failed\n\n", []string{"W status-not-requested"}},
		{"406 without Accept", "GET", nil, "HTTP/1.1 406 Not Acceptable\n\n", []string{"W status-not-requested"}},
		{"406 with Accept-Language", "GET", []string{"Accept-Language: fr"}, "HTTP/1.1 406 Not Acceptable\n\n", nil},
		{"406 with request unknown", "", nil, "HTTP/1.1 406 Not Acceptable\n\n", nil},
		{"redirect without Location", "GET", nil, "HTTP/1.1 302 Found\n\n", []string{"E redirect-no-location"}},
		{"308 with Location", "PUT", nil, "HTTP/1.1 308 Permanent Redirect\nLocation: /v2/items/1\n\n", []string{"I redirect-method"}},
		{"300 needs no Location", "GET", nil, "HTTP/1.1 300 Multiple Choices\n\n", nil},
		{"405 without Allow", "PATCH", nil, "HTTP/1.1 405 Method Not Allowed\n\n", []string{"E method-not-allowed-allow"}},
		{"405 listing the method", "PATCH", nil, "HTTP/1.1 405 Method Not Allowed\nAllow: GET, PATCH\n\n", []string{"W method-not-allowed-allow"}},
		{"405 with Allow", "PATCH", nil, "HTTP/1.1 405 Method Not Allowed\nAllow: GET, HEAD\nAllow: PUT\n\n", nil},
		{"405 with empty Allow", "PATCH", nil, "HTTP/1.1 405 Method Not Allowed\nAllow: \n\n", nil},
		{"401 without challenge", "GET", nil, "HTTP/1.1 401 Unauthorized\n\n", []string{"E auth-challenge-missing"}},
		{"401 with challenge", "GET", nil, "HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer\n\n", nil},
		{"407 without challenge", "GET", nil, "HTTP/1.1 407 Proxy Authentication Required\nWWW-Authenticate: Basic\n\n", []string{"E auth-challenge-missing"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assertFindings(t, statusFindings(exchange(t, c.method, c.req, c.raw)), c.want)
		})
	}
}

func TestStatusMeaning(t *testing.T) {
	cases := []struct {
		name, method, raw string
		class             string
		contains          []string
		ref               string
	}{
		{"PUT 201 created", "PUT", "HTTP/1.1 201 Created\n\n", "successful", []string{"created it"}, "RFC 9110 §9.3.4"},
		{"PUT 200 replaced", "PUT", "HTTP/1.1 200 OK\n\n", "successful", []string{"replaced"}, "RFC 9110 §9.3.4"},
		{"PUT 204 replaced", "PUT", "HTTP/1.1 204 No Content\n\n", "successful", []string{"replaced"}, "RFC 9110 §9.3.4"},
		{"PUT 204 with ETag keeps editing", "PUT", "HTTP/1.1 204 No Content\nETag: \"v2\"\n\n", "successful", []string{"new entity tag", "keep editing"}, "RFC 9110 §9.3.4"},
		{"DELETE 202 poll", "DELETE", "HTTP/1.1 202 Accepted\n\n", "successful", []string{"poll the status monitor"}, "RFC 9110 §9.3.5"},
		{"DELETE 204 done", "DELETE", "HTTP/1.1 204 No Content\n\n", "successful", []string{"done"}, "RFC 9110 §9.3.5"},
		{"DELETE 200 body describes", "DELETE", "HTTP/1.1 200 OK\n\n", "successful", []string{"describes the result"}, "RFC 9110 §9.3.5"},
		{"POST 201 Location", "POST", "HTTP/1.1 201 Created\nLocation: /x\n\n", "successful", []string{"Location"}, "RFC 9110 §9.3.3"},
		{"PATCH 204 stay", "PATCH", "HTTP/1.1 204 No Content\n\n", "successful", []string{"stay where you are"}, "RFC 9110 §15.3.5"},
		{"unknown code", "GET", "HTTP/1.1 299 Whatever\n\n", "successful", []string{"treat it as 200 OK"}, "RFC 9110 §15"},
		{"invalid code", "GET", "HTTP/1.1 999 No\n\n", "invalid", []string{"not a valid status code"}, "RFC 9110 §15"},
		{"428 from RFC 6585", "PUT", "HTTP/1.1 428 Precondition Required\n\n", "client error", []string{"conditional request"}, "RFC 6585 §3"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := statusMeaning(rawResponse(t, c.raw), c.method)
			if st.Class != c.class {
				t.Errorf("class = %q, want %q", st.Class, c.class)
			}
			for _, s := range c.contains {
				if !strings.Contains(st.Meaning, s) {
					t.Errorf("meaning %q lacks %q", st.Meaning, s)
				}
			}
			if !contains(st.Refs, c.ref) {
				t.Errorf("refs %q lack %q", st.Refs, c.ref)
			}
		})
	}
}

func TestEveryRegisteredStatusHasAMeaning(t *testing.T) {
	want := []int{100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226,
		300, 301, 302, 303, 304, 305, 306, 307, 308}
	for c := 400; c <= 418; c++ {
		want = append(want, c)
	}
	want = append(want, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451,
		500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511)
	for _, code := range want {
		e, ok := registeredStatus(code)
		if !ok || e.reason == "" || e.meaning == "" || !strings.HasPrefix(e.ref, "RFC ") {
			t.Errorf("%d: %+v, registered %v", code, e, ok)
		}
	}
	if len(statusTable) != len(want) {
		t.Errorf("table has %d codes, want %d", len(statusTable), len(want))
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func TestUnknownStatus(t *testing.T) {
	x := Exchange{Response: Response{Status: 0}, Received: received}
	if st := statusMeaning(x.Response, ""); st.Class != "unknown" || st.Meaning == "" {
		t.Errorf("status 0 = %+v", st)
	}
	assertFindings(t, statusFindings(x), nil)
}

func TestStatusWithFieldsUnknown(t *testing.T) {
	x := exchange(t, "GET", nil, "HTTP/1.1 416 Range Not Satisfiable\n\n")
	x.Request.FieldsUnknown = true
	assertFindings(t, statusFindings(x), nil)
}
