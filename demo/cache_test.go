package demo

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"
)

func TestCacheScenarios(t *testing.T) {
	const (
		hourLater  = "Sat, 01 Mar 2025 13:00:00 GMT"
		tenDaysAgo = "Wed, 19 Feb 2025 12:00:00 GMT"
	)
	tests := []struct {
		name         string
		cacheControl string
		expires      string
		vary         string
		lastModified string
		etag         bool
	}{
		{name: "no-store", cacheControl: "no-store"},
		{name: "no-cache", cacheControl: "no-cache", etag: true},
		{name: "private", cacheControl: "private, max-age=60"},
		{name: "max-age", cacheControl: "max-age=60"},
		{name: "s-maxage", cacheControl: "max-age=60, s-maxage=300"},
		{name: "expires", expires: hourLater},
		{name: "heuristic", lastModified: tenDaysAgo},
		{name: "vary", cacheControl: "max-age=60", vary: "Accept", etag: true},
		{name: "immutable", cacheControl: "public, max-age=31536000, immutable"},
		{name: "must-revalidate", cacheControl: "max-age=60, must-revalidate", etag: true},
	}
	if len(tests) != len(scenarioNames()) {
		t.Fatalf("%d scenarios tested, %d served", len(tests), len(scenarioNames()))
	}
	a := newAPI(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := a.do(http.MethodGet, "/cache/"+tc.name, "")
			wantStatus(t, r, http.StatusOK)
			wantHeader(t, r, "Content-Type", "application/json")
			wantHeader(t, r, "Date", date0)
			wantHeader(t, r, "Cache-Control", tc.cacheControl)
			wantHeader(t, r, "Expires", tc.expires)
			wantHeader(t, r, "Vary", tc.vary)
			wantHeader(t, r, "Last-Modified", tc.lastModified)
			if got := r.header.Get("ETag"); tc.etag != strongTag.MatchString(got) || !tc.etag && got != "" {
				t.Errorf("ETag = %q, want one: %v", got, tc.etag)
			}
			var doc scenarioBody
			if err := json.Unmarshal([]byte(r.body), &doc); err != nil {
				t.Fatalf("body %q: %v", r.body, err)
			}
			if doc.Scenario != tc.name || doc.Summary == "" {
				t.Errorf("body = %+v, want the scenario named and explained", doc)
			}

			head := a.do(http.MethodHead, "/cache/"+tc.name, "")
			wantStatus(t, head, http.StatusOK)
			wantHeader(t, head, "Cache-Control", tc.cacheControl)
			if head.body != "" {
				t.Errorf("HEAD body = %q", head.body)
			}
		})
	}
}

func TestCacheRevalidation(t *testing.T) {
	a := newAPI(t)
	for _, name := range []string{"no-cache", "must-revalidate", "vary"} {
		t.Run(name+" answers 304 to its ETag", func(t *testing.T) {
			first := a.do(http.MethodGet, "/cache/"+name, "")
			etag := first.header.Get("ETag")
			r := a.do(http.MethodGet, "/cache/"+name, "", "If-None-Match", etag)
			wantStatus(t, r, http.StatusNotModified)
			// The 304 repeats what the 200 said about caching (RFC 9110 §15.4.5).
			wantHeader(t, r, "ETag", etag)
			wantHeader(t, r, "Cache-Control", first.header.Get("Cache-Control"))
			wantHeader(t, r, "Vary", first.header.Get("Vary"))
			wantHeader(t, r, "Content-Type", "")
			if r.body != "" {
				t.Errorf("304 body = %q", r.body)
			}
		})
	}
	t.Run("heuristic answers 304 to If-Modified-Since", func(t *testing.T) {
		a.clock.Advance(24 * time.Hour) // Last-Modified stays put as time passes
		lm := a.do(http.MethodGet, "/cache/heuristic", "").header.Get("Last-Modified")
		r := a.do(http.MethodGet, "/cache/heuristic", "", "If-Modified-Since", lm)
		wantStatus(t, r, http.StatusNotModified)
		wantHeader(t, r, "Last-Modified", lm)
		wantHeader(t, r, "Cache-Control", "")
	})
	t.Run("expires follows the clock", func(t *testing.T) {
		r := a.do(http.MethodGet, "/cache/expires", "")
		wantHeader(t, r, "Date", "Sun, 02 Mar 2025 12:00:00 GMT")
		wantHeader(t, r, "Expires", "Sun, 02 Mar 2025 13:00:00 GMT")
	})
}

func TestVaryEchoesAccept(t *testing.T) {
	a := newAPI(t)
	plain := a.do(http.MethodGet, "/cache/vary", "", "Accept", "text/plain")
	js := a.do(http.MethodGet, "/cache/vary", "", "Accept", "application/json")
	var doc scenarioBody
	if err := json.Unmarshal([]byte(plain.body), &doc); err != nil || doc.Accept != "text/plain" {
		t.Errorf("body %q does not echo Accept: text/plain (%v)", plain.body, err)
	}
	if plain.header.Get("ETag") == js.header.Get("ETag") {
		t.Error("two variants share one ETag")
	}
	r := a.do(http.MethodGet, "/cache/vary", "", "Accept", "application/json", "If-None-Match", plain.header.Get("ETag"))
	wantStatus(t, r, http.StatusOK)
}

func TestUnknownCacheScenario(t *testing.T) {
	a := newAPI(t)
	r := a.do(http.MethodGet, "/cache/forever", "")
	wantProblem(t, r, http.StatusNotFound, "max-age")
	wantHeader(t, r, "Cache-Control", "")
}
