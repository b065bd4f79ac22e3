package history

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
)

// Environment of the writer process TestTwoProcesses starts from this test binary.
const (
	writerPathEnv  = "HTTPLENS_HISTORY_TEST_WRITER"
	writerCountEnv = "HTTPLENS_HISTORY_TEST_COUNT"
)

// TestMain turns the test binary into a second writer process when asked to.
func TestMain(m *testing.M) {
	if path := os.Getenv(writerPathEnv); path != "" {
		n, _ := strconv.Atoi(os.Getenv(writerCountEnv))
		if err := writerProcess(path, n); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// writerProcess opens the store, says "ready", waits for a line on stdin so that
// both processes write at the same time, then adds n exchanges.
func writerProcess(path string, n int) error {
	s, err := Open(path, Options{KeepPerRequest: -1})
	if err != nil {
		return err
	}
	defer s.Close()
	fmt.Println("ready")
	if _, err := bufio.NewReader(os.Stdin).ReadString('\n'); err != nil {
		return err
	}
	for i := range n {
		if _, err := s.Add(context.Background(), sample("child.http", strconv.Itoa(i%7))); err != nil {
			return err
		}
	}
	return nil
}

// countBy returns how many exchanges each file has.
func countBy(t *testing.T, path string) map[string]int {
	t.Helper()
	s := openStore(t, path, Options{})
	rows, err := s.List(context.Background(), Filter{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	seen := map[int64]bool{}
	for _, r := range rows {
		if seen[r.ID] {
			t.Fatalf("id %d listed twice", r.ID)
		}
		seen[r.ID] = true
		got[r.File]++
	}
	checkTotal(t, s)
	return got
}

func TestTwoStoresWritingAtOnce(t *testing.T) {
	const perWriter = 150
	path := filepath.Join(t.TempDir(), "shared.db")
	stores := []*Store{openStore(t, path, Options{KeepPerRequest: -1}), openStore(t, path, Options{KeepPerRequest: -1})}
	var wg sync.WaitGroup
	errs := make(chan error, 4*perWriter)
	// Two goroutines per store: writers in one process share a pool, writers in
	// two stores take the file lock against each other.
	for w := range 4 {
		s := stores[w%2]
		wg.Go(func() {
			for i := range perWriter {
				_, err := s.Add(context.Background(), sample(fmt.Sprintf("w%d.http", w), strconv.Itoa(i%5)))
				if err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	got := countBy(t, path)
	want := map[string]int{"w0.http": perWriter, "w1.http": perWriter, "w2.http": perWriter, "w3.http": perWriter}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("stored %v, want %v", got, want)
	}
}

func TestTwoProcessesWritingAtOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a second process")
	}
	const n = 200
	path := filepath.Join(t.TempDir(), "shared.db")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), writerPathEnv+"="+path, writerCountEnv+"="+strconv.Itoa(n))
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Both processes open (and so create and migrate) the new file at once.
	s := openStore(t, path, Options{KeepPerRequest: -1})
	if line, err := bufio.NewReader(stdout).ReadString('\n'); err != nil || line != "ready\n" {
		t.Fatalf("writer process said %q, %v", line, err)
	}
	fmt.Fprintln(stdin, "go")
	for i := range n {
		if _, err := s.Add(context.Background(), sample("parent.http", strconv.Itoa(i%7))); err != nil {
			t.Fatal(err)
		}
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("writer process: %v", err)
	}
	got := countBy(t, path)
	if got["parent.http"] != n || got["child.http"] != n || len(got) != 2 {
		t.Fatalf("stored %v, want %d from each process", got, n)
	}
	var check string
	if err := s.db.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
}
