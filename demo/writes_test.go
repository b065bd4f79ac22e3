package demo

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestPut(t *testing.T) {
	const later = "Sat, 01 Mar 2025 12:00:30 GMT"
	tests := []struct {
		name        string
		path        string
		contentType string
		body        string
		headers     func(etag string) []string // etag is item 1's current tag
		want        int
		detail      string // for problems: part of the detail
	}{
		{name: "replace", path: "/items/1", contentType: "application/json", body: `{"name": "renamed" }`, want: 204},
		{name: "create", path: "/items/7", contentType: "application/json", body: `{"name":"seven"}`, want: 201},
		{name: "a +json type with parameters", path: "/items/1", contentType: "application/vnd.demo+json; charset=utf-8",
			body: `{"name":"x"}`, want: 204},
		{name: "text/plain", path: "/items/1", contentType: "text/plain", body: `{"name":"x"}`, want: 415,
			detail: "application/json"},
		{name: "no Content-Type", path: "/items/1", body: `{"name":"x"}`, want: 415, detail: "application/json"},
		{name: "broken JSON", path: "/items/1", contentType: "application/json", body: `{"name":`, want: 400,
			detail: "JSON object"},
		{name: "a JSON array", path: "/items/1", contentType: "application/json", body: `[1,2]`, want: 400,
			detail: "JSON object"},
		{name: "JSON null", path: "/items/1", contentType: "application/json", body: `null`, want: 400,
			detail: "JSON object"},
		{name: "two JSON values", path: "/items/1", contentType: "application/json", body: `{} {}`, want: 400,
			detail: "JSON object"},
		{name: "too large", path: "/items/1", contentType: "application/json",
			body: `{"s":"` + strings.Repeat("x", maxBodySize) + `"}`, want: 413, detail: "bytes"},
		{name: "If-Match current", path: "/items/1", contentType: "application/json", body: `{"name":"x"}`,
			headers: func(e string) []string { return []string{"If-Match", e} }, want: 204},
		{name: "If-Match list with current", path: "/items/1", contentType: "application/json", body: `{"name":"x"}`,
			headers: func(e string) []string { return []string{"If-Match", `"old", ` + e} }, want: 204},
		{name: "If-Match stale", path: "/items/1", contentType: "application/json", body: `{"name":"x"}`,
			headers: func(string) []string { return []string{"If-Match", `"0000000000000000"`} }, want: 412,
			detail: "If-Match"},
		{name: "If-Match weak form never matches", path: "/items/1", contentType: "application/json", body: `{"name":"x"}`,
			headers: func(e string) []string { return []string{"If-Match", "W/" + e} }, want: 412, detail: "weak"},
		{name: "If-Match star on an item", path: "/items/1", contentType: "application/json", body: `{"name":"x"}`,
			headers: func(string) []string { return []string{"If-Match", "*"} }, want: 204},
		{name: "If-Match star on a missing item", path: "/items/8", contentType: "application/json", body: `{"name":"x"}`,
			headers: func(string) []string { return []string{"If-Match", "*"} }, want: 412, detail: "no current"},
		{name: "If-Match on a missing item", path: "/items/8", contentType: "application/json", body: `{"name":"x"}`,
			headers: func(e string) []string { return []string{"If-Match", e} }, want: 412, detail: "no current"},
		{name: "If-None-Match star on an item", path: "/items/1", contentType: "application/json", body: `{"name":"x"}`,
			headers: func(string) []string { return []string{"If-None-Match", "*"} }, want: 412, detail: "already exists"},
		{name: "If-None-Match star on a missing item", path: "/items/8", contentType: "application/json",
			body: `{"name":"x"}`, headers: func(string) []string { return []string{"If-None-Match", "*"} }, want: 201},
		{name: "If-None-Match with the current tag", path: "/items/1", contentType: "application/json",
			body: `{"name":"x"}`, headers: func(e string) []string { return []string{"If-None-Match", e} }, want: 412,
			detail: "If-None-Match"},
		{name: "If-Unmodified-Since before the change", path: "/items/1", contentType: "application/json",
			body: `{"name":"x"}`, headers: func(string) []string { return []string{"If-Unmodified-Since", date0} },
			want: 412, detail: "If-Unmodified-Since"},
		{name: "If-Unmodified-Since at the change", path: "/items/1", contentType: "application/json",
			body: `{"name":"x"}`, headers: func(string) []string { return []string{"If-Unmodified-Since", later} },
			want: 204},
		{name: "If-Match wins over If-Unmodified-Since", path: "/items/1", contentType: "application/json",
			body: `{"name":"x"}`, headers: func(e string) []string {
				return []string{"If-Match", e, "If-Unmodified-Since", date0}
			}, want: 204},
		{name: "a stale If-Match is judged before the content", path: "/items/1", contentType: "text/plain",
			body: `not json`, headers: func(string) []string { return []string{"If-Match", `"0000000000000000"`} },
			want: 412, detail: "If-Match"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := newAPI(t)
			// Item 1 last changed at 12:00:30, so the If-Unmodified-Since cases have two sides.
			a.clock.Advance(30 * time.Second)
			wantStatus(t, a.putJSON("/items/1", `{"id":1,"name":"notebook","v":2}`), http.StatusNoContent)
			a.clock.Advance(time.Minute)
			before := a.do(http.MethodGet, "/items/1", "")
			var headers []string
			if tc.contentType != "" {
				headers = append(headers, "Content-Type", tc.contentType)
			}
			if tc.headers != nil {
				headers = append(headers, tc.headers(before.header.Get("ETag"))...)
			}
			r := a.do(http.MethodPut, tc.path, tc.body, headers...)
			checkPut(t, a, tc.path, tc.body, tc.want, tc.detail, r)
			if tc.want >= 400 && tc.path == "/items/1" {
				if after := a.do(http.MethodGet, "/items/1", ""); after.body != before.body {
					t.Errorf("a refused PUT changed the item to %s", after.body)
				}
			}
		})
	}
}

// checkPut checks a PUT's answer: a 201 or 204 carries the ETag and Last-Modified of
// the body stored byte for byte; a refusal is a problem.
func checkPut(t *testing.T, a *api, path, body string, want int, detail string, r reply) {
	t.Helper()
	const now = "Sat, 01 Mar 2025 12:01:30 GMT"
	switch want {
	case http.StatusCreated, http.StatusNoContent:
		wantStatus(t, r, want)
		if r.body != "" {
			t.Errorf("body = %q, want none", r.body)
		}
		get := a.do(http.MethodGet, path, "")
		if get.body != body {
			t.Errorf("stored %q, want the body as sent, %q", get.body, body)
		}
		if !strongTag.MatchString(r.header.Get("ETag")) {
			t.Errorf("ETag = %q, want a strong tag", r.header.Get("ETag"))
		}
		wantHeader(t, r, "ETag", get.header.Get("ETag"))
		wantHeader(t, r, "Last-Modified", now)
		if want == http.StatusCreated {
			wantHeader(t, r, "Location", path)
			wantHeader(t, r, "Content-Length", "0")
		} else {
			wantHeader(t, r, "Location", "")
			wantHeader(t, r, "Content-Length", "")
		}
	case http.StatusUnsupportedMediaType:
		wantProblem(t, r, want, detail)
		wantHeader(t, r, "Accept", "application/json")
	case http.StatusPreconditionFailed:
		wantProblem(t, r, want, detail)
		if path == "/items/1" {
			// The 412 shows the current validators, so the client can see what changed.
			wantHeader(t, r, "ETag", a.etagOf(path))
			wantHeader(t, r, "Last-Modified", "Sat, 01 Mar 2025 12:00:30 GMT")
		} else {
			wantHeader(t, r, "ETag", "")
		}
	default:
		wantProblem(t, r, want, detail)
	}
}

func TestDelete(t *testing.T) {
	tests := []struct {
		name    string
		path    string
		headers func(etag string) []string
		want    int
	}{
		{"unconditional", "/items/1", nil, 204},
		{"If-Match current", "/items/1", func(e string) []string { return []string{"If-Match", e} }, 204},
		{"If-Match stale", "/items/1", func(string) []string { return []string{"If-Match", `"0000000000000000"`} }, 412},
		{"If-Match weak", "/items/1", func(e string) []string { return []string{"If-Match", "W/" + e} }, 412},
		{"If-None-Match star", "/items/1", func(string) []string { return []string{"If-None-Match", "*"} }, 412},
		{"missing", "/items/9", nil, 404},
		{"missing with If-Match: 404 wins", "/items/9", func(e string) []string { return []string{"If-Match", e} }, 404},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := newAPI(t)
			etag := a.etagOf("/items/1")
			var headers []string
			if tc.headers != nil {
				headers = tc.headers(etag)
			}
			r := a.do(http.MethodDelete, tc.path, "", headers...)
			switch tc.want {
			case http.StatusNoContent:
				wantStatus(t, r, tc.want)
				wantHeader(t, r, "Content-Length", "")
				if r.body != "" {
					t.Errorf("body = %q", r.body)
				}
				wantProblem(t, a.do(http.MethodGet, tc.path, ""), http.StatusNotFound, "no item")
			case http.StatusPreconditionFailed:
				wantProblem(t, r, tc.want, "failed")
				wantHeader(t, r, "ETag", etag)
				wantStatus(t, a.do(http.MethodGet, tc.path, ""), http.StatusOK)
			default:
				wantProblem(t, r, tc.want, "no item 9")
			}
		})
	}
}

func TestPost(t *testing.T) {
	a := newAPI(t)
	a.clock.Advance(time.Hour)
	r := a.do(http.MethodPost, "/items", `{"name":"ruler"}`, "Content-Type", "application/json")
	wantStatus(t, r, http.StatusCreated)
	wantHeader(t, r, "Location", "/items/4")
	wantHeader(t, r, "Last-Modified", "Sat, 01 Mar 2025 13:00:00 GMT")
	wantHeader(t, r, "Content-Length", "0")
	get := a.do(http.MethodGet, "/items/4", "")
	if get.body != `{"name":"ruler"}` {
		t.Errorf("stored %q", get.body)
	}
	wantHeader(t, r, "ETag", get.header.Get("ETag"))
	wantHeader(t, a.do(http.MethodPost, "/items", `{}`, "Content-Type", "application/json"), "Location", "/items/5")

	t.Run("a PUT beyond the last id moves the next id on", func(t *testing.T) {
		wantStatus(t, a.putJSON("/items/20", `{}`), http.StatusCreated)
		wantHeader(t, a.do(http.MethodPost, "/items", `{}`, "Content-Type", "application/json"), "Location", "/items/21")
	})
	t.Run("wrong Content-Type", func(t *testing.T) {
		r := a.do(http.MethodPost, "/items", `{}`, "Content-Type", "application/x-www-form-urlencoded")
		wantProblem(t, r, http.StatusUnsupportedMediaType, "application/json")
		wantHeader(t, r, "Accept", "application/json")
	})
	t.Run("not JSON", func(t *testing.T) {
		r := a.do(http.MethodPost, "/items", `name=ruler`, "Content-Type", "application/json")
		wantProblem(t, r, http.StatusBadRequest, "JSON object")
	})
}

func TestConditionalWorkflow(t *testing.T) {
	a := newAPI(t)
	first := a.etagOf("/items/1")

	a.clock.Advance(time.Second)
	put := a.putJSON("/items/1", `{"id":1,"name":"renamed"}`, "If-Match", first)
	wantStatus(t, put, http.StatusNoContent)
	second := put.header.Get("ETag")
	if second == first || !strongTag.MatchString(second) {
		t.Fatalf("ETag after PUT = %q (before %q), want a new strong tag", second, first)
	}
	wantHeader(t, a.do(http.MethodGet, "/items/1", "", "If-None-Match", second), "ETag", second)
	wantStatus(t, a.do(http.MethodGet, "/items/1", "", "If-None-Match", second), http.StatusNotModified)
	wantStatus(t, a.do(http.MethodGet, "/items/1", "", "If-None-Match", first), http.StatusOK)

	stale := a.putJSON("/items/1", `{"id":1,"name":"lost update"}`, "If-Match", first)
	wantProblem(t, stale, http.StatusPreconditionFailed, second)
	wantHeader(t, stale, "ETag", second)

	wantStatus(t, a.do(http.MethodDelete, "/items/1", "", "If-Match", first), http.StatusPreconditionFailed)
	wantStatus(t, a.do(http.MethodDelete, "/items/1", "", "If-Match", second), http.StatusNoContent)
	wantProblem(t, a.do(http.MethodGet, "/items/1", ""), http.StatusNotFound, "no item 1")
}

func TestStrictItemsNeedIfMatch(t *testing.T) {
	a := newAPI(t)
	t.Run("PUT without If-Match", func(t *testing.T) {
		r := a.putJSON("/strict/items/1", `{"name":"x"}`)
		wantProblem(t, r, http.StatusPreconditionRequired, "If-Match")
		wantHeader(t, r, "Cache-Control", "")
	})
	t.Run("DELETE without If-Match", func(t *testing.T) {
		wantProblem(t, a.do(http.MethodDelete, "/strict/items/1", ""), http.StatusPreconditionRequired, "If-Match")
	})
	t.Run("DELETE of a missing item without If-Match", func(t *testing.T) {
		wantProblem(t, a.do(http.MethodDelete, "/strict/items/9", ""), http.StatusPreconditionRequired, "If-Match")
	})
	t.Run("If-None-Match with a tag is not enough", func(t *testing.T) {
		r := a.putJSON("/strict/items/1", `{"name":"x"}`, "If-None-Match", `"abc"`)
		wantProblem(t, r, http.StatusPreconditionRequired, "If-Match")
	})
	etag := a.etagOf("/strict/items/1")
	if etag != a.etagOf("/items/1") {
		t.Fatal("/strict/items/1 and /items/1 differ; they share a store")
	}
	t.Run("PUT with a stale If-Match", func(t *testing.T) {
		r := a.putJSON("/strict/items/1", `{"name":"x"}`, "If-Match", `"0000000000000000"`)
		wantProblem(t, r, http.StatusPreconditionFailed, "If-Match")
	})
	t.Run("PUT with the current If-Match", func(t *testing.T) {
		r := a.putJSON("/strict/items/1", `{"name":"strict"}`, "If-Match", etag)
		wantStatus(t, r, http.StatusNoContent)
		if got := a.do(http.MethodGet, "/items/1", "").body; got != `{"name":"strict"}` {
			t.Errorf("/items/1 = %s after a strict PUT", got)
		}
		etag = r.header.Get("ETag")
	})
	t.Run("create with If-None-Match: *", func(t *testing.T) {
		r := a.putJSON("/strict/items/9", `{"name":"nine"}`, "If-None-Match", "*")
		wantStatus(t, r, http.StatusCreated)
		wantHeader(t, r, "Location", "/strict/items/9")
	})
	t.Run("DELETE with the current If-Match", func(t *testing.T) {
		wantStatus(t, a.do(http.MethodDelete, "/strict/items/1", "", "If-Match", etag), http.StatusNoContent)
		wantStatus(t, a.do(http.MethodGet, "/items/1", ""), http.StatusNotFound)
	})
}
