package cli

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestSendUsesTheProxyOfTheEnvironment runs the binary (the proxy variables are
// read once a process) with HTTP_PROXY set: the request goes to the proxy with
// the absolute URL on its request line, as ProxyFromEnvironment says. The target
// is a documentation address (192.0.2.1) that is never dialled: only the proxy on
// 127.0.0.1 is. Without any proxy variable the same binary goes direct.
func TestSendUsesTheProxyOfTheEnvironment(t *testing.T) {
	bin := testBinary(t)
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "proxied "+r.RequestURI)
	}))
	defer proxy.Close()
	origin := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "direct "+r.RequestURI)
	}))
	defer origin.Close()
	base := slices.DeleteFunc(os.Environ(), func(kv string) bool {
		name, _, _ := strings.Cut(kv, "=")
		return strings.EqualFold(name, "http_proxy") || strings.EqualFold(name, "https_proxy") ||
			strings.EqualFold(name, "no_proxy") || name == "REQUEST_METHOD"
	})
	send := func(env []string, url string) string {
		t.Helper()
		cmd := exec.Command(bin, "send", "--no-history", url)
		cmd.Env = append(slices.Clone(base), env...)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("send %s with %v: %v\n%s", url, env, err, out)
		}
		_, body, _ := strings.Cut(string(out), "\r\n\r\n")
		return body
	}
	target := "http://0.0.0.0:" + origin.URL[strings.LastIndex(origin.URL, ":")+1:] + "/x?y=1"
	for _, name := range []string{"HTTP_PROXY", "http_proxy"} {
		if got, want := send([]string{name + "=" + proxy.URL}, target), "proxied "+target; got != want {
			t.Errorf("with %s: body %q, want %q", name, got, want)
		}
	}
	// HTTPS_PROXY is for https URLs only: a plain http one still goes direct.
	if got, want := send([]string{"HTTPS_PROXY=" + proxy.URL}, origin.URL+"/d"), "direct /d"; got != want {
		t.Errorf("with HTTPS_PROXY only: body %q, want %q", got, want)
	}
	if got, want := send(nil, origin.URL+"/d"), "direct /d"; got != want {
		t.Errorf("without a proxy variable: body %q, want %q", got, want)
	}
}
