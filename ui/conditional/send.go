package conditional

import (
	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/requests"
)

// Resolve has the shape of a send's resolver (flight.Resolve), so that this
// package wraps and makes resolvers without importing the one that sends.
type Resolve = func(r *collections.Request, last map[string]collections.Response, vars map[string]string) (requests.Request, error)

// WithAutoIfMatch wraps resolve so that a PUT, PATCH or DELETE without If-Match
// gets the last ETag seen for its URL. etags is the command's own copy.
func WithAutoIfMatch(resolve Resolve, etags map[string]string) Resolve {
	return func(r *collections.Request, last map[string]collections.Response, vars map[string]string) (requests.Request, error) {
		req, err := resolve(r, last, vars)
		if err != nil {
			return req, err
		}
		return AutoIfMatch(req, etags), nil
	}
}

// ReadSend is what the root sends for a step's re-read (s.Read set): its label
// on the status line, a placeholder request (the re-read belongs to no saved
// request) and a resolver that returns the re-read as it is, whatever it is
// asked for. ok is false when s has no re-read.
func (s Step) ReadSend() (label string, chain []*collections.Request, resolve Resolve, ok bool) {
	if s.Read == nil {
		return "", nil, nil, false
	}
	get := *s.Read
	placeholder := &collections.Request{Method: "GET", URL: get.URL, Title: "re-read"}
	fixed := func(*collections.Request, map[string]collections.Response, map[string]string) (requests.Request, error) {
		return get, nil
	}
	return "GET " + get.URL + " (re-read)", []*collections.Request{placeholder}, fixed, true
}
