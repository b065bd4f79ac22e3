package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/explaininput"
	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/liveproxy"
	"github.com/httplens/httplens/proxy"
	"github.com/httplens/httplens/spool"
	"github.com/httplens/httplens/traffic"
	"github.com/httplens/httplens/ui/exchangelist"
)

// proxyFlags are the flags of `httplens proxy`.
type proxyFlags struct {
	listen    string
	intercept bool
	filters   []string
	allow     []string
	harOut    string
	httpOut   string
	history   string
	force     bool
	json      bool
	tui       bool
}

func newProxyCmd() *cobra.Command {
	var f proxyFlags
	c := &cobra.Command{
		Use:   "proxy [--listen ADDR] [--intercept] [--filter HOST]...",
		Short: "Run a recording proxy: every exchange that crosses it, kept and explained",
		Long: `Run an HTTP proxy that forwards what a browser or app sends, byte for byte, keeps
every exchange in the history and prints one explained row per exchange (status,
size, private/shared cache verdict, fresh for, findings), with the client's own
request headers (If-None-Match, Origin, ...) taken into account.

HTTPS goes through CONNECT and is shown as a tunnel (host, bytes, duration).
With --intercept the proxy ends TLS itself with certificates from a local CA,
created on first use beside the history database (key readable by you only),
and records the decrypted exchanges; the client must trust that CA.

Stop with ctrl+c. --har and --http then write the session as a HAR 1.2 file and
as a .http collection.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			var tui func(exchangelist.Source) error
			if f.tui {
				if f.json {
					return usageError("proxy: --tui and --json do not go together")
				}
				tui = func(src exchangelist.Source) error { return runTrafficTUI(ctx, c, src) }
			}
			return runProxy(ctx, c.OutOrStdout(), c.ErrOrStderr(), f, tui)
		},
	}
	c.Flags().StringVar(&f.listen, "listen", "127.0.0.1:8888", "address to listen on")
	c.Flags().BoolVar(&f.intercept, "intercept", false, "decrypt HTTPS with a local CA the client trusts")
	c.Flags().StringSliceVar(&f.filters, "filter", nil, "record only this host and its subdomains (repeatable); others are still forwarded")
	c.Flags().StringSliceVar(&f.allow, "allow", nil, "forward only to this host and its subdomains (repeatable); others get 403")
	c.Flags().StringVar(&f.harOut, "har", "", "on exit, write the session as a HAR 1.2 file")
	c.Flags().StringVar(&f.httpOut, "http", "", "on exit, write the session's requests as a .http collection")
	c.Flags().BoolVar(&f.force, "force", false, "overwrite the --har and --http files if they exist")
	c.Flags().BoolVar(&f.tui, "tui", false, "show the exchanges live in the terminal UI, each explained; the summary and exports follow on quit")
	c.Flags().BoolVar(&f.json, "json", false, "print one JSON object a line: the listener, each exchange in full with its report, the summary")
	addHistoryFlag(c.Flags(), &f.history)
	return c
}

// proxySession is what one run of the proxy recorded: the history ids in order and
// the rows for the summary.
type proxySession struct {
	mu    sync.Mutex
	out   io.Writer
	table rowTable
	ids   []int64
	rows  []exchangeRow
	// enc writes JSON lines instead of rows (--json); notes then go to errOut.
	enc    *json.Encoder
	errOut io.Writer
	// tui: the terminal UI (--tui) shows the exchanges instead of printed rows.
	tui bool
	// buf is out's buffer, flushed after each batch and at the end.
	buf *bufio.Writer
}

// flush writes out what was printed since the last flush.
func (s *proxySession) flush() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.buf.Flush()
}

// runProxy runs the proxy until ctx ends, printing rows, or JSON lines, or, when
// tui is set, showing the exchanges in it until the user quits.
func runProxy(ctx context.Context, out, errOut io.Writer, f proxyFlags, tui func(exchangelist.Source) error) error {
	for _, p := range []string{f.harOut, f.httpOut} {
		if p == "" {
			continue
		}
		if _, err := os.Lstat(p); err == nil && !f.force {
			return errExists(p)
		}
	}
	dbPath, err := historyPath(f.history)
	if err != nil {
		return usageError("%v", err)
	}
	store, err := history.Open(dbPath, history.Options{})
	if err != nil {
		return usageError("%v", err)
	}
	defer store.Close()
	opts := proxy.Options{Filter: hostFilter(f.filters), Allow: hostFilter(f.allow)}
	if tui != nil {
		// Only the TUI shows a whole body: there bodies past the proxy's in-memory
		// cap continue into files here, removed with the folder when the proxy
		// stops. Rows, JSON and the history keep the cap, so without the TUI no
		// body is written to disk on the forwarding path.
		sp, err := spool.New()
		if err != nil {
			return failedError(fmt.Errorf("temporary folder for large bodies: %w", err))
		}
		defer sp.Remove()
		opts.SpoolDir = sp.Path
	}
	if f.intercept {
		ca, created, err := proxy.LoadCA(filepath.Dir(dbPath))
		if err != nil {
			return usageError("proxy: CA: %v", err)
		}
		verb := "using"
		if created {
			verb = "created"
		}
		fmt.Fprintf(errOut, "%s the interception CA %s\n", verb, ca.CertPath())
		fmt.Fprintf(errOut, "trust it: add it to the client's trust store (e.g. certutil -d sql:$HOME/.pki/nssdb -A -t C,, -n httplens -i %s)\n", ca.CertPath())
		opts.CA = ca
	}
	ln, err := net.Listen("tcp", f.listen)
	if err != nil {
		return usageError("proxy: %v", err)
	}
	// Rows are printed as they come: the URL column takes what the terminal leaves.
	// Rows (or JSON lines) go through one buffer, written out after each batch
	// the history stored: a system call per row was a measurable share of a busy
	// proxy's work, and a quiet proxy's batches are of one row.
	buf := bufio.NewWriter(out)
	sess := &proxySession{out: buf, buf: buf, errOut: errOut, table: newRowTable(terminalColumns(out), nil)}
	if f.json {
		sess.enc = json.NewEncoder(buf)
	}
	if tui == nil {
		// Printed before the proxy serves: a client may send as soon as it
		// reads the address, and its row must not race the head for the buffer
		// (a bufio.Writer written from two goroutines fails for good, and every
		// later row was lost).
		if sess.enc != nil {
			sess.enc.Encode(jsonProxyLine{Proxy: &jsonProxyStart{Listen: ln.Addr().String(), History: dbPath}})
		} else {
			fmt.Fprintf(buf, "httplens proxy on %s · recording into %s\n", ln.Addr(), dbPath)
			sess.writeRowHead()
		}
		sess.flush()
	}
	// The live session stores every exchange in arrival order on one goroutine
	// and hands it to add, which prints it (or feeds the UI its row for the summary).
	live := liveproxy.Serve(ln, store, liveproxy.Options{Proxy: opts, Each: sess.add, AfterBatch: sess.flush, Live: tui != nil})
	if tui != nil {
		return sess.runTUI(tui, live, store, dbPath, f)
	}
	select {
	case <-ctx.Done():
	case <-live.Done():
	}
	err = live.Err()
	live.Stop()
	if err != nil {
		return failedError(fmt.Errorf("proxy: %w", err))
	}
	return sess.finish(store, f)
}

func (s *proxySession) writeRowHead() {
	var b strings.Builder
	s.table.writeHeader(&b)
	io.WriteString(s.out, b.String())
}

// hostFilter records only the hosts named and their subdomains; none names all.
func hostFilter(hosts []string) func(string) bool {
	if len(hosts) == 0 {
		return nil
	}
	return func(h string) bool {
		h = strings.ToLower(h)
		for _, f := range hosts {
			f = strings.ToLower(strings.TrimPrefix(f, "."))
			if h == f || strings.HasSuffix(h, "."+f) {
				return true
			}
		}
		return false
	}
}

// runTUI serves while the terminal UI shows what arrives; quitting it stops the
// proxy, then the summary and the exports are written as without it.
func (s *proxySession) runTUI(tui func(exchangelist.Source) error, live *liveproxy.Session, store *history.Store,
	dbPath string, f proxyFlags) error {
	s.tui = true
	dir, _ := os.Getwd()
	err := tui(exchangelist.Source{Title: fmt.Sprintf("proxy on %s", live.Addr), Live: live.Live(), SaveTo: "proxy.http", Dir: dir,
		Hint: fmt.Sprintf("Point a client at it (http_proxy=http://%s); every exchange is kept in %s.", live.Addr, dbPath)})
	live.Stop()
	if err != nil {
		return err
	}
	return s.finish(store, f)
}

// add explains a stored exchange with the client's own request headers and
// prints its row; with the UI it only keeps the row and id, as the session
// sends the exchange on to the UI itself.
func (s *proxySession) add(k liveproxy.Kept) {
	x := k.Exchange
	if !s.tui {
		// Stored, printed (or encoded): nothing reads the bodies after this, so
		// their memory goes back to the proxy for the next large body.
		defer x.Release()
	}
	if k.StoreErr != nil && !s.tui {
		fmt.Fprintf(s.errOut, "httplens: %s\n", printableText(k.StoreErr.Error()))
	}
	id := k.ID
	e := x.Entry()
	row := exchangeRow{Method: x.Request.Method, URL: x.Request.URL, Size: x.ResponseBodyBytes}
	if x.Err != nil {
		row.Error = x.Err.Error()
	}
	switch {
	case x.Tunnel != nil:
		row.Note = fmt.Sprintf("tunnel: %s up, %s down, %s", sizeText(x.Tunnel.Up), sizeText(x.Tunnel.Down), x.Tunnel.Duration.Round(time.Millisecond))
	case x.Response != nil:
		row.Status = x.Response.Status
		rep := explain.Analyze(explaininput.From(e.Exchange(), x.Received))
		row.Report = &rep
		if x.Intercepted {
			row.Note = "decrypted (intercepted)"
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if id != 0 {
		s.ids = append(s.ids, id)
	}
	s.rows = append(s.rows, row)
	row.N = len(s.rows)
	s.rows[len(s.rows)-1].N = row.N
	if s.enc != nil {
		s.enc.Encode(jsonProxyLine{Exchange: newJSONProxyExchange(row, x, id)})
		return
	}
	if s.tui {
		return
	}
	var b strings.Builder
	s.table.writeRow(&b, row)
	io.WriteString(s.out, b.String())
}

// finish prints the summary and writes the exports.
func (s *proxySession) finish(store *history.Store, f proxyFlags) error {
	defer s.flush()
	notes := s.out
	if s.enc != nil {
		sum := summarize(s.rows)
		s.enc.Encode(jsonProxyLine{Summary: &sum})
		notes = s.errOut
	} else {
		var b strings.Builder
		writeSummary(&b, s.rows)
		io.WriteString(s.out, b.String())
	}
	ctx := context.Background()
	if f.harOut != "" {
		err := writeAtomically(f.harOut, f.force, func(w io.Writer) error {
			h, err := history.NewHARWriter(w, "httplens", version)
			if err != nil {
				return err
			}
			for _, id := range s.ids {
				e, err := store.Get(ctx, id)
				if err != nil {
					return err
				}
				if err := h.Add(e); err != nil {
					return err
				}
			}
			return h.Close()
		})
		if err != nil {
			return err
		}
		fmt.Fprintf(notes, "wrote %d exchanges to %s\n", len(s.ids), f.harOut)
	}
	if f.httpOut != "" {
		n := 0
		err := writeAtomically(f.httpOut, f.force, func(w io.Writer) error {
			for _, id := range s.ids {
				e, err := store.Get(ctx, id)
				if err != nil {
					return err
				}
				if r, ok := recordedRequest(e); ok {
					n++
					if _, err := w.Write(collections.Format(r, "\n")); err != nil {
						return err
					}
					io.WriteString(w, "\n")
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		fmt.Fprintf(notes, "wrote %d requests to %s\n", n, f.httpOut)
	}
	return nil
}

// recordedRequest is a recorded exchange as a .http request; tunnels have none.
func recordedRequest(e history.Entry) (collections.Request, bool) {
	if e.Request.Method == "CONNECT" {
		return collections.Request{}, false
	}
	note := ""
	if e.Response != nil {
		note = fmt.Sprintf("recorded %d", e.Response.Status)
	}
	fields := make([]explain.Field, len(e.Request.Headers))
	for i, h := range e.Request.Headers {
		fields[i] = explain.Field{Name: h.Name, Value: h.Value}
	}
	return traffic.NewRequest(e.Request.Method, e.Request.URL, fields, e.Request.Body, note), true
}
