package requests

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"syscall"
	"time"

	"github.com/httplens/httplens/headers"
)

// wordsError is an error said in plain words; Unwrap keeps the cause for errors.Is
// (context.Canceled, a timeout) without its Go wording reaching the user.
type wordsError struct {
	msg   string
	cause error
}

func (e *wordsError) Error() string { return e.msg }
func (e *wordsError) Unwrap() error { return e.cause }

func words(cause error, format string, args ...any) error {
	return &wordsError{msg: fmt.Sprintf(format, args...), cause: cause}
}

// describeH1 says what went wrong and where, in words: "timed out after 30s waiting
// for the first byte of the response", "the server closed the connection after
// 1.3 KB of the body (5 KB announced)".
func describeH1(ctx context.Context, err error, clk *phaseClock, resp *Response, timeout time.Duration) error {
	where := "before sending"
	if p := clk.current(); p != phaseNone {
		where = phaseNames[p]
	}
	arrived := ""
	if resp != nil {
		arrived = fmt.Sprintf(" (the %s that arrived are kept)", sizeText(int64(len(resp.RawHead))+resp.BodyBytes))
	}
	var dnsErr *net.DNSError
	var certErr *tls.CertificateVerificationError
	var opErr *net.OpError
	var head *headError
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		if timeout > 0 {
			return words(context.DeadlineExceeded, "timed out after %s %s%s", timeout, where, arrived)
		}
		return words(context.DeadlineExceeded, "timed out %s%s", where, arrived)
	case errors.Is(ctx.Err(), context.Canceled):
		return words(context.Canceled, "cancelled %s%s", where, arrived)
	case errors.As(err, &dnsErr):
		return words(err, "DNS lookup of %s failed: %s", dnsErr.Name, dnsErr.Err)
	case errors.As(err, &certErr):
		return words(err, "TLS certificate rejected: %s (use --insecure to send anyway)", certProblem(certErr.Err))
	case errors.As(err, &opErr) && opErr.Op == "dial":
		return words(err, "cannot connect to %v: %v", opErr.Addr, plainSyscall(opErr.Err))
	case errors.Is(err, errNotHTTP):
		return words(err, "the server did not answer in HTTP/1.x: %s with no status line, starting %q", sizeText(resp.BodyBytes), clipText(string(resp.Body)))
	case errors.As(err, &head):
		switch {
		case errors.Is(err, errHeadTooLarge):
			return words(err, "the response's header section is larger than %s: stopped reading there (%s kept)", sizeText(maxHeadCapture), sizeText(int64(head.got)))
		case errors.Is(err, syscall.ECONNRESET):
			return words(err, "the server reset the connection in the middle of the response head, after %s", sizeText(int64(head.got)))
		case errors.Is(err, io.ErrUnexpectedEOF):
			return words(err, "the server closed the connection in the middle of the response head, after %s", sizeText(int64(head.got)))
		}
		return words(err, "reading the response head failed after %s: %v", sizeText(int64(head.got)), plainSyscall(err))
	case resp != nil && resp.Status != 0:
		body := sizeText(resp.BodyBytes) + " of the body"
		if cl := headers.List(resp.Headers).Get("Content-Length"); cl != "" {
			body += " (Content-Length: " + cl + ")"
		}
		switch {
		case strings.Contains(err.Error(), "chunked"):
			return words(err, "%s, after %s", err.Error(), body)
		case errors.Is(err, syscall.ECONNRESET):
			return words(err, "the server reset the connection after %s", body)
		case errors.Is(err, io.ErrUnexpectedEOF):
			return words(err, "the server closed the connection after %s", body)
		}
		return words(err, "reading the body failed after %s: %v", body, plainSyscall(err))
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return words(err, "the server closed the connection without answering")
	case errors.Is(err, syscall.ECONNRESET):
		return words(err, "the server reset the connection %s", where)
	}
	return words(err, "failed %s: %v", where, plainSyscall(err))
}

// plainSyscall drops Go's "read tcp a->b:" prefixes, leaving the system's words.
func plainSyscall(err error) string {
	var se *net.OpError
	if errors.As(err, &se) && se.Err != nil {
		return se.Err.Error()
	}
	return err.Error()
}

// sizeText says a byte count the way people read it: 512 B, 1.3 KB, 10.0 MB.
func sizeText(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1000*1000:
		return fmt.Sprintf("%.1f KB", float64(n)/1000)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/1e6)
}
