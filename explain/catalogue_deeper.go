package explain

// deeperChecks is the catalogue of the field rules, CORS, cookies, redirects, ranges,
// security fields and content negotiation.
func deeperChecks() []Check {
	return []Check{
		// Field rules of RFC 9110.
		{"content-length-repeated", Warning, "Content-Length repeated with the same value", []string{"RFC 9110 §8.6", "RFC 9112 §6.3"}},
		{"content-encoding-identity", Warning, "Content-Encoding: identity", []string{"RFC 9110 §8.4.1", "RFC 9110 §12.5.3"}},
		{"content-type-missing", Warning, "Content without Content-Type", []string{"RFC 9110 §8.3"}},
		{"location-undefined", Info, "Location on a status where it means nothing", []string{"RFC 9110 §10.2.2"}},
		{"not-modified-metadata", Warning, "304 Not Modified with representation metadata", []string{"RFC 9110 §15.4.5", "RFC 9111 §4.3.4"}},
		{"retry-after", Warning, "Retry-After on 429/503: missing, malformed, or in words", []string{"RFC 9110 §10.2.3", "RFC 9110 §15.6.4", "RFC 6585 §4"}},

		// CORS (the Fetch Standard, cited by anchor: it is a living standard).
		{"cors-no-origin", Info, "CORS fields on a request without Origin", []string{fetchCORSProtocol}},
		{"cors-origin", Error, "Access-Control-Allow-Origin missing, repeated or mismatched", []string{fetchCORSCheck}},
		{"cors-credentials-wildcard", Error, "Access-Control-Allow-Origin: * with credentials", []string{fetchCORSCheck, fetchPreflightAuth}},
		{"cors-credentials", Error, "Credentials without Access-Control-Allow-Credentials: true", []string{fetchCORSCheck, fetchPreflightAuth}},
		{"cors-preflight-status", Error, "Preflight answered with a non-2xx status", []string{fetchPreflight}},
		{"cors-preflight-method", Error, "Method not allowed by the preflight", []string{fetchPreflight}},
		{"cors-preflight-headers", Error, "Request headers not allowed by the preflight", []string{fetchPreflight}},
		{"cors-max-age", Info, "How long the preflight is cached", []string{fetchPreflightMax}},
		{"cors-vary-origin", Warning, "Per-origin answer without Vary: Origin", []string{fetchCORSCaches, "RFC 9110 §12.5.5"}},
		{"cors-verdict", Info, "CORS: allowed or blocked, and what a script sees", []string{fetchCORSCheck, fetchExposed}},

		// Cookies.
		{"cookie", Info, "Cookie: scope, lifetime and flags", []string{"RFC 6265 §5.3", "RFC 6265 §5.4", "RFC 6265bis §5.6.7"}},
		{"cookie-rejected", Warning, "Set-Cookie a browser ignores", []string{"RFC 6265 §5.2", "RFC 6265 §5.3", "RFC 6265bis §4.1.3", "RFC 6265bis §5.6.7"}},

		// Redirects.
		{"redirect-cache", Info, "Whether a redirect is cached", []string{"RFC 9111 §4.2.2", "RFC 9110 §15.1"}},
		{"redirect-loop", Error, "Redirect to the URI just requested", []string{"RFC 9110 §15.4"}},
		{"redirect-chain-loop", Error, "Redirect chain that comes back to a URI it visited", []string{"RFC 9110 §15.4"}},
		{"redirect-relative", Info, "Relative Location and where it leads", []string{"RFC 9110 §10.2.2", "RFC 3986 §5"}},

		// Ranges.
		{"range-if-range-weak", Error, "If-Range with a weak entity tag", []string{"RFC 9110 §13.1.5"}},
		{"range-unsatisfiable", Warning, "416 without Content-Range: bytes */length", []string{"RFC 9110 §15.5.17", "RFC 9110 §14.4"}},
		{"range-ignored", Info, "Server ignores Range, or If-Range did not match", []string{"RFC 9110 §14.2", "RFC 9110 §15.3.1", "RFC 9110 §13.1.5"}},
		{"range-partial", Info, "A 206 whose Content-Range agrees with its bytes", []string{"RFC 9110 §14.4", "RFC 9110 §15.3.7.1"}},
		{"accept-ranges", Info, "Accept-Ranges", []string{"RFC 9110 §14.3"}},
		{"range-multipart", Error, "Malformed multipart/byteranges 206", []string{"RFC 9110 §14.6", "RFC 9110 §15.3.7.2"}},
		{"range-content-range", Error, "Malformed Content-Range on a 206", []string{"RFC 9110 §14.4", "RFC 9110 §15.3.7.1"}},
		{"range-length", Error, "Content-Range disagrees with the bytes", []string{"RFC 9110 §14.4", "RFC 9110 §15.3.7.1"}},
		{"range-mismatch", Error, "206 for bytes the request did not ask for", []string{"RFC 9110 §14.2", "RFC 9110 §15.3.7"}},

		// Security fields, briefly.
		{"hsts", Info, "Strict-Transport-Security", []string{"RFC 6797 §6.1", "RFC 6797 §8.1"}},
		{"nosniff", Info, "X-Content-Type-Options", []string{"Fetch Standard §3.5"}},
		{"csp", Info, "Content-Security-Policy", []string{"W3C CSP Level 3 §3.1", "W3C CSP Level 3 §3.2"}},
		{"framing", Info, "X-Frame-Options", []string{"RFC 7034 §2"}},
		{"referrer-policy", Info, "Referrer-Policy", []string{"W3C Referrer Policy §4.1"}},
		{"security-missing", Info, "HTML page without the usual browser defences", []string{"Fetch Standard §3.5", "W3C CSP Level 3 §3.1", "RFC 7034 §2"}},

		// Content negotiation.
		{"vary-not-sent", Info, "Vary on a field the request did not send", []string{"RFC 9110 §12.5.5", "RFC 9111 §4.1"}},
		{"vary-missing", Info, "Negotiated, by the look of it, on a field Vary does not list", []string{"RFC 9110 §12.5.5", "RFC 9110 §12.5"}},
	}
}
