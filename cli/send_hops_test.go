package cli

import (
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// hopsJSON is the part of send --json the redirect tests read.
type hopsJSON struct {
	Response *struct {
		Status int `json:"status"`
	} `json:"response"`
	Hops []struct {
		Method       string `json:"method"`
		URL          string `json:"url"`
		Status       int    `json:"status"`
		Reason       string `json:"reason"`
		Location     string `json:"location"`
		ResponseHead string `json:"response_head"`
		Explain      *struct {
			Findings []struct {
				ID    string `json:"id"`
				Title string `json:"title"`
			} `json:"findings"`
		} `json:"explain"`
	} `json:"hops"`
	Loop *struct {
		ID    string `json:"id"`
		Title string `json:"title"`
	} `json:"redirect_loop"`
	Error string `json:"error"`
}

func decodeHops(t *testing.T, out string) hopsJSON {
	t.Helper()
	var d hopsJSON
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	return d
}

// hopHas reports whether hop i's report carries the finding id.
func (d hopsJSON) hopHas(i int, id string) bool {
	if i >= len(d.Hops) || d.Hops[i].Explain == nil {
		return false
	}
	for _, f := range d.Hops[i].Explain.Findings {
		if f.ID == id {
			return true
		}
	}
	return false
}

func TestSendShowsEachRedirectExplained(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/b", http.StatusFound) })
	mux.HandleFunc("/b", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("at b")) })
	srv := httptest.NewServer(mux)
	defer srv.Close()

	code, out, errOut := cli(t, "send", "--no-history", srv.URL+"/a")
	if code != 0 || !strings.HasSuffix(out, "\r\n\r\nat b") {
		t.Fatalf("exit %d, stdout %q: want the final 200 exactly", code, out)
	}
	want := "* redirect 1: GET " + srv.URL + "/a → 302 Found, Location: /b\n"
	if !strings.HasPrefix(errOut, want) || !strings.Contains(errOut, "*   info redirect-method: ") || !strings.Contains(errOut, "*   info redirect-cache: ") {
		t.Fatalf("stderr %q, want the 302 told and explained", errOut)
	}

	code, out, _ = cli(t, "send", "--no-history", "--json", srv.URL+"/a")
	d := decodeHops(t, out)
	if code != 0 || d.Response == nil || d.Response.Status != 200 || len(d.Hops) != 1 {
		t.Fatalf("exit %d: %s", code, out)
	}
	h := d.Hops[0]
	if h.Status != 302 || h.Reason != "Found" || h.Location != "/b" || !strings.HasPrefix(h.ResponseHead, "HTTP/1.1 302 Found\r\n") || !d.hopHas(0, "redirect-method") || d.Loop != nil {
		t.Fatalf("hop = %+v, loop %+v", h, d.Loop)
	}
}

func TestSendExplainsA307RepeatingTheDelete(t *testing.T) {
	var mu sync.Mutex
	var seen []string
	mux := http.NewServeMux()
	note := func(r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		seen = append(seen, r.Method+" "+r.URL.Path)
	}
	mux.HandleFunc("/old/1", func(w http.ResponseWriter, r *http.Request) {
		note(r)
		http.Redirect(w, r, "/new/1", http.StatusTemporaryRedirect)
	})
	mux.HandleFunc("/new/1", func(w http.ResponseWriter, r *http.Request) {
		note(r)
		w.WriteHeader(http.StatusNoContent)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	code, out, errOut := cli(t, "send", "--no-history", "--explain", "-X", "DELETE", srv.URL+"/old/1")
	if code != 0 || !strings.HasPrefix(out, "HTTP/1.1 204 No Content") {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
	mu.Lock()
	got := strings.Join(seen, ",")
	mu.Unlock()
	if got != "DELETE /old/1,DELETE /new/1" {
		t.Fatalf("server saw %s, want the DELETE repeated at the new URL", got)
	}
	// --explain gives the 307 its whole report, before the final response's.
	i307 := strings.Index(errOut, "* redirect 1: DELETE "+srv.URL+"/old/1 → 307 Temporary Redirect, Location: /new/1")
	if i307 < 0 || !strings.Contains(errOut, "HTTP/1.1 307 Temporary Redirect\nLocation: /new/1") || !strings.Contains(errOut, "redirect-method: Follow 307") {
		t.Fatalf("stderr %q, want the 307 head and its report", errOut)
	}
	if !strings.Contains(out, "204 No Content") || strings.Contains(out, "307 Temporary Redirect") { // not "307": a port may hold it
		t.Fatalf("stdout %q: the final response and its report only", out)
	}
}

// resetServer answers every connection on 127.0.0.1 with a reset once the request
// head has come: the hop after a redirect fails.
func resetServer(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			c.Read(make([]byte, 4096))
			c.(*net.TCPConn).SetLinger(0) // close with RST
			c.Close()
		}
	}()
	return "http://" + ln.Addr().String()
}

func TestSendKeepsTheRedirectWhenTheNextHopFails(t *testing.T) {
	dead := resetServer(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, dead+"/gone", http.StatusFound)
	}))
	defer srv.Close()

	code, out, errOut := cli(t, "send", "--no-history", srv.URL+"/start")
	if code != 1 || out != "" {
		t.Fatalf("exit %d stdout %q, want 1 and nothing", code, out)
	}
	if !strings.Contains(errOut, "* redirect 1: GET "+srv.URL+"/start → 302 Found, Location: "+dead+"/gone\n") ||
		!strings.Contains(errOut, "*   info redirect-method: ") || !strings.Contains(errOut, "httplens:") {
		t.Fatalf("stderr %q, want the 302, its explanation and the failure", errOut)
	}

	code, out, _ = cli(t, "send", "--no-history", "--json", srv.URL+"/start")
	d := decodeHops(t, out)
	if code != 1 || d.Response != nil || d.Error == "" || len(d.Hops) != 1 || d.Hops[0].Status != 302 || !d.hopHas(0, "redirect-method") {
		t.Fatalf("exit %d: %s", code, out)
	}
}

func TestSendNamesARedirectLoop(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/start", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/ping", http.StatusFound) })
	mux.HandleFunc("/ping", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/pong", http.StatusFound) })
	mux.HandleFunc("/pong", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/ping", http.StatusFound) })
	srv := httptest.NewServer(mux)
	defer srv.Close()

	code, _, errOut := cli(t, "send", "--no-history", srv.URL+"/start")
	title := "Redirect loop: request 4 comes back to " + srv.URL + "/ping"
	if code != 1 || !strings.Contains(errOut, "* redirect-chain-loop: "+title+"\n") || !strings.Contains(errOut, "* redirect 9: ") {
		t.Fatalf("exit %d stderr %q, want the loop named", code, errOut)
	}
	code, out, _ := cli(t, "send", "--no-history", "--json", srv.URL+"/start")
	d := decodeHops(t, out)
	if code != 1 || d.Loop == nil || d.Loop.ID != "redirect-chain-loop" || d.Loop.Title != title || len(d.Hops) != 10 {
		t.Fatalf("exit %d loop %+v hops %d", code, d.Loop, len(d.Hops))
	}
}
