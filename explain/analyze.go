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
	var findings []Finding
	findings = append(findings, statusFindings(x)...)
	findings = append(findings, framingFindings(x)...)
	findings = append(findings, fieldRuleFindings(x)...)
	v, vf := validatorFindings(x)
	r.Validators = v
	findings = append(findings, vf...)
	findings = append(findings, conditionalFindings(x)...)
	if f, ok := methodSafetyFinding(methodOf(x)); ok {
		findings = append(findings, f)
	}
	findings = append(findings, redirectFindings(x)...)
	findings = append(findings, rangeFindings(x)...)
	cors, corsF := analyzeCORS(x)
	r.CORS = cors
	findings = append(findings, corsF...)
	cookies, cookieF := cookieFindings(x)
	r.Cookies = cookies
	findings = append(findings, cookieF...)
	findings = append(findings, securityFindings(x)...)
	findings = append(findings, negotiationFindings(x)...)
	cache, cf := analyzeCache(x)
	r.Cache = cache
	findings = append(findings, cf...)
	findings = append(findings, intermediaryFindings(x)...)
	r.Findings = sortFindings(findings)
	r.Status.Refs = uniqueRefs(r.Status.Refs)
	for i := range r.Findings {
		r.Findings[i].Refs = uniqueRefs(r.Findings[i].Refs)
	}
	return r
}

// uniqueRefs drops repeated references, keeping the first of each in place.
func uniqueRefs(refs []string) []string {
	out := refs[:0:0]
	for _, r := range refs {
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
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
