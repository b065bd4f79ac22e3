// Package preconditions is the logic of the conditional-request helpers: which
// validator a request may quote (only one seen for the same URL, never another
// resource's), where that value came from, and what to change in a request after
// a 412 or a 428. It is pure: no UI, no network, no clock.
package preconditions

import (
	"fmt"
	"strings"
	"time"

	"github.com/httplens/httplens/explain"
)

// Seen is the validators one response gave for its URL, and where they came from.
type Seen struct {
	ETag         string
	LastModified string
	Method       string
	URL          string
	Status       int
	At           time.Time
}

// Source says where the ETag (or, without one, the Last-Modified) came from, as a
// learner reads it: "ETag from GET /items/1 at 12:00:03".
func (s Seen) Source() string {
	what := "ETag"
	if s.ETag == "" {
		what = "Last-Modified"
	}
	return fmt.Sprintf("%s from %s %s at %s", what, s.Method, pathOf(s.URL), s.At.Format("15:04:05"))
}

// pathOf shortens a URL to its path and query for a sentence.
func pathOf(url string) string {
	if i := strings.Index(url, "://"); i >= 0 {
		rest := url[i+3:]
		if j := strings.IndexByte(rest, '/'); j >= 0 {
			return rest[j:]
		}
		return "/"
	}
	return url
}

// Known is what a session has learnt about resource versions, by URL. The zero
// value is ready to use.
type Known struct {
	byURL map[string]Seen
}

// Observe learns from one exchange. A 2xx or 304 with a validator becomes the
// version known for its URL (a 304 keeps what it does not repeat); a successful
// DELETE, a 404 or a 410 forgets the URL. A 412's ETag is not learnt: quoting it
// without looking at the current version would be the lost update the 412 stopped.
func (k *Known) Observe(method, url string, status int, etag, lastModified string, at time.Time) {
	if k.byURL == nil {
		k.byURL = map[string]Seen{}
	}
	switch {
	case status == 404 || status == 410 || method == "DELETE" && status/100 == 2:
		delete(k.byURL, url)
	case (status/100 == 2 || status == 304) && (etag != "" || lastModified != ""):
		s := Seen{ETag: etag, LastModified: lastModified, Method: method, URL: url, Status: status, At: at}
		if old, ok := k.byURL[url]; ok && status == 304 {
			s.ETag = or(etag, old.ETag)
			s.LastModified = or(lastModified, old.LastModified)
		}
		k.byURL[url] = s
	}
}

func or(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// For returns the version known for exactly this URL.
func (k Known) For(url string) (Seen, bool) {
	s, ok := k.byURL[url]
	return s, ok
}

// Clone returns a copy a command may keep.
func (k Known) Clone() Known {
	c := Known{byURL: make(map[string]Seen, len(k.byURL))}
	for u, s := range k.byURL {
		c.byURL[u] = s
	}
	return c
}

// Suggestion is the precondition a helper adds: Set the field Name to Value and
// Remove the fields listed. Message says what was done and where the value came
// from, or, when OK is false, why nothing can be added.
type Suggestion struct {
	OK      bool
	Name    string
	Value   string
	Remove  []string
	Message string
}

// Suggest picks the precondition for a request to url from the version known for
// that URL only: If-Match (or If-Unmodified-Since) for a write, If-None-Match (or
// If-Modified-Since) for GET and HEAD (RFC 9110 §13.1).
func Suggest(method, url string, k Known) Suggestion {
	s, ok := k.For(url)
	if !ok {
		verb := "send a GET of it first"
		if method == "GET" || method == "HEAD" {
			verb = "send it once first"
		}
		return Suggestion{Message: fmt.Sprintf("No validator known for %s: nothing added; %s.", pathOf(url), verb)}
	}
	read := method == "GET" || method == "HEAD"
	weak := strings.HasPrefix(s.ETag, "W/")
	switch {
	case read && s.ETag != "":
		return added("If-None-Match", s.ETag, s)
	case read:
		return added("If-Modified-Since", s.LastModified, s)
	case s.ETag != "" && !weak:
		return added("If-Match", s.ETag, s)
	case s.LastModified != "":
		return added("If-Unmodified-Since", s.LastModified, s)
	}
	return Suggestion{Message: fmt.Sprintf("The only validator known for %s is the weak %s (%s): If-Match compares strongly, so it would never match; nothing added.", pathOf(url), s.ETag, s.Source())}
}

func added(name, value string, s Seen) Suggestion {
	return Suggestion{OK: true, Name: name, Value: value, Message: fmt.Sprintf("%s: %s added: %s.", name, value, s.Source())}
}

// AfterFailure says how to change a request that got 412, given the version a
// re-read found (current, zero when there was no re-read). After a failed If-Match
// or If-Unmodified-Since the retry quotes the current ETag (only once the user has
// merged: see Merge); after If-None-Match: * it drops that field, which turns a
// create-only PUT into an overwrite, so the caller must say so before sending.
func AfterFailure(f explain.Failure, current Seen) Suggestion {
	switch f.Next {
	case explain.StepMerge:
		if current.ETag == "" || strings.HasPrefix(current.ETag, "W/") {
			return Suggestion{Message: "The re-read gave no strong ETag: nothing to retry with."}
		}
		s := added("If-Match", current.ETag, current)
		s.Remove = []string{"If-Unmodified-Since"}
		return s
	case explain.StepDropIfNoneMatch:
		return Suggestion{OK: true, Remove: []string{"If-None-Match"},
			Message: "If-None-Match: * removed: the PUT will now overwrite the existing resource."}
	case explain.StepCreate:
		return Suggestion{OK: true, Remove: []string{"If-Match"},
			Message: "If-Match: * removed: the PUT will now create the resource."}
	case explain.StepReread:
		return Suggestion{OK: true, Remove: []string{"If-None-Match"},
			Message: "If-None-Match removed: the request will apply whatever the current version is."}
	}
	return Suggestion{Message: f.Advice}
}

// AfterRequired says how to change a request that got 428 Precondition Required
// (RFC 6585 §3), given the version a re-read found: add If-Match with its ETag.
func AfterRequired(current Seen) Suggestion {
	if current.ETag == "" || strings.HasPrefix(current.ETag, "W/") {
		if current.LastModified != "" {
			return added("If-Unmodified-Since", current.LastModified, current)
		}
		return Suggestion{Message: "The re-read gave no strong ETag or Last-Modified: no precondition to add."}
	}
	return added("If-Match", current.ETag, current)
}
