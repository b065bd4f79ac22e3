package history

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/httplens/httplens/headers"
	"github.com/httplens/httplens/requests"
)

// HARWriter streams exchanges as a HAR 1.2 log (http://www.softwareishard.com/blog/har-12-spec/),
// the format browsers' network panels import. Entries are written one at a time,
// so a large history never sits in memory whole.
type HARWriter struct {
	w   io.Writer
	n   int
	err error
}

// NewHARWriter writes the opening of a log created by the named tool and version.
// The caller must Add the entries, oldest first, and then Close.
func NewHARWriter(w io.Writer, creator, version string) (*HARWriter, error) {
	c, err := json.Marshal(harCreator{Name: creator, Version: version})
	if err != nil {
		return nil, err
	}
	h := &HARWriter{w: w}
	h.write(`{"log": {` + "\n" + `  "version": "1.2",` + "\n" + `  "creator": ` + string(c) + ",\n" + `  "entries": [`)
	return h, h.err
}

func (h *HARWriter) write(s string) {
	if h.err == nil {
		_, h.err = io.WriteString(h.w, s)
	}
}

// Add writes one exchange as a HAR entry.
func (h *HARWriter) Add(e Entry) error {
	b, err := json.MarshalIndent(newHAREntry(e), "    ", "  ")
	if err != nil {
		return err
	}
	if h.n > 0 {
		h.write(",")
	}
	h.write("\n    " + string(b))
	h.n++
	return h.err
}

// Close writes the end of the log. It does not close the underlying writer.
func (h *HARWriter) Close() error {
	if h.n > 0 {
		h.write("\n  ")
	}
	h.write("]\n}}\n")
	return h.err
}

// ExportHAR writes the exchanges f selects to w as a HAR 1.2 log, oldest first,
// and returns how many it wrote. version is the creator version recorded.
func (s *Store) ExportHAR(ctx context.Context, w io.Writer, f Filter, version string) (int, error) {
	if err := s.wait(); err != nil {
		return 0, err
	}
	h, err := NewHARWriter(w, "httplens", version)
	if err != nil {
		return 0, err
	}
	if err := s.Each(ctx, f, h.Add); err != nil {
		return h.n, err
	}
	return h.n, h.Close()
}

type harCreator struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type harNV struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

type harCookie struct {
	Name     string `json:"name"`
	Value    string `json:"value"`
	Path     string `json:"path,omitempty"`
	Domain   string `json:"domain,omitempty"`
	Expires  string `json:"expires,omitempty"`
	HTTPOnly bool   `json:"httpOnly,omitempty"`
	Secure   bool   `json:"secure,omitempty"`
}

type harEntry struct {
	StartedDateTime string      `json:"startedDateTime"`
	Time            float64     `json:"time"`
	Request         harRequest  `json:"request"`
	Response        harResponse `json:"response"`
	Cache           struct{}    `json:"cache"`
	Timings         harTimings  `json:"timings"`
	Comment         string      `json:"comment,omitempty"`
	ID              int64       `json:"_id,omitempty"`
	Error           string      `json:"_error,omitempty"`
}

type harRequest struct {
	Method      string       `json:"method"`
	URL         string       `json:"url"`
	HTTPVersion string       `json:"httpVersion"`
	Cookies     []harCookie  `json:"cookies"`
	Headers     []harNV      `json:"headers"`
	QueryString []harNV      `json:"queryString"`
	PostData    *harPostData `json:"postData,omitempty"`
	HeadersSize int64        `json:"headersSize"`
	BodySize    int64        `json:"bodySize"`
}

type harPostData struct {
	MimeType string  `json:"mimeType"`
	Params   []harNV `json:"params"`
	Text     string  `json:"text"`
	Encoding string  `json:"encoding,omitempty"` // "base64" when Text is, named as in content
}

type harResponse struct {
	Status      int         `json:"status"`
	StatusText  string      `json:"statusText"`
	HTTPVersion string      `json:"httpVersion"`
	Cookies     []harCookie `json:"cookies"`
	Headers     []harNV     `json:"headers"`
	Content     harContent  `json:"content"`
	RedirectURL string      `json:"redirectURL"`
	HeadersSize int64       `json:"headersSize"`
	BodySize    int64       `json:"bodySize"`
	Comment     string      `json:"comment,omitempty"`
}

type harContent struct {
	Size     int64  `json:"size"`
	MimeType string `json:"mimeType"`
	Text     string `json:"text,omitempty"`
	Encoding string `json:"encoding,omitempty"`
}

// harTimings are milliseconds; -1 marks a phase that did not happen.
type harTimings struct {
	Blocked float64 `json:"blocked"`
	DNS     float64 `json:"dns"`
	Connect float64 `json:"connect"`
	Send    float64 `json:"send"`
	Wait    float64 `json:"wait"`
	Receive float64 `json:"receive"`
	SSL     float64 `json:"ssl"`
}

func newHAREntry(e Entry) harEntry {
	out := harEntry{
		StartedDateTime: e.Sent.Format("2006-01-02T15:04:05.000Z07:00"),
		Request:         newHARRequest(e.Request),
		Response:        newHARResponse(e),
		ID:              e.ID,
		Error:           e.Err,
	}
	out.Timings, out.Time = newHARTimings(e.Timing)
	if e.File != "" || e.Name != "" {
		out.Comment = strings.TrimPrefix(e.File+" "+e.Name, " ")
	}
	return out
}

func newHARRequest(r requests.SentRequest) harRequest {
	out := harRequest{
		Method:      r.Method,
		URL:         r.URL,
		HTTPVersion: r.Proto,
		Cookies:     []harCookie{},
		Headers:     harHeaders(r.Headers),
		QueryString: queryString(r.URL),
		HeadersSize: headSize(r.RawHead, false),
		BodySize:    int64(len(r.Body)),
	}
	for _, v := range headers.List(r.Headers).Values("Cookie") {
		out.Cookies = append(out.Cookies, requestCookies(v)...)
	}
	if len(r.Body) > 0 {
		text, enc := harText(r.Body)
		mime := headers.List(r.Headers).Get("Content-Type")
		out.PostData = &harPostData{MimeType: mime, Params: formParams(mime, r.Body), Text: text, Encoding: enc}
	}
	return out
}

func newHARResponse(e Entry) harResponse {
	r := e.Response
	if r == nil {
		return harResponse{Cookies: []harCookie{}, Headers: []harNV{}, HeadersSize: -1, BodySize: -1,
			Comment: "no response: " + e.Err}
	}
	out := harResponse{
		Status:      r.Status,
		StatusText:  r.Reason,
		HTTPVersion: r.Proto,
		Cookies:     []harCookie{},
		Headers:     harHeaders(r.Headers),
		RedirectURL: headers.List(r.Headers).Get("Location"),
		HeadersSize: headSize(r.RawHead, r.Reconstructed),
		BodySize:    e.BodyBytes,
	}
	for _, v := range headers.List(r.Headers).Values("Set-Cookie") {
		out.Cookies = append(out.Cookies, responseCookie(v))
	}
	// content is the body after Content-Encoding is removed, when it could be.
	content := r.Body
	out.Content.Size = e.BodyBytes
	if r.Decoded != nil {
		content, out.Content.Size = r.Decoded, int64(len(r.Decoded))
	}
	out.Content.MimeType = headers.List(r.Headers).Get("Content-Type")
	out.Content.Text, out.Content.Encoding = harText(content)
	if r.Truncated {
		out.Comment = fmt.Sprintf("body truncated: %d of %d bytes kept", len(r.Body), e.BodyBytes)
	}
	return out
}

// formParams lists the fields of an urlencoded body, in order and decoded:
// consumers such as httpsnippet build the body from params and drop it without.
func formParams(mime string, body []byte) []harNV {
	params := []harNV{}
	mt, _, _ := strings.Cut(strings.ToLower(mime), ";")
	if strings.TrimSpace(mt) != "application/x-www-form-urlencoded" {
		return params
	}
	for _, pair := range strings.Split(string(body), "&") {
		if pair == "" {
			continue
		}
		k, v, _ := strings.Cut(pair, "=")
		if dk, err := url.QueryUnescape(k); err == nil {
			k = dk
		}
		if dv, err := url.QueryUnescape(v); err == nil {
			v = dv
		}
		params = append(params, harNV{Name: k, Value: v})
	}
	return params
}

// harText is b as text when it is UTF-8, else base64 with encoding "base64".
func harText(b []byte) (text, encoding string) {
	if utf8.Valid(b) {
		return string(b), ""
	}
	return base64.StdEncoding.EncodeToString(b), "base64"
}

func harHeaders(hs []requests.Header) []harNV {
	out := make([]harNV, 0, len(hs))
	for _, h := range hs {
		out = append(out, harNV{Name: h.Name, Value: h.Value})
	}
	return out
}

// headSize is the byte length of a head as it crossed the wire; -1 when unknown.
func headSize(raw []byte, rebuilt bool) int64 {
	if len(raw) == 0 || rebuilt {
		return -1
	}
	return int64(len(raw))
}

// queryString lists the query parameters in the order of the URL, decoded.
func queryString(rawURL string) []harNV {
	out := []harNV{}
	u, err := url.Parse(rawURL)
	if err != nil || u.RawQuery == "" {
		return out
	}
	for _, part := range strings.Split(u.RawQuery, "&") {
		if part == "" {
			continue
		}
		name, value, _ := strings.Cut(part, "=")
		out = append(out, harNV{Name: unescape(name), Value: unescape(value)})
	}
	return out
}

func unescape(s string) string {
	if u, err := url.QueryUnescape(s); err == nil {
		return u
	}
	return s
}

func requestCookies(value string) []harCookie {
	var out []harCookie
	for _, pair := range strings.Split(value, ";") {
		name, v, ok := strings.Cut(strings.TrimSpace(pair), "=")
		if ok || name != "" {
			out = append(out, harCookie{Name: strings.TrimSpace(name), Value: strings.TrimSpace(v)})
		}
	}
	return out
}

func responseCookie(value string) harCookie {
	c, err := http.ParseSetCookie(value)
	if err != nil {
		// Keep what can be read; a cookie the parser rejects is still worth showing.
		first, _, _ := strings.Cut(value, ";")
		name, v, _ := strings.Cut(first, "=")
		return harCookie{Name: strings.TrimSpace(name), Value: strings.TrimSpace(v)}
	}
	out := harCookie{Name: c.Name, Value: c.Value, Path: c.Path, Domain: c.Domain, HTTPOnly: c.HttpOnly, Secure: c.Secure}
	if !c.Expires.IsZero() {
		out.Expires = c.Expires.UTC().Format(time.RFC3339)
	}
	return out
}

// newHARTimings maps the measured phases onto HAR's. HAR's connect includes the TLS
// handshake (ssl); send is not measured apart from wait; whatever the total has
// beyond the phases (redirect hops, queueing) is reported as blocked. The entry's
// time is the sum of the phases, as HAR requires.
func newHARTimings(t requests.Timing) (harTimings, float64) {
	ms := func(d time.Duration) float64 { return math.Round(float64(d)/1e3) / 1e3 }
	orNone := func(d time.Duration) float64 {
		if d <= 0 {
			return -1
		}
		return ms(d)
	}
	h := harTimings{
		Blocked: -1,
		DNS:     orNone(t.DNS),
		Connect: orNone(t.Connect + t.TLS),
		SSL:     orNone(t.TLS),
		Send:    0,
		Wait:    ms(max(t.TTFB, 0)),
		Receive: ms(max(t.Transfer, 0)),
	}
	phases := max(h.DNS, 0) + max(h.Connect, 0) + h.Send + h.Wait + h.Receive
	if rest := ms(t.Total) - phases; rest > 0 {
		h.Blocked = math.Round(rest*1e3) / 1e3
	}
	return h, math.Round((phases+max(h.Blocked, 0))*1e3) / 1e3
}
