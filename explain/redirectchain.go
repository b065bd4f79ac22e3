package explain

import (
	"fmt"
	"strings"
)

// RedirectLoop names a redirect loop in a chain that was followed. urls are the
// URIs requested, in order: each hop's, then the last request's. A URI requested
// a second time means the chain went round and would go on for ever; ok is false
// when no URI repeats. A single response pointing at itself is redirect-loop,
// found by Analyze; this needs the whole chain, which one response cannot show.
func RedirectLoop(urls []string) (f Finding, ok bool) {
	seen := make(map[string]int, len(urls))
	for i, u := range urls {
		first, again := seen[u]
		if !again {
			seen[u] = i
			continue
		}
		round := append(append([]string{}, urls[first:i]...), u)
		// RFC 9110 §15.4: a client ought to detect and intervene in cyclical redirections.
		return newFinding("redirect-chain-loop", Error,
			fmt.Sprintf("Redirect loop: request %d comes back to %s", i+1, u),
			fmt.Sprintf("The chain goes round: %s. Every turn answers with another redirect, so a client follows it until its limit (browsers about 20, httplens 10) and gives up; no final response exists. Fix the Location on one of these redirects.",
				strings.Join(round, " → ")),
			"RFC 9110 §15.4"), true
	}
	return Finding{}, false
}
