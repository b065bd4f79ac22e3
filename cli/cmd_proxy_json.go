package cli

import (
	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/proxy"
	"github.com/httplens/httplens/requests"
)

// jsonProxyLine is one line of `proxy --json`: exactly one field is set, naming
// what the line is (the listener first, an exchange as each ends, the summary on
// exit), so a reader can dispatch on it line by line.
type jsonProxyLine struct {
	Proxy    *jsonProxyStart    `json:"proxy,omitempty"`
	Exchange *jsonProxyExchange `json:"exchange,omitempty"`
	Summary  *rowSummary        `json:"summary,omitempty"`
}

type jsonProxyStart struct {
	Listen  string `json:"listen"`
	History string `json:"history"`
}

// jsonProxyExchange is one exchange as recorded: the request and response as the
// proxy forwarded them (bodies at most the proxy's cap, truncated then), the
// report, and the tunnel for a CONNECT that was not intercepted.
type jsonProxyExchange struct {
	N                 int             `json:"n"`
	HistoryID         int64           `json:"history_id,omitempty"`
	Request           jsonRequest     `json:"request"`
	RequestBodyBytes  int64           `json:"request_body_bytes"`
	Response          *jsonResponse   `json:"response,omitempty"`
	Explain           *explain.Report `json:"explain,omitempty"`
	Tunnel            *jsonTunnel     `json:"tunnel,omitempty"`
	Intercepted       bool            `json:"intercepted"`
	TimeMS            float64         `json:"time_ms"`
	Error             string          `json:"error,omitempty"`
	ResponseBodyBytes int64           `json:"response_body_bytes"`
}

type jsonTunnel struct {
	Host       string  `json:"host"`
	Up         int64   `json:"up_bytes"`
	Down       int64   `json:"down_bytes"`
	DurationMS float64 `json:"duration_ms"`
}

func newJSONProxyExchange(row exchangeRow, x proxy.Exchange, id int64) *jsonProxyExchange {
	j := &jsonProxyExchange{N: row.N, HistoryID: id, Error: row.Error, Intercepted: x.Intercepted,
		RequestBodyBytes: x.RequestBodyBytes, ResponseBodyBytes: x.ResponseBodyBytes,
		Request: jsonRequest{Method: x.Request.Method, URL: x.Request.URL, Proto: x.Request.Proto,
			Headers: headerPairs(x.Request.Headers)}}
	j.Request.Body, j.Request.BodyEncoding = jsonBody(x.Request.Body)
	if !x.Done.IsZero() && !x.Sent.IsZero() {
		j.TimeMS = float64(x.Done.Sub(x.Sent).Microseconds()) / 1000
	}
	if t := x.Tunnel; t != nil {
		j.Tunnel = &jsonTunnel{Host: t.Host, Up: t.Up, Down: t.Down, DurationMS: float64(t.Duration.Microseconds()) / 1000}
	}
	if r := x.Response; r != nil {
		resp := jsonResponse{Proto: r.Proto, Status: r.Status, Reason: r.Reason, Headers: headerPairs(r.Headers),
			BodyBytes: x.ResponseBodyBytes, Truncated: r.Truncated}
		resp.Body, resp.BodyEncoding = jsonBody(r.Body)
		j.Response = &resp
	}
	if row.Report != nil {
		j.Explain = newJSONReport(*row.Report)
	}
	return j
}

func headerPairs(hs []requests.Header) jsonHeaders {
	out := make(jsonHeaders, 0, len(hs))
	for _, h := range hs {
		out = append(out, [2]string{h.Name, h.Value})
	}
	return out
}
