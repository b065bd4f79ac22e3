package cookiejars

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/httplens/httplens/requests"
	"github.com/httplens/httplens/ui/overlay/cookiejar"
)

// The cookies view opens only where cookies are on; what it asks deletes or
// clears that environment's jar and lists it again.
func TestViewOpensAndChangesTheJar(t *testing.T) {
	s := New(func(env string) bool { return env != "ci" }, nil)
	if cmd, status, ok := s.Open("ci"); ok || cmd != nil || !strings.Contains(status, "Cookies are off for environment ci") {
		t.Errorf("ci: %v %q", ok, status)
	}
	u, _ := url.Parse("http://127.0.0.1/")
	s.Jar("dev").SetCookies(u, []*http.Cookie{{Name: "a", Value: "1"}, {Name: "b", Value: "2"}})
	cmd, status, ok := s.Open("dev")
	if !ok || status != "" {
		t.Fatalf("dev: %v %q", ok, status)
	}
	l := listed(t, cmd())
	if l.Env != "dev" || strings.Join(names(l.Cookies), ",") != "a,b" {
		t.Fatalf("listed %s: %v", l.Env, names(l.Cookies))
	}
	cmd, status = s.Change("dev", cookiejar.Delete{Cookie: l.Cookies[0]})
	if status != "Deleted the cookie a of 127.0.0.1" {
		t.Errorf("delete says %q", status)
	}
	if l := listed(t, cmd()); strings.Join(names(l.Cookies), ",") != "b" {
		t.Errorf("after delete: %v", names(l.Cookies))
	}
	cmd, status = s.Change("dev", cookiejar.Clear{N: 1})
	if status != "Cleared 1 cookies of environment dev" {
		t.Errorf("clear says %q", status)
	}
	if l := listed(t, cmd()); len(l.Cookies) != 0 {
		t.Errorf("after clear: %v", names(l.Cookies))
	}
	if cmd, status := s.Change("ci", cookiejar.Clear{N: 1}); cmd != nil || status != "" {
		t.Errorf("a change where cookies are off: %q", status)
	}
}

// Names from a file or the network are escaped in the messages.
func TestViewMessagesAreSanitised(t *testing.T) {
	s := New(all, nil)
	_, status := s.Change("x\x1b[2J", cookiejar.Delete{Cookie: requests.Cookie{Name: "n\x1b]0;t\a", Domain: "d"}})
	if strings.ContainsAny(status, "\x1b\a") {
		t.Errorf("raw control bytes: %q", status)
	}
	if strings.ContainsAny(EnvName("x\x1b[2J"), "\x1b") {
		t.Errorf("raw escape in the environment's name")
	}
}

func TestTargetIsTheResolvedURL(t *testing.T) {
	msg := TargetCmd("dev", func() (string, error) { return "http://127.0.0.1:8080/items", nil })()
	tm, ok := msg.(TargetMsg)
	if !ok || tm.Env != "dev" || tm.URL.Host != "127.0.0.1:8080" || tm.Now.IsZero() {
		t.Errorf("got %#v", msg)
	}
	for _, resolve := range []func() (string, error){
		func() (string, error) { return "", errors.New("no variable host") },
		func() (string, error) { return "/relative", nil },
	} {
		if msg := TargetCmd("dev", resolve)(); msg != nil {
			t.Errorf("a URL that cannot be judged: %#v", msg)
		}
	}
}
