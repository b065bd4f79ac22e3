package history

import (
	"bytes"
	"context"
	"strconv"
	"testing"
)

// BenchmarkAdd1MB stores an exchange with a 1 MiB body: redaction, one IMMEDIATE
// transaction with retention, and the WAL commit.
func BenchmarkAdd1MB(b *testing.B) {
	s := tempStore(b, Options{})
	e := sample("bench.http", "big")
	body := bytes.Repeat([]byte(`{"k":"v"},`), 1<<20/10)
	e.Response.Body, e.Response.BodyBytes, e.BodyBytes = body, int64(len(body)), int64(len(body))
	b.SetBytes(int64(len(body)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.Add(context.Background(), e); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkList10k lists every one of 10,000 stored exchanges, newest first.
func BenchmarkList10k(b *testing.B) {
	const n = 10000
	s := tempStore(b, Options{KeepPerRequest: -1})
	fill(b, s, n)
	b.ResetTimer()
	for b.Loop() {
		rows, err := s.List(context.Background(), Filter{})
		if err != nil || len(rows) != n {
			b.Fatalf("%d rows, %v", len(rows), err)
		}
	}
}

// BenchmarkListOneRequest lists the 50 newest exchanges of one request among 10,000,
// what the History tab asks for.
func BenchmarkListOneRequest(b *testing.B) {
	s := tempStore(b, Options{KeepPerRequest: -1})
	fill(b, s, 10000)
	b.ResetTimer()
	for b.Loop() {
		rows, err := s.List(context.Background(), Filter{File: "bench.http", Name: "7", Limit: 50})
		if err != nil || len(rows) != 50 {
			b.Fatalf("%d rows, %v", len(rows), err)
		}
	}
}

// fill adds n exchanges over 100 requests in one transaction.
func fill(b *testing.B, s *Store, n int) {
	b.Helper()
	tx, err := s.begin(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	for i := range n {
		r, err := s.newRecord(sample("bench.http", strconv.Itoa(i%100)))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := insert(context.Background(), tx, r); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkGet1MB reads back one exchange with a 1 MiB body, as reopening does.
func BenchmarkGet1MB(b *testing.B) {
	s := tempStore(b, Options{})
	e := sample("bench.http", "big")
	body := bytes.Repeat([]byte(`{"k":"v"},`), 1<<20/10)
	e.Response.Body, e.BodyBytes = body, int64(len(body))
	id, err := s.Add(context.Background(), e)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		got, err := s.Get(context.Background(), id)
		if err != nil || len(got.Response.Body) != len(body) {
			b.Fatalf("%d bytes, %v", len(got.Response.Body), err)
		}
	}
}

// BenchmarkAddAllProxy stores a batch of 128 exchanges as the recording proxy
// does under load (history.AddAll from liveproxy): small requests to a handful
// of URLs, each answered with 1 KiB (stored in the bodies table, deduplicated).
// Reported per exchange.
func BenchmarkAddAllProxy(b *testing.B) {
	s := tempStore(b, Options{})
	body := bytes.Repeat([]byte("b"), 1024)
	batch := make([]Entry, 128)
	for i := range batch {
		e := sample("proxy", "GET http://127.0.0.1:8080/items/"+strconv.Itoa(i%8))
		e.Response.Body, e.Response.BodyBytes, e.BodyBytes = body, int64(len(body)), int64(len(body))
		batch[i] = e
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := s.AddAll(context.Background(), batch); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(batch)), "ns/exchange")
}

// BenchmarkAddSmall stores one small exchange per call, as `httplens send` does.
func BenchmarkAddSmall(b *testing.B) {
	s := tempStore(b, Options{})
	e := sample("bench.http", "small")
	for b.Loop() {
		if _, err := s.Add(context.Background(), e); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLatest reads the newest answer of one request among 10,000, as the
// TUI does for each request it shows.
func BenchmarkLatest(b *testing.B) {
	s := tempStore(b, Options{KeepPerRequest: -1})
	fill(b, s, 10000)
	for b.Loop() {
		if _, ok, err := s.Latest(context.Background(), "bench.http", "7"); err != nil || !ok {
			b.Fatal(ok, err)
		}
	}
}
