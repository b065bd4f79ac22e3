package ui

import (
	"net/http"
	"strings"
	"testing"

	"github.com/httplens/httplens/settings"
	"github.com/httplens/httplens/ui/dialogs"
)

// cookieServer sets a session cookie on /login (and a path-scoped one for /admin)
// and says on /me which cookies came back.
func cookieServer(t *testing.T) string {
	mux := http.NewServeMux()
	mux.HandleFunc("/login", func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "session", Value: "s3cret", Path: "/", HttpOnly: true})
		http.SetCookie(w, &http.Cookie{Name: "adm", Value: "only-admin", Path: "/admin"})
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		var names []string
		for _, c := range r.Cookies() {
			names = append(names, c.Name+"="+c.Value)
		}
		if len(names) == 0 {
			names = []string{"no cookie"}
		}
		w.Write([]byte("got " + strings.Join(names, ",") + "\n"))
	})
	return newLocalServer(t, mux)
}

// cookieModel opens a collection of three requests against the cookie server.
func cookieModel(t *testing.T, cfg Config, url string) Model {
	t.Helper()
	if cfg.Dir == "" {
		cfg.Dir = t.TempDir()
	}
	writeHTTP(t, cfg.Dir, "c.http", "### Login\nPOST "+url+"/login\n\n### Me\nGET "+url+"/me\n\n### Admin\nGET "+url+"/admin/x\n")
	return openModel(t, cfg)
}

// sendTitled opens the request titled title and sends it; it returns the raw tab.
func sendTitled(t *testing.T, m Model, title string) (Model, string) {
	t.Helper()
	m = selectRequest(t, m, title)
	m, _ = drive(t, m, keyMsg("ctrl+r"))
	if m.resp.Content() == nil {
		t.Fatalf("no response to %s: %s", title, m.status)
	}
	return m, plain(m.View())
}

func TestCookiesAcrossRequests(t *testing.T) {
	url := cookieServer(t)
	on := settings.Cookies{Enabled: true}
	tests := []struct {
		name      string
		cfg       Config
		me, admin string
	}{
		{"the jar sends what the server set, by path", Config{Cookies: on}, "got session=s3cret", "got adm=only-admin,session=s3cret"}, // longer paths first (RFC 6265 §5.4)
		{"--no-cookies sends none", Config{Cookies: on, NoCookies: true}, "got no cookie", "got no cookie"},
		{"the settings turn them off for no environment", Config{Cookies: settings.Cookies{Enabled: true,
			Environments: map[string]bool{"": false}}}, "got no cookie", "got no cookie"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := cookieModel(t, tt.cfg, url)
			m, _ = sendTitled(t, m, "Login")
			m, v := sendTitled(t, m, "Me")
			if !strings.Contains(v, tt.me) {
				t.Errorf("/me: want %q in\n%s", tt.me, v)
			}
			_, v = sendTitled(t, m, "Admin")
			if !strings.Contains(v, tt.admin) {
				t.Errorf("/admin/x: want %q in\n%s", tt.admin, v)
			}
		})
	}
}

func TestCookiesViewDeleteClearAndPersistence(t *testing.T) {
	url := cookieServer(t)
	store := openStore(t)
	cfg := Config{Cookies: settings.Cookies{Enabled: true}, History: store}
	m := cookieModel(t, cfg, url)
	m, _ = sendTitled(t, m, "Login")

	m, _ = drive(t, m, pressKey("ctrl+k"))
	v := plain(m.View())
	for _, want := range []string{"Cookies · no environment", "127.0.0.1", "session", "s3cret", "HttpOnly", "/admin", "adm", "2 cookies"} {
		if !strings.Contains(v, want) {
			t.Errorf("the cookies view lacks %q:\n%s", want, v)
		}
	}
	// The rows are sorted by domain, path and name: "/" (session) before "/admin".
	m, _ = drive(t, m, keyMsg("d"))
	if v := plain(m.View()); strings.Contains(v, "s3cret") || !strings.Contains(v, "1 cookies") {
		t.Errorf("d did not delete the session cookie:\n%s", v)
	}
	m, _ = drive(t, m, keyMsg("esc"))
	_, v = sendTitled(t, m, "Me")
	if !strings.Contains(v, "got no cookie") {
		t.Errorf("the deleted cookie was sent:\n%s", v)
	}

	// A second session on the same history finds the jar as the first left it.
	m2 := cookieModel(t, Config{Cookies: cfg.Cookies, History: store, Dir: t.TempDir()}, url)
	_, v = sendTitled(t, m2, "Admin")
	if !strings.Contains(v, "got adm=only-admin") {
		t.Errorf("the kept cookie did not come back in a new session:\n%s", v)
	}
	m2, _ = drive(t, m2, pressKey("ctrl+k"), keyMsg("D"))
	if v := plain(m2.View()); !strings.Contains(v, "The jar is empty") {
		t.Errorf("D did not clear the jar:\n%s", v)
	}
	if kept, err := store.Cookies(t.Context(), ""); err != nil || len(kept) != 0 {
		t.Errorf("after clearing, the history keeps %v (%v)", kept, err)
	}
}

func TestCookiesViewWhenOff(t *testing.T) {
	m := openModel(t, Config{NoCookies: true, Cookies: settings.Cookies{Enabled: true}})
	m, _ = drive(t, m, pressKey("ctrl+k"))
	if m.overlay.Kind() != dialogs.None || !strings.Contains(m.status, "Cookies are off") {
		t.Errorf("overlay %d, status %q", m.overlay.Kind(), m.status)
	}
}

// Each environment has its own jar: what a server set under one is not sent
// under another.
func TestCookieJarPerEnvironment(t *testing.T) {
	url := cookieServer(t)
	dir := t.TempDir()
	writeHTTP(t, dir, "http-client.env.json", `{"dev": {"x": "1"}}`)
	m := cookieModel(t, Config{Dir: dir, Cookies: settings.Cookies{Enabled: true}}, url)
	m, _ = sendTitled(t, m, "Login")
	m, _ = drive(t, m, keyMsg("ctrl+e"), keyMsg("down"), keyMsg("enter"))
	if m.env != "dev" {
		t.Fatalf("environment %q, want dev", m.env)
	}
	m, v := sendTitled(t, m, "Me")
	if !strings.Contains(v, "got no cookie") {
		t.Errorf("dev was sent the cookie of no environment:\n%s", v)
	}
	m, _ = drive(t, m, keyMsg("ctrl+e"), keyMsg("up"), keyMsg("enter"))
	_, v = sendTitled(t, m, "Me")
	if !strings.Contains(v, "got session=s3cret") {
		t.Errorf("back in no environment, its cookie was not sent:\n%s", v)
	}
}
