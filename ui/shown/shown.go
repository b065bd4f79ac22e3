// Package shown remembers what the response and explain panes showed for each
// request this session, so that selecting a request again shows its own last
// exchange, never another's, or its empty state while the history is read
// (historycmds reads it and answers LoadedMsg). It holds no pane: its methods
// return a View, what the panes must show, and the root applies it. It imports
// the packages it reads and the leaves under ui, never the root or a pane.
package shown

import (
	"github.com/httplens/httplens/collections"
	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/responsecontent"
	"github.com/httplens/httplens/ui/tree"
)

// Exchange is what the response and explain panes show of one exchange.
type Exchange struct {
	X       requests.Exchange
	Content *responsecontent.Content
	Report  *explain.Report // nil when no response arrived
	Note    string          // the explain pane's note
	Source  string          // the explain pane's source line
}

// Memory is each request's last exchange this session, by request key, and
// the request whose exchange (or empty state) the panes show. The zero value
// remembers nothing.
type Memory struct {
	byKey map[string]Exchange
	key   string
}

// Remember keeps e as request key's last exchange, the one now shown. An
// ad-hoc exchange (key "") is not kept.
func (m *Memory) Remember(key string, e Exchange) {
	if key == "" {
		return
	}
	if m.byKey == nil {
		m.byKey = map[string]Exchange{}
	}
	m.byKey[key] = e
	m.key = key
}

// Select makes request key the one the panes show. changed is false when it
// already was; e is its last exchange when ok.
func (m *Memory) Select(key string) (e Exchange, ok, changed bool) {
	if key == m.key {
		return Exchange{}, false, false
	}
	m.key = key
	e, ok = m.byKey[key]
	return e, ok, true
}

// Showing is the key of the request the panes show.
func (m *Memory) Showing() string { return m.key }

// Has reports whether request key has an exchange this session.
func (m *Memory) Has(key string) bool {
	_, ok := m.byKey[key]
	return ok
}

// SetNote changes the explain note remembered with request key's exchange (a
// 412's banner), when it has one.
func (m *Memory) SetNote(key, note string) {
	if e, ok := m.byKey[key]; ok {
		e.Note = note
		m.byKey[key] = e
	}
}

// Replace puts content new wherever old is remembered: a large body's Pretty
// tab formatted after the exchange was remembered.
func (m *Memory) Replace(old, new *responsecontent.Content) {
	for k, e := range m.byKey {
		if e.Content == old {
			e.Content = new
			m.byKey[k] = e
		}
	}
}

// LoadedMsg carries the newest stored exchange of request Key (OK false when
// the history holds none, Err set when it could not be read).
type LoadedMsg struct {
	Key   string
	Shown Exchange
	OK    bool
	Err   error
}

// View is what the response and explain panes must show: request Key's
// exchange E when Found, else the empty state naming the request not sent yet
// (None, sanitised; "" when no request is selected).
type View struct {
	Key   string
	Found bool
	E     Exchange
	None  string
}

// Follow makes request r (nil: none selected) the one the panes show and says
// what they must show; changed is false when nothing is to change: r is shown
// already, or busy (a send in flight, whose progress and answer the panes show).
// A request without an exchange this session gets its empty state, and the root
// reads its newest stored one (LoadedMsg then).
func (m *Memory) Follow(r *collections.Request, busy bool) (v View, changed bool) {
	if busy {
		return v, false
	}
	key := ""
	if r != nil {
		key = tree.RequestKey(r)
	}
	e, ok, changed := m.Select(key)
	if !changed {
		return v, false
	}
	if ok {
		return View{Key: key, Found: true, E: e}, true
	}
	return None(r), true
}

// None is the empty state of request r (nil: none selected).
func None(r *collections.Request) View {
	if r == nil {
		return View{}
	}
	return View{Key: tree.RequestKey(r), None: termtext.String(tree.RequestLabel(r))}
}

// Show remembers e as request key's exchange and returns the view showing it.
func (m *Memory) Show(key string, e Exchange) View {
	m.Remember(key, e)
	return View{Key: key, Found: true, E: e}
}

// Loaded takes a request's newest stored exchange: show is false when it must
// not be shown (another request is shown by now, a send answered meanwhile, the
// history holds none, or it could not be read: err); selected is the request
// selected (nil: none).
func (m *Memory) Loaded(msg LoadedMsg, selected *collections.Request) (v View, show bool, err error) {
	if selected == nil || tree.RequestKey(selected) != msg.Key || m.key != msg.Key || m.Has(msg.Key) {
		return v, false, nil
	}
	if msg.Err != nil || !msg.OK {
		return v, false, msg.Err
	}
	return m.Show(msg.Key, msg.Shown), true, nil
}

// Forget drops every exchange remembered (the tour started over: every request
// is unsent again) and returns the empty state of request r, the one selected;
// following r then reads its history again.
func (m *Memory) Forget(r *collections.Request) View {
	*m = Memory{}
	return None(r)
}
