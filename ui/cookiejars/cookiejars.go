// Package cookiejars holds the TUI's cookie jars, one per environment: made on
// first use, filled from the history's kept cookies inside the first command that
// needs them (so Update never waits on the disk), and kept again after each
// exchange. The root holds a Set and turns the messages of its commands into
// status lines and the cookies view.
package cookiejars

import (
	"context"
	"net/http"
	"net/url"
	"sync"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/requests"
)

// Jar is the cookie jar of one environment. Like the requests.Jar it wraps, it is
// safe for concurrent use: commands get the pointer, as they get a client.
type Jar struct {
	env   string
	store *history.Store // nil: the jar lives for this session only
	once  sync.Once
	jar   *requests.Jar
	err   error // reading the kept cookies failed; the jar started empty
}

// get returns the jar, reading the kept cookies the first time.
func (j *Jar) get() *requests.Jar {
	j.once.Do(func() {
		var saved []requests.Cookie
		if j.store != nil {
			saved, j.err = j.store.Cookies(context.Background(), j.env)
		}
		j.jar = requests.NewJar(saved)
	})
	return j.jar
}

// Cookies implements http.CookieJar.
func (j *Jar) Cookies(u *url.URL) []*http.Cookie { return j.get().Cookies(u) }

// SetCookies implements http.CookieJar.
func (j *Jar) SetCookies(u *url.URL, cs []*http.Cookie) { j.get().SetCookies(u, cs) }

// save keeps the jar's cookies in the history. A jar whose kept cookies could not
// be read is not saved: that would replace them with this session's alone.
func (j *Jar) save(ctx context.Context) error {
	jar := j.get()
	if j.store == nil || j.err != nil {
		return j.err
	}
	return j.store.SaveCookies(ctx, j.env, jar.All())
}

// Set is the jars of the environments used in this session, made on first use.
// Only Update touches it; commands get single jars.
type Set struct {
	on    func(env string) bool // whether an environment uses cookies
	store *history.Store
	byEnv map[string]*Jar
}

// New returns the jars of a session: on says whether an environment uses cookies
// (nil: none does); store keeps them between sessions (nil: nowhere).
func New(on func(env string) bool, store *history.Store) Set {
	return Set{on: on, store: store, byEnv: map[string]*Jar{}}
}

// Jar returns the jar of env, or nil when cookies are off there.
func (s *Set) Jar(env string) *Jar {
	if s.on == nil || !s.on(env) {
		return nil
	}
	if s.byEnv == nil {
		s.byEnv = map[string]*Jar{}
	}
	j, ok := s.byEnv[env]
	if !ok {
		j = &Jar{env: env, store: s.store}
		s.byEnv[env] = j
	}
	return j
}

// SavedMsg reports keeping a jar after an exchange.
type SavedMsg struct{ Err error }

// ListedMsg carries the cookies of Env's jar for the cookies view, after listing,
// deleting or clearing.
type ListedMsg struct {
	Env     string
	Cookies []requests.Cookie
	Err     error
}

// SaveCmd keeps the jar of env after an exchange; nil when there is no jar or
// nowhere to keep it.
func (s *Set) SaveCmd(env string) tea.Cmd {
	j := s.Jar(env)
	if j == nil || j.store == nil {
		return nil
	}
	return func() tea.Msg { return SavedMsg{Err: j.save(context.Background())} }
}

// ListCmd lists j's cookies.
func ListCmd(j *Jar) tea.Cmd { return changeCmd(j, nil) }

// DeleteCmd deletes one cookie of j, keeps the jar and lists what is left.
func DeleteCmd(j *Jar, c requests.Cookie) tea.Cmd {
	return changeCmd(j, func(jar *requests.Jar) { jar.Delete(c.Domain, c.Path, c.Name) })
}

// ClearCmd empties j, keeps it and lists it.
func ClearCmd(j *Jar) tea.Cmd { return changeCmd(j, func(jar *requests.Jar) { jar.Clear() }) }

// changeCmd applies change to j's jar (nil: none), keeps the result when
// something changed, and lists what is left.
func changeCmd(j *Jar, change func(*requests.Jar)) tea.Cmd {
	return func() tea.Msg {
		jar := j.get()
		msg := ListedMsg{Env: j.env, Err: j.err}
		if change != nil {
			change(jar)
			msg.Err = j.save(context.Background())
		}
		msg.Cookies = jar.All()
		return msg
	}
}
