package curl

// effect says what Parse does with a curl option.
type effect int

const (
	apply   effect = iota // it changes the request; parser.apply handles it
	ignore                // it only changes what curl prints or saves; nothing to carry over
	dropped               // it changes how the request is sent, with no place in the request; reported
)

// option is one curl option that Parse knows.
type option struct {
	long   string // without the leading "--"
	short  byte   // 0 when there is no short form
	arg    bool   // it takes an argument
	effect effect
}

// options returns the curl options Parse knows, keyed by long name. An option that
// is not here is reported as unknown.
func options() map[string]option {
	list := []option{
		// The request itself.
		{"request", 'X', true, apply}, {"header", 'H', true, apply},
		{"data", 'd', true, apply}, {"data-ascii", 0, true, apply}, {"data-raw", 0, true, apply},
		{"data-binary", 0, true, apply}, {"data-urlencode", 0, true, apply}, {"json", 0, true, apply},
		{"form", 'F', true, apply}, {"form-string", 0, true, apply},
		{"user", 'u', true, apply}, {"user-agent", 'A', true, apply}, {"referer", 'e', true, apply},
		{"cookie", 'b', true, apply}, {"head", 'I', false, apply}, {"get", 'G', false, apply},
		{"compressed", 0, false, apply}, {"insecure", 'k', false, apply}, {"location", 'L', false, apply},
		{"url", 0, true, apply}, {"url-query", 0, true, apply}, {"range", 'r', true, apply},
		{"oauth2-bearer", 0, true, apply}, {"upload-file", 'T', true, apply}, {"basic", 0, false, apply},
		{"globoff", 'g', false, apply},
		// What curl prints or saves: nothing to carry over.
		{"silent", 's', false, ignore}, {"show-error", 'S', false, ignore}, {"verbose", 'v', false, ignore},
		{"include", 'i', false, ignore}, {"output", 'o', true, ignore}, {"remote-name", 'O', false, ignore},
		{"remote-header-name", 'J', false, ignore}, {"write-out", 'w', true, ignore},
		{"dump-header", 'D', true, ignore}, {"fail", 'f', false, ignore}, {"fail-with-body", 0, false, ignore},
		{"progress-bar", '#', false, ignore}, {"no-progress-meter", 0, false, ignore},
		{"trace", 0, true, ignore}, {"trace-ascii", 0, true, ignore}, {"trace-time", 0, false, ignore},
		{"stderr", 0, true, ignore}, {"no-buffer", 'N', false, ignore}, {"create-dirs", 0, false, ignore},
		{"remote-time", 'R', false, ignore}, {"styled-output", 0, false, ignore}, {"path-as-is", 0, false, ignore},
		{"raw", 0, false, ignore}, {"http1.1", 0, false, ignore}, {"http2", 0, false, ignore},
		{"ssl-no-revoke", 0, false, ignore}, {"output-dir", 0, true, ignore}, {"show-headers", 0, false, ignore},
		// How it is sent: no place for it in a request, so it is reported.
		{"http1.0", '0', false, dropped}, {"http2-prior-knowledge", 0, false, dropped}, {"http3", 0, false, dropped},
		{"ipv4", '4', false, dropped}, {"ipv6", '6', false, dropped},
		{"proxy", 'x', true, dropped}, {"proxy-user", 'U', true, dropped}, {"noproxy", 0, true, dropped},
		{"max-time", 'm', true, dropped}, {"connect-timeout", 0, true, dropped}, {"max-redirs", 0, true, dropped},
		{"retry", 0, true, dropped}, {"retry-delay", 0, true, dropped}, {"retry-max-time", 0, true, dropped},
		{"resolve", 0, true, dropped}, {"connect-to", 0, true, dropped}, {"interface", 0, true, dropped},
		{"cacert", 0, true, dropped}, {"capath", 0, true, dropped}, {"cert", 'E', true, dropped},
		{"key", 0, true, dropped}, {"cert-type", 0, true, dropped}, {"key-type", 0, true, dropped},
		{"pass", 0, true, dropped}, {"ciphers", 0, true, dropped}, {"tlsv1.2", 0, false, dropped},
		{"tlsv1.3", 0, false, dropped}, {"tls-max", 0, true, dropped}, {"unix-socket", 0, true, dropped},
		{"abstract-unix-socket", 0, true, dropped}, {"cookie-jar", 'c', true, dropped},
		{"digest", 0, false, dropped}, {"ntlm", 0, false, dropped}, {"negotiate", 0, false, dropped},
		{"anyauth", 0, false, dropped}, {"aws-sigv4", 0, true, dropped}, {"netrc", 'n', false, dropped},
		{"netrc-file", 0, true, dropped}, {"config", 'K', true, dropped}, {"limit-rate", 0, true, dropped},
		{"location-trusted", 0, false, dropped}, {"post301", 0, false, dropped}, {"post302", 0, false, dropped},
		{"post303", 0, false, dropped}, {"request-target", 0, true, dropped}, {"time-cond", 'z', true, dropped},
		{"proxy-header", 0, true, dropped}, {"tr-encoding", 0, false, dropped}, {"junk-session-cookies", 'j', false, dropped},
		{"keepalive-time", 0, true, dropped}, {"no-keepalive", 0, false, dropped}, {"expect100-timeout", 0, true, dropped},
		{"variable", 0, true, dropped}, {"proto", 0, true, dropped}, {"proto-redir", 0, true, dropped},
		{"speed-time", 'y', true, dropped}, {"speed-limit", 'Y', true, dropped}, {"local-port", 0, true, dropped},
		{"dns-servers", 0, true, dropped}, {"doh-url", 0, true, dropped}, {"happy-eyeballs-timeout-ms", 0, true, dropped},
	}
	m := make(map[string]option, len(list))
	for _, o := range list {
		m[o.long] = o
	}
	return m
}

// shortOptions indexes opts by short name.
func shortOptions(opts map[string]option) map[byte]option {
	m := make(map[byte]option)
	for _, o := range opts {
		if o.short != 0 {
			m[o.short] = o
		}
	}
	return m
}
