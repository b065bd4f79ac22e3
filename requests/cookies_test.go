package requests

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"
)

// cookieServer answers /set?c=<Set-Cookie value> with that Set-Cookie field, and any
// other path with the Cookie field it received, so a test sees what was sent.
func cookieServer(t *testing.T) *httptest.Server {
	t.Helper()
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/set") {
			w.Header().Add("Set-Cookie", r.URL.Query().Get("c"))
			w.WriteHeader(http.StatusNoContent)
			return
		}
		fmt.Fprintf(w, "host=%s cookie=%s", r.Host, r.Header.Get("Cookie"))
	}))
	t.Cleanup(s.Close)
	return s
}

func get(t *testing.T, c *Client, rawURL string) Exchange {
	t.Helper()
	x := c.Send(t.Context(), Request{Method: "GET", URL: rawURL})
	if x.Err != nil {
		t.Fatalf("GET %s: %v", rawURL, x.Err)
	}
	return x
}

func setURL(base, path, cookie string) string {
	return base + path + "/set?c=" + url.QueryEscape(cookie)
}

func TestJarSendsTheCookieOfTheFirstResponseWithTheSecond(t *testing.T) {
	s := cookieServer(t)
	jar := NewJar(nil)
	c := NewClient(Options{Jar: jar})
	defer c.CloseIdleConnections()

	first := get(t, c, setURL(s.URL, "", "session=abc123; Path=/; HttpOnly"))
	if strings.Contains(string(first.Request.RawHead), "Cookie:") {
		t.Fatalf("first request sent a cookie:\n%s", first.Request.RawHead)
	}
	second := get(t, c, s.URL+"/me")
	if got := string(second.Response.Body); !strings.HasSuffix(got, "cookie=session=abc123") {
		t.Fatalf("server saw %q", got)
	}
	// The raw head shows the field as it went on the wire, and the parsed headers follow it.
	if !strings.Contains(string(second.Request.RawHead), "\r\nCookie: session=abc123\r\n") {
		t.Errorf("raw head has no Cookie field:\n%s", second.Request.RawHead)
	}
	if !hasHeader(second.Request.Headers, "Cookie", "session=abc123") {
		t.Errorf("parsed headers = %v", second.Request.Headers)
	}
	all := jar.All()
	if len(all) != 1 || all[0].Domain != "127.0.0.1" || !all[0].HostOnly || all[0].Path != "/" || !all[0].HTTPOnly {
		t.Errorf("jar holds %+v", all)
	}
}

func hasHeader(hs []Header, name, value string) bool {
	for _, h := range hs {
		if strings.EqualFold(h.Name, name) && h.Value == value {
			return true
		}
	}
	return false
}

func TestJarPathRules(t *testing.T) {
	tests := []struct {
		name      string
		setAt     string // the path the Set-Cookie response came from, before /set
		cookie    string
		sentTo    []string
		notSentTo []string
	}{
		{"a Path attribute limits the cookie to that path and below", "/x", "p=1; Path=/a",
			[]string{"/a", "/a/b"}, []string{"/b", "/ab", "/"}},
		{"without Path, the default path is the folder of the request", "/dir/sub", "p=1",
			[]string{"/dir/sub", "/dir/sub/x"}, []string{"/dir", "/other"}},
		{"a Path not starting with / is replaced by the default path", "/d", "p=1; Path=relative",
			[]string{"/d/x"}, []string{"/relative", "/e"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := cookieServer(t)
			c := NewClient(Options{Jar: NewJar(nil)})
			defer c.CloseIdleConnections()
			get(t, c, setURL(s.URL, tt.setAt, tt.cookie))
			for _, p := range tt.sentTo {
				if got := string(get(t, c, s.URL+p).Response.Body); !strings.HasSuffix(got, "cookie=p=1") {
					t.Errorf("%s: server saw %q, want the cookie", p, got)
				}
			}
			for _, p := range tt.notSentTo {
				if got := string(get(t, c, s.URL+p).Response.Body); !strings.HasSuffix(got, "cookie=") {
					t.Errorf("%s: server saw %q, want no cookie", p, got)
				}
			}
		})
	}
}

// TestJarDomainRules names hosts through a loopback proxy: the client sends
// absolute URLs to 127.0.0.1 and the server sees the host asked for.
func TestJarDomainRules(t *testing.T) {
	tests := []struct {
		name      string
		setHost   string
		cookie    string
		sentTo    []string
		notSentTo []string
	}{
		{"a host-only cookie stays on its host", "www.example.test", "d=1",
			[]string{"www.example.test"}, []string{"api.example.test", "example.test"}},
		{"a Domain cookie goes to the domain and its subdomains", "www.example.test", "d=1; Domain=example.test",
			[]string{"www.example.test", "api.example.test", "example.test"}, []string{"other.test", "badexample.test"}},
		{"a leading dot in Domain is ignored", "www.example.test", "d=1; Domain=.example.test",
			[]string{"api.example.test"}, []string{"other.test"}},
		{"a Domain of another host is rejected", "www.example.test", "d=1; Domain=other.test",
			nil, []string{"other.test", "www.example.test"}},
		{"a Domain of a subdomain is rejected", "example.test", "d=1; Domain=www.example.test",
			nil, []string{"www.example.test", "example.test"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := cookieServer(t)
			proxy, _ := url.Parse(s.URL)
			jar := NewJar(nil)
			c := NewClient(Options{Jar: jar, Proxy: http.ProxyURL(proxy)})
			defer c.CloseIdleConnections()
			get(t, c, setURL("http://"+tt.setHost, "", tt.cookie))
			for _, h := range tt.sentTo {
				if got := string(get(t, c, "http://"+h+"/").Response.Body); got != "host="+h+" cookie=d=1" {
					t.Errorf("%s: server saw %q, want the cookie", h, got)
				}
			}
			for _, h := range tt.notSentTo {
				if got := string(get(t, c, "http://"+h+"/").Response.Body); got != "host="+h+" cookie=" {
					t.Errorf("%s: server saw %q, want no cookie", h, got)
				}
			}
			if len(tt.sentTo) == 0 && len(jar.All()) != 0 {
				t.Errorf("a rejected cookie was recorded: %+v", jar.All())
			}
		})
	}
}

func mustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func cookieNames(cs []*http.Cookie) string {
	var names []string
	for _, c := range cs {
		names = append(names, c.Name+"="+c.Value)
	}
	return strings.Join(names, "; ")
}

func TestJarRecord(t *testing.T) {
	u := mustURL(t, "https://www.example.test/app/login")
	future := time.Now().Add(time.Hour).UTC().Truncate(time.Second)
	tests := []struct {
		name string
		set  []*http.Cookie // set one after the other from u
		want string         // the names and values sent back to u
		held int            // how many cookies All returns
	}{
		{"Max-Age becomes an expiry", []*http.Cookie{{Name: "a", Value: "1", MaxAge: 60}}, "a=1", 1},
		{"a later cookie of the same name, domain and path replaces the first",
			[]*http.Cookie{{Name: "a", Value: "1"}, {Name: "a", Value: "2"}}, "a=2", 1},
		{"the same name on another path is another cookie",
			[]*http.Cookie{{Name: "a", Value: "1", Path: "/"}, {Name: "a", Value: "2", Path: "/app"}}, "a=2; a=1", 2},
		{"Max-Age=-1 deletes", []*http.Cookie{{Name: "a", Value: "1"}, {Name: "a", MaxAge: -1}}, "", 0},
		{"an Expires in the past deletes",
			[]*http.Cookie{{Name: "a", Value: "1", Expires: future}, {Name: "a", Expires: time.Unix(1, 0)}}, "", 0},
		{"a deletion from a host with no right to the domain is refused",
			[]*http.Cookie{{Name: "a", Value: "1"}, {Name: "a", Domain: "elsewhere.test", MaxAge: -1}}, "a=1", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j := NewJar(nil)
			for _, c := range tt.set {
				j.SetCookies(u, []*http.Cookie{c})
			}
			if got := cookieNames(j.Cookies(u)); got != tt.want {
				t.Errorf("sent %q, want %q", got, tt.want)
			}
			if got := j.All(); len(got) != tt.held {
				t.Errorf("All = %+v, want %d cookies", got, tt.held)
			}
		})
	}
}

func TestJarReloadsWhatItListed(t *testing.T) {
	u := mustURL(t, "https://www.example.test/app/login")
	future := time.Now().Add(time.Hour).UTC().Truncate(time.Second)
	j := NewJar(nil)
	j.SetCookies(u, []*http.Cookie{
		{Name: "host", Value: "h", Secure: true, SameSite: http.SameSiteStrictMode},
		{Name: "dom", Value: "d", Domain: "example.test", Path: "/", Expires: future},
	})
	saved := j.All()
	saved = append(saved, Cookie{Name: "old", Value: "x", Domain: "www.example.test", HostOnly: true,
		Path: "/", Expires: time.Unix(1, 0)})

	again := NewJar(saved)
	if got, want := again.All(), j.All(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("reloaded jar holds\n%+v\nwant\n%+v", got, want)
	}
	checks := []struct{ url, want string }{
		{"https://www.example.test/app/x", "host=h; dom=d"},
		{"http://www.example.test/app/x", "dom=d"}, // Secure goes over https only
		{"https://api.example.test/app/x", "dom=d"},
		{"https://www.example.test/", "dom=d"},
	}
	for _, c := range checks {
		if got := cookieNames(again.Cookies(mustURL(t, c.url))); got != c.want {
			t.Errorf("%s: sent %q, want %q", c.url, got, c.want)
		}
	}
}

func TestJarEdits(t *testing.T) {
	j := NewJar(nil)
	u := mustURL(t, "http://127.0.0.1:8080/x")
	if !j.Set(Cookie{Name: "a", Value: "1", Domain: "127.0.0.1", HostOnly: true, Path: "/"}) {
		t.Fatal("Set refused a good cookie")
	}
	if j.Set(Cookie{Name: "b", Value: "1", Domain: "127.0.0.1", Path: "no-slash"}) {
		t.Error("Set accepted a path without /")
	}
	if j.Set(Cookie{Value: "1", Domain: "127.0.0.1", Path: "/"}) {
		t.Error("Set accepted a cookie with no name")
	}
	if got := cookieNames(j.Cookies(u)); got != "a=1" {
		t.Fatalf("sent %q", got)
	}
	j.Delete("127.0.0.1", "/", "a")
	if got := cookieNames(j.Cookies(u)); got != "" || len(j.All()) != 0 {
		t.Fatalf("after Delete: sent %q, held %+v", got, j.All())
	}
	j.Set(Cookie{Name: "c", Value: "1", Domain: "127.0.0.1", Path: "/"})
	j.Clear()
	if got := cookieNames(j.Cookies(u)); got != "" || len(j.All()) != 0 {
		t.Fatalf("after Clear: sent %q, held %+v", got, j.All())
	}
}

func TestJarAcrossARedirect(t *testing.T) {
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/login" {
			w.Header().Add("Set-Cookie", "session=r1; Path=/")
			http.Redirect(w, r, "/home", http.StatusSeeOther)
			return
		}
		fmt.Fprintf(w, "cookie=%s", r.Header.Get("Cookie"))
	}))
	defer s.Close()
	c := NewClient(Options{Jar: NewJar(nil), FollowRedirects: true})
	defer c.CloseIdleConnections()
	x := get(t, c, s.URL+"/login")
	if len(x.Hops) != 1 || string(x.Response.Body) != "cookie=session=r1" {
		t.Fatalf("hops %+v, body %q: the cookie of the 303 was not sent to its Location", x.Hops, x.Response.Body)
	}
	if !strings.Contains(string(x.Request.RawHead), "\r\nCookie: session=r1\r\n") {
		t.Errorf("the last hop's raw head has no Cookie field:\n%s", x.Request.RawHead)
	}
}
