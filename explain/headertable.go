package explain

// coreHeaderSpecs are the response fields of HTTP itself: RFC 9110 (semantics),
// RFC 9111 (caching) and RFC 9112 (HTTP/1.1 framing), and fields that extend them.
func coreHeaderSpecs() []headerSpec {
	return append(contentHeaderSpecs(), controlHeaderSpecs()...)
}

// contentHeaderSpecs are the fields about the content, its validators and caching.
func contentHeaderSpecs() []headerSpec {
	return []headerSpec{
		// Representation metadata and content.
		{"Content-Type", "The media type of the content, with parameters such as charset.",
			[]string{"RFC 9110 §8.3"}, noteContentType},
		{"Content-Encoding", "Codings applied to the content (e.g. gzip); the client undoes them in reverse order.",
			[]string{"RFC 9110 §8.4"}, noteContentEncoding},
		{"Content-Language", "The natural language(s) of the intended audience of the content.",
			[]string{"RFC 9110 §8.5"}, func(n *HeaderNote, c noteContext) { listLines(n, c, "language: ") }},
		{"Content-Length", "The length of the content in bytes; in HTTP/1.1 it also marks where the body ends.",
			[]string{"RFC 9110 §8.6", "RFC 9112 §6.3"}, noteContentLength},
		{"Content-Location", "A URI that identifies the specific representation in this response.",
			[]string{"RFC 9110 §8.7"}, noteContentLocation},
		{"Content-Range", "Which part of the whole representation a 206 carries, or the full length in a 416.",
			[]string{"RFC 9110 §14.4"}, noteContentRange},
		{"Content-Disposition", "Whether to show the content inline or save it as a file, and under which name.",
			[]string{"RFC 6266 §4"}, nil},
		{"Content-Digest", "A digest of the content as sent, to detect corruption.",
			[]string{"RFC 9530 §2"}, func(n *HeaderNote, c noteContext) { listLines(n, c, "digest: ") }},
		{"Repr-Digest", "A digest of the selected representation (before content codings and ranges).",
			[]string{"RFC 9530 §3"}, func(n *HeaderNote, c noteContext) { listLines(n, c, "digest: ") }},

		// Validators and dates.
		{"ETag", "The entity tag of the selected representation: an opaque validator for conditional requests.",
			[]string{"RFC 9110 §8.8.3"}, noteETag},
		{"Last-Modified", "When the origin believes the representation last changed; a validator for If-Modified-Since.",
			[]string{"RFC 9110 §8.8.2"}, noteLastModified},
		{"Date", "When the origin generated the response; caches compute ages from it.",
			[]string{"RFC 9110 §6.6.1"}, noteDate},

		// Caching.
		{"Cache-Control", "Directives that tell caches whether they may store the response and for how long.",
			[]string{"RFC 9111 §5.2", "RFC 9111 §5.2.2"}, noteCacheControl},
		{"Expires", "The time after which the response is stale, unless max-age or s-maxage says otherwise.",
			[]string{"RFC 9111 §5.3"}, noteExpires},
		{"Age", "Seconds since the response was generated or validated at the origin; its presence means a cache served it.",
			[]string{"RFC 9111 §5.1"}, noteAge},
		{"Vary", "The request fields that chose this representation; a cache may reuse it only for requests that match on them.",
			[]string{"RFC 9110 §12.5.5", "RFC 9111 §4.1"}, noteVary},
		{"Pragma", "An HTTP/1.0 field; Pragma: no-cache was only ever defined for requests.",
			[]string{"RFC 9111 §5.4"}, notePragma},
		{"Warning", "Obsolete: extra information about the status of a cached response.",
			[]string{"RFC 9111 §5.5"}, func(n *HeaderNote, _ noteContext) {
				n.Warnings = append(n.Warnings, "Warning is obsolete; caches no longer send or act on it.")
			}},
		{"Cache-Status", "How each cache on the path handled the request: hit, forwarded and why, stored, TTL left.",
			[]string{"RFC 9211 §2"}, noteCacheStatus},
		{"CDN-Cache-Control", "Cache-Control for CDN caches only; other caches ignore it.",
			[]string{"RFC 9213 §2"}, noteCacheControl},
	}
}

// controlHeaderSpecs are the fields about redirection, authentication and the
// connection.
func controlHeaderSpecs() []headerSpec {
	return []headerSpec{
		// Routing, redirection and control.
		{"Location", "The URI the client should go to: the redirect target (3xx) or the resource a 201 created.",
			[]string{"RFC 9110 §10.2.2"}, noteLocation},
		{"Allow", "The methods the target resource supports; a 405 must send it.",
			[]string{"RFC 9110 §10.2.1"}, noteAllow},
		{"Retry-After", "How long to wait before the next request: with 503 or 429, until the service is back; with a 3xx, before following.",
			[]string{"RFC 9110 §10.2.3", "RFC 6585 §4"}, noteRetryAfter},
		{"Accept-Ranges", "Whether the server supports range requests for this resource, and in which unit.",
			[]string{"RFC 9110 §14.3"}, noteAcceptRanges},
		{"Accept-Patch", "The media types the resource accepts in a PATCH.",
			[]string{"RFC 5789 §3.1"}, func(n *HeaderNote, c noteContext) { listLines(n, c, "accepts: ") }},
		{"Server", "The software the origin server runs; informational, and a hint for attackers when too detailed.",
			[]string{"RFC 9110 §10.2.4"}, nil},
		{"Preference-Applied", "Which of the client's Prefer preferences the server honoured.",
			[]string{"RFC 7240 §3"}, func(n *HeaderNote, c noteContext) { listLines(n, c, "applied: ") }},

		// Authentication.
		{"WWW-Authenticate", "The authentication schemes the client may use to access the resource (with 401).",
			[]string{"RFC 9110 §11.6.1"}, noteChallenge},
		{"Proxy-Authenticate", "The authentication schemes the proxy demands (with 407).",
			[]string{"RFC 9110 §11.7.1"}, noteChallenge},
		{"Authentication-Info", "Information about a successful authentication, such as the next nonce.",
			[]string{"RFC 9110 §11.6.3"}, nil},
		{"Proxy-Authentication-Info", "Like Authentication-Info, for the proxy's authentication.",
			[]string{"RFC 9110 §11.7.3"}, nil},

		// Connection management and framing.
		{"Connection", "Options for this connection only (close, keep-alive) and fields that must not be forwarded.",
			[]string{"RFC 9110 §7.6.1"}, func(n *HeaderNote, c noteContext) { listLines(n, c, "option: ") }},
		{"Keep-Alive", "HTTP/1.0 keep-alive parameters (timeout, max); HTTP/1.1 keeps connections open by default.",
			[]string{"RFC 9112 §9.3", "RFC 2068 §19.7.1"}, func(n *HeaderNote, c noteContext) { listLines(n, c, "") }},
		{"Transfer-Encoding", "Codings applied to the message for transfer (chunked); the body length comes from it.",
			[]string{"RFC 9112 §6.1"}, noteTransferEncoding},
		{"Trailer", "The fields the sender will put in the trailer section, after a chunked body.",
			[]string{"RFC 9110 §6.6.2"}, func(n *HeaderNote, c noteContext) { listLines(n, c, "trailer field: ") }},
		{"Upgrade", "The protocols the server offers or is switching to (with 101 or 426).",
			[]string{"RFC 9110 §7.8"}, func(n *HeaderNote, c noteContext) { listLines(n, c, "protocol: ") }},
		{"Via", "The intermediaries (proxies, gateways, CDNs) the response passed through.",
			[]string{"RFC 9110 §7.6.3"}, func(n *HeaderNote, c noteContext) { listLines(n, c, "hop: ") }},
		{"Alt-Svc", "Other places (protocol, host, port) where the same origin can be reached, e.g. HTTP/3.",
			[]string{"RFC 7838 §3"}, noteAltSvc},
		{"Proxy-Status", "How each proxy handled the response, and the error it met if any.",
			[]string{"RFC 9209 §2"}, func(n *HeaderNote, c noteContext) { listLines(n, c, "proxy: ") }},
		{"Priority", "The priority the server assigned to the response (urgency, incremental).",
			[]string{"RFC 9218 §5"}, nil},
		{"Link", "Typed links to other resources (next page, preload, canonical...), each a URI with a rel.",
			[]string{"RFC 8288 §3"}, noteLink},
		{"Sunset", "When the resource is expected to stop responding.",
			[]string{"RFC 8594 §3"}, noteSunset},
		{"Deprecation", "That the resource is deprecated, and since when.",
			[]string{"RFC 9745 §2"}, nil},
	}
}
