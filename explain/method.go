package explain

import "strings"

// methodSafetyFinding says whether the method is safe and idempotent
// (RFC 9110 §9.2.1, §9.2.2) and what that means for retrying it.
func methodSafetyFinding(method string) (Finding, bool) {
	refs := []string{"RFC 9110 §9.2.1", "RFC 9110 §9.2.2"}
	switch method {
	case "":
		return Finding{}, false
	case "GET", "HEAD", "OPTIONS", "TRACE":
		// Title and detail made in one string and cut apart: one allocation, not two.
		both := method + " is safe and idempotent" +
			method + " only reads: it asks for no change on the server, so clients, crawlers and caches may send it freely and retry it after a lost response."
		cut := len(method) + len(" is safe and idempotent")
		f := newFinding("method-safety", Info, both[:cut], both[cut:], refs...)
		f.Obvious = true
		return f, true
	case "PUT", "DELETE":
		return newFinding("method-safety", Info, method+" is idempotent but not safe",
			method+" changes the resource, but sending it twice has the same effect as once, so a client may retry it after a lost response. Guard it with If-Match against overwriting someone else's change.",
			refs...), true
	case "POST", "PATCH", "CONNECT":
		return newFinding("method-safety", Info, method+" is neither safe nor idempotent",
			"Each "+method+" may act again: a client must not retry it automatically after a lost response, since that could create or apply something twice.",
			append(refs, "RFC 9110 §9.3.3")...), true
	}
	if strings.ToUpper(method) != method {
		return newFinding("method-safety", Info, method+" is an unknown method (methods are case-sensitive)",
			"Method names are case-sensitive: "+method+" is not "+strings.ToUpper(method)+". An unknown method is treated as neither safe nor idempotent.",
			refs...), true
	}
	return newFinding("method-safety", Info, method+" is not a standard method",
		"An unknown method is treated as neither safe nor idempotent: it is not retried automatically and it invalidates cached responses.",
		refs...), true
}
