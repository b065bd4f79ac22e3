package proxy

import (
	"crypto/tls"
	"crypto/x509"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func tlsUpstream(t *testing.T) *httptest.Server {
	t.Helper()
	s := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Cache-Control", "max-age=60")
		io.WriteString(w, "secret page for "+r.Header.Get("X-Who"))
	}))
	t.Cleanup(s.Close)
	return s
}

func clientVia(proxyAddr string, roots *x509.CertPool) *http.Client {
	u, _ := url.Parse("http://" + proxyAddr)
	return &http.Client{Transport: &http.Transport{Proxy: http.ProxyURL(u), TLSClientConfig: &tls.Config{RootCAs: roots}}}
}

func get(t *testing.T, c *http.Client, u string) string {
	t.Helper()
	req, _ := http.NewRequest("GET", u, nil)
	req.Header.Set("X-Who", "me")
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

func TestConnectTunnel(t *testing.T) {
	up := tlsUpstream(t)
	addr, rec, s := startProxy(t, Options{})
	roots := x509.NewCertPool()
	roots.AddCert(up.Certificate())
	c := clientVia(addr, roots)
	if body := get(t, c, up.URL+"/x"); body != "secret page for me" {
		t.Fatalf("body %q", body)
	}
	c.CloseIdleConnections()
	x := rec.wait(t, 1)[0]
	host := strings.TrimPrefix(up.URL, "https://")
	if x.Tunnel == nil || x.Tunnel.Host != host || x.Tunnel.Up == 0 || x.Tunnel.Down == 0 || x.Request.Method != "CONNECT" {
		t.Fatalf("recorded %+v tunnel %+v", x, x.Tunnel)
	}
	_ = s
}

func TestIntercept(t *testing.T) {
	dir := t.TempDir()
	ca, created, err := LoadCA(dir)
	if err != nil || !created {
		t.Fatalf("created %v: %v", created, err)
	}
	st, _ := os.Stat(filepath.Join(dir, caKeyFile))
	if st.Mode().Perm() != 0o600 {
		t.Errorf("key mode %v", st.Mode().Perm())
	}
	up := tlsUpstream(t)
	upRoots := x509.NewCertPool()
	upRoots.AddCert(up.Certificate())
	addr, rec, _ := startProxy(t, Options{CA: ca, UpstreamTLS: &tls.Config{RootCAs: upRoots}})

	t.Run("a client that trusts the CA is decrypted and recorded", func(t *testing.T) {
		roots := x509.NewCertPool()
		roots.AddCert(ca.Cert())
		c := clientVia(addr, roots)
		defer c.CloseIdleConnections()
		if body := get(t, c, up.URL+"/inside?q=1"); body != "secret page for me" {
			t.Fatalf("body %q", body)
		}
		x := rec.wait(t, 1)[0]
		if !x.Intercepted || x.Request.URL != up.URL+"/inside?q=1" || x.Response.Status != 200 || string(x.Response.Body) != "secret page for me" {
			t.Fatalf("recorded %+v", x)
		}
		if !strings.Contains(string(x.Request.RawHead), "X-Who: me\r\n") || !strings.HasPrefix(string(x.Request.RawHead), "GET /inside?q=1 HTTP/1.1\r\n") {
			t.Errorf("raw head %q", x.Request.RawHead)
		}
	})
	t.Run("a client that does not is refused, and the CONNECT says why", func(t *testing.T) {
		c := clientVia(addr, x509.NewCertPool())
		defer c.CloseIdleConnections()
		if _, err := c.Get(up.URL + "/"); err == nil {
			t.Fatal("a client without the CA accepted the leaf")
		}
		xs := rec.wait(t, 1)
		x := xs[len(xs)-1]
		if x.Request.Method != "CONNECT" || x.Err == nil || !strings.Contains(x.Err.Error(), "does it trust the httplens CA") {
			t.Errorf("recorded %+v", x)
		}
	})
	t.Run("the CA is kept and a readable key refused", func(t *testing.T) {
		again, created, err := LoadCA(dir)
		if err != nil || created || !again.Cert().Equal(ca.Cert()) {
			t.Fatalf("reload: created %v, %v", created, err)
		}
		os.Chmod(filepath.Join(dir, caKeyFile), 0o644)
		if _, _, err := LoadCA(dir); err == nil || !strings.Contains(err.Error(), "chmod 600") {
			t.Errorf("err %v", err)
		}
	})
}
