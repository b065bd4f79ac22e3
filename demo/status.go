package demo

import (
	"net/http"
	"strconv"
)

// statusTarget is where /status sends redirects and names what a 201 created: a
// resource that exists, so following it ends in a 200.
const statusTarget = "/status/200"

// statusBody is the JSON sent with a 2xx or 3xx from /status.
type statusBody struct {
	Status int    `json:"status"`
	Reason string `json:"reason"`
	Method string `json:"method"`
}

// status answers ANY /status/{code} with that code, framed as a correct server would:
// no content for 204, 205 and 304, the fields the code requires, problem+json for errors.
func (h *handler) status(w http.ResponseWriter, r *http.Request) {
	code, p := parseStatus(r.PathValue("code"))
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	for _, kv := range statusHeaders(code) {
		w.Header().Set(kv[0], kv[1])
	}
	switch {
	case code == http.StatusNoContent || code == http.StatusNotModified:
		w.WriteHeader(code)
	case code == http.StatusResetContent:
		// 205 must have no content and say so (RFC 9110 §15.3.6).
		w.Header().Set("Content-Length", "0")
		w.WriteHeader(code)
	case code >= 400:
		writeProblem(w, r, &problem{status: code, detail: "the demo answered with the status the path asked for"})
	default:
		body := marshalBody(statusBody{Status: code, Reason: statusTitle(code), Method: r.Method})
		if code == http.StatusPartialContent {
			// The whole body as one range keeps the 206 truthful.
			w.Header().Set("Content-Range", "bytes 0-"+strconv.Itoa(len(body)-1)+"/"+strconv.Itoa(len(body)))
		}
		writeBody(w, code, jsonType, body)
	}
}

// parseStatus accepts three digits from 200 to 599. A 1xx is interim: a server always
// follows it with a final response, so it cannot be the answer on its own.
func parseStatus(s string) (int, *problem) {
	code, err := strconv.Atoi(s)
	switch {
	case err != nil || len(s) != 3 || s[0] == '+' || s[0] == '-':
		return 0, &problem{status: http.StatusBadRequest,
			detail: "a status code is three digits, from 200 to 599, not " + strconv.Quote(s)}
	case code >= 100 && code < 200:
		return 0, &problem{status: http.StatusBadRequest,
			detail: "1xx codes are interim responses that a final status always follows; ask for 200 to 599"}
	case code < 100 || code > 599:
		return 0, &problem{status: http.StatusBadRequest,
			detail: "status codes run from 100 to 599; /status serves 200 to 599"}
	}
	return code, nil
}

// statusHeaders are the fields that a response with code must or should carry.
func statusHeaders(code int) [][2]string {
	switch {
	case code == http.StatusCreated:
		return [][2]string{{"Location", statusTarget}} // RFC 9110 §15.3.2
	case code == http.StatusNotModified:
		return nil
	case code >= 300 && code < 400:
		return [][2]string{{"Location", statusTarget}} // RFC 9110 §15.4
	}
	switch code {
	case http.StatusUnauthorized:
		return [][2]string{{"WWW-Authenticate", `Basic realm="httplens demo"`}} // RFC 9110 §15.5.2
	case http.StatusProxyAuthRequired:
		return [][2]string{{"Proxy-Authenticate", `Basic realm="httplens demo"`}} // RFC 9110 §15.5.8
	case http.StatusMethodNotAllowed:
		return [][2]string{{"Allow", "GET, HEAD"}} // RFC 9110 §15.5.6
	case http.StatusRequestTimeout:
		return [][2]string{{"Connection", "close"}} // RFC 9110 §15.5.9
	case http.StatusRequestedRangeNotSatisfiable:
		return [][2]string{{"Content-Range", "bytes */0"}} // RFC 9110 §15.5.17
	case http.StatusUpgradeRequired:
		return [][2]string{{"Upgrade", "HTTP/2.0"}, {"Connection", "Upgrade"}} // RFC 9110 §15.5.22
	case http.StatusTooManyRequests, http.StatusServiceUnavailable:
		return [][2]string{{"Retry-After", "60"}} // RFC 6585 §4, RFC 9110 §15.6.4
	}
	return nil
}
