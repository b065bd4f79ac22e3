package demo

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"slices"
	"sync"
	"time"
)

// Limits that keep a long-running demo small.
const (
	maxItems    = 1000
	maxItemID   = 1_000_000
	maxBodySize = 64 << 10
)

// validators are what a client can make a request conditional on.
type validators struct {
	etag     string    // quoted, with W/ when weak; "" when there is none
	modified time.Time // zero when there is none
}

// item is one stored representation. Its body is kept exactly as it was sent, so the
// ETag returned by PUT describes what a later GET returns (RFC 9110 §9.3.4).
type item struct {
	body []byte
	validators
}

// strongETag derives a tag from the stored bytes, so it changes whenever they do.
func strongETag(b []byte) string {
	sum := sha256.Sum256(b)
	return `"` + hex.EncodeToString(sum[:8]) + `"`
}

func newItem(body []byte, at time.Time) item {
	return item{body: body, validators: validators{etag: strongETag(body), modified: at}}
}

// seedBodies are the items every store starts from and POST /reset restores.
func seedBodies() []string {
	return []string{
		`{"id":1,"name":"notebook"}`,
		`{"id":2,"name":"pencil"}`,
		`{"id":3,"name":"eraser"}`,
	}
}

// check runs under the store's lock with the current item (nil when there is none);
// a non-nil problem refuses the write. It makes test-and-set of preconditions atomic.
type check func(cur *item) *problem

// store holds the items. Bodies are never modified in place, so copies of an item may
// share them.
type store struct {
	mu      sync.Mutex
	items   map[int]item
	nextID  int
	changed time.Time // last write of any kind: the list's Last-Modified
}

func newStore(at time.Time) *store {
	s := &store{}
	s.reset(at)
	return s
}

// reset replaces every item with the seed.
func (s *store) reset(at time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	seed := seedBodies()
	s.items = make(map[int]item, len(seed))
	for i, b := range seed {
		s.items[i+1] = newItem([]byte(b), at)
	}
	s.nextID = len(seed) + 1
	s.changed = at
}

func (s *store) get(id int) (item, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	it, ok := s.items[id]
	return it, ok
}

// list is the JSON array of all items in id order. Its tag is weak: the list is a view
// assembled from the items rather than stored bytes of its own.
func (s *store) list() item {
	s.mu.Lock()
	defer s.mu.Unlock()
	ids := make([]int, 0, len(s.items))
	for id := range s.items {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	bodies := make([][]byte, len(ids))
	for i, id := range ids {
		bodies[i] = s.items[id].body
	}
	body := append(append([]byte("["), bytes.Join(bodies, []byte(","))...), ']')
	return item{body: body, validators: validators{etag: "W/" + strongETag(body), modified: s.changed}}
}

// put stores body as item id unless ok refuses, and reports whether it created the item.
func (s *store) put(id int, body []byte, at time.Time, ok check) (stored item, created bool, p *problem) {
	s.mu.Lock()
	defer s.mu.Unlock()
	cur, exists := s.items[id]
	if p := ok(itemOrNil(cur, exists)); p != nil {
		return item{}, false, p
	}
	if !exists && len(s.items) >= maxItems {
		return item{}, false, storeFull()
	}
	stored = newItem(body, at)
	s.items[id] = stored
	s.nextID = max(s.nextID, id+1)
	s.changed = at
	return stored, !exists, nil
}

// add stores body under the next free id.
func (s *store) add(body []byte, at time.Time) (id int, stored item, p *problem) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.items) >= maxItems || s.nextID > maxItemID {
		return 0, item{}, storeFull()
	}
	id = s.nextID
	s.nextID++
	stored = newItem(body, at)
	s.items[id] = stored
	s.changed = at
	return id, stored, nil
}

// remove deletes item id unless it is missing (404, before any precondition, as
// RFC 9110 §13.2.1 asks) or ok refuses.
func (s *store) remove(id int, at time.Time, ok check) *problem {
	s.mu.Lock()
	defer s.mu.Unlock()
	cur, exists := s.items[id]
	if !exists {
		return itemNotFound(id)
	}
	if p := ok(&cur); p != nil {
		return p
	}
	delete(s.items, id)
	s.changed = at
	return nil
}

func itemOrNil(it item, exists bool) *item {
	if !exists {
		return nil
	}
	return &it
}

func itemNotFound(id int) *problem {
	return &problem{status: http.StatusNotFound,
		detail: fmt.Sprintf("there is no item %d; PUT a JSON object to create it, or POST /reset", id)}
}

func storeFull() *problem {
	return &problem{status: http.StatusInsufficientStorage,
		detail: fmt.Sprintf("the demo keeps at most %d items; POST /reset to start again", maxItems)}
}
