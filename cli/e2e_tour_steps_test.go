package cli

import (
	"regexp"
	"sort"
	"strings"
)

// A lesson's text, read as instructions: each rule is one way the tour says what
// to press or what you will see, and what the learner then does. The rules match
// the lesson's words (joined into one line), so a lesson reworded without its
// rule, or a rule whose screen no longer appears, fails TestTUIFollowsTheTour.

// step is one thing a lesson asks for, found in its text at `at`.
type step struct {
	m     []string // the words matched and their groups
	at    int
	sends bool // the step sends the request (first)
	do    func(f *tourFollower, m []string)
	rule  int // its index in lessonRules
}

type rule struct {
	re    *regexp.Regexp
	sends bool
	do    func(f *tourFollower, m []string)
}

// asks finds the words a learner acts on ("press X", "a tab (N)", "send it
// again"): each must be covered by a rule, or the test says which it cannot follow.
var asks = regexp.MustCompile(`(?i)\bpress \S+|\b\w+ tab(?: of the response pane)? \(\d\)|\bsend(?: it)? (?:again|twice|once)\b|\(u\)|\badvance the clock\b|\bswitch the lab\b|\bgo back up\b|\bchange the \S+ field\b|\bmark each\b|\(ctrl\+\w\)`)

// lessonRules, the more particular first: where two overlap the first wins.
var lessonRules = []rule{
	{re: re(`Press R: httplens reads the item and adds If-Match with its ETag for you; ctrl\+r then sends it, and you get (\d{3})`), sends: true, do: (*tourFollower).rereadRequired},
	{re: re(`press ctrl\+r twice: httplens asks before the second time`), sends: true, do: (*tourFollower).sendTwiceAsked},
	{re: re(`press ctrl\+r again and you get (\d{3}), and the banner says the item already exists`), sends: true, do: (*tourFollower).sendAgainExists},
	{re: re(`ctrl\+r`), sends: true, do: func(f *tourFollower, _ []string) { f.send() }},
	{re: re(`\bsend it once\b`), sends: true, do: func(f *tourFollower, _ []string) { f.send() }},
	{re: re(`\bsend it twice: a miss both times`), sends: true, do: (*tourFollower).sendTwiceMiss},
	{re: re(`the ETag in the response's Headers tab \(3\): it starts with (W/)`), do: (*tourFollower).weakETag},
	{re: re(`the ETag in the Headers tab \(3\) is new`), do: (*tourFollower).newETag},
	{re: re(`read the Content-Range in the Headers tab \(3\)\. .*?Content-Range: (bytes \S+?)[ ,.]`), do: (*tourFollower).contentRange},
	{re: re(`look at the Raw tab \(1\): 204 No Content ends at the blank line after the fields\. The bytes after it are not a body`), do: (*tourFollower).bytesAfter},
	{re: re(`The Raw tab \(1\) shows the bytes that should not be there`), do: (*tourFollower).bytesAfter},
	{re: re(`Explain reports how many bytes came and how many were promised`), do: func(f *tourFollower, _ []string) {
		f.explainSays("Received 74 bytes, Content-Length says 100")
	}},
	{re: re(`look at the Raw tab \(1\): each part has its own fields`), do: (*tourFollower).rangeParts},
	{re: re(`open the Headers tab of the response pane \(3\)\. .*?move to one \(up/down\) and press enter for its full note[^.]*\. Try ([\w-]+(?:, [\w-]+)* and [\w-]+)`), do: (*tourFollower).headerNotes},
	{re: re(`the banner names (If-Match)`), do: func(f *tourFollower, m []string) { f.s.waitText("412: " + m[1] + " failed") }},
	{re: re(`Explain says the precondition held`), do: func(f *tourFollower, _ []string) { f.explainSays("held: nobody changed it") }},
	{re: re(`Explain lists it under Errors`), do: func(f *tourFollower, _ []string) { f.explainSays("Errors") }},
	{re: re(`caching part says not storable`), do: func(f *tourFollower, _ []string) { f.explainSays("not storable") }},
	// The part's findings name it: "Cookie tracker rejected", "CORS: ...", "... redirect ...".
	{re: re(`read the (CORS|cookie|redirect)s? part of the Explain pane`), do: func(f *tourFollower, m []string) { f.explainSays(m[1]) }},
	{re: re(`the Explain pane says why each one is ignored`), do: func(f *tourFollower, _ []string) {
		f.explainSays("Cookie tracker rejected", "Cookie __Secure-id rejected", "Cookie wide rejected")
	}},
	{re: re(`Explain says storable, but a cache must ask the server \(with the ETag\) before every reuse`), do: func(f *tourFollower, _ []string) {
		f.explainSays("Private cache: storable", "Shared cache: storable", "no-cache: revalidate before every reuse")
	}},
	{re: re(`Explain says a private cache \(the browser\) may store it and a shared cache \(proxy, CDN\) may not`), do: func(f *tourFollower, _ []string) {
		f.explainSays("Private cache: storable", "Shared cache: not storable")
	}},
	{re: re(`Explain says fresh for (\d+) seconds after it was generated, for every cache; the freshness source is (max-age)`), do: func(f *tourFollower, m []string) {
		f.explainSays("lifetime "+m[1]+" seconds from "+m[2], "fresh for "+m[1]+" seconds more")
	}},
	{re: re(`Explain gives the private and the shared lifetime apart`), do: func(f *tourFollower, _ []string) {
		f.explainSays("Private cache: storable (may store: max-age gives an explicit lifetime); lifetime 60 seconds from max-age",
			"lifetime 300 seconds from s-maxage")
	}},
	{re: re(`Explain computes the freshness lifetime as Expires minus Date`), do: func(f *tourFollower, _ []string) {
		f.explainSays("Expires gives an explicit expiry time", "lifetime 3600 seconds from expires")
	}},
	{re: re(`Explain says a cache may guess a lifetime`), do: func(f *tourFollower, _ []string) {
		f.explainSays("Heuristic freshness", "from heuristic")
	}},
	{re: re(`Explain says that while fresh, a cache does not even revalidate`), do: func(f *tourFollower, _ []string) {
		f.explainSays("immutable: no revalidation while fresh")
	}},
	{re: re(`Explain says that once stale, a cache must not serve it without asking the server`), do: func(f *tourFollower, _ []string) {
		f.explainSays("must-revalidate: never served stale", "once stale it must be revalidated")
	}},
	{re: re(`the browser does not let the page read the answer`), do: func(f *tourFollower, _ []string) {
		f.explainSays("No Access-Control-Allow-Origin: the browser blocks the page")
	}},
	{re: re(`307 keeps the method and the content: following it repeats the (DELETE) at (/items/2)`), do: func(f *tourFollower, m []string) {
		f.explainSays("Follow 307 to " + m[2] + " with " + m[1])
	}},
	{re: re(`303 See Other sends the client to (GET) the item`), do: func(f *tourFollower, m []string) {
		f.explainSays("Follow 303 to /items/1 with " + m[1])
	}},
	{re: re(`A 304 is not a redirect`), do: func(f *tourFollower, _ []string) {
		f.explainSays("304 Not Modified", "it is not a redirect")
	}},
	{re: re(`A DELETE that works is answered 200 \(with a description\), 202 \(accepted, not done yet\) or 204 \(done, nothing to add\)`), do: func(f *tourFollower, _ []string) {
		f.explainSays("A DELETE that succeeds is answered one of three ways: 200", "202 (accepted, not done yet) or 204 (done, nothing to add)")
	}},
	{re: re(`DELETE is still idempotent: idempotent means the same effect on the server`), do: func(f *tourFollower, _ []string) {
		f.explainSays("DELETE is still idempotent: idempotent means the same effect on the server")
	}},
	{re: re(`The request pane says what the method promises: POST is neither safe nor idempotent`), do: func(f *tourFollower, _ []string) {
		f.s.waitText("unsafe · not idempotent")
	}},
	{re: re(`200 with a strong ETag`), do: func(f *tourFollower, _ []string) { f.explainSays(`(strong)`) }},
	{re: re(`Access-Control-Max-Age says how long it may skip asking again`), do: func(f *tourFollower, _ []string) {
		f.explainSays("Preflight cached for 600 s", "CORS: allowed for https://app.example")
	}},
	{re: re(`(PATCH) is not in Access-Control-Allow-Methods, so the browser never sends it`), do: func(f *tourFollower, m []string) {
		f.explainSays("Method "+m[1]+" not allowed by the preflight", "CORS: blocked for https://app.example")
	}},
	{re: re(`\* does not count when the page sends cookies`), do: func(f *tourFollower, _ []string) {
		f.explainSays("Access-Control-Allow-Origin: * on a request with credentials")
	}},
	{re: re(`A session cookie, a __Host- CSRF token \(Secure, Path=/, no Domain\) and a preference kept for an hour under /cookies`), do: func(f *tourFollower, _ []string) {
		f.explainSays("Cookie session: 127.0.0.1/ for the session", "Cookie __Host-csrf: 127.0.0.1/ for the session", "Cookie theme: 127.0.0.1/cookies for 3600 s (1 h)")
	}},
	{re: re(`Max-Age=0 tells the browser to drop the session cookie now`), do: func(f *tourFollower, _ []string) {
		f.explainSays("Cookie session: deleted")
	}},
	{re: re(`never a body: Explain says you get (the header fields a GET would have sent, without the content)`), do: func(f *tourFollower, m []string) { f.explainSays(m[1]) }},
	{re: re(`Press R to re-read the item: httplens then shows the version you started from, the server's version and your change, and you choose what to send`), do: (*tourFollower).rereadMerge},
	{re: re(`Press R to drop If-None-Match: \*`), do: (*tourFollower).dropCreateOnly},
	{re: re(`Press C: httplens reads this URL, then checks what the answer promised`), do: (*tourFollower).check},
	{re: re(`edit the URL \(u\) to try (\d{3})`), do: (*tourFollower).editURL},
	{re: re(`go back up to (.+?) and send it again\. Its History tab \(5\) holds both answers: mark each with space, and the diff says why they differ`), do: (*tourFollower).backAndDiff},
	{re: re(`change the Accept field \(to ([^)]+)\), send again, and compare the two answers in the History tab \(5\)`), do: (*tourFollower).varyCompare},
	{re: re(`look at the Pretty tab \(2\): the demo echoes the names of the cookies that arrived with the request, the ones the login set`), do: (*tourFollower).cookiesBack},
	{re: re(`\((ctrl\+k) lists the jar\)`), do: (*tourFollower).cookieJar},
	{re: re(`with the cache lab on`), do: func(f *tourFollower, _ []string) {
		if !f.labOn {
			f.t.Errorf("%s: the lesson says the cache lab is on; it is not", f.r.Title)
		}
	}},
	{re: re(`\blabel: ((?:fresh |vary )?[a-z]+)`), do: func(f *tourFollower, m []string) { f.s.waitText("cache lab: " + strings.ToLower(m[1])) }},
	{re: re(`contents \((ctrl\+l)\) now list (GET \S+): lifetime (\d+ s) from (max-age), fresh`), do: (*tourFollower).labContents},
	{re: re(`advance the clock 10 s and send it again`), do: (*tourFollower).tenSecondsLater},
	{re: re(`advance the clock to the moment the entry goes stale`), do: func(f *tourFollower, _ []string) {
		f.s.send("\x18") // ctrl+x
		f.s.waitText("To stale: Cache lab clock")
	}},
	{re: re(`from the second on, every reuse is revalidated`), do: func(f *tourFollower, _ []string) {
		f.send()
		f.s.waitText("cache lab: revalidated")
	}},
	{re: re(`switch the lab to shared and send again: "(must not store: private)`), do: (*tourFollower).labShared},
	{re: re(`so the cache answers (\d{3})`), do: func(f *tourFollower, m []string) { f.s.waitText("Response " + m[1] + " ") }},
}

func re(s string) *regexp.Regexp { return regexp.MustCompile(`(?i)` + s) }

// tourSteps reads a lesson: the steps it asks for in the order it gives them,
// and the instructions no rule covers.
func tourSteps(lesson string) (steps []step, unknown []string) {
	text := oneLine(lesson)
	type span struct{ a, b int }
	var taken []span
	covered := func(a, b int) bool {
		for _, s := range taken {
			if a < s.b && s.a < b {
				return true
			}
		}
		return false
	}
	for ri, ru := range lessonRules {
		for _, ix := range ru.re.FindAllStringSubmatchIndex(text, -1) {
			if covered(ix[0], ix[1]) {
				continue
			}
			taken = append(taken, span{ix[0], ix[1]})
			m := make([]string, len(ix)/2)
			for i := range m {
				if ix[2*i] >= 0 {
					m[i] = text[ix[2*i]:ix[2*i+1]]
				}
			}
			steps = append(steps, step{m: m, at: ix[0], sends: ru.sends, do: ru.do, rule: ri})
		}
	}
	sort.SliceStable(steps, func(i, j int) bool { return steps[i].at < steps[j].at })
	for _, ix := range asks.FindAllStringIndex(text, -1) {
		if !covered(ix[0], ix[1]) {
			unknown = append(unknown, text[ix[0]:ix[1]])
		}
	}
	return steps, unknown
}
