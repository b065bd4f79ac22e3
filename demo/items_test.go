package demo

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

const seedList = `[{"id":1,"name":"notebook"},{"id":2,"name":"pencil"},{"id":3,"name":"eraser"}]`

var (
	strongTag = regexp.MustCompile(`^"[0-9a-f]{16}"$`)
	weakTag   = regexp.MustCompile(`^W/"[0-9a-f]{16}"$`)
)

func TestListIsWeaklyTaggedAndFreshForTenSeconds(t *testing.T) {
	a := newAPI(t)
	get := a.do(http.MethodGet, "/items", "")
	wantStatus(t, get, http.StatusOK)
	if get.body != seedList {
		t.Errorf("body = %s, want %s", get.body, seedList)
	}
	wantHeader(t, get, "Content-Type", "application/json")
	wantHeader(t, get, "Cache-Control", "max-age=10")
	wantHeader(t, get, "Last-Modified", date0)
	wantHeader(t, get, "Date", date0)
	if etag := get.header.Get("ETag"); !weakTag.MatchString(etag) {
		t.Errorf("ETag = %q, want a weak tag", etag)
	}

	t.Run("HEAD sends the same fields and no body", func(t *testing.T) {
		head := a.do(http.MethodHead, "/items", "")
		wantStatus(t, head, http.StatusOK)
		for _, name := range []string{"ETag", "Cache-Control", "Last-Modified", "Content-Type"} {
			wantHeader(t, head, name, get.header.Get(name))
		}
		wantHeader(t, head, "Content-Length", strconv.Itoa(len(seedList)))
		if head.body != "" {
			t.Errorf("HEAD body = %q", head.body)
		}
	})
	t.Run("If-None-Match compares weakly", func(t *testing.T) {
		strong := strings.TrimPrefix(get.header.Get("ETag"), "W/")
		r := a.do(http.MethodGet, "/items", "", "If-None-Match", strong)
		wantStatus(t, r, http.StatusNotModified)
		wantHeader(t, r, "ETag", get.header.Get("ETag"))
		wantHeader(t, r, "Cache-Control", "max-age=10")
	})
	t.Run("the tag changes with the items", func(t *testing.T) {
		a.clock.Advance(time.Minute)
		wantStatus(t, a.putJSON("/items/2", `{"name":"pen"}`), http.StatusNoContent)
		r := a.do(http.MethodGet, "/items", "", "If-None-Match", get.header.Get("ETag"))
		wantStatus(t, r, http.StatusOK)
		if r.header.Get("ETag") == get.header.Get("ETag") {
			t.Error("the list kept its ETag after an item changed")
		}
		wantHeader(t, r, "Last-Modified", "Sat, 01 Mar 2025 12:01:00 GMT")
		if want := `[{"id":1,"name":"notebook"},{"name":"pen"},{"id":3,"name":"eraser"}]`; r.body != want {
			t.Errorf("body = %s, want %s", r.body, want)
		}
	})
}

func TestGetItem(t *testing.T) {
	a := newAPI(t)
	r := a.do(http.MethodGet, "/items/1", "")
	wantStatus(t, r, http.StatusOK)
	if want := `{"id":1,"name":"notebook"}`; r.body != want {
		t.Errorf("body = %s, want %s", r.body, want)
	}
	if !strongTag.MatchString(r.header.Get("ETag")) {
		t.Errorf("ETag = %q, want a strong quoted tag", r.header.Get("ETag"))
	}
	wantHeader(t, r, "Content-Type", "application/json")
	wantHeader(t, r, "Cache-Control", "no-cache")
	wantHeader(t, r, "Last-Modified", date0)
	if a.etagOf("/items/2") == r.header.Get("ETag") {
		t.Error("items 1 and 2 share an ETag")
	}

	head := a.do(http.MethodHead, "/items/1", "")
	wantStatus(t, head, http.StatusOK)
	wantHeader(t, head, "ETag", r.header.Get("ETag"))
	wantHeader(t, head, "Last-Modified", date0)
	wantHeader(t, head, "Cache-Control", "no-cache")
	wantHeader(t, head, "Content-Length", strconv.Itoa(len(r.body)))
	if head.body != "" {
		t.Errorf("HEAD body = %q", head.body)
	}
}

func TestConditionalGetItem(t *testing.T) {
	a := newAPI(t)
	etag := a.etagOf("/items/1")
	const before, after = "Sat, 01 Mar 2025 11:59:59 GMT", "Sat, 01 Mar 2025 12:00:01 GMT"
	tests := []struct {
		name    string
		method  string
		headers []string
		want    int
	}{
		{"If-None-Match with the current tag", "GET", []string{"If-None-Match", etag}, 304},
		{"If-None-Match with its weak form", "GET", []string{"If-None-Match", "W/" + etag}, 304},
		{"If-None-Match star", "GET", []string{"If-None-Match", "*"}, 304},
		{"If-None-Match list containing the tag", "GET", []string{"If-None-Match", `"other", ` + etag}, 304},
		{"If-None-Match over two lines", "GET", []string{"If-None-Match", `"other"`, "If-None-Match", etag}, 304},
		{"If-None-Match with another tag", "GET", []string{"If-None-Match", `"other"`}, 200},
		{"If-None-Match unquoted never matches", "GET", []string{"If-None-Match", strings.Trim(etag, `"`)}, 200},
		{"HEAD with If-None-Match", "HEAD", []string{"If-None-Match", etag}, 304},
		{"If-Modified-Since equal to Last-Modified", "GET", []string{"If-Modified-Since", date0}, 304},
		{"If-Modified-Since later", "GET", []string{"If-Modified-Since", after}, 304},
		{"If-Modified-Since earlier", "GET", []string{"If-Modified-Since", before}, 200},
		{"If-Modified-Since not a date", "GET", []string{"If-Modified-Since", "yesterday"}, 200},
		{"If-None-Match mismatch wins over a true If-Modified-Since",
			"GET", []string{"If-None-Match", `"other"`, "If-Modified-Since", date0}, 200},
		{"If-None-Match match wins over a false If-Modified-Since",
			"GET", []string{"If-None-Match", etag, "If-Modified-Since", before}, 304},
		{"If-Match with another tag", "GET", []string{"If-Match", `"other"`}, 412},
		{"If-Match with the current tag", "GET", []string{"If-Match", etag}, 200},
		{"If-Unmodified-Since earlier", "GET", []string{"If-Unmodified-Since", before}, 412},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := a.do(tc.method, "/items/1", "", tc.headers...)
			wantStatus(t, r, tc.want)
			switch tc.want {
			case http.StatusNotModified:
				// A 304 repeats the validators and caching fields and carries no content.
				wantHeader(t, r, "ETag", etag)
				wantHeader(t, r, "Last-Modified", date0)
				wantHeader(t, r, "Cache-Control", "no-cache")
				wantHeader(t, r, "Content-Type", "")
				if r.body != "" {
					t.Errorf("304 body = %q", r.body)
				}
			case http.StatusPreconditionFailed:
				wantProblem(t, r, http.StatusPreconditionFailed, "failed")
				wantHeader(t, r, "ETag", etag)
				wantHeader(t, r, "Cache-Control", "")
			case http.StatusOK:
				wantHeader(t, r, "ETag", etag)
			}
		})
	}
}

func TestMissingItems(t *testing.T) {
	a := newAPI(t)
	for _, path := range []string{"/items/99", "/items/abc", "/items/01", "/items/-1", "/items/0", "/items/99999999"} {
		t.Run(path, func(t *testing.T) {
			r := a.do(http.MethodGet, path, "")
			wantProblem(t, r, http.StatusNotFound, "")
			// Preconditions are ignored when the answer would be 404 anyway (RFC 9110 §13.2.1).
			wantProblem(t, a.do(http.MethodGet, path, "", "If-None-Match", "*"), http.StatusNotFound, "")
		})
	}
	t.Run("trailing slash and extra segments", func(t *testing.T) {
		wantProblem(t, a.do(http.MethodGet, "/items/", ""), http.StatusNotFound, "")
		wantProblem(t, a.do(http.MethodGet, "/items/1/name", ""), http.StatusNotFound, "")
		wantProblem(t, a.do(http.MethodGet, "/nowhere", ""), http.StatusNotFound, "/items")
	})
}

func TestMethodNotAllowedCarriesAllow(t *testing.T) {
	tests := []struct {
		method, path, allow string
	}{
		{"PATCH", "/items/1", "GET, HEAD, PUT, DELETE"},
		{"POST", "/items/1", "GET, HEAD, PUT, DELETE"},
		{"DELETE", "/items", "GET, HEAD, POST"},
		{"PUT", "/items", "GET, HEAD, POST"},
		{"PATCH", "/strict/items/1", "GET, HEAD, PUT, DELETE"},
		{"POST", "/cache/max-age", "GET, HEAD"},
		{"DELETE", "/broken/etag-unquoted", "GET"},
		{"GET", "/reset", "POST"},
		{"OPTIONS", "/items", "GET, HEAD, POST"},
	}
	a := newAPI(t)
	for _, tc := range tests {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			r := a.do(tc.method, tc.path, "")
			wantProblem(t, r, http.StatusMethodNotAllowed, tc.method)
			wantHeader(t, r, "Allow", tc.allow)
		})
	}
}

func TestReset(t *testing.T) {
	a := newAPI(t)
	wantStatus(t, a.putJSON("/items/1", `{"name":"changed"}`), http.StatusNoContent)
	wantStatus(t, a.do(http.MethodDelete, "/items/2", ""), http.StatusNoContent)
	wantStatus(t, a.putJSON("/items/10", `{"name":"ten"}`), http.StatusCreated)

	r := a.do(http.MethodPost, "/reset", "")
	wantStatus(t, r, http.StatusNoContent)
	if r.body != "" {
		t.Errorf("reset body = %q", r.body)
	}
	if got := a.do(http.MethodGet, "/items", "").body; got != seedList {
		t.Errorf("after reset the list is %s, want %s", got, seedList)
	}
	wantStatus(t, a.do(http.MethodGet, "/items/10", ""), http.StatusNotFound)
	post := a.do(http.MethodPost, "/items", `{"name":"four"}`, "Content-Type", "application/json")
	wantHeader(t, post, "Location", "/items/4")
}

func TestHandlersDoNotShareState(t *testing.T) {
	a, b := newAPI(t), newAPI(t)
	wantStatus(t, a.do(http.MethodDelete, "/items/1", ""), http.StatusNoContent)
	wantStatus(t, b.do(http.MethodGet, "/items/1", ""), http.StatusOK)
}
