package explain

import (
	"fmt"
	"strings"
)

// methodOf is the request method, or "" when the request is unknown.
func methodOf(x Exchange) string {
	if x.Request == nil {
		return ""
	}
	return x.Request.Method
}

// requestFields is the request's header section, nil when the request is unknown.
func requestFields(x Exchange) []Field {
	if x.Request == nil {
		return nil
	}
	return x.Request.Fields
}

// fieldsKnown reports whether the request's header section is known, so that the
// absence of a field means something.
func fieldsKnown(x Exchange) bool {
	return x.Request != nil && !x.Request.FieldsUnknown
}

// statusMeaning says what the response's status code means, and what it means for
// the method that produced it when the method is known.
func statusMeaning(resp Response, method string) Status {
	code := resp.Status
	st := Status{Code: code, Class: statusClassName(code)}
	if code == 0 {
		st.Class, st.Meaning = "unknown", "The status code is not known."
		return st
	}
	if code < 100 || code > 599 {
		st.Meaning = fmt.Sprintf("%d is not a valid status code: they are three digits from 100 to 599.", code)
		st.Refs = []string{"RFC 9110 §15"}
		return st
	}
	e, ok := registeredStatus(code)
	if !ok {
		// RFC 9110 §15: a client that does not know a code treats it as the x00 code
		// of its class.
		base, _ := registeredStatus(code / 100 * 100)
		st.Meaning = fmt.Sprintf("%d is not registered; a client must treat it as %d %s. %s",
			code, base.code, base.reason, base.meaning)
		st.Refs = []string{"RFC 9110 §15", base.ref}
		return st
	}
	st.Meaning = e.meaning
	st.Refs = []string{e.ref}
	switch code {
	case 204:
		// RFC 9112 §6.3: a 204 has no content, so the message ends with its header section.
		st.Meaning += " The message ends at the blank line after the header fields: no body follows, whatever Content-Length might say, so there is nothing to show under Pretty."
		st.Refs = append(st.Refs, "RFC 9112 §6.3")
	case 304:
		st.Meaning += " It is in the 3xx class but it is not a redirect: there is no Location to follow; it points you to the copy you already hold. Like a 204 it ends at the blank line after the header fields."
		st.Refs = append(st.Refs, "RFC 9112 §6.3")
	}
	if extra, ref := methodMeaning(resp, method); extra != "" {
		st.Meaning += " " + extra
		st.Refs = append(st.Refs, ref)
	}
	return st
}

// methodMeaning is the sentence that says what this status means for this method,
// with the section it comes from; "" when there is nothing specific to add.
func methodMeaning(resp Response, method string) (string, string) {
	code := resp.Status
	_, tagged := first(resp.Fields, "ETag")
	switch method {
	case "PUT":
		// RFC 9110 §9.3.4: 201 when the PUT created the resource, 200 or 204 when it
		// replaced an existing one.
		switch {
		case code == 201:
			return "For PUT: the resource did not exist and your PUT created it at the URL you sent it to.", "RFC 9110 §9.3.4"
		case code == 204 && tagged:
			return "For PUT: saved, and this is the new entity tag; keep editing where you are and send it in If-Match next time.", "RFC 9110 §9.3.4"
		case code == 200 || code == 204:
			return "For PUT: an existing resource was replaced by the representation you sent.", "RFC 9110 §9.3.4"
		case code == 409 || code == 415:
			return "For PUT: the representation you sent does not fit the resource; nothing was stored.", "RFC 9110 §9.3.4"
		}
	case "DELETE":
		// RFC 9110 §9.3.5: a successful DELETE is answered 202, 204 or 200.
		const three = " A DELETE that succeeds is answered one of three ways: 200 (done, the content describes the result), 202 (accepted, not done yet) or 204 (done, nothing to add)."
		switch code {
		case 200:
			return "For DELETE: done; the content describes the result." + three, "RFC 9110 §9.3.5"
		case 202:
			return "For DELETE: accepted but not done yet; poll the status monitor the content points to." + three, "RFC 9110 §9.3.5"
		case 204:
			return "For DELETE: done, and there is nothing more to say." + three + " Send it again and the answer is 404: nothing is left to delete.", "RFC 9110 §9.3.5"
		case 404, 410:
			return "For DELETE: there was nothing to delete. A repeated DELETE ends here, and DELETE is still idempotent: idempotent means the same effect on the server (the resource is gone), not the same answer.", "RFC 9110 §9.2.2"
		}
	case "POST":
		switch code {
		case 200:
			return "For POST: processed; the content is the result of the action.", "RFC 9110 §9.3.3"
		case 201:
			return "For POST: a new resource was created; Location says where.", "RFC 9110 §9.3.3"
		case 204:
			return "For POST: processed, nothing to send back; stay where you are.", "RFC 9110 §15.3.5"
		case 303:
			return "For POST: the result is at Location; fetch it with GET (the classic POST/redirect/GET).", "RFC 9110 §9.3.3"
		}
	case "HEAD":
		if code == 200 {
			return "For HEAD: the header fields a GET would have sent, without the content.", "RFC 9110 §9.3.2"
		}
	}
	if code == 204 && method != "" && method != "GET" && method != "HEAD" {
		return "Saved; stay where you are: a user agent does not leave the current view after a 204.", "RFC 9110 §15.3.5"
	}
	return "", ""
}

// statusFindings checks the code itself and the fields its definition requires.
func statusFindings(x Exchange) []Finding {
	resp := x.Response
	code := resp.Status
	var out []Finding
	switch {
	case code == 0:
		return nil // unknown, not invalid: nothing to say about it
	case code < 100 || code > 599:
		out = append(out, newFinding("status-invalid", Error,
			fmt.Sprintf("%d is not a valid status code", code),
			"Status codes are three digits from 100 to 599. A client cannot know what this response means; treat it as a broken server.",
			"RFC 9110 §15"))
		return out
	case code == 305:
		out = append(out, newFinding("status-deprecated", Warning, "305 Use Proxy is deprecated",
			"Clients ignore it for security reasons: a response must not be able to reroute a client through a proxy.",
			"RFC 9110 §15.4.6"))
	case code == 306 || code == 418:
		out = append(out, newFinding("status-unused", Warning, fmt.Sprintf("%d is reserved and unused", code),
			fmt.Sprintf("%d has no meaning in HTTP; clients read it as %d. Use a code that says what happened.", code, code/100*100),
			map[int]string{306: "RFC 9110 §15.4.7", 418: "RFC 9110 §15.5.19"}[code]))
	default:
		if _, ok := registeredStatus(code); !ok {
			out = append(out, newFinding("status-unknown", Warning,
				fmt.Sprintf("%d is not a registered status code", code),
				fmt.Sprintf("A client that does not know a code treats it as the x00 of its class, here %d. Anything the server meant by %d is lost on generic clients.", code/100*100, code),
				"RFC 9110 §15", "RFC 9110 §15.1"))
		}
	}
	if code < 200 {
		out = append(out, newFinding("interim-status", Warning, "The last response is an interim (1xx) one",
			"A 1xx response only reports progress; the final response (2xx-5xx) follows it on the same connection. The final response is missing here.",
			"RFC 9110 §15.2"))
	}
	out = append(out, createdFindings(x)...)
	out = append(out, statusFieldFindings(x)...)
	out = append(out, notRequestedFindings(x)...)
	return out
}

// createdFindings covers 201 and 202, whose meaning depends on Location and on the
// content pointing somewhere.
func createdFindings(x Exchange) []Finding {
	method := methodOf(x)
	resp := x.Response
	switch resp.Status {
	case 201:
		var out []Finding
		if method == "GET" || method == "HEAD" {
			out = append(out, newFinding("created-safe-method", Warning, "201 Created in answer to "+method,
				method+" is a safe method: it must not create anything. A 201 here means the server has side effects on reads.",
				"RFC 9110 §9.2.1", "RFC 9110 §15.3.2"))
		}
		if has(resp.Fields, "Location") {
			return out
		}
		if method == "PUT" {
			return append(out, newFinding("created-no-location", Info, "201 Created without Location: the resource is the URL you PUT to",
				"Without Location the created resource is the target URI itself, which is exactly right for PUT.",
				"RFC 9110 §15.3.2"))
		}
		return append(out, newFinding("created-no-location", Warning, "201 Created without Location",
			"Without Location the created resource is taken to be the target URI, which is only right for PUT. After a POST the client cannot tell where the new resource lives; the server should send Location.",
			"RFC 9110 §15.3.2", "RFC 9110 §10.2.2"))
	case 202:
		where := "the content (a status monitor) should say where to poll for the outcome"
		if loc, ok := first(resp.Fields, "Location"); ok {
			where = "Location points to " + loc + ", typically a status monitor: GET it until it reports the outcome"
		} else if cl, ok := first(resp.Fields, "Content-Location"); ok {
			where = "Content-Location names " + cl + ", the status monitor to poll"
		}
		if ra, ok := first(resp.Fields, "Retry-After"); ok {
			where += "; Retry-After: " + ra + " says when to ask"
		}
		return []Finding{newFinding("accepted", Info, "202 Accepted: queued, not done",
			"The server accepted the request but has not acted on it, and it may still fail. HTTP has no way to report the result later, so "+where+".",
			"RFC 9110 §15.3.3")}
	}
	return nil
}

// isRedirect reports the redirections that are followed through Location.
func isRedirect(code int) bool {
	switch code {
	case 301, 302, 303, 307, 308:
		return true
	}
	return false
}

// statusFieldFindings checks the header fields certain codes need: Location for
// redirects, Allow for 405, a challenge for 401/407, no content for 205,
// Content-Range for 206.
func statusFieldFindings(x Exchange) []Finding {
	resp := x.Response
	method := methodOf(x)
	var out []Finding
	switch code := resp.Status; {
	case isRedirect(code):
		loc, ok := first(resp.Fields, "Location")
		if !ok {
			out = append(out, newFinding("redirect-no-location", Error, fmt.Sprintf("%d redirect without Location", code),
				"A client follows a redirect to the URI in Location. Without it there is nowhere to go: the response is shown as is and the redirect is lost.",
				"RFC 9110 §15.4", "RFC 9110 §10.2.2"))
			break
		}
		out = append(out, newFinding("redirect-method", Info, fmt.Sprintf("Follow %d to %s with %s", code, loc, redirectMethod(code, method)),
			strings.TrimSpace(redirectDetail(code)+" "+redirectBody(code, method)), "RFC 9110 §15.4"))
	case code == 405:
		out = append(out, allowFindings(resp, method)...)
	case code == 401 || code == 407:
		out = append(out, challengeFindings(resp)...)
	case code == 205 && bodyLen(resp) > 0:
		out = append(out, newFinding("reset-content-body", Error, "205 Reset Content with content",
			fmt.Sprintf("A server must not send content with 205; %d bytes followed the header section. A client may read them as the start of the next response.", bodyLen(resp)),
			"RFC 9110 §15.3.6"))
	case code == 206 && !has(resp.Fields, "Content-Range") && !isByteranges(resp):
		out = append(out, newFinding("partial-no-range", Error, "206 Partial Content without Content-Range",
			"A single-part 206 must say which bytes it carries in Content-Range (a multi-part one uses multipart/byteranges). Without it the client cannot place the bytes.",
			"RFC 9110 §15.3.7", "RFC 9110 §14.4"))
	}
	return out
}

// challengeFindings checks that a 401 or 407 says how to authenticate.
func challengeFindings(resp Response) []Finding {
	field := "WWW-Authenticate"
	if resp.Status == 407 {
		field = "Proxy-Authenticate"
	}
	if has(resp.Fields, field) {
		return nil
	}
	return []Finding{newFinding("auth-challenge-missing", Error, fmt.Sprintf("%d without %s", resp.Status, field),
		fmt.Sprintf("A %d must carry %s with at least one challenge; it is how the client learns which authentication scheme to use.", resp.Status, field),
		"RFC 9110 §15.5.2", "RFC 9110 §15.5.8", "RFC 9110 §11.6.1")}
}

// redirectMethod is the method a client uses to follow a redirect (RFC 9110 §15.4).
func redirectMethod(code int, method string) string {
	switch {
	case method == "":
		return "the method the request used (GET after a 303)"
	case code == 303 && method != "HEAD":
		return "GET"
	case (code == 301 || code == 302) && method == "POST":
		return "GET (most clients) or POST"
	}
	return method
}

func redirectDetail(code int) string {
	switch code {
	case 303:
		return "303 always sends the client to GET the other URI: the answer is there, it is not a move of the target."
	case 307, 308:
		return "307 and 308 keep the method and the content: a PUT is repeated as a PUT at the new URI."
	}
	return "For historical reasons a client may turn a POST into a GET when following 301 or 302; use 307 or 308 when the method must be kept."
}

// allowFindings checks a 405's Allow field (RFC 9110 §15.5.6: it MUST be sent).
func allowFindings(resp Response, method string) []Finding {
	if !has(resp.Fields, "Allow") {
		return []Finding{newFinding("method-not-allowed-allow", Error, "405 without Allow",
			"A 405 must carry Allow listing the methods the target supports (possibly empty), so the client knows what it can do instead.",
			"RFC 9110 §15.5.6", "RFC 9110 §10.2.1")}
	}
	allowed := values(resp.Fields, "Allow")
	for _, m := range allowed {
		if m == method && method != "" {
			return []Finding{newFinding("method-not-allowed-allow", Warning, "405 for "+method+", which Allow lists",
				"The server refuses "+method+" yet lists it in Allow ("+strings.Join(allowed, ", ")+"). One of the two is wrong; it is usually the Allow field built by hand.",
				"RFC 9110 §15.5.6", "RFC 9110 §10.2.1")}
		}
	}
	return nil
}

// notRequestedFindings flags codes that answer a request field the request did not
// have: 101 without Upgrade, 206 without Range, 406 without Accept-*, 416 without
// Range, 417 without Expect. Only when the request's fields are known.
func notRequestedFindings(x Exchange) []Finding {
	if !fieldsKnown(x) {
		return nil
	}
	req := x.Request.Fields
	var field, ref string
	switch x.Response.Status {
	case 101:
		field, ref = "Upgrade", "RFC 9110 §15.2.2"
	case 206, 416:
		field, ref = "Range", "RFC 9110 §15.3.7"
		if x.Response.Status == 416 {
			ref = "RFC 9110 §15.5.17"
		}
	case 417:
		field, ref = "Expect", "RFC 9110 §15.5.18"
	case 406:
		for _, f := range req {
			if strings.HasPrefix(strings.ToLower(f.Name), "accept") {
				return nil
			}
		}
		field, ref = "Accept", "RFC 9110 §15.5.7"
	default:
		return nil
	}
	if field != "Accept" && has(req, field) {
		return nil
	}
	return []Finding{newFinding("status-not-requested", Warning,
		fmt.Sprintf("%d although the request had no %s", x.Response.Status, field),
		fmt.Sprintf("%d answers the request's %s field, and this request did not send one. The server is misusing the code.", x.Response.Status, field),
		ref)}
}

// isByteranges reports a multipart/byteranges 206.
func isByteranges(resp Response) bool {
	ct, _ := first(resp.Fields, "Content-Type")
	return strings.HasPrefix(strings.ToLower(ct), "multipart/byteranges")
}

// bodyLen is the number of content bytes received.
func bodyLen(resp Response) int64 {
	if resp.BodyBytes > 0 {
		return resp.BodyBytes
	}
	return int64(len(resp.Body))
}
