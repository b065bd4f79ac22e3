package cookiejars

import (
	"errors"
	"net/url"
	"testing"
	"time"

	"github.com/httplens/httplens/requests"
)

// A cookie message becomes a status and what the open view is told; lists and
// targets made for another environment (switched meanwhile) are not shown.
func TestHandle(t *testing.T) {
	cs := []requests.Cookie{{Name: "sid", Domain: "127.0.0.1"}}
	u, _ := url.Parse("http://127.0.0.1/x")
	now := time.Date(2026, 12, 3, 4, 0, 0, 0, time.UTC)
	cases := []struct {
		name string
		msg  any
		want Outcome
	}{
		{"saved", SavedMsg{}, Outcome{}},
		{"not saved", SavedMsg{Err: errors.New("disk full")}, Outcome{Status: "Cookies not kept: disk full", IsErr: true}},
		{"listed", ListedMsg{Env: "dev", Cookies: cs}, Outcome{Listed: true, Cookies: cs}},
		{"listed elsewhere", ListedMsg{Env: "prod", Cookies: cs}, Outcome{Cookies: cs}},
		{"list failed", ListedMsg{Env: "dev", Err: errors.New("locked")}, Outcome{Status: "Cookies: locked", IsErr: true, Listed: true}},
		{"target", TargetMsg{Env: "dev", URL: u, Now: now}, Outcome{Targeted: true, Target: u, Now: now}},
		{"target elsewhere", TargetMsg{Env: "", URL: u, Now: now}, Outcome{Target: u, Now: now}},
	}
	for _, c := range cases {
		got, ok := Handle(c.msg, "dev")
		if !ok || got.Status != c.want.Status || got.IsErr != c.want.IsErr || got.Listed != c.want.Listed ||
			len(got.Cookies) != len(c.want.Cookies) || got.Targeted != c.want.Targeted || got.Target != c.want.Target || !got.Now.Equal(c.want.Now) {
			t.Errorf("%s: %+v %v, want %+v", c.name, got, ok, c.want)
		}
	}
	if _, ok := Handle("other", "dev"); ok {
		t.Error("a message not about cookies was taken")
	}
}
