package cli

import (
	"context"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/httplens/httplens/demo"
	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/har"
	"github.com/httplens/httplens/proxy"
)

// chromiumPage loads three demo resources, then loads them again: one cacheable
// (max-age), one no-store, one with an ETag and no-cache.
const chromiumPage = `<!doctype html><html><head><title>loading</title><link rel="icon" href="data:,"></head><body>
<script>
const paths = ['/cache/max-age', '/cache/no-store', '/items/1'];
async function load() { for (const p of paths) { const r = await fetch(p); await r.text(); } }
load().then(load).then(() => { document.body.setAttribute('data-done', 'yes'); },
  e => { document.body.setAttribute('data-failed', String(e)); });
</script></body></html>`

// demoWithPage is the demo API with the page above at /page.
func demoWithPage() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		io.WriteString(w, chromiumPage)
	})
	mux.Handle("/", demo.NewHandler())
	return mux
}

// findChromium returns the browser, or skips (fails under CI, where .ci/run installs it).
func findChromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium missing: .ci/run installs Debian's chromium")
	}
	t.Skip("chromium not installed (apt-get install chromium)")
	return ""
}

// runChromium loads url through the proxy and returns the page's final DOM.
func runChromium(t *testing.T, browser, proxyAddr, url string, extra ...string) string {
	t.Helper()
	args := append([]string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-dev-shm-usage",
		"--user-data-dir=" + t.TempDir(),
		"--proxy-server=" + proxyAddr,
		// Chromium sends loopback requests around any proxy unless told otherwise.
		"--proxy-bypass-list=<-loopback>",
		// Wait for the page's fetches (the second load) before dumping the DOM.
		"--virtual-time-budget=5000",
	}, extra...)
	args = append(args, "--dump-dom", url)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, browser, args...).Output()
	if err != nil {
		t.Fatalf("chromium: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), `data-done="yes"`) {
		t.Fatalf("the page did not finish both loads:\n%s", out)
	}
	return string(out)
}

// checkSecondLoads reads the session's HAR export and checks, for each resource,
// that the browser's second load did what the explain verdict of the first says:
// fresh and storable - reused from its cache, never asked again; not storable -
// fetched again in full; storable with no freshness and an ETag - revalidated with
// If-None-Match and answered 304.
func checkSecondLoads(t *testing.T, harPath, origin string) {
	t.Helper()
	f, err := os.Open(harPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	log, err := har.Read(f, harPath)
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string][]har.Entry{}
	for _, e := range log.Entries {
		p, ok := strings.CutPrefix(e.Request.URL, origin)
		if !ok {
			// Chromium's own background requests: --allow refused them, so
			// nothing left the machine.
			if e.Response.Status != 0 || !strings.Contains(e.Error, "is not allowed") {
				t.Errorf("a request to elsewhere was not refused: %s (%d)", e.Request.URL, e.Response.Status)
			}
			continue
		}
		byPath[p] = append(byPath[p], e)
	}
	if len(byPath["/page"]) != 1 {
		t.Errorf("/page recorded %d times", len(byPath["/page"]))
	}
	verdicts := map[string]string{"/cache/max-age": "reuse", "/cache/no-store": "refetch", "/items/1": "revalidate"}
	for path, want := range verdicts {
		es := byPath[path]
		if len(es) == 0 {
			t.Errorf("%s never recorded", path)
			continue
		}
		rep := explain.Analyze(es[0].Exchange())
		c := rep.Cache
		got := "refetch"
		switch {
		case c.StorablePrivate && c.Private.Fresh:
			got = "reuse"
		case c.StorablePrivate && rep.Validators.ETag != "":
			got = "revalidate"
		}
		if got != want {
			t.Errorf("%s: explain says %s, the scenario is %s (%+v)", path, got, want, c)
		}
		switch got {
		case "reuse":
			if len(es) != 1 {
				t.Errorf("%s: fresh for %d s, yet the browser asked %d times", path, c.FreshForS, len(es))
			}
		case "refetch":
			if len(es) != 2 || len(headerOf(es[1].Request.Fields, "If-None-Match")) > 0 || es[1].Response.Status != 200 {
				t.Errorf("%s: not storable, want two full fetches; got %d", path, len(es))
			}
		case "revalidate":
			if len(es) != 2 {
				t.Fatalf("%s: want a revalidation; recorded %d times", path, len(es))
			}
			inm := headerOf(es[1].Request.Fields, "If-None-Match")
			if len(inm) != 1 || inm[0] != rep.Validators.ETag || es[1].Response.Status != 304 {
				t.Errorf("%s: second load sent If-None-Match %q and got %d; the ETag was %s", path, inm, es[1].Response.Status, rep.Validators.ETag)
			}
			if r2 := explain.Analyze(es[1].Exchange()); r2.Status.Code != 304 {
				t.Errorf("%s: the 304 explained as %d", path, r2.Status.Code)
			}
		}
	}
}

func headerOf(fs []explain.Field, name string) []string {
	var out []string
	for _, f := range fs {
		if strings.EqualFold(f.Name, name) {
			out = append(out, f.Value)
		}
	}
	return out
}

// A real browser through the proxy: every exchange recorded, and the second load of
// each resource reused, refetched or revalidated as the verdicts say.
func TestChromiumThroughProxy(t *testing.T) {
	bin := testBinary(t)
	browser := findChromium(t)
	site := httptest.NewServer(demoWithPage())
	defer site.Close()
	dir := t.TempDir()
	harOut := filepath.Join(dir, "browser.har")
	p := startProxyBinary(t, bin, []string{"HTTPLENS_HISTORY=" + filepath.Join(dir, "h.db")}, "--har", harOut, "--allow", "127.0.0.1")
	runChromium(t, browser, p.addr, site.URL+"/page")
	out := p.stop()
	if !strings.Contains(out, "/items/1") || !strings.Contains(out, "304") {
		t.Errorf("rows:\n%s", out)
	}
	checkSecondLoads(t, harOut, site.URL)
	validateHAR(t, harOut)
}

// The same page over HTTPS with --intercept: the browser ignores certificate errors
// for this run only, and the decrypted exchanges are recorded and explained.
func TestChromiumIntercepted(t *testing.T) {
	bin := testBinary(t)
	browser := findChromium(t)
	site := httptest.NewTLSServer(demoWithPage())
	defer site.Close()
	dir := t.TempDir()
	// The proxy verifies the upstream: it trusts the test server's certificate
	// through SSL_CERT_FILE, which Go reads on Linux.
	upstreamCA := filepath.Join(dir, "upstream.pem")
	os.WriteFile(upstreamCA, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: site.Certificate().Raw}), 0o644)
	harOut := filepath.Join(dir, "browser.har")
	// The CA is made first, so the browser can be told to accept its certificates
	// by the hash of its public key, for this run only. (With plain
	// --ignore-certificate-errors Chromium caches nothing, and the second loads
	// would say nothing about the verdicts.)
	ca, _, err := proxy.LoadCA(dir)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(ca.Cert().RawSubjectPublicKeyInfo)
	spki := base64.StdEncoding.EncodeToString(sum[:])
	p := startProxyBinary(t, bin, []string{"HTTPLENS_HISTORY=" + filepath.Join(dir, "h.db"), "SSL_CERT_FILE=" + upstreamCA},
		"--intercept", "--har", harOut, "--allow", "127.0.0.1")
	runChromium(t, browser, p.addr, site.URL+"/page", "--ignore-certificate-errors-spki-list="+spki)
	out := p.stop()
	if !strings.Contains(out, "using the interception CA "+filepath.Join(dir, "proxy-ca.pem")) || !strings.Contains(out, "decrypted (intercepted)") {
		t.Errorf("output:\n%s", out)
	}
	checkSecondLoads(t, harOut, site.URL)
	// The CA's key is the user's only.
	if st, err := os.Stat(filepath.Join(dir, "proxy-ca-key.pem")); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("CA key: %v %v", st, err)
	}
	pemBytes, _ := os.ReadFile(filepath.Join(dir, "proxy-ca.pem"))
	if b, _ := pem.Decode(pemBytes); b == nil {
		t.Error("no CA certificate")
	} else if c, err := x509.ParseCertificate(b.Bytes); err != nil || !c.IsCA {
		t.Errorf("CA certificate: %v", err)
	}
}
