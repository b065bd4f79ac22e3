// Package curl reads a curl command line into a request and writes a request as
// a curl command line that a POSIX shell runs as is.
//
// Parse splits the command itself, the way bash would (quotes, backslash line
// continuations, $'…'), or the way Windows cmd.exe would for the "Copy as cURL
// (cmd)" flavour of browsers' developer tools (^ escapes and continuations). It
// never runs anything and never reads a file: data that curl would read from a
// file is named in BodyFile when it is the whole body, and reported otherwise.
//
// Whatever Parse cannot carry over (unknown options, options that only say how to
// send, shell pipes and expansions) comes back as notes, one line each, next to
// the request: nothing is dropped silently.
package curl

import (
	"errors"
	"strings"

	"github.com/httplens/httplens/headers"
)

// Header is one header field, name in the letter case written (headers.Field).
type Header = headers.Field

// Request is what a curl command sends, beyond curl's own default headers (Host,
// User-Agent, Accept: */*, Content-Length). Headers that curl derives from its
// options (-u, -A, -e, -b, -r, the Content-Type of -d, -F and --json) are
// spelled out in Headers. The zero value is a GET with no URL.
type Request struct {
	Method  string // as written with -X (curl sends it as is), or implied: GET, POST, PUT, HEAD
	URL     string
	Headers []Header
	Body    []byte // nil when there is none, or when BodyFile is set
	// BodyFile is a file curl sends as the whole body (-d @file, --data-binary
	// @file, --json @file, -T file), as written, relative to curl's working folder.
	BodyFile string
	// PartFiles lists the files of -F name=@file and name=<file parts. Their
	// parts in Body hold the line "< file" (the .http way of sending a file in a
	// multipart part) in place of the file's bytes, which are not read here.
	PartFiles []string

	Insecure        bool // -k: do not verify TLS certificates
	FollowRedirects bool // -L
	Compressed      bool // --compressed: curl asks for, and decodes, compressed responses
}

// Header returns the value of the first header named name (any letter case), and
// whether there is one.
func (r *Request) Header(name string) (string, bool) {
	return headers.List(r.Headers).Lookup(name)
}

// ErrNotCurl is returned by Parse for a command that does not start with curl.
var ErrNotCurl = errors.New("not a curl command: it must start with curl")

// Parse reads a curl command line, as pasted in a shell, into the request it
// sends. Notes list, one line each, what was not carried over and why. The error
// is a *SyntaxError for a line that cannot be split into words (an unterminated
// quote), ErrNotCurl, or a clear message for options curl itself would refuse.
func Parse(command string) (Request, []string, error) {
	words, notes, err := splitWords(command)
	if err != nil {
		return Request{}, nil, err
	}
	r, more, err := ParseArgs(words)
	return r, append(notes, more...), err
}

// ParseArgs is Parse for a command already split into words; the first word is
// curl (any path to it, or curl.exe).
func ParseArgs(words []string) (Request, []string, error) {
	if len(words) == 0 || !isCurl(words[0]) {
		return Request{}, nil, ErrNotCurl
	}
	p := newParser()
	if err := p.parse(words[1:]); err != nil {
		return Request{}, nil, err
	}
	r, err := p.request()
	return r, p.notes, err
}

func isCurl(w string) bool {
	w = strings.ToLower(w[strings.LastIndexAny(w, `/\`)+1:])
	return w == "curl" || w == "curl.exe"
}
