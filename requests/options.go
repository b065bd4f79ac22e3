package requests

import (
	"io"
	"net"
	"net/http"
	"net/url"
	"time"
)

// DefaultMaxBody is the body cap when Options.MaxBody is zero: 64 MiB.
const DefaultMaxBody = 64 << 20

// Options control one Send. The zero value is usable: no timeout beyond the context,
// redirects not followed, TLS verified, proxy from the environment, 64 MiB body cap.
type Options struct {
	// Timeout bounds the whole exchange, body included. Zero means no timeout.
	Timeout time.Duration
	// FollowRedirects follows 3xx responses with a Location (at most 10 hops);
	// each hop is recorded in Exchange.Hops.
	FollowRedirects bool
	// Insecure skips TLS certificate verification.
	Insecure bool
	// MaxBody caps the bytes of body kept; past it the body is cut and marked
	// Truncated. Zero means DefaultMaxBody.
	MaxBody int64
	// SpoolDir, when set, keeps a body that goes on past MaxBody: the whole body
	// is written to a temporary file in that folder (Response.SpoolPath) while
	// Body keeps the first MaxBody bytes. Empty: the rest is not read.
	SpoolDir string
	// Progress, when set, is called from the sending goroutine after every read
	// of the body with the bytes read so far and the expected total (-1 when the
	// server did not say). It must return quickly; throttle in the caller.
	Progress func(done, total int64)
	// Resolver looks up host names; nil means the system's.
	Resolver *net.Resolver
	// Proxy picks the proxy for a request; nil means http.ProxyFromEnvironment
	// (HTTP_PROXY, HTTPS_PROXY, NO_PROXY; never for localhost or loopback). An
	// http URL goes to the proxy in absolute form; an https URL through CONNECT.
	Proxy func(*http.Request) (*url.URL, error)
	// HTTP2 lets TLS connections negotiate HTTP/2. Its frames are not text, so the
	// raw heads are then rebuilt from the parsed fields (Response.Reconstructed).
	// Off by default: HTTP/1.1 is what makes the raw view exact.
	HTTP2 bool
	// UserAgent is sent when the request has no User-Agent of its own;
	// empty means "httplens".
	UserAgent string
	// Jar, when set, sends its cookies with the request and every redirect hop and
	// keeps the Set-Cookie fields of each response (RFC 6265; see NewJar). The
	// Cookie field it adds shows in the raw request head like any other, marked
	// as added; a request with a Cookie field of its own is sent with that one
	// only (RFC 6265 §5.4 allows one Cookie field). Nil: no cookies beyond the
	// request's own headers.
	Jar http.CookieJar
	// Stream, when set, is called for each HTTP/1.1 response once its head is
	// read and before its body, with the response so far (RawHead, Status,
	// Headers) and whether it is the final one (not a redirect about to be
	// followed). A writer it returns gets the body bytes, up to MaxBody, as they
	// arrive: a caller printing the response copies them once, socket to output,
	// instead of waiting for the whole body. A write error ends the exchange.
	// SpoolDir is not used for a streamed body. HTTP/2 responses are not streamed.
	Stream func(resp *Response, final bool) io.Writer
	// StreamKeep bounds the body bytes kept in Response.Body when a body is
	// streamed: zero keeps all (up to MaxBody), a positive value that many, a
	// negative value none. BodyBytes still counts every byte read.
	StreamKeep int64
	// StreamKeepTo, when set with Stream, is asked for each streamed body (with
	// the response so far) for a writer that takes the kept bytes, the first
	// StreamKeep, instead of Response.Body: a caller storing them can hash and
	// compress them as they arrive rather than hold them all. A nil writer keeps
	// them in Response.Body. A write error is that writer's to report.
	StreamKeepTo func(resp *Response) io.Writer

	// tee is Stream bound to the request of one hop (set by the client).
	tee func(resp *Response) io.Writer
}
