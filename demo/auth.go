package demo

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"strings"
	"sync"
)

// tokens are the bearer tokens /login has issued; /me accepts only those. They let a
// collection (and its scripts) show the login-then-call pattern against the demo.
type tokens struct {
	mu     sync.Mutex
	issued map[string]bool
}

func (t *tokens) issue() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24+)
	tok := hex.EncodeToString(b)
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.issued == nil {
		t.issued = map[string]bool{}
	}
	t.issued[tok] = true
	return tok
}

func (t *tokens) valid(tok string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.issued[tok]
}

// login issues a bearer token. Token responses must not be stored by any cache
// (RFC 6749 §5.1), hence no-store.
func (h *handler) login(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	writeBody(w, http.StatusOK, jsonType, marshalBody(map[string]string{
		"token": h.tokens.issue(), "token_type": "Bearer"}))
}

// me answers 200 to a request carrying a token /login issued, and 401 with a
// challenge otherwise (RFC 9110 §11.6.1, RFC 6750 §3).
func (h *handler) me(w http.ResponseWriter, r *http.Request) {
	tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || !h.tokens.valid(strings.TrimSpace(tok)) {
		writeProblem(w, r, &problem{status: http.StatusUnauthorized,
			detail:  "send Authorization: Bearer <token>, with a token from POST /login",
			headers: [][2]string{{"WWW-Authenticate", `Bearer realm="demo"`}}})
		return
	}
	w.Header().Set("Cache-Control", "private, no-cache")
	writeBody(w, http.StatusOK, jsonType, marshalBody(map[string]string{"user": "demo"}))
}
