package history

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/httplens/httplens/headers"
	"github.com/httplens/httplens/requests"
)

// run is one "run" of httplens: open the database, load env's jar, send to each
// URL in turn, save the jar, close. It returns the Cookie field each request carried.
func run(t *testing.T, path, env string, urls ...string) []string {
	t.Helper()
	ctx := context.Background()
	s := openStore(t, path, Options{})
	saved, err := s.Cookies(ctx, env)
	if err != nil {
		t.Fatal(err)
	}
	jar := requests.NewJar(saved)
	c := requests.NewClient(requests.Options{Jar: jar})
	defer c.CloseIdleConnections()
	var sent []string
	for _, u := range urls {
		x := c.Send(ctx, requests.Request{Method: "GET", URL: u})
		if x.Err != nil {
			t.Fatal(x.Err)
		}
		sent = append(sent, headers.List(x.Request.Headers).Get("Cookie"))
	}
	if err := s.SaveCookies(ctx, env, jar.All()); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return sent
}

func TestCookiesPersistAcrossRuns(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/login":
			w.Header().Add("Set-Cookie", "session=s1; Path=/; HttpOnly; SameSite=Strict")
			w.Header().Add("Set-Cookie", "pref=dark; Max-Age=3600")
		case "/logout":
			w.Header().Add("Set-Cookie", "session=; Max-Age=0")
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()
	path := filepath.Join(t.TempDir(), "history.db")

	if got := run(t, path, "dev", srv.URL+"/login", srv.URL+"/me"); !reflect.DeepEqual(got, []string{"", "session=s1; pref=dark"}) {
		t.Fatalf("first run sent %q", got)
	}
	if got := run(t, path, "dev", srv.URL+"/me"); !reflect.DeepEqual(got, []string{"session=s1; pref=dark"}) {
		t.Fatalf("second run sent %q, want the cookies of the first", got)
	}
	if got := run(t, path, "prod", srv.URL+"/me"); !reflect.DeepEqual(got, []string{""}) {
		t.Fatalf("another environment sent %q, want its own empty jar", got)
	}
	if got := run(t, path, "dev", srv.URL+"/logout", srv.URL+"/me"); !reflect.DeepEqual(got, []string{"session=s1; pref=dark", "pref=dark"}) {
		t.Fatalf("logout run sent %q", got)
	}
	if got := run(t, path, "dev", srv.URL+"/me"); !reflect.DeepEqual(got, []string{"pref=dark"}) {
		t.Fatalf("after logout the next run sent %q", got)
	}

	s := openStore(t, path, Options{})
	kept, err := s.Cookies(context.Background(), "dev")
	if err != nil || len(kept) != 1 {
		t.Fatalf("kept %+v, %v", kept, err)
	}
	if c := kept[0]; c.Name != "pref" || c.Domain != "127.0.0.1" || !c.HostOnly || c.Path != "/" || c.Expires.IsZero() {
		t.Errorf("kept %+v", c)
	}
}

func TestCookiesRoundTripEveryField(t *testing.T) {
	ctx := context.Background()
	s := tempStore(t, Options{})
	exp := time.Unix(2e9, 123)
	want := []requests.Cookie{
		{Name: "a", Value: "1", Domain: "example.test", Path: "/", Expires: exp, Secure: true,
			HTTPOnly: true, SameSite: http.SameSiteLaxMode},
		{Name: "b", Value: "x=y", Domain: "www.example.test", HostOnly: true, Path: "/app",
			SameSite: http.SameSiteNoneMode},
	}
	expired := requests.Cookie{Name: "old", Value: "1", Domain: "x.test", Path: "/", Expires: time.Unix(1, 0)}
	if err := s.SaveCookies(ctx, "dev", append(want, expired)); err != nil {
		t.Fatal(err)
	}
	got, err := s.Cookies(ctx, "dev")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || !got[0].Expires.Equal(exp) {
		t.Fatalf("got %+v", got)
	}
	got[0].Expires = exp // the location differs; the instant is checked above
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%+v\nwant\n%+v", got, want)
	}
	// Saving again replaces the set: nothing is left of the first.
	if err := s.SaveCookies(ctx, "dev", want[1:]); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Cookies(ctx, "dev"); len(got) != 1 || got[0].Name != "b" {
		t.Errorf("after replacing: %+v", got)
	}
}

func TestCookiesInAMigratedFile(t *testing.T) {
	s := openStore(t, writeV1(t), Options{})
	ctx := context.Background()
	c := requests.Cookie{Name: "a", Value: "1", Domain: "h", HostOnly: true, Path: "/"}
	if err := s.SaveCookies(ctx, "", []requests.Cookie{c}); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Cookies(ctx, ""); err != nil || !reflect.DeepEqual(got, []requests.Cookie{c}) {
		t.Fatalf("got %+v, %v", got, err)
	}
	var n int
	if err := s.db.QueryRow(`SELECT COUNT(*) FROM exchanges`).Scan(&n); err != nil || n != 2 {
		t.Fatalf("%d exchanges after migration, %v", n, err)
	}
	if !strings.Contains(schemaV3, "PRIMARY KEY (env, domain, path, name)") {
		t.Error("cookies are not keyed as RFC 6265 keys them")
	}
}
