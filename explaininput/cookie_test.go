package explaininput

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/httplens/httplens/requests"
)

func TestJarCookieSentTo(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	u := func(s string) *url.URL { v, _ := url.Parse(s); return v }
	cases := []struct {
		name string
		c    requests.Cookie
		to   string
		sent bool
		why  string
	}{
		{"host-only match", requests.Cookie{Name: "sid", Domain: "api.test", HostOnly: true, Path: "/"}, "http://api.test/me", true, "domain, path match"},
		{"host-only other host", requests.Cookie{Name: "sid", Domain: "api.test", HostOnly: true, Path: "/"}, "http://www.api.test/", false, "host-only cookie of api.test"},
		{"domain covers subdomain", requests.Cookie{Name: "sid", Domain: "api.test", Path: "/"}, "http://www.api.test/", true, "match"},
		{"path outside", requests.Cookie{Name: "sid", Domain: "api.test", HostOnly: true, Path: "/cookies"}, "http://api.test/items", false, "outside Path=/cookies"},
		{"secure over http", requests.Cookie{Name: "sid", Domain: "api.test", HostOnly: true, Path: "/", Secure: true}, "http://api.test/", false, "not over https"},
		{"secure on loopback", requests.Cookie{Name: "sid", Domain: "127.0.0.1", HostOnly: true, Path: "/", Secure: true, SameSite: http.SameSiteStrictMode}, "http://127.0.0.1:8080/", true, "scheme"},
		{"expired", requests.Cookie{Name: "sid", Domain: "api.test", HostOnly: true, Path: "/", Expires: now.Add(-time.Second)}, "http://api.test/", false, "deleted it"},
	}
	for _, c := range cases {
		ec := Cookie(c.c, now)
		sent, why := ec.SentTo(u(c.to), false, false)
		if sent != c.sent || !strings.Contains(why, c.why) {
			t.Errorf("%s: sent %v (%s), want %v (%s)", c.name, sent, why, c.sent, c.why)
		}
	}
	if got := Cookie(requests.Cookie{Expires: now.Add(90 * time.Second)}, now); got.Lifetime != "persistent" || got.MaxAgeS != 90 || got.Path != "/" {
		t.Errorf("persistent cookie: %+v", got)
	}
	if got := Cookie(requests.Cookie{SameSite: http.SameSiteNoneMode}, now); got.SameSite != "None" || got.Lifetime != "session" {
		t.Errorf("session cookie: %+v", got)
	}
}
