package headers

import (
	"strings"
	"testing"
)

// head is a typical response head; the names looked up are found early, late and
// not at all.
var head = List{
	{"Date", "Wed, 02 Dec 2026 21:00:00 GMT"}, {"Content-Type", "application/json"},
	{"Content-Length", "1234"}, {"Connection", "keep-alive"}, {"Server", "nginx"},
	{"Cache-Control", "max-age=60, must-revalidate"}, {"ETag", `W/"abc"`},
	{"Last-Modified", "Wed, 02 Dec 2026 20:00:00 GMT"}, {"Vary", "Accept-Encoding, Origin"},
	{"X-Request-Id", "f00"}, {"Strict-Transport-Security", "max-age=63072000"},
	{"Set-Cookie", "a=1"}, {"Set-Cookie", "b=2"}, {"Age", "3"},
}

var lookedUp = []string{"content-type", "ETAG", "set-cookie", "age", "Location"}

// BenchmarkLookup compares List.Lookup with the loop over strings.EqualFold it
// replaced, side by side in one run: go test ./headers -bench Lookup -count 5
func BenchmarkLookup(b *testing.B) {
	b.Run("List", func(b *testing.B) {
		for b.Loop() {
			for _, n := range lookedUp {
				head.Lookup(n)
			}
		}
	})
	b.Run("EqualFold", func(b *testing.B) {
		for b.Loop() {
			for _, n := range lookedUp {
				for _, f := range head {
					if strings.EqualFold(f.Name, n) {
						break
					}
				}
			}
		}
	})
}
