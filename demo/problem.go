package demo

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
)

// Media types the demo sends.
const (
	jsonType    = "application/json"
	problemType = "application/problem+json"
)

// problem is an error response, written as RFC 9457 problem details.
type problem struct {
	status  int
	detail  string
	headers [][2]string // sent with the problem: Allow for 405, ETag for 412, Accept for 415
}

// problemBody is the RFC 9457 document. The type is always about:blank, which tells the
// client that the status code says it all (RFC 9457 §4.2.1); detail says what happened.
type problemBody struct {
	Type     string `json:"type"`
	Title    string `json:"title"`
	Status   int    `json:"status"`
	Detail   string `json:"detail"`
	Instance string `json:"instance"`
}

// writeProblem answers with p as application/problem+json.
func writeProblem(w http.ResponseWriter, r *http.Request, p *problem) {
	for _, kv := range p.headers {
		w.Header().Set(kv[0], kv[1])
	}
	body, err := json.Marshal(problemBody{
		Type:     "about:blank",
		Title:    statusTitle(p.status),
		Status:   p.status,
		Detail:   p.detail,
		Instance: r.URL.Path,
	})
	if err != nil {
		// Unreachable: the struct holds only strings and an int.
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	writeBody(w, p.status, problemType, append(body, '\n'))
}

// statusTitle is the reason phrase, or a stand-in for an unregistered code.
func statusTitle(code int) string {
	if t := http.StatusText(code); t != "" {
		return t
	}
	return fmt.Sprintf("Status %d", code)
}

// writeBody sends a complete body with an exact Content-Length. For HEAD, net/http drops
// the bytes but keeps the headers, which is what HEAD promises.
func writeBody(w http.ResponseWriter, status int, contentType string, body []byte) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	_, _ = w.Write(body) // a write error means the client went away; nothing to do
}

// marshalBody encodes a small explanatory document, ending in a newline for terminals.
func marshalBody(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		// Unreachable for the plain structs the demo passes in.
		return []byte("{}\n")
	}
	return append(b, '\n')
}
