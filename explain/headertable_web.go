package explain

// webHeaderSpecs are the response fields of cookies (RFC 6265), CORS and the other
// browser-facing security and performance fields.
func webHeaderSpecs() []headerSpec {
	return []headerSpec{
		{"Set-Cookie", "Asks the client to store a cookie and send it back in later requests to matching URLs.",
			[]string{"RFC 6265 §4.1", "RFC 6265 §5.2"}, noteSetCookie},

		// CORS (Fetch Standard): what a browser lets a page on another origin read.
		{"Access-Control-Allow-Origin", "Which origin's pages may read this response in a browser: one origin, * (any) or null.",
			[]string{"Fetch Standard §3.2.3"}, noteAllowOrigin},
		{"Access-Control-Allow-Credentials", "Whether a cross-origin page may read the response when the request carried cookies or credentials.",
			[]string{"Fetch Standard §3.2.3"}, noteAllowCredentials},
		{"Access-Control-Allow-Methods", "In a preflight answer: the methods a cross-origin page may use.",
			[]string{"Fetch Standard §3.2.3"}, func(n *HeaderNote, c noteContext) { listLines(n, c, "method: ") }},
		{"Access-Control-Allow-Headers", "In a preflight answer: the request headers a cross-origin page may send.",
			[]string{"Fetch Standard §3.2.3"}, func(n *HeaderNote, c noteContext) { listLines(n, c, "header: ") }},
		{"Access-Control-Expose-Headers", "Response headers, beyond the safelisted ones, that a cross-origin page may read.",
			[]string{"Fetch Standard §3.2.3"}, func(n *HeaderNote, c noteContext) { listLines(n, c, "exposed: ") }},
		{"Access-Control-Max-Age", "How many seconds a browser may cache this preflight answer.",
			[]string{"Fetch Standard §3.2.3"}, noteMaxAge},
		{"Timing-Allow-Origin", "Which origins may read the detailed timing of this response (Resource Timing).",
			[]string{"W3C Resource Timing §4.5"}, func(n *HeaderNote, c noteContext) { listLines(n, c, "origin: ") }},

		// Transport and content security.
		{"Strict-Transport-Security", "HSTS: the browser must use only HTTPS for this host for max-age seconds.",
			[]string{"RFC 6797 §6.1"}, noteHSTS},
		{"Content-Security-Policy", "Which sources of scripts, styles, images, frames... the page may load; the main defence against XSS.",
			[]string{"W3C CSP Level 3 §3.1"}, noteCSP},
		{"Content-Security-Policy-Report-Only", "A Content-Security-Policy that is only reported, not enforced.",
			[]string{"W3C CSP Level 3 §3.2"}, noteCSP},
		{"X-Content-Type-Options", "nosniff: the browser must trust Content-Type and not guess the type from the bytes.",
			[]string{"Fetch Standard §3.5"}, noteNoSniff},
		{"X-Frame-Options", "Whether other sites may show this page in a frame (clickjacking defence); CSP frame-ancestors replaces it.",
			[]string{"RFC 7034 §2"}, noteFrameOptions},
		{"X-XSS-Protection", "Switched an old browser XSS filter; modern browsers ignore it.",
			[]string{"Fetch Standard"}, func(n *HeaderNote, _ noteContext) {
				n.Warnings = append(n.Warnings, "X-XSS-Protection is obsolete; use Content-Security-Policy instead.")
			}},
		{"Referrer-Policy", "How much of this page's URL the browser sends as Referer when leaving it.",
			[]string{"W3C Referrer Policy §4.1"}, noteReferrerPolicy},
		{"Permissions-Policy", "Which browser features (camera, geolocation...) the page and its frames may use.",
			[]string{"W3C Permissions Policy §5.2"}, func(n *HeaderNote, c noteContext) { listLines(n, c, "") }},
		{"Cross-Origin-Opener-Policy", "Whether the page shares its browsing context group with cross-origin windows it opens.",
			[]string{"HTML Standard §7.1.3"}, nil},
		{"Cross-Origin-Embedder-Policy", "Whether the page may load cross-origin resources that did not opt in (CORP or CORS).",
			[]string{"HTML Standard §7.1.4"}, nil},
		{"Cross-Origin-Resource-Policy", "Which origins may embed this resource (same-site, same-origin, cross-origin).",
			[]string{"Fetch Standard §3.7"}, nil},
		{"Clear-Site-Data", "Asks the browser to delete this site's cookies, storage and/or cache.",
			[]string{"W3C Clear Site Data §3.1"}, func(n *HeaderNote, c noteContext) { listLines(n, c, "clear: ") }},
		{"Accept-CH", "The client hints the server would like in later requests.",
			[]string{"RFC 8942 §3.1"}, func(n *HeaderNote, c noteContext) { listLines(n, c, "hint: ") }},

		// Performance.
		{"Server-Timing", "Metrics from the server about how it produced the response (e.g. db;dur=53).",
			[]string{"W3C Server Timing §3"}, noteServerTiming},
	}
}

// requestHeaderSpecs are request fields; found in a response, they mean nothing.
func requestHeaderSpecs() []headerSpec {
	spec := func(name, meaning, ref string) headerSpec {
		return headerSpec{name, meaning, []string{ref}, requestOnly}
	}
	return []headerSpec{
		spec("Accept", "A request field: the media types the client prefers.", "RFC 9110 §12.5.1"),
		spec("Accept-Charset", "A request field: the charsets the client prefers.", "RFC 9110 §12.5.2"),
		spec("Accept-Encoding", "A request field: the content codings the client can decode.", "RFC 9110 §12.5.3"),
		spec("Accept-Language", "A request field: the languages the client prefers.", "RFC 9110 §12.5.4"),
		spec("Authorization", "A request field: the client's credentials.", "RFC 9110 §11.6.2"),
		spec("Cookie", "A request field: the cookies the client sends back.", "RFC 6265 §4.2"),
		spec("Expect", "A request field: expectations such as 100-continue.", "RFC 9110 §10.1.1"),
		spec("From", "A request field: the e-mail address of the user.", "RFC 9110 §10.1.2"),
		spec("Host", "A request field: the host and port of the target URI.", "RFC 9110 §7.2"),
		spec("If-Match", "A request field: act only if the current ETag matches.", "RFC 9110 §13.1.1"),
		spec("If-None-Match", "A request field: act only if no current ETag matches.", "RFC 9110 §13.1.2"),
		spec("If-Modified-Since", "A request field: send it only if modified since that date.", "RFC 9110 §13.1.3"),
		spec("If-Unmodified-Since", "A request field: act only if not modified since that date.", "RFC 9110 §13.1.4"),
		spec("If-Range", "A request field: send the range only if the representation is unchanged.", "RFC 9110 §13.1.5"),
		spec("Max-Forwards", "A request field: how many more proxies a TRACE or OPTIONS may pass.", "RFC 9110 §7.6.2"),
		spec("Origin", "A request field: the origin of the page that made a cross-origin request.", "RFC 6454 §7"),
		spec("Proxy-Authorization", "A request field: credentials for the proxy.", "RFC 9110 §11.7.2"),
		spec("Range", "A request field: the part of the representation wanted.", "RFC 9110 §14.2"),
		spec("Referer", "A request field: the page the request came from.", "RFC 9110 §10.1.3"),
		spec("TE", "A request field: the transfer codings the client accepts.", "RFC 9110 §10.1.4"),
		spec("User-Agent", "A request field: the client software.", "RFC 9110 §10.1.5"),
	}
}
