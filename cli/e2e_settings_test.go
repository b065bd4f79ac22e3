package cli

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	keyCtrlG = "\x07"
	keyCtrlK = "\x0b"
	keyCtrlP = "\x10"
)

// writeConfig writes a settings file into a temporary folder and returns its path.
func writeConfig(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestTUISettings(t *testing.T) {
	bin := testBinary(t)
	t.Run("a bad settings file: the problems and the conflict are shown, the app works", func(t *testing.T) {
		testBadSettings(t, bin)
	})
	t.Run("send rebound to ctrl+g: ctrl+g sends, ctrl+r no longer does", func(t *testing.T) {
		testRebindSend(t, bin)
	})
	t.Run("the palette runs an action by name", func(t *testing.T) {
		testPalette(t, bin)
	})
	t.Run("cookies go back across requests and across runs", func(t *testing.T) {
		testCookiesAcrossRuns(t, bin)
	})
}

func testBadSettings(t *testing.T, bin string) {
	conf := writeConfig(t, "[request]\ntimeout = \"soon\"\n\n[ui]\ntheme = \"neon\"\n\n[keys]\nsend = [\"ctrl+r\", \"u\"]\n")
	s := startTUI(t, bin, t.TempDir(), 140, 40, "--config", conf)
	s.waitText("Settings: 3 problems", "File: ", "config.toml:2: request.timeout", "config.toml:5: ui.theme",
		"config.toml:8: keys.send", "also bound to edit-url")
	s.send(keyEsc)
	s.waitFor("the notice to close", func(scr string) bool { return !strings.Contains(scr, "Settings: 3 problems") })
	s.send("/Delete" + keyEnter)
	s.waitText("› DELETE Delete item if")
	s.send(keyCtrlR)
	s.waitText("Response 204 No Content")
	s.quit()
}

func testRebindSend(t *testing.T, bin string) {
	conf := writeConfig(t, "[keys]\nsend = \"ctrl+g\"\n")
	s := startTUI(t, bin, t.TempDir(), 140, 40, "--config", conf)
	s.waitText("Opened the built-in tour", "ctrl+g send the request")
	s.send("/Read item" + keyEnter)
	s.waitText("› GET    Read item")
	// Keys are handled in order: had ctrl+r sent, the response pane would show the
	// request in flight or its response by the time the help overlay opens.
	s.send(keyCtrlR + "?")
	s.waitText("esc or ? closes this help", "ctrl+g    send the request")
	// esc alone: an esc followed at once by another key reads as alt+that key.
	s.send(keyEsc)
	scr := s.waitFor("the help to close", func(scr string) bool { return !strings.Contains(scr, "closes this help") })
	// The pane may show Read item's last exchange from the history (shared by the
	// tests); a send of this session would be on the status line or in flight.
	if strings.Contains(scr, "GET Read item →") || strings.Contains(scr, "Sending GET Read item") {
		t.Fatalf("ctrl+r still sent:\n%s", scr)
	}
	s.send(keyCtrlG)
	s.waitText("Response 200 OK", "GET Read item → 200")
	s.quit()
}

func testPalette(t *testing.T, bin string) {
	s := startTUI(t, bin, t.TempDir(), 140, 40)
	s.waitText("Opened the built-in tour")
	s.send(keyCtrlP)
	s.waitText("Command palette", "send the request", "ctrl+r")
	s.send("timing tab")
	s.waitText("› response Timing tab")
	s.send(keyEnter)
	s.waitFor("the response pane's Timing tab", func(scr string) bool {
		return strings.Contains(scr, "[Timing]") && !strings.Contains(scr, "Command palette")
	})
	s.quit()
}

// cookieSite sets a session cookie on /login and echoes the cookies /me receives.
func cookieSite(t *testing.T) string {
	mux := http.NewServeMux()
	mux.HandleFunc("/login", func(w http.ResponseWriter, r *http.Request) {
		http.SetCookie(w, &http.Cookie{Name: "session", Value: "abc123", Path: "/", MaxAge: 3600})
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("/me", func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie("session")
		if err != nil {
			w.Write([]byte("who are you\n"))
			return
		}
		w.Write([]byte("hello " + c.Value + "\n"))
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv.URL
}

func testCookiesAcrossRuns(t *testing.T, bin string) {
	url := cookieSite(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "site.http"),
		[]byte("### Login\nPOST "+url+"/login\n\n### Me\nGET "+url+"/me\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "history.db")

	s := startTUI(t, bin, dir, 140, 40, "--history", db)
	s.waitText("site.http")
	openTourRequest(s, "Me", "› GET    Me")
	s.send(keyCtrlR)
	s.waitText("who are you")
	s.send(keyTab + keyTab + keyTab + keyEsc)
	s.waitFor("the filter to clear", func(scr string) bool { return !strings.Contains(scr, "filter: Me") })
	openTourRequest(s, "Login", "› POST   Login")
	s.send(keyCtrlR)
	s.waitText("Response 204 No Content")
	s.send(keyTab + keyTab + keyTab + keyEsc)
	s.waitFor("the filter to clear", func(scr string) bool { return !strings.Contains(scr, "filter: Login") })
	openTourRequest(s, "Me", "› GET    Me")
	s.send(keyCtrlR)
	s.waitText("hello abc123")
	s.send(keyCtrlK)
	s.waitText("Cookies · no environment", "session", "abc123", "1 cookies")
	s.send(keyEsc)
	s.waitFor("the cookies view to close", func(scr string) bool { return !strings.Contains(scr, "Cookies · ") })
	s.quit()

	// The second run finds the cookie kept in the history; --no-cookies sends none.
	s = startTUI(t, bin, dir, 140, 40, "--history", db)
	s.waitText("site.http")
	openTourRequest(s, "Me", "› GET    Me")
	s.send(keyCtrlR)
	s.waitText("hello abc123")
	s.quit()

	s = startTUI(t, bin, dir, 140, 40, "--history", db, "--no-cookies")
	s.waitText("site.http")
	openTourRequest(s, "Me", "› GET    Me")
	s.send(keyCtrlR)
	s.waitText("who are you")
	s.quit()
}
