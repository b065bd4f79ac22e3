package collections

import (
	"crypto/sha256"
	"encoding/binary"
)

// Identity says which request an unsaved edit belongs to, so that the edit finds
// its request again after the file changed on disk (a request inserted above it
// moves every index). A request is its name when it has one; else its title and a
// hash of what it sends. Index, its position when the edit started, only breaks
// ties between equal requests.
type Identity struct {
	Name  string
	Title string
	Sum   [sha256.Size]byte // of method, URL, version, headers and body; unused with a Name
	Index int
}

// IdentityOf is the identity of r as it is now.
func IdentityOf(r *Request) Identity {
	id := Identity{Name: r.Name, Title: r.Title, Index: r.Index}
	if r.Name != "" {
		return id
	}
	h := sha256.New()
	// Each part is length-prefixed, so no two different requests hash the same
	// bytes ("a"+"bc" and "ab"+"c").
	part := func(b []byte) {
		var n [8]byte
		binary.BigEndian.PutUint64(n[:], uint64(len(b)))
		h.Write(n[:])
		h.Write(b)
	}
	part([]byte(r.Method))
	part([]byte(r.URL))
	part([]byte(r.Version))
	for _, hd := range r.Headers {
		part([]byte(hd.Name))
		part([]byte(hd.Value))
	}
	part(r.Body)
	h.Sum(id.Sum[:0])
	return id
}

// matches reports whether r is the request id names (the position aside).
func (id Identity) matches(r *Request) bool {
	if id.Name != "" {
		return r.Name == id.Name
	}
	if r.Name != "" || r.Title != id.Title {
		return false
	}
	return IdentityOf(r).Sum == id.Sum
}

// Rematch finds each identity's request in f: out[i] is the index in f.Requests
// of ids[i]'s request, or -1 when it is gone (deleted, renamed, or changed on disk
// when it has no name). Two identities never get the same request; among equal
// candidates the one nearest the identity's old position wins. Named identities
// are placed first since a name is the stronger claim.
func Rematch(ids []Identity, f *File) []int {
	out := make([]int, len(ids))
	taken := make([]bool, len(f.Requests))
	for pass := range 2 {
		for i, id := range ids {
			if (pass == 0) != (id.Name != "") {
				continue
			}
			best := -1
			for j := range f.Requests {
				if taken[j] || !id.matches(&f.Requests[j]) {
					continue
				}
				if best < 0 || abs(j-id.Index) < abs(best-id.Index) {
					best = j
				}
			}
			out[i] = best
			if best >= 0 {
				taken[best] = true
			}
		}
	}
	return out
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
