package cachelab

import (
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/headers"
	"github.com/httplens/httplens/requests"
)

// entry is one stored response: a variant under a primary key.
type entry struct {
	primary   string
	secondary string   // the Vary fields and their values, "" without Vary
	varyNames []string // as the response listed them
	varyVals  []string // the stored request's value of each, "" when absent
	method    string   // of the request that produced it
	req       []explain.Field
	reqURL    string
	resp      requests.Response
	fields    []explain.Field    // resp.Headers as explain reads them
	rules     explain.CacheReuse // what fields says about reuse, read when stored or refreshed
	sent      time.Time          // the base clock's frame, moved back by every Advance
	received  time.Time
	storedAt  time.Time // the lab clock when first stored
	history   []Event
}

// Event is one thing that happened to a stored entry, at the lab clock's time.
type Event struct {
	At   time.Time
	What string
}

// Entry is a stored response as the cache's contents view lists it.
type Entry struct {
	Key        string    // primary key: method and target URI (RFC 9111 §2)
	Secondary  string    // Vary secondary key: "Accept=application/json"; "" without Vary
	Status     int       // the stored status
	StoredAt   time.Time // lab clock
	AgeS       int64     // current age (RFC 9111 §4.2.3)
	LifetimeS  int64     // freshness lifetime
	Source     string    // s-maxage|max-age|expires|heuristic|none
	Fresh      bool      //
	FreshForS  int64     // negative: stale by that many seconds
	ValidateBy string    // "If-None-Match: ..." or "If-Modified-Since: ..." or ""
	History    []Event
}

// primaryKey is the method and the target URI without its fragment (RFC 9111 §2).
// A response to POST with Content-Location equal to the target answers a later GET,
// so it is keyed under GET.
func primaryKey(method, rawURL string) string {
	if method != "HEAD" {
		method = "GET"
	}
	if u, err := url.Parse(rawURL); err == nil {
		u.Fragment, u.RawFragment = "", ""
		rawURL = u.String()
	}
	return method + " " + rawURL
}

// varyKey reads the request's value of each Vary field, combined as a cache compares
// them (RFC 9111 §4.1: whitespace normalised, absent distinct from empty).
func varyKey(names []string, req []requests.Header) (vals []string, secondary string) {
	var parts []string
	for _, n := range names {
		v, ok := headerValue(req, n)
		if !ok {
			v = "\x00" // absent
			parts = append(parts, n+" absent")
		} else {
			parts = append(parts, n+"="+v)
		}
		vals = append(vals, v)
	}
	return vals, strings.Join(parts, "; ")
}

// headerValue combines every line of the field name, as a list.
func headerValue(hs []requests.Header, name string) (string, bool) {
	vs := headers.List(hs).Values(name)
	for i, v := range vs {
		vs[i] = strings.Join(strings.Fields(v), " ")
	}
	return strings.Join(vs, ", "), len(vs) > 0
}

// varyMatch compares the request with the stored variant; on a mismatch it names the
// first field that differs. Vary: * never matches.
func (e *entry) varyMatch(req []requests.Header) (bool, string) {
	for i, n := range e.varyNames {
		if n == "*" {
			return false, "the stored response has Vary: *, which never matches (RFC 9110 §12.5.5)"
		}
		v, ok := headerValue(req, n)
		if !ok {
			v = "\x00"
		}
		if v != e.varyVals[i] {
			return false, "Vary: " + n + " differs: stored " + shownVal(e.varyVals[i]) + ", request " + shownVal(v)
		}
	}
	return true, ""
}

func shownVal(v string) string {
	if v == "\x00" {
		return "(absent)"
	}
	return "\"" + v + "\""
}

// exchange is the stored response as explain reads it, at the base-clock moment now.
func (e *entry) exchange(now time.Time) explain.Exchange {
	return explain.Exchange{
		Request:  &explain.Request{Method: e.method, URL: e.reqURL, Fields: e.req},
		Response: explain.Response{Proto: e.resp.Proto, Status: e.resp.Status, Fields: e.fields, BodyBytes: e.resp.BodyBytes},
		Sent:     e.sent, Received: e.received, Now: now,
	}
}

// validator is the conditional field a revalidation sends (RFC 9111 §4.3.1):
// If-None-Match with the ETag, else If-Modified-Since with Last-Modified.
func (e *entry) validator() (requests.Header, bool) {
	fs := headers.List(e.fields)
	if v, ok := fs.Lookup("ETag"); ok {
		return requests.Header{Name: "If-None-Match", Value: v}, true
	}
	if v, ok := fs.Lookup("Last-Modified"); ok {
		return requests.Header{Name: "If-Modified-Since", Value: v}, true
	}
	return requests.Header{}, false
}

func (e *entry) note(at time.Time, what string) {
	e.history = append(e.history, Event{At: at, What: what})
}

// sortedEntries lists entries by key, then secondary key.
func sortedEntries(m map[string][]*entry) []*entry {
	var out []*entry
	for _, list := range m {
		out = append(out, list...)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].primary != out[j].primary {
			return out[i].primary < out[j].primary
		}
		return out[i].secondary < out[j].secondary
	})
	return out
}

func toExplainFields(hs []requests.Header) []explain.Field {
	return append(make([]explain.Field, 0, len(hs)), hs...) // the same type: a copy, never nil
}
