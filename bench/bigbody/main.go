// Command bigbody serves a fixed body of a given size on 127.0.0.1 for the send
// benchmark. It prints its URL on the first line of stdout and serves until killed.
package main

import (
	"flag"
	"fmt"
	"log"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"slices"
	"strconv"
	"sync/atomic"
)

// records returns size bytes of a JSON array of user-like records, the same
// for every run: text that compresses as an API's answers do.
func records(size int) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	b := []byte(`[{"n":"000000000000"},`)
	for len(b) < size-200 {
		b = fmt.Appendf(b, `{"id":%d,"name":"user-%d","email":"u%d@example.com","score":%.6f,"active":%t,"tags":["a","bb"]},`,
			r.Int64(), r.IntN(1e6), r.IntN(1e6), r.Float64(), r.IntN(2) == 1)
	}
	b[len(b)-1] = ' ' // no comma after the last record; spaces up to the size
	for len(b) < size-1 {
		b = append(b, ' ')
	}
	return append(b, ']')
}

func main() {
	size := flag.Int("size", 10<<20, "body size in bytes")
	asJSON := flag.Bool("json", false, "serve JSON records, their first bytes different for every request")
	flag.Parse()
	body := make([]byte, *size)
	for i := range body {
		body[i] = 'a' + byte(i%26)
	}
	var served atomic.Int64
	if *asJSON {
		body = records(*size)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Fprintf(os.Stdout, "http://%s/\n", ln.Addr())
	log.Fatal(http.Serve(ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		if *asJSON {
			// A body stored before is stored once; this one is new every time.
			b := slices.Clone(body)
			copy(b[2:], fmt.Sprintf(`"n":"%012d"`, served.Add(1)))
			w.Write(b)
			return
		}
		w.Write(body)
	})))
}
