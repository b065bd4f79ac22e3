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

// A body past the proxy's 1 MB cap is spooled while it crosses, the printed rows
// and the history keep their cap, and no spool file or folder outlives the proxy.
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
	spools, _ := filepath.Glob(filepath.Join(tmp, "httplens-bodies-*"))
	if len(spools) != 1 {
		t.Fatalf("spool folders while running: %v", spools)
	}
	// Printed, stored: nobody reads the file any more, so it is gone already.
	if files, _ := os.ReadDir(spools[0]); len(files) != 0 {
		t.Errorf("spool files left after the row was printed: %v", files)
	}
	p.stop()
	if left, _ := filepath.Glob(filepath.Join(tmp, "httplens-bodies-*")); len(left) != 0 {
		t.Errorf("spool folder left after the proxy stopped: %v", left)
	}
	if fi, err := os.Stat(harOut); err != nil {
		t.Error(err)
	} else if fi.Size() > 2<<20 {
		t.Errorf("HAR export of %d bytes: it should keep the 1 MB cap", fi.Size())
	}
}
