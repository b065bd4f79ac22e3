package ui

import (
	"context"
	"net/http"
	"net/url"
	"sync"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/requests"
)

// envJar is the cookie jar of one environment. It reads the cookies kept in the
// history on first use, inside whichever command needs it first, so Update never
// waits on the disk. Like the requests.Jar it wraps, it is safe for concurrent
// use: commands get the pointer, as they get a client.
type envJar struct {
	env   string
	store *history.Store // nil: the jar lives for this session only
	once  sync.Once
	jar   *requests.Jar
	err   error // reading the kept cookies failed; the jar started empty
}

// get returns the jar, reading the kept cookies the first time.
func (j *envJar) get() *requests.Jar {
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
func (j *envJar) Cookies(u *url.URL) []*http.Cookie { return j.get().Cookies(u) }

// SetCookies implements http.CookieJar.
func (j *envJar) SetCookies(u *url.URL, cs []*http.Cookie) { j.get().SetCookies(u, cs) }

// save keeps the jar's cookies in the history. A jar whose kept cookies could not
// be read is not saved: that would replace them with this session's alone.
func (j *envJar) save(ctx context.Context) error {
	jar := j.get()
	if j.store == nil || j.err != nil {
		return j.err
	}
	return j.store.SaveCookies(ctx, j.env, jar.All())
}

// cookieJars are the jars of the environments used in this session, made on first
// use. Only Update touches it; commands get single jars.
type cookieJars struct {
	on    func(env string) bool // whether an environment uses cookies
	store *history.Store
	byEnv map[string]*envJar
}

func newCookieJars(cfg Config) cookieJars {
	on := cfg.Cookies.For
	if cfg.NoCookies {
		on = func(string) bool { return false }
	}
	return cookieJars{on: on, store: cfg.History, byEnv: map[string]*envJar{}}
}

// jar returns the jar of env, or nil when cookies are off there.
func (c *cookieJars) jar(env string) *envJar {
	if c.on == nil || !c.on(env) {
		return nil
	}
	if c.byEnv == nil {
		c.byEnv = map[string]*envJar{}
	}
	j, ok := c.byEnv[env]
	if !ok {
		j = &envJar{env: env, store: c.store}
		c.byEnv[env] = j
	}
	return j
}

// cookiesSavedMsg reports keeping the jars after an exchange.
type cookiesSavedMsg struct{ err error }

// cookiesListedMsg carries the cookies of env's jar for the cookies view, after
// listing, deleting or clearing.
type cookiesListedMsg struct {
	env     string
	cookies []requests.Cookie
	err     error
}

// saveCookiesCmd keeps the jar of env after an exchange; nil when there is no jar
// or nowhere to keep it.
func (m *Model) saveCookiesCmd(env string) tea.Cmd {
	j := m.jars.jar(env)
	if j == nil || j.store == nil {
		return nil
	}
	return func() tea.Msg { return cookiesSavedMsg{err: j.save(context.Background())} }
}

// changeCookiesCmd applies change to j's jar (nil: none), keeps the result when
// something changed, and lists what is left.
func changeCookiesCmd(j *envJar, change func(*requests.Jar)) tea.Cmd {
	return func() tea.Msg {
		jar := j.get()
		msg := cookiesListedMsg{env: j.env, err: j.err}
		if change != nil {
			change(jar)
			msg.err = j.save(context.Background())
		}
		msg.cookies = jar.All()
		return msg
	}
}

// handleCookieMsg takes the cookie messages; ok is false for any other message.
func (m Model) handleCookieMsg(msg tea.Msg) (tea.Model, tea.Cmd, bool) {
	switch msg := msg.(type) {
	case cookiesSavedMsg:
		if msg.err != nil {
			m.setStatus("Cookies not kept: "+msg.err.Error(), true)
		}
	case cookiesListedMsg:
		if msg.err != nil {
			m.setStatus("Cookies: "+msg.err.Error(), true)
		}
		if m.overlay.kind == overlayCookies && msg.env == m.env {
			m.overlay.cookies.SetCookies(msg.cookies)
		}
	default:
		return m, nil, false
	}
	return m, nil, true
}
