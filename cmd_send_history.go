package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"

	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/requests"
)

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
		rec.store, err = history.Open(path, history.Options{})
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
	if _, err := r.store.Add(context.WithoutCancel(ctx), history.FromExchange(x, file, name)); err != nil {
		fmt.Fprintf(r.errOut, "httplens: not kept in history: %v\n", err)
	}
}

func (r *recorder) close() {
	if r.store != nil {
		r.store.Close()
	}
}
