package cachelab

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/httplens/httplens/demo"
	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/requests"
)

// nginxConf runs nginx as one foreground process (no workers, no user switch) with
// proxy_cache in front of the origin. It reports the cache's verdict in X-Cache-Status
// and, mapped to RFC 9211, in Cache-Status.
const nginxConf = `daemon off;
master_process off;
pid %[1]s/nginx.pid;
error_log %[1]s/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path %[1]s/body;
  proxy_temp_path %[1]s/proxy;
  fastcgi_temp_path %[1]s/fastcgi;
  uwsgi_temp_path %[1]s/uwsgi;
  scgi_temp_path %[1]s/scgi;
  proxy_cache_path %[1]s/cache levels=1:2 keys_zone=lab:1m;
  map $upstream_cache_status $cache_status {
    HIT         "nginx; hit";
    MISS        "nginx; fwd=uri-miss";
    EXPIRED     "nginx; fwd=stale";
    REVALIDATED "nginx; fwd=stale; fwd-status=304";
    default     "nginx; fwd=bypass";
  }
  server {
    listen %[2]s;
    location / {
      proxy_pass %[3]s;
      proxy_http_version 1.1;
      proxy_cache lab;
      proxy_cache_revalidate on;
      proxy_set_header X-Forwarded-By nginx;
      add_header X-Cache-Status $upstream_cache_status always;
      add_header Cache-Status $cache_status always;
    }
  }
}
`

// nginxRig is nginx with proxy_cache in front of the demo API, with the requests
// that reached the demo recorded.
type nginxRig struct {
	url    string // nginx
	origin string // the demo API behind it
	mu     sync.Mutex
	seen   []*http.Request
}

// fromNginx is the requests nginx sent to the origin (the lab's carry no mark).
func (n *nginxRig) fromNginx() []*http.Request {
	n.mu.Lock()
	defer n.mu.Unlock()
	var out []*http.Request
	for _, r := range n.seen {
		if r.Header.Get("X-Forwarded-By") == "nginx" {
			out = append(out, r)
		}
	}
	return out
}

// startNginx starts nginx from Debian's package (.ci/run installs it); the test is
// skipped only when it is not installed.
func startNginx(t *testing.T, origin string) string {
	t.Helper()
	bin, err := exec.LookPath("nginx")
	if err != nil {
		if _, serr := os.Stat("/usr/sbin/nginx"); serr != nil {
			t.Skip("nginx is not installed (apt-get install nginx); .ci/run installs it so CI runs this test")
		}
		bin = "/usr/sbin/nginx"
	}
	dir := t.TempDir()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nginx binds it next; a clash shows as a failed start below
	conf := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(conf, []byte(fmt.Sprintf(nginxConf, dir, addr, origin)), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-p", dir, "-c", conf, "-e", filepath.Join(dir, "error.log"))
	out := &strings.Builder{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-exited
	})
	// Wait until nginx accepts connections, or has exited.
	for deadline := time.Now().Add(30 * time.Second); ; {
		c, err := net.Dial("tcp", addr)
		if err == nil {
			c.Close()
			break
		}
		select {
		case <-exited:
			log, _ := os.ReadFile(filepath.Join(dir, "error.log"))
			t.Fatalf("nginx exited: %s %s", out, log)
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("nginx did not listen on %s: %s", addr, out)
		}
	}
	return "http://" + addr
}

// newNginxRig starts the demo API (on the real clock, which nginx reads too) and
// nginx in front of it.
func newNginxRig(t *testing.T) *nginxRig {
	n := &nginxRig{}
	h := demo.NewHandler()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.mu.Lock()
		n.seen = append(n.seen, r.Clone(context.Background()))
		n.mu.Unlock()
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	n.origin = srv.URL
	n.url = startNginx(t, srv.URL) // its cleanup runs first: nginx stops before the origin
	return n
}

func getVia(t *testing.T, c *requests.Client, url string, headers ...string) requests.Exchange {
	t.Helper()
	req := requests.Request{Method: "GET", URL: url}
	for _, h := range headers {
		name, v, _ := strings.Cut(h, ":")
		req.Headers = append(req.Headers, requests.Header{Name: name, Value: strings.TrimSpace(v)})
	}
	x := c.Send(context.Background(), req)
	if x.Err != nil {
		t.Fatalf("GET %s: %v", url, x.Err)
	}
	return x
}

func findingIDs(x requests.Exchange) map[string]explain.Finding {
	r := explain.Analyze(explainOf(x, x.Sent, x.Received))
	out := map[string]explain.Finding{}
	for _, f := range r.Findings {
		out[f.ID] = f
	}
	return out
}
