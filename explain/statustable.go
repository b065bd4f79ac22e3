package explain

// statusEntry is one registered status code: its reason phrase, what it means in a
// sentence or two, and where it is defined.
type statusEntry struct {
	code    int
	reason  string
	meaning string
	ref     string
}

// registeredStatus looks a code up in the IANA HTTP Status Code Registry.
func registeredStatus(code int) (statusEntry, bool) {
	for _, e := range statusTable {
		if e.code == code {
			return e, true
		}
	}
	return statusEntry{}, false
}

// statusTable is read-only: the codes of the IANA registry with the RFC that defines
// each one (RFC 9110 unless noted).
var statusTable = [...]statusEntry{
	{100, "Continue", "The server has received the request head and the client may send the content it announced with Expect: 100-continue.", "RFC 9110 §15.2.1"},
	{101, "Switching Protocols", "The server switches the connection to the protocol named in Upgrade.", "RFC 9110 §15.2.2"},
	{102, "Processing", "A WebDAV interim response: the server is still working on the request. Deprecated.", "RFC 2518 §10.1"},
	{103, "Early Hints", "An interim response carrying Link fields the client may act on (preload) before the final response.", "RFC 8297 §2"},

	{200, "OK", "The request succeeded; the content depends on the method (the representation for GET, the result of the action for POST).", "RFC 9110 §15.3.1"},
	{201, "Created", "The request created one or more resources; Location names the main one (or the target URI if there is none).", "RFC 9110 §15.3.2"},
	{202, "Accepted", "The request was accepted for processing but is not done yet, and may never be; nothing says how it ends.", "RFC 9110 §15.3.3"},
	{203, "Non-Authoritative Information", "Success, but a transforming proxy changed the origin's 200 content.", "RFC 9110 §15.3.4"},
	{204, "No Content", "Success, and there is no content to send; the header fields describe the target resource after the action.", "RFC 9110 §15.3.5"},
	{205, "Reset Content", "Success; the client should reset the document view (clear the form) it sent from. It has no content.", "RFC 9110 §15.3.6"},
	{206, "Partial Content", "Only the ranges the request asked for with Range are sent, described by Content-Range.", "RFC 9110 §15.3.7"},
	{207, "Multi-Status", "A WebDAV response whose XML body holds one status per resource.", "RFC 4918 §11.1"},
	{208, "Already Reported", "WebDAV: members of this binding were already listed earlier in the Multi-Status response.", "RFC 5842 §7.1"},
	{226, "IM Used", "The server applied the instance manipulations the request asked for (delta encoding).", "RFC 3229 §10.4.1"},

	{300, "Multiple Choices", "The target has several representations; the client (or user) should pick one.", "RFC 9110 §15.4.1"},
	{301, "Moved Permanently", "The target has moved for good to the URI in Location; update links and bookmarks.", "RFC 9110 §15.4.2"},
	{302, "Found", "The target is temporarily at the URI in Location; keep using the original URI.", "RFC 9110 §15.4.3"},
	{303, "See Other", "The answer is at another URI, in Location: fetch it with GET.", "RFC 9110 §15.4.4"},
	{304, "Not Modified", "A conditional GET or HEAD found the condition false: the client's stored copy is still current.", "RFC 9110 §15.4.5"},
	{305, "Use Proxy", "Deprecated; it once told the client to use a proxy.", "RFC 9110 §15.4.6"},
	{306, "(Unused)", "Reserved: once defined, no longer used.", "RFC 9110 §15.4.7"},
	{307, "Temporary Redirect", "The target is temporarily at the URI in Location; repeat the same method and content there.", "RFC 9110 §15.4.8"},
	{308, "Permanent Redirect", "The target has moved for good; repeat the same method and content at the URI in Location.", "RFC 9110 §15.4.9"},

	{400, "Bad Request", "The server will not process the request because of something it sees as a client error (malformed syntax, invalid content).", "RFC 9110 §15.5.1"},
	{401, "Unauthorized", "The request lacks valid credentials; WWW-Authenticate says how to authenticate.", "RFC 9110 §15.5.2"},
	{402, "Payment Required", "Reserved for future use.", "RFC 9110 §15.5.3"},
	{403, "Forbidden", "The server understood the request and refuses it; other credentials may not help.", "RFC 9110 §15.5.4"},
	{404, "Not Found", "The server has no current representation for the target, or will not say that it has one.", "RFC 9110 §15.5.5"},
	{405, "Method Not Allowed", "The target exists but does not support this method; Allow lists the ones it does.", "RFC 9110 §15.5.6"},
	{406, "Not Acceptable", "No representation matches the request's Accept, Accept-Language or Accept-Encoding.", "RFC 9110 §15.5.7"},
	{407, "Proxy Authentication Required", "Like 401, but the client must first authenticate with the proxy (Proxy-Authenticate).", "RFC 9110 §15.5.8"},
	{408, "Request Timeout", "The server did not receive a complete request in time and is closing the connection.", "RFC 9110 §15.5.9"},
	{409, "Conflict", "The request conflicts with the current state of the target, for example a PUT of a stale version.", "RFC 9110 §15.5.10"},
	{410, "Gone", "The target is gone for good and the server knows no new address.", "RFC 9110 §15.5.11"},
	{411, "Length Required", "The server refuses a request without Content-Length.", "RFC 9110 §15.5.12"},
	{412, "Precondition Failed", "A precondition in the request (If-Match, If-Unmodified-Since, If-None-Match) was false, so the method was not applied.", "RFC 9110 §15.5.13"},
	{413, "Content Too Large", "The request content is larger than the server will process.", "RFC 9110 §15.5.14"},
	{414, "URI Too Long", "The target URI is longer than the server will interpret.", "RFC 9110 §15.5.15"},
	{415, "Unsupported Media Type", "The content's media type or coding is not supported for this method on this target.", "RFC 9110 §15.5.16"},
	{416, "Range Not Satisfiable", "None of the ranges in the request's Range overlap the representation.", "RFC 9110 §15.5.17"},
	{417, "Expectation Failed", "The request's Expect could not be met.", "RFC 9110 §15.5.18"},
	{418, "(Unused)", "Reserved: the HTCPCP joke code, never registered for HTTP.", "RFC 9110 §15.5.19"},
	{421, "Misdirected Request", "The request reached a server that cannot answer for this scheme and authority (e.g. a reused TLS connection).", "RFC 9110 §15.5.20"},
	{422, "Unprocessable Content", "The content is well-formed and of a supported type, but its instructions cannot be followed (e.g. validation errors).", "RFC 9110 §15.5.21"},
	{423, "Locked", "WebDAV: the resource is locked.", "RFC 4918 §11.3"},
	{424, "Failed Dependency", "WebDAV: the method failed because an action it depended on failed.", "RFC 4918 §11.4"},
	{425, "Too Early", "The server will not risk processing a request that might be replayed (TLS early data).", "RFC 8470 §5.2"},
	{426, "Upgrade Required", "The server refuses the current protocol; Upgrade names the one to switch to.", "RFC 9110 §15.5.22"},
	{428, "Precondition Required", "The server requires a conditional request (usually If-Match) to protect against lost updates.", "RFC 6585 §3"},
	{429, "Too Many Requests", "Rate limited; Retry-After may say how long to wait.", "RFC 6585 §4"},
	{431, "Request Header Fields Too Large", "The header section, or one field, is too large.", "RFC 6585 §5"},
	{451, "Unavailable For Legal Reasons", "Access is denied because of a legal demand.", "RFC 7725 §3"},

	{500, "Internal Server Error", "The server hit an unexpected condition.", "RFC 9110 §15.6.1"},
	{501, "Not Implemented", "The server does not support the functionality needed (e.g. an unknown method).", "RFC 9110 §15.6.2"},
	{502, "Bad Gateway", "A gateway or proxy got an invalid response from the server behind it.", "RFC 9110 §15.6.3"},
	{503, "Service Unavailable", "Temporarily overloaded or down for maintenance; Retry-After may say when to retry.", "RFC 9110 §15.6.4"},
	{504, "Gateway Timeout", "A gateway or proxy did not get a timely response from the server behind it.", "RFC 9110 §15.6.5"},
	{505, "HTTP Version Not Supported", "The server refuses the major HTTP version of the request.", "RFC 9110 §15.6.6"},
	{506, "Variant Also Negotiates", "Transparent content negotiation is misconfigured on the server.", "RFC 2295 §8.1"},
	{507, "Insufficient Storage", "WebDAV: the server cannot store what the request needs.", "RFC 4918 §11.5"},
	{508, "Loop Detected", "WebDAV: the server found an infinite loop (Depth: infinity).", "RFC 5842 §7.2"},
	{510, "Not Extended", "The request did not meet the server's extension policy (historic).", "RFC 2774 §7"},
	{511, "Network Authentication Required", "A captive portal wants the client to log in to the network first.", "RFC 6585 §6"},
}

// statusClassName names the class of a code (RFC 9110 §15).
func statusClassName(code int) string {
	switch code / 100 {
	case 1:
		return "informational"
	case 2:
		return "successful"
	case 3:
		return "redirection"
	case 4:
		return "client error"
	case 5:
		return "server error"
	}
	return "invalid"
}
