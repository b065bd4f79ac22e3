package cli

import (
	"io"

	"github.com/httplens/httplens/requests"
)

// streamed records whether the final response went to the output while it was
// read (see streamTo), and the error writing its head, if any.
type streamed struct {
	on  bool
	err error
}

// done reports whether the response has been written already; nil means no.
func (s *streamed) done() bool { return s != nil && s.on }

// streamTo sets opts to copy the final response to out as it arrives when out is
// a pipe or file and nothing printed before it needs the whole body: the bytes go
// socket to out once, and the body is kept in memory only as far as something
// still reads it (all of it for --explain, the history's retention when the
// exchange is kept, none otherwise). A terminal, --json and --cache print from the
// whole exchange instead; the returned value says whether streaming happened.
func streamTo(out io.Writer, f sendFlags, rec *recorder, opts *requests.Options) *streamed {
	if f.json || f.cache != "" || isTerminal(out) {
		return nil
	}
	st := &streamed{}
	opts.Stream = func(resp *requests.Response, final bool) io.Writer {
		if !final {
			return nil
		}
		st.on = true
		_, st.err = out.Write(resp.RawHead)
		return out
	}
	switch {
	case f.explain:
		opts.StreamKeep = 0 // the report reads the body
	case rec.store != nil:
		opts.StreamKeep = rec.store.MaxBody()
		opts.StreamKeepTo = rec.streamedBody
	default:
		opts.StreamKeep = -1
	}
	return st
}
