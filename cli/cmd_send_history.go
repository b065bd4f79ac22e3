package cli

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/requests"
)

// historyWait bounds how long send waits for the history database after printing
// (another process may be writing a large exchange); past it the exchange is
// queued beside the database and stored by the next run that opens it.
const historyWait = 2 * time.Second

// recorder keeps the exchanges of one command in the history database. A history
// that cannot be opened or written costs a warning, never the exchange itself.
type recorder struct {
	store  *history.Store
	errOut io.Writer
}

// openRecorder opens the history unless --no-history; a nil store records nothing.
func openRecorder(errOut io.Writer, f sendFlags) *recorder {
	rec := &recorder{errOut: errOut}
	if f.noHist {
		return rec
	}
	path, err := historyPath(f.history)
	if err == nil {
		rec.store, err = history.Open(path, historyOptions(f.conf.History))
	}
	if err != nil {
		fmt.Fprintf(errOut, "httplens: history off for this run: %v\n", err)
	}
	return rec
}

// add stores x under the collection file (absolute, so one file is one key from
// any folder) and request name; both are empty for an ad-hoc request.
func (r *recorder) add(ctx context.Context, x requests.Exchange, file, name string) {
	if r.store == nil {
		return
	}
	if file != "" {
		if abs, err := filepath.Abs(file); err == nil {
			file = abs
		}
	}
	// The answer is printed already: wait for the database a bounded time, and
	// past it leave the exchange for the next run to store.
	queued, err := r.store.AddWithin(context.WithoutCancel(ctx), history.FromExchange(x, file, name), historyWait)
	if err != nil {
		fmt.Fprintf(r.errOut, "httplens: not kept in history: %v\n", err)
	} else if queued {
		fmt.Fprintf(r.errOut, "httplens: history busy: the exchange will be stored by the next run\n")
	}
}

// jar returns the cookie jar of environment env, holding the cookies kept from
// earlier runs when there is a history to keep them in.
func (r *recorder) jar(ctx context.Context, env string) *requests.Jar {
	if r.store == nil {
		return requests.NewJar(nil)
	}
	saved, err := r.store.Cookies(ctx, env)
	if err != nil {
		fmt.Fprintf(r.errOut, "httplens: cookies of earlier runs not loaded: %v\n", err)
	}
	return requests.NewJar(saved)
}

// saveJar keeps the jar's cookies for the next run.
func (r *recorder) saveJar(ctx context.Context, env string, jar *requests.Jar) {
	if r.store == nil || jar == nil {
		return
	}
	if err := r.store.SaveCookies(context.WithoutCancel(ctx), env, jar.All()); err != nil {
		fmt.Fprintf(r.errOut, "httplens: cookies not kept: %v\n", err)
	}
}

func (r *recorder) close() {
	if r.store != nil {
		r.store.Close()
	}
}
