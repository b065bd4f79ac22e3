package explain

import "slices"

// Analyze explains one exchange: the status for the method, the framing, the
// validators, what the request's preconditions did, and the caching verdict. It is
// pure and never reads the clock: the caller sets x.Received (and x.Now, x.Sent) to
// the times of the exchange. Findings come sorted: errors, then warnings, then info.
func Analyze(x Exchange) Report {
	if x.Sent.IsZero() {
		x.Sent = x.Received
	}
	if x.Now.IsZero() {
		x.Now = x.Received
	}
	r := Report{Status: statusMeaning(x.Response, methodOf(x))}
	// Each check's findings are kept apart and copied once into a slice of the
	// exact size: appending them one after another regrew it four times.
	parts := [14][]Finding{statusFindings(x), framingFindings(x), fieldRuleFindings(x)}
	r.Validators, parts[3] = validatorFindings(x)
	parts[4] = conditionalFindings(x)
	var safety [1]Finding
	if f, ok := methodSafetyFinding(methodOf(x)); ok {
		safety[0] = f
		parts[5] = safety[:]
	}
	parts[6], parts[7] = redirectFindings(x), rangeFindings(x)
	r.CORS, parts[8] = analyzeCORS(x)
	r.Cookies, parts[9] = cookieFindings(x)
	parts[10], parts[11] = securityFindings(x), negotiationFindings(x)
	r.Cache, parts[12] = analyzeCache(x)
	parts[13] = intermediaryFindings(x)
	findings := slices.Concat(parts[:]...) // one allocation of the total size; nil when none
	r.Findings = sortFindings(findings)
	r.Status.Refs = uniqueRefs(r.Status.Refs)
	for i := range r.Findings {
		r.Findings[i].Refs = uniqueRefs(r.Findings[i].Refs)
	}
	return r
}

// uniqueRefs drops repeated references, keeping the first of each in place. refs
// without repeats, nearly all of them, are returned as they are, not copied.
func uniqueRefs(refs []string) []string {
	if !hasRepeat(refs) {
		return refs
	}
	out := refs[:0:0]
	for _, r := range refs {
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

// hasRepeat reports whether a string occurs twice in refs.
func hasRepeat(refs []string) bool {
	for i, r := range refs {
		if slices.Contains(refs[i+1:], r) {
			return true
		}
	}
	return false
}

// sortFindings orders findings by severity, keeping the order within a severity.
func sortFindings(fs []Finding) []Finding {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		return severityRank(a.Severity) - severityRank(b.Severity)
	})
	return fs
}

func severityRank(s Severity) int {
	switch s {
	case Error:
		return 0
	case Warning:
		return 1
	}
	return 2
}
