package cookiejars

import (
	"net/http"
	"net/url"
	"path/filepath"
	"testing"

	"github.com/httplens/httplens/history"
	"github.com/httplens/httplens/requests"
)

func openStore(t *testing.T, path string) *history.Store {
	t.Helper()
	s, err := history.Open(path, history.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func all(string) bool { return true }

// listed runs a command that lists a jar and returns its message.
func listed(t *testing.T, msg any) ListedMsg {
	t.Helper()
	l, ok := msg.(ListedMsg)
	if !ok {
		t.Fatalf("got %T, want ListedMsg", msg)
	}
	if l.Err != nil {
		t.Fatal(l.Err)
	}
	return l
}

func names(cs []requests.Cookie) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Name)
	}
	return out
}

// TestJarsAreKeptPerEnvironment: what a server set under one environment is
// saved in the history, found again by a later session, and never sent under
// another environment; delete and clear are kept too.
func TestJarsAreKeptPerEnvironment(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history.db")
	u, _ := url.Parse("http://127.0.0.1:8080/cookies")
	first := New(all, openStore(t, path))
	dev := first.Jar("dev")
	dev.SetCookies(u, []*http.Cookie{{Name: "session", Value: "1", Path: "/"}, {Name: "theme", Value: "dark", Path: "/"}})
	if msg := first.SaveCmd("dev")(); msg.(SavedMsg).Err != nil {
		t.Fatal(msg.(SavedMsg).Err)
	}
	if first.Jar("dev") != dev {
		t.Fatal("a second look-up made a new jar")
	}
	if got := first.Jar("prod").Cookies(u); len(got) != 0 {
		t.Errorf("prod sends dev's cookies: %v", got)
	}

	second := New(all, openStore(t, path))
	j := second.Jar("dev")
	if got := names(listed(t, ListCmd(j)()).Cookies); len(got) != 2 {
		t.Fatalf("a new session found %v, want session and theme", got)
	}
	if got := j.Cookies(u); len(got) != 2 {
		t.Errorf("the kept cookies are not sent: %v", got)
	}
	l := listed(t, DeleteCmd(j, requests.Cookie{Name: "theme", Domain: "127.0.0.1", Path: "/"})())
	if got := names(l.Cookies); len(got) != 1 || got[0] != "session" || l.Env != "dev" {
		t.Errorf("after delete: %s %v", l.Env, got)
	}
	third := New(all, openStore(t, path))
	if got := names(listed(t, ListCmd(third.Jar("dev"))()).Cookies); len(got) != 1 {
		t.Errorf("the delete was not kept: %v", got)
	}
	if got := listed(t, ClearCmd(third.Jar("dev"))()).Cookies; len(got) != 0 {
		t.Errorf("after clear: %v", got)
	}
	fourth := New(all, openStore(t, path))
	if got := listed(t, ListCmd(fourth.Jar("dev"))()).Cookies; len(got) != 0 {
		t.Errorf("the clear was not kept: %v", got)
	}
}

// TestJarOffOrUnkept: an environment without cookies has no jar; a session
// without a history keeps its jar in memory and has nothing to save.
func TestJarOffOrUnkept(t *testing.T) {
	off := New(func(env string) bool { return env != "ci" }, nil)
	if off.Jar("ci") != nil {
		t.Error("cookies off for ci, yet it has a jar")
	}
	var none Set
	if none.Jar("") != nil {
		t.Error("the zero Set has a jar")
	}
	mem := New(all, nil)
	if mem.SaveCmd("") != nil {
		t.Error("a jar with no history to keep it in returns a save command")
	}
	u, _ := url.Parse("http://127.0.0.1/")
	mem.Jar("").SetCookies(u, []*http.Cookie{{Name: "a", Value: "1"}})
	if got := mem.Jar("").Cookies(u); len(got) != 1 {
		t.Errorf("the session's jar forgot its cookie: %v", got)
	}
}
