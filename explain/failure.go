package explain

import "strings"

// NextStep is what a client should do after a 412, as a value a helper can act on.
type NextStep string

// The next steps after a 412.
const (
	// StepMerge: someone changed the resource. Re-read it, merge your change into
	// the current version, and retry with If-Match set to its new ETag.
	StepMerge NextStep = "merge"
	// StepDropIfNoneMatch: a create-only write (If-None-Match: *) found the
	// resource already there. Read it, or drop If-None-Match: * to overwrite it.
	StepDropIfNoneMatch NextStep = "drop-if-none-match"
	// StepCreate: If-Match: * found no resource. Create it without If-Match.
	StepCreate NextStep = "create"
	// StepReread: If-None-Match with tags on a write found the resource still at
	// one of those versions. Re-read and decide; drop If-None-Match to write anyway.
	StepReread NextStep = "reread"
	// StepServer: no precondition that applies was sent; the server (or a proxy)
	// is at fault, and retrying changes nothing.
	StepServer NextStep = "server"
)

// Failure says which precondition made a server answer 412 Precondition Failed,
// why, and what to send next (RFC 9110 §13.2.2, §15.5.13). Field is the failed
// precondition as a reader names it: "If-Match", "If-None-Match: *",
// "If-Unmodified-Since", "If-None-Match", or "" when none applies or the request's
// fields are unknown.
type Failure struct {
	Field  string
	Banner string // one line for a status bar: what failed, what it means
	Why    string // the reason, a sentence
	Advice string // the next step, a sentence
	Next   NextStep
}

// PreconditionFailure explains a 412 to req (nil or FieldsUnknown: the fields are
// not known). It follows the server's order of evaluation (RFC 9110 §13.2.2): a
// write condition (If-Match, else If-Unmodified-Since) first, then If-None-Match.
func PreconditionFailure(req *Request, resp Response) Failure {
	merge := "Nothing was changed. GET the current state, merge your change into it, and retry with If-Match set to its new ETag."
	if req == nil || req.FieldsUnknown {
		return Failure{Banner: "412 Precondition Failed: a precondition was false; nothing was changed",
			Why:    "A precondition in the request (If-Match, If-Unmodified-Since or If-None-Match) was false, so the method was not applied.",
			Advice: merge, Next: StepMerge}
	}
	p := readPreconditions(req.Fields)
	method := req.Method
	current, tagged := responseETag(resp)
	switch {
	case p.writeCondition() == "If-Match" && p.imStar:
		return Failure{Field: "If-Match", Next: StepCreate,
			Banner: "412: If-Match: * failed: the resource does not exist",
			Why:    "If-Match: * is false because the resource does not exist.",
			Advice: "Nothing was changed. Create it without If-Match (or with If-None-Match: * to be sure you create it)."}
	case p.writeCondition() == "If-Match":
		sent := make([]string, 0, len(p.imTags))
		for _, t := range p.imTags {
			sent = append(sent, t.String())
		}
		why := "If-Match: " + strings.Join(sent, ", ") + " does not match the current entity tag"
		switch {
		case tagged && !anyStrongMatch(p.imTags, current):
			why += " " + current.String() + ": someone changed the resource since you read it"
		case tagged:
			why += " (the response's ETag " + current.String() + " looks equal, so check for weak tags or a server that compares differently)"
		}
		return Failure{Field: "If-Match", Next: StepMerge, Why: why + ".", Advice: merge,
			Banner: "412: If-Match failed: the resource changed since you read it; re-read and merge"}
	case p.writeCondition() == "If-Unmodified-Since":
		return Failure{Field: "If-Unmodified-Since", Next: StepMerge, Advice: merge,
			Banner: "412: If-Unmodified-Since failed: changed after " + p.ius + "; re-read and merge",
			Why:    "The resource changed after " + p.ius + "."}
	case p.ifNoneMatch && p.inmStar:
		return Failure{Field: "If-None-Match: *", Next: StepDropIfNoneMatch,
			Banner: "412: If-None-Match: * failed: the resource already exists; drop it to overwrite",
			Why:    "If-None-Match: * is false because the resource already exists: this was a create-only " + method + " and it must not overwrite.",
			Advice: "Nothing was changed. GET the existing resource, or drop If-None-Match: * if you mean to replace it."}
	case p.ifNoneMatch:
		return Failure{Field: "If-None-Match", Next: StepReread,
			Banner: "412: If-None-Match failed: the resource is still a version you named",
			Why:    "One of the tags in If-None-Match matches the current representation: the " + method + " was to happen only if the resource had changed, and it has not.",
			Advice: "Nothing was changed. Re-read the resource to decide, or drop If-None-Match to apply the " + method + " anyway."}
	}
	return Failure{Next: StepServer,
		Banner: "412 to a request without a precondition: the server or a proxy is at fault",
		Why:    "412 reports a false If-Match, If-Unmodified-Since or If-None-Match, and this request sent none that applies.",
		Advice: "Retrying changes nothing: the server is wrong, or a proxy added or stripped fields."}
}
