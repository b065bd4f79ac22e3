// Package prompts is the TUI's side of `# @prompt`: a send that waits for the
// values its request asks for, one question at a time, and the answers given in
// the session, which the same question offers again and which resolve as --var
// values do. It holds no UI: the root opens each question (ui/overlay/ask) and
// sends once Answer says the last one is in.
package prompts

import (
	"maps"

	"github.com/httplens/httplens/collections"
)

// Questions is the send waiting for answers, if any, and every answer so far.
// The zero value is ready to use.
type Questions struct {
	key   string // the request asked for
	asks  []collections.Prompt
	next  int               // the question open: an index into asks
	ready string            // the request whose questions were just answered: its send goes on
	given map[string]string // every answer, by variable name, for this session
}

// Begin starts the questions of request key, unless they were just answered for
// this send; it reports whether the send may go on now. As in the JetBrains
// client, every send asks again, offering the last answer.
func (q *Questions) Begin(key string, ps []collections.Prompt) bool {
	if len(ps) == 0 {
		return true
	}
	if q.ready == key {
		q.ready = ""
		return true
	}
	q.key, q.asks, q.next = key, ps, 0
	return false
}

// Key is the request the questions are for.
func (q *Questions) Key() string { return q.key }

// Open is the question open and the value it offers: the answer given before in
// this session, else vars' value (the --var values).
func (q *Questions) Open(vars map[string]string) (collections.Prompt, string) {
	p := q.asks[q.next]
	v, ok := q.given[p.Name]
	if !ok {
		v = vars[p.Name]
	}
	return p, v
}

// Answer keeps an answer to the open question; it reports whether another
// question is open now. When none is, the caller sends (after Ready).
func (q *Questions) Answer(name, value string) (more bool) {
	if q.given == nil {
		q.given = map[string]string{}
	}
	q.given[name] = value
	q.next++
	return q.next < len(q.asks)
}

// Ready lets the next Begin for the request asked for go on without asking: its
// questions were just answered.
func (q *Questions) Ready() { q.ready = q.key }

// Vars is vars with the session's answers over them, as --var values are.
func (q *Questions) Vars(vars map[string]string) map[string]string {
	out := maps.Clone(vars)
	if out == nil {
		out = map[string]string{}
	}
	maps.Copy(out, q.given)
	return out
}
