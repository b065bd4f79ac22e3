package history

import (
	"bytes"
	"compress/gzip"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/httplens/httplens/requests"
)

// TestRealExchange stores what requests.Send really returns, over the loopback,
// and reads it back: the raw heads as they crossed the wire, redacted in place.
func TestRealExchange(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v7"`)
		w.Header().Set("Set-Cookie", "sid=server-secret; Path=/")
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		zw.Write([]byte(`{"name":"one"}`))
		zw.Close()
	}))
	defer srv.Close()

	x := requests.Send(context.Background(), requests.Request{
		Method: "PUT",
		URL:    srv.URL + "/items/1?x=1",
		Headers: []requests.Header{
			{Name: "authorization", Value: "Basic dXNlcjpwYXNz"},
			{Name: "Content-Type", Value: "application/json"},
		},
		Body: []byte(`{"name":"one"}`),
	}, requests.Options{})
	if x.Err != nil {
		t.Fatal(x.Err)
	}
	s := tempStore(t, Options{})
	id, err := s.Add(context.Background(), FromExchange(x, "tour.http", "update"))
	if err != nil {
		t.Fatal(err)
	}
	e, err := s.Get(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		name string
		ok   bool
	}{
		{"request head redacted in place", bytes.Contains(e.Request.RawHead, []byte("\r\nauthorization: Basic [redacted]\r\n"))},
		{"no credential anywhere", !strings.Contains(string(e.Request.RawHead)+string(e.Response.RawHead), "dXNlcjpwYXNz") &&
			!strings.Contains(string(e.Response.RawHead), "server-secret")},
		{"rest of the request head as sent", bytes.HasPrefix(e.Request.RawHead, []byte("PUT /items/1?x=1 HTTP/1.1\r\n"))},
		{"response head kept", bytes.Contains(e.Response.RawHead, []byte("Etag: \"v7\"\r\n")) &&
			bytes.HasSuffix(e.Response.RawHead, []byte("\r\n\r\n"))},
		{"body as received, still gzip", bytes.Equal(e.Response.Body, x.Response.Body) && e.BodyBytes == int64(len(x.Response.Body))},
		{"decoded body", string(e.Response.Decoded) == `{"name":"one"}`},
		{"request body", string(e.Request.Body) == `{"name":"one"}`},
		{"ETag", e.ETag() == `"v7"`},
		// The six phases the history keeps (not yet Write, Redirects, Happened).
		{"timing", e.Timing.DNS == x.Timing.DNS && e.Timing.Connect == x.Timing.Connect && e.Timing.TLS == x.Timing.TLS &&
			e.Timing.TTFB == x.Timing.TTFB && e.Timing.Transfer == x.Timing.Transfer && e.Timing.Total == x.Timing.Total &&
			e.Sent.Equal(x.Sent) && e.Received.Equal(x.Received)},
		{"redacted flag", e.Redacted},
	}
	for _, c := range checks {
		t.Run(c.name, func(t *testing.T) {
			if !c.ok {
				t.Fatalf("request head:\n%s\nresponse head:\n%s", e.Request.RawHead, e.Response.RawHead)
			}
		})
	}
}
