package flight

import "fmt"

// AskBeforeResend is the question to ask before sending a request (method,
// named label) again, "" when it may simply be sent: one that is not
// idempotent (POST, PATCH, an unknown method) and already got a response in
// this session may repeat its effect, e.g. create a second item.
func AskBeforeResend(method, label string, idempotent, responded bool) string {
	if idempotent || !responded {
		return ""
	}
	return fmt.Sprintf("%s is not idempotent (RFC 9110 §9.2.2) and %s already got a response in this session: "+
		"sending it again may repeat its effect, such as creating a second resource. Send it again?",
		method, label)
}
