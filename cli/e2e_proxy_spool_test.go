package cli

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A body past the proxy's 1 MB cap crosses whole while the printed rows, the
// history and the HAR export keep the cap; without the TUI (the only reader of a
// whole body) nothing is spooled to disk on the forwarding path.
func TestProxySpoolGoesWithTheProxy(t *testing.T) {
	bin := testBinary(t)
	const size = 3 << 20
	body := strings.Repeat("s", size)
	up := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, body) }))
	defer up.Close()
	dir, tmp := t.TempDir(), t.TempDir()
	harOut := filepath.Join(dir, "s.har")
	p := startProxyBinary(t, bin, []string{"HTTPLENS_HISTORY=" + filepath.Join(dir, "h.db"), "TMPDIR=" + tmp}, "--har", harOut)
	resp, err := proxyClient(p.addr).Get(up.URL + "/big")
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if len(got) != size {
		t.Fatalf("client got %d bytes", len(got))
	}
	p.waitRows(1)
	if spools, _ := filepath.Glob(filepath.Join(tmp, "httplens-bodies-*")); len(spools) != 0 {
		t.Errorf("spool folders without the TUI: %v", spools)
	}
	p.stop()
	if fi, err := os.Stat(harOut); err != nil {
		t.Error(err)
	} else if fi.Size() > 2<<20 {
		t.Errorf("HAR export of %d bytes: it should keep the 1 MB cap", fi.Size())
	}
}
