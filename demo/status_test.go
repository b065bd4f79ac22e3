package demo

import (
	"encoding/json"
	"net/http"
	"strconv"
	"testing"
)

func TestStatus(t *testing.T) {
	tests := []struct {
		code    int
		method  string
		headers map[string]string // fields the code needs, exactly
		body    string            // "json", "problem" or "none"
	}{
		{200, "GET", nil, "json"},
		{200, "DELETE", nil, "json"},
		{201, "POST", map[string]string{"Location": "/status/200"}, "json"},
		{202, "PUT", nil, "json"},
		{204, "PUT", map[string]string{"Content-Length": "", "Content-Type": ""}, "none"},
		{205, "POST", map[string]string{"Content-Length": "0", "Content-Type": ""}, "none"},
		{206, "GET", map[string]string{"Content-Range": "bytes 0-56/57"}, "json"},
		{301, "GET", map[string]string{"Location": "/status/200"}, "json"},
		{302, "GET", map[string]string{"Location": "/status/200"}, "json"},
		{303, "POST", map[string]string{"Location": "/status/200"}, "json"},
		{304, "GET", map[string]string{"Location": "", "Content-Length": "", "Content-Type": ""}, "none"},
		{307, "PUT", map[string]string{"Location": "/status/200"}, "json"},
		{308, "GET", map[string]string{"Location": "/status/200"}, "json"},
		{400, "GET", nil, "problem"},
		{401, "GET", map[string]string{"WWW-Authenticate": `Basic realm="httplens demo"`}, "problem"},
		{404, "DELETE", nil, "problem"},
		{405, "PATCH", map[string]string{"Allow": "GET, HEAD"}, "problem"},
		{407, "GET", map[string]string{"Proxy-Authenticate": `Basic realm="httplens demo"`}, "problem"},
		{408, "GET", nil, "problem"},
		{409, "PUT", nil, "problem"},
		{412, "PUT", nil, "problem"},
		{416, "GET", map[string]string{"Content-Range": "bytes */0"}, "problem"},
		{418, "GET", nil, "problem"},
		{426, "GET", map[string]string{"Upgrade": "HTTP/2.0"}, "problem"},
		{428, "PUT", nil, "problem"},
		{429, "GET", map[string]string{"Retry-After": "60"}, "problem"},
		{500, "GET", nil, "problem"},
		{503, "GET", map[string]string{"Retry-After": "60"}, "problem"},
		{599, "GET", nil, "problem"},
		{299, "GET", nil, "json"},
	}
	a := newAPI(t)
	for _, tc := range tests {
		t.Run(tc.method+" "+strconv.Itoa(tc.code), func(t *testing.T) {
			path := "/status/" + strconv.Itoa(tc.code)
			r := a.do(tc.method, path, "")
			wantStatus(t, r, tc.code)
			for name, want := range tc.headers {
				wantHeader(t, r, name, want)
			}
			switch tc.body {
			case "none":
				if r.body != "" {
					t.Errorf("body = %q, want none", r.body)
				}
			case "problem":
				wantProblem(t, r, tc.code, "asked")
			case "json":
				wantHeader(t, r, "Content-Type", "application/json")
				wantHeader(t, r, "Content-Length", strconv.Itoa(len(r.body)))
				var doc statusBody
				if err := json.Unmarshal([]byte(r.body), &doc); err != nil {
					t.Fatalf("body %q: %v", r.body, err)
				}
				if doc.Status != tc.code || doc.Method != tc.method || doc.Reason != statusTitle(tc.code) {
					t.Errorf("body = %+v", doc)
				}
			}

			// Go's client takes Connection out of the header and reports it as Close.
			if r.close != (tc.code == http.StatusRequestTimeout) {
				t.Errorf("connection close = %v", r.close)
			}

			head := a.do(http.MethodHead, path, "")
			wantStatus(t, head, tc.code)
			if head.body != "" {
				t.Errorf("HEAD body = %q", head.body)
			}
			if tc.body != "none" && head.header.Get("Content-Length") == "" && tc.code != http.StatusRequestTimeout {
				t.Errorf("HEAD lacks the Content-Length a GET would have")
			}
		})
	}
}

func TestStatusRejectsBadCodes(t *testing.T) {
	a := newAPI(t)
	for _, code := range []string{"abc", "99", "099", "100", "101", "103", "600", "2000", "+20", "-20", "20%20"} {
		t.Run(code, func(t *testing.T) {
			wantProblem(t, a.do(http.MethodGet, "/status/"+code, ""), http.StatusBadRequest, "")
		})
	}
}
