package requests

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"testing"
)

// streamRecorder is an Options.Stream that records what it was given.
type streamRecorder struct {
	finals []bool
	heads  []string
	body   bytes.Buffer
}

func (s *streamRecorder) stream(resp *Response, final bool) io.Writer {
	s.finals = append(s.finals, final)
	s.heads = append(s.heads, string(resp.RawHead))
	if !final {
		return nil
	}
	return &s.body
}

func bodyServer(t *testing.T, body []byte) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/moved" {
			w.Header().Set("Location", "/body")
			w.WriteHeader(http.StatusFound)
			io.WriteString(w, "moved, see /body")
			return
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.Write(body)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestStreamCopiesTheFinalBodyAsItArrives(t *testing.T) {
	body := bytes.Repeat([]byte("0123456789abcdef"), 64<<10) // 1 MiB: many reads
	srv := bodyServer(t, body)
	for _, c := range []struct {
		name     string
		keep     int64
		wantKept int
	}{
		{"zero keeps the whole body", 0, len(body)},
		{"positive keeps a prefix", 1000, 1000},
		{"negative keeps nothing", -1, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			var rec streamRecorder
			x := Send(context.Background(), Request{Method: "GET", URL: srv.URL + "/moved"},
				Options{FollowRedirects: true, Stream: rec.stream, StreamKeep: c.keep})
			if x.Err != nil {
				t.Fatal(x.Err)
			}
			if len(rec.finals) != 2 || rec.finals[0] || !rec.finals[1] {
				t.Fatalf("Stream called with final = %v, want [false true] (the redirect, then the body)", rec.finals)
			}
			if !bytes.Equal(rec.body.Bytes(), body) {
				t.Fatalf("streamed %d bytes, want the %d of the body", rec.body.Len(), len(body))
			}
			if rec.heads[1] != string(x.Response.RawHead) {
				t.Errorf("head given to Stream %q, Response.RawHead %q", rec.heads[1], x.Response.RawHead)
			}
			if len(x.Response.Body) != c.wantKept || !bytes.Equal(x.Response.Body, body[:c.wantKept]) {
				t.Errorf("kept %d bytes, want the first %d", len(x.Response.Body), c.wantKept)
			}
			if x.Response.BodyBytes != int64(len(body)) || x.Response.Truncated || !x.Response.Complete {
				t.Errorf("BodyBytes %d Truncated %v Complete %v, want %d false true", x.Response.BodyBytes,
					x.Response.Truncated, x.Response.Complete, len(body))
			}
		})
	}
}

func TestStreamStopsAtMaxBody(t *testing.T) {
	body := bytes.Repeat([]byte("x"), 100_000)
	srv := bodyServer(t, body)
	var rec streamRecorder
	x := Send(context.Background(), Request{Method: "GET", URL: srv.URL + "/body"},
		Options{MaxBody: 40_000, Stream: rec.stream, StreamKeep: -1})
	if rec.body.Len() != 40_000 || !x.Response.Truncated || x.Response.BodyBytes != 40_000 {
		t.Fatalf("streamed %d, Truncated %v, BodyBytes %d; want 40000, true, 40000", rec.body.Len(), x.Response.Truncated, x.Response.BodyBytes)
	}
}

// failingWriter refuses every write, as a closed pipe does.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("broken pipe") }

func TestStreamWriteErrorEndsTheExchange(t *testing.T) {
	srv := bodyServer(t, bytes.Repeat([]byte("x"), 1<<20))
	x := Send(context.Background(), Request{Method: "GET", URL: srv.URL + "/body"},
		Options{Stream: func(*Response, bool) io.Writer { return failingWriter{} }})
	if x.Err == nil || x.Response == nil || x.Response.Complete {
		t.Fatalf("Err %v, want the write error and an incomplete response", x.Err)
	}
}

func TestNoStreamForAResponseWithoutBody(t *testing.T) {
	s := newRawServer(t, "HTTP/1.1 204 No Content\r\n\r\n")
	called := false
	x := Send(context.Background(), Request{Method: "GET", URL: s.url()},
		Options{Stream: func(*Response, bool) io.Writer { called = true; return io.Discard }})
	if x.Err != nil || called {
		t.Fatalf("Err %v, Stream called %v: a 204 has no body to stream", x.Err, called)
	}
}

// StreamKeepTo takes the kept prefix instead of Response.Body, for the final
// response only; the output still gets every byte.
func TestStreamKeepToTakesTheKeptBytes(t *testing.T) {
	body := bytes.Repeat([]byte("0123456789abcdef"), 64<<10)
	srv := bodyServer(t, body)
	var rec streamRecorder
	var kept bytes.Buffer
	asked := 0
	x := Send(context.Background(), Request{Method: "GET", URL: srv.URL + "/moved"},
		Options{FollowRedirects: true, Stream: rec.stream, StreamKeep: 300_000,
			StreamKeepTo: func(*Response) io.Writer { asked++; return &kept }})
	if x.Err != nil {
		t.Fatal(x.Err)
	}
	if asked != 1 || !bytes.Equal(kept.Bytes(), body[:300_000]) || len(x.Response.Body) != 0 {
		t.Fatalf("asked %d times, writer got %d bytes, Body %d; want once, the first 300000, none", asked, kept.Len(), len(x.Response.Body))
	}
	if !bytes.Equal(rec.body.Bytes(), body) || x.Response.BodyBytes != int64(len(body)) || x.Response.Truncated {
		t.Fatalf("streamed %d bytes, BodyBytes %d, Truncated %v", rec.body.Len(), x.Response.BodyBytes, x.Response.Truncated)
	}
}
