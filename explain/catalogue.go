package explain

// Check is one entry of the catalogue of findings Analyze can produce. Severity is
// the most serious one the check can take; a finding may be milder (for example
// precondition-failed is info, and a warning only when no precondition was sent).
type Check struct {
	ID       string
	Severity Severity
	Title    string
	Refs     []string
}

// Checks returns every check Analyze knows, the status, framing, validator and
// conditional checks first, then the caching ones. The ids are stable; the slice is
// new on every call, so the caller may keep or change it.
func Checks() []Check {
	return append(append(coreChecks(), cacheChecks()...), deeperChecks()...)
}

// coreChecks is the catalogue of the checks outside caching.
func coreChecks() []Check {
	return []Check{
		// Status codes and what they mean for the method.
		{"status-invalid", Error, "Status code outside 100-599", []string{"RFC 9110 §15"}},
		{"status-unknown", Warning, "Unregistered status code, read as the x00 of its class", []string{"RFC 9110 §15", "RFC 9110 §15.1"}},
		{"status-unused", Warning, "Status code reserved and unused", []string{"RFC 9110 §15.4.7", "RFC 9110 §15.5.19"}},
		{"status-deprecated", Warning, "Deprecated status code", []string{"RFC 9110 §15.4.6"}},
		{"interim-status", Warning, "Interim (1xx) response as the last one", []string{"RFC 9110 §15.2"}},
		{"status-not-requested", Warning, "Status that answers something the request did not ask for", []string{"RFC 9110 §15.2.2", "RFC 9110 §15.3.7", "RFC 9110 §15.5.7", "RFC 9110 §15.5.17", "RFC 9110 §15.5.18"}},
		{"created-no-location", Warning, "201 Created without Location", []string{"RFC 9110 §15.3.2", "RFC 9110 §10.2.2"}},
		{"created-safe-method", Warning, "201 Created in answer to a safe method", []string{"RFC 9110 §15.3.2", "RFC 9110 §9.2.1"}},
		{"accepted", Info, "202 Accepted: queued, not done", []string{"RFC 9110 §15.3.3"}},
		{"reset-content-body", Error, "205 Reset Content with content", []string{"RFC 9110 §15.3.6"}},
		{"partial-no-range", Error, "206 Partial Content without Content-Range", []string{"RFC 9110 §15.3.7", "RFC 9110 §14.4"}},
		{"redirect-no-location", Error, "Redirect without Location", []string{"RFC 9110 §15.4", "RFC 9110 §10.2.2"}},
		{"redirect-method", Info, "Which method the redirect is followed with", []string{"RFC 9110 §15.4"}},
		{"method-not-allowed-allow", Error, "405 and its Allow field", []string{"RFC 9110 §15.5.6", "RFC 9110 §10.2.1"}},
		{"auth-challenge-missing", Error, "401/407 without a challenge", []string{"RFC 9110 §15.5.2", "RFC 9110 §15.5.8", "RFC 9110 §11.6.1"}},
		{"method-safety", Info, "Safe and idempotent properties of the method", []string{"RFC 9110 §9.2.1", "RFC 9110 §9.2.2", "RFC 9110 §9.3.3"}},

		// Message framing.
		{"no-content-body", Error, "204 No Content with bytes after the header section", []string{"RFC 9110 §15.3.5", "RFC 9112 §6.3"}},
		{"no-content-length", Error, "204 No Content with Content-Length", []string{"RFC 9110 §8.6"}},
		{"no-content-transfer-encoding", Error, "204 No Content with Transfer-Encoding", []string{"RFC 9112 §6.1"}},
		{"not-modified-body", Error, "304 Not Modified with bytes after the header section", []string{"RFC 9110 §15.4.5", "RFC 9112 §6.3"}},
		{"head-body", Error, "Response to HEAD with content", []string{"RFC 9110 §9.3.2", "RFC 9112 §6.3"}},
		{"content-length-invalid", Error, "Content-Length is not a single number", []string{"RFC 9110 §8.6", "RFC 9112 §6.3"}},
		{"content-length-and-te", Error, "Both Content-Length and Transfer-Encoding", []string{"RFC 9112 §6.1", "RFC 9112 §6.3"}},
		{"content-length-mismatch", Error, "Body length differs from Content-Length", []string{"RFC 9112 §6.3", "RFC 9110 §8.6"}},
		{"body-truncated", Info, "Body cut at the client's size limit", []string{"RFC 9112 §6.3"}},
		{"body-not-kept", Info, "Body not kept whole by the record (a HAR file left it out or cut it)", []string{"RFC 9112 §6.3"}},
		{"close-delimited", Info, "Body delimited by closing the connection", []string{"RFC 9112 §6.3"}},

		// Validators and Date.
		{"etag-syntax", Error, "Malformed ETag", []string{"RFC 9110 §8.8.3"}},
		{"etag-weak", Info, "Weak entity tag", []string{"RFC 9110 §8.8.1", "RFC 9110 §8.8.3", "RFC 9110 §8.8.3.2"}},
		{"last-modified", Error, "Last-Modified invalid or later than Date", []string{"RFC 9110 §8.8.2", "RFC 9110 §8.8.2.1", "RFC 9110 §5.6.7"}},
		{"no-validator", Info, "No ETag or Last-Modified", []string{"RFC 9110 §8.8.2.1", "RFC 9110 §8.8.3.1"}},
		{"put-validator", Warning, "What the validator in a response to PUT promises", []string{"RFC 9110 §9.3.4", "RFC 9110 §8.8", "RFC 9110 §8.8.3.2"}},
		{"date", Error, "Date missing or invalid", []string{"RFC 9110 §6.6.1", "RFC 9110 §5.6.7"}},

		// Conditional requests.
		{"precondition-order", Info, "Which precondition the server evaluated", []string{"RFC 9110 §13.2.2"}},
		{"precondition-ignored", Info, "A precondition that does not apply here", []string{"RFC 9110 §13.2.1", "RFC 9110 §13.1.3", "RFC 9110 §13.1.4", "RFC 9110 §13.1.5"}},
		{"if-match", Warning, "If-Match that cannot match", []string{"RFC 9110 §13.1.1", "RFC 9110 §8.8.3.2"}},
		{"not-modified", Warning, "304 Not Modified: reuse the stored copy", []string{"RFC 9110 §15.4.5", "RFC 9111 §4.3.4", "RFC 9110 §13.2.2"}},
		{"not-modified-missed", Warning, "Full response although the condition was false", []string{"RFC 9110 §13.1.2", "RFC 9110 §13.1.3", "RFC 9110 §13.2.2"}},
		{"precondition-failed", Warning, "412 Precondition Failed", []string{"RFC 9110 §15.5.13", "RFC 9110 §13.2.2", "RFC 9110 §13.1.1", "RFC 9110 §13.1.4", "RFC 9110 §13.1.2"}},
		{"precondition-required", Info, "428 Precondition Required", []string{"RFC 6585 §3"}},
		{"precondition-passed", Info, "A precondition held: what it let through", []string{"RFC 9110 §13.1.1", "RFC 9110 §13.1.4", "RFC 9110 §13.2.2", "RFC 9110 §13.1.2", "RFC 9110 §13.1.3"}},
		{"success-despite-mismatch", Info, "Success although the precondition did not match", []string{"RFC 9110 §13.1.1", "RFC 9110 §13.1.4"}},
		{"next-request", Info, "What to send next", []string{"RFC 9110 §13.1", "RFC 9111 §4.3.1"}},
	}
}

// newFinding builds a finding. Every id passed here must be in coreChecks; a test
// reads the source to make sure of it.
func newFinding(id string, sev Severity, title, detail string, refs ...string) Finding {
	return Finding{ID: id, Severity: sev, Title: title, Detail: detail, Refs: refs}
}
