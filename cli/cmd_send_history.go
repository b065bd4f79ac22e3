package cli

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"time"

	"github.com/httplens/httplens/headers"
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
	// body is the final response's body as it streamed in, hashed and
	// compressed on the way (see history.BodyWriter); nil when not streamed.
	body *history.BodyWriter
	// loaded are the cookies jar read from the history, to save the jar
	// only when the exchange changed them.
	loaded []requests.Cookie
	// prepared is closed once the statements add runs are prepared, which
	// happens while the exchange is in flight (see prepare).
	prepared chan struct{}
}

// prepare has the store prepare what add runs on another goroutine, while the
// exchange is in flight: about 1.5 ms taken off the wait after the answer.
func (r *recorder) prepare(ctx context.Context) {
	if r.store == nil || r.prepared != nil {
		return
	}
	r.prepared = make(chan struct{})
	go func() {
		defer close(r.prepared)
		r.store.PrepareAdd(context.WithoutCancel(ctx)) // add reports any error itself
	}()
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
	if r.prepared != nil {
		<-r.prepared
	}
	e := history.FromExchange(x, file, name)
	if r.body != nil && x.Response != nil && len(x.Response.Body) == 0 {
		e.StreamedBody = r.body
	}
	r.body = nil
	// The answer is printed already: wait for the database a bounded time, and
	// past it leave the exchange for the next run to store.
	queued, err := r.store.AddWithin(context.WithoutCancel(ctx), e, historyWait)
	switch {
	case queued && err != nil:
		fmt.Fprintf(r.errOut, "httplens: %s\nhttplens: the exchange is queued in %s and will be stored by the next run\n",
			printableText(err.Error()), printableText(r.store.PendingDir()))
	case err != nil:
		fmt.Fprintf(r.errOut, "httplens: not kept in history: %s\n", printableText(err.Error()))
	case queued:
		fmt.Fprintf(r.errOut, "httplens: history busy: the exchange will be stored by the next run\n")
	}
}

// streamedBody is requests.Options.StreamKeepTo for a streamed response: its
// kept bytes go to a history.BodyWriter rather than into memory. A body that
// is content-coded stays in memory (requests decodes it from there), as does
// the body of an answer with no status line (its error quotes it).
func (r *recorder) streamedBody(resp *requests.Response) io.Writer {
	if resp.Status == 0 || len(headers.List(resp.Headers).Values("Content-Encoding")) > 0 {
		return nil
	}
	r.body = r.store.NewBodyWriter()
	return r.body
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
	jar := requests.NewJar(saved)
	r.loaded = jar.All()
	return jar
}

// saveJar keeps the jar's cookies for the next run.
func (r *recorder) saveJar(ctx context.Context, env string, jar *requests.Jar) {
	if r.store == nil || jar == nil {
		return
	}
	all := jar.All()
	if slices.EqualFunc(all, r.loaded, sameCookie) {
		return // a write transaction for nothing, on every send without cookies
	}
	if err := r.store.SaveCookies(context.WithoutCancel(ctx), env, all); err != nil {
		fmt.Fprintf(r.errOut, "httplens: cookies not kept: %v\n", err)
	}
}

// sameCookie reports whether a and b are the same cookie with the same
// attributes.
func sameCookie(a, b requests.Cookie) bool {
	return a.Name == b.Name && a.Value == b.Value && a.Domain == b.Domain && a.HostOnly == b.HostOnly &&
		a.Path == b.Path && a.Expires.Equal(b.Expires) && a.Secure == b.Secure && a.HTTPOnly == b.HTTPOnly &&
		a.SameSite == b.SameSite && a.Created.Equal(b.Created)
}

func (r *recorder) close() {
	if r.prepared != nil {
		<-r.prepared
	}
	if r.store != nil {
		r.store.Close()
	}
}
