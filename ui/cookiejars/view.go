package cookiejars

import (
	"fmt"
	"net/url"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/termtext"
	"github.com/httplens/httplens/ui/overlay/cookiejar"
)

// The cookies view's side of the jars: opening it on an environment, doing what
// it asks, and the URL its cookies are judged for.

// EnvName names an environment for messages.
func EnvName(env string) string {
	if env == "" {
		return "no environment"
	}
	return "environment " + termtext.String(env)
}

// Open is opening the cookies view on env: ok is false when cookies are off
// there, and status says so; else cmd lists the jar.
func (s *Set) Open(env string) (cmd tea.Cmd, status string, ok bool) {
	j := s.Jar(env)
	if j == nil {
		return nil, "Cookies are off for " + EnvName(env) + " (--no-cookies or [cookies] in the settings file)", false
	}
	return ListCmd(j), "", true
}

// Change does what the cookies view asked of env's jar (cookiejar.Delete or
// cookiejar.Clear) in a command that lists the jar again, and says what it did.
func (s *Set) Change(env string, asked tea.Msg) (cmd tea.Cmd, status string) {
	j := s.Jar(env)
	if j == nil {
		return nil, ""
	}
	switch a := asked.(type) {
	case cookiejar.Delete:
		c := a.Cookie
		return DeleteCmd(j, c), "Deleted the cookie " + termtext.String(c.Name) + " of " + termtext.String(c.Domain)
	case cookiejar.Clear:
		return ClearCmd(j), fmt.Sprintf("Cleared %d cookies of %s", a.N, EnvName(env))
	}
	return nil, ""
}

// TargetMsg is the URL of the request shown in Env, for the cookies view to say
// which cookies go with it, and when it was resolved: their expiry is judged then.
type TargetMsg struct {
	Env string
	URL *url.URL
	Now time.Time
}

// TargetCmd resolves the URL of the request shown in env with resolve; it
// reports nothing when that fails or the URL has no host (the view then lists
// the jar alone).
func TargetCmd(env string, resolve func() (string, error)) tea.Cmd {
	return func() tea.Msg {
		raw, err := resolve()
		if err != nil {
			return nil
		}
		u, err := url.Parse(raw)
		if err != nil || u.Host == "" {
			return nil
		}
		return TargetMsg{Env: env, URL: u, Now: time.Now()}
	}
}

// Outcome is what a cookie message asks of the root: a status line, and what
// the cookies view (when open on the current environment) is to be told.
type Outcome struct {
	Status string
	IsErr  bool
	// Listed says Cookies are the current environment's jar, listed anew.
	Listed  bool
	Cookies []requests.Cookie
	// Targeted says Target is the URL of the request shown, resolved at Now.
	Targeted bool
	Target   *url.URL
	Now      time.Time
}

// Handle says what a cookie message (SavedMsg, ListedMsg, TargetMsg) asks while
// env is the current environment: a list or target made for another one (the
// user switched meanwhile) is dropped. ok is false for any other message.
func Handle(msg tea.Msg, env string) (o Outcome, ok bool) {
	switch msg := msg.(type) {
	case SavedMsg:
		if msg.Err != nil {
			o.Status, o.IsErr = "Cookies not kept: "+msg.Err.Error(), true
		}
	case ListedMsg:
		if msg.Err != nil {
			o.Status, o.IsErr = "Cookies: "+msg.Err.Error(), true
		}
		o.Listed, o.Cookies = msg.Env == env, msg.Cookies
	case TargetMsg:
		o.Targeted, o.Target, o.Now = msg.Env == env, msg.URL, msg.Now
	default:
		return o, false
	}
	return o, true
}
