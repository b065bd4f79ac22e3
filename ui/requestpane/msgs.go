package requestpane

import "github.com/httplens/httplens/requests"

// ResolveWanted asks the root to resolve request Key for the resolved view; the
// root answers with Resolved.
type ResolveWanted struct{ Key string }

// Resolved carries the resolved form of request Key, or why it does not resolve.
type Resolved struct {
	Key string
	Req requests.Request
	Err error
}

// CopyAsCurl asks the root to copy the shown request, resolved, as a curl command.
type CopyAsCurl struct{}
