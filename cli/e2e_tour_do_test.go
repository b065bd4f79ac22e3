package cli

import (
	"regexp"
	"strings"

	"github.com/httplens/httplens/collections"
)

// What the learner does for each rule of e2e_tour_steps_test.go, and what the
// screen must then show.

// explainSays waits for words in the Explain pane, read whole: the pane is
// focused and zoomed (ctrl+f) to the full screen, as a learner would to read it
// all, and put back after.
func (f *tourFollower) explainSays(words ...string) {
	f.t.Helper()
	for f.focus != focusExplain {
		f.s.send(keyTab)
		f.focus = (f.focus + 1) % paneCount
	}
	f.s.send("\x06") // ctrl+f
	f.s.waitFor("the Explain pane to say "+strings.Join(words, " + "), func(scr string) bool {
		text := strings.ToLower(zoomedPane(scr, "┌ Explain"))
		for _, w := range words {
			if !strings.Contains(text, strings.ToLower(w)) {
				return false
			}
		}
		return true
	})
	f.s.send("\x06")
	f.s.waitFor("the four panes again", func(scr string) bool { return strings.HasPrefix(scr, "┌ Collection") })
}

// zoomedPane is the text of the zoomed pane whose top border starts with top,
// its lines joined as one.
func zoomedPane(scr, top string) string {
	var b strings.Builder
	in := false
	for _, l := range strings.Split(scr, "\n") {
		switch {
		case strings.HasPrefix(l, top):
			in = true
		case in && strings.HasPrefix(l, "└"):
			return oneLine(b.String())
		case in:
			b.WriteString(strings.TrimSuffix(strings.TrimPrefix(strings.TrimRight(l, " "), "│"), "│") + " ")
		}
	}
	return ""
}

var etagRow = regexp.MustCompile(`(?m)│Etag\s+(\S+)`)

func (f *tourFollower) weakETag(m []string) {
	f.t.Helper()
	f.tab("Headers", "3")
	f.s.waitFor("a weak ETag", func(scr string) bool {
		e := etagRow.FindStringSubmatch(scr)
		return e != nil && strings.HasPrefix(e[1], m[1]+`"`)
	})
}

// newETag waits for the Headers tab to show an ETag other than the last one seen there.
func (f *tourFollower) newETag([]string) {
	f.t.Helper()
	old := f.etag
	f.tab("Headers", "3")
	f.s.waitFor("a new ETag (not "+old+")", func(scr string) bool {
		e := etagRow.FindStringSubmatch(scr)
		return e != nil && e[1] != old
	})
}

func (f *tourFollower) contentRange(m []string) {
	f.t.Helper()
	f.tab("Headers", "3")
	row := regexp.MustCompile(`│Content-Range\s+` + regexp.QuoteMeta(m[1]) + `\s`)
	f.s.waitFor("Content-Range "+m[1], row.MatchString)
}

func (f *tourFollower) rangeParts([]string) {
	f.t.Helper()
	f.tab("Raw", "1")
	f.s.waitFor("two parts, each with its Content-Range", func(scr string) bool {
		return strings.Count(scr, "Content-Range: bytes ") >= 2
	})
}

// headerNotes opens the note of each header the lesson names, from the Headers tab.
func (f *tourFollower) headerNotes(m []string) {
	f.t.Helper()
	scr := f.tab("Headers", "3")
	names := regexp.MustCompile(`(?m)^│([A-Z][\w-]*)\s{2,}`).FindAllStringSubmatch(responsePane(scr), -1)
	if e := etagRow.FindStringSubmatch(scr); e != nil {
		f.etag = e[1]
	}
	for _, want := range regexp.MustCompile(`, | and `).Split(m[1], -1) {
		at := -1
		for i, n := range names {
			if strings.EqualFold(n[1], want) {
				at = i
			}
		}
		if at < 0 {
			f.t.Errorf("%s: the lesson says to try %s; the Headers tab has no such row:\n%s", f.r.Title, want, scr)
			continue
		}
		f.s.send("g" + strings.Repeat("j", at) + keyEnter)
		f.s.waitText("Header "+names[at][1], "RFC 9", "esc closes")
		f.closeOverlay()
	}
}

// responsePane is the left half of the lower panes, each line from its border.
func responsePane(scr string) string {
	var out []string
	lower := false
	for _, l := range strings.Split(scr, "\n") {
		if strings.HasPrefix(l, "┌ Response") {
			lower = true
		}
		if i := strings.Index(l, "││"); lower && i >= 0 {
			out = append(out, l[:i])
		}
	}
	return strings.Join(out, "\n")
}

func (f *tourFollower) sendTwiceAsked([]string) {
	f.t.Helper()
	f.send()
	f.tab("History", "5")
	f.sent++
	n := f.stored()
	f.s.send(keyCtrlR)
	f.s.waitText("is not idempotent", "Send it again?")
	f.press("y")
	f.waitStored(n + 1)
}

func (f *tourFollower) sendAgainExists(m []string) {
	f.t.Helper()
	f.send()
	f.s.waitText("Response "+m[1]+" ", "If-None-Match: * failed: the resource already exists")
}

func (f *tourFollower) sendTwiceMiss([]string) {
	f.t.Helper()
	f.send()
	f.s.waitText("cache lab: miss")
	f.send()
	f.s.waitText("cache lab: miss")
}

// rereadMerge presses R after the 412: the three-way view opens; the learner
// goes on without sending (the next steps read the item afresh).
func (f *tourFollower) rereadMerge([]string) {
	f.t.Helper()
	f.s.send("R")
	f.s.waitText("Re-read: the server's version now has ETag", "→ server now · yours", "name: ")
	f.s.send("\x1b")
	f.s.waitFor("the three-way view to close", func(scr string) bool { return !strings.Contains(scr, "→ server now · yours") })
}

// rereadRequired presses R after the 428: If-Match is added with the ETag just
// read, and the PUT sent again goes through.
func (f *tourFollower) rereadRequired(m []string) {
	f.t.Helper()
	f.s.send("R")
	f.s.waitText(`If-Match: "`, "added: ETag from GET /strict/items/")
	f.send()
	f.s.waitText("Response " + m[1] + " ")
}

func (f *tourFollower) dropCreateOnly([]string) {
	f.t.Helper()
	f.s.send("R")
	f.s.waitFor("If-None-Match: * dropped from the request", func(scr string) bool {
		return strings.Contains(scr, "ctrl+r sends it.") && !strings.Contains(scr, "││  If-None-Match: *")
	})
}

func (f *tourFollower) check([]string) {
	f.t.Helper()
	f.s.send("C")
	f.s.waitText("Live checks of GET", "If-None-Match", "304 Not Modified", "HEAD gets", "Range request", "Checks: ")
	f.s.send(strings.Repeat("j", 60))
	f.s.waitText("gzip")
	f.closeOverlay()
}

// editURL changes the status code at the end of the URL and sends it.
func (f *tourFollower) editURL(m []string) {
	f.t.Helper()
	f.focusTree()
	f.s.send(keyTab)
	f.focus = focusRequest
	f.s.send("u")
	f.s.waitText("/status/418█")
	f.s.send("\x7f\x7f\x7f" + m[1] + keyEnter)
	f.s.waitText("{{demo}}/status/" + m[1])
	f.send()
	f.s.waitText("Response " + m[1] + " ")
}

// backAndDiff goes back to an earlier request, sends it again, and diffs its two
// answers on the History tab.
func (f *tourFollower) backAndDiff(m []string) {
	f.t.Helper()
	var back *collections.Request
	for _, r := range f.all {
		if r.Title == m[1] {
			back = r
		}
	}
	if back == nil {
		f.t.Fatalf("%s: the lesson sends you back to %q, which is not in the tour", f.r.Title, m[1])
	}
	f.moveTo(back)
	f.r, f.sent = back, 1
	f.send()
	f.markBoth()
	f.s.waitText("Why they differ", "ETag changed", "! Etag")
	f.closeOverlay()
}

// closeOverlay closes the text overlay shown (a diff, a note, check results).
func (f *tourFollower) closeOverlay() {
	f.t.Helper()
	f.s.send("\x1b")
	f.s.waitFor("the overlay to close", func(scr string) bool { return !strings.Contains(scr, "esc closes") })
}

// markBoth marks the two newest exchanges on the History tab for the diff.
func (f *tourFollower) markBoth() {
	f.t.Helper()
	f.tab("History", "5")
	f.waitStored(2)
	f.s.send("g ")
	f.s.waitText("marks (1/2)")
	f.s.send("j ")
	f.s.waitText("Exchange #")
}

func (f *tourFollower) varyCompare(m []string) {
	f.t.Helper()
	f.focusTree()
	f.s.send(keyTab)
	f.focus = focusRequest
	f.s.send(keyEnter)
	f.s.waitText("Accept: text/plain█")
	f.s.send(strings.Repeat("\x7f", len("text/plain")) + m[1] + keyEnter)
	f.s.waitText("Accept: " + m[1])
	f.send()
	f.markBoth()
	// The cause that explains the change comes first.
	f.s.waitText("Why they differ", "• The response varies on Accept", `"accept": "`+m[1]+`"`)
	f.closeOverlay()
}

func (f *tourFollower) labContents(m []string) {
	f.t.Helper()
	f.s.send("\x0c") // ctrl+l
	path := strings.TrimPrefix(strings.Fields(m[2])[1], "{{demo}}")
	f.s.waitText("Cache lab · ", "KEY ", path, m[3]+" "+m[4], "fresh for ")
	f.s.send("\x1b")
	f.s.waitFor("the lab's contents to close", func(scr string) bool { return strings.HasPrefix(scr, "┌ Collection") })
}

func (f *tourFollower) tenSecondsLater([]string) {
	f.t.Helper()
	f.s.send("+")
	f.s.waitText("Cache lab clock +10 s")
	f.send()
	f.s.waitText("cache lab: fresh hit")
}

func (f *tourFollower) labShared(m []string) {
	f.t.Helper()
	f.focusTree()
	f.s.send("L")
	f.s.waitText("Cache lab on: shared cache")
	f.send()
	f.s.waitText(m[1])
}

// loginCookies are the names of the cookies the tour's login sets.
var loginCookies = []string{`"session"`, `"__Host-csrf"`, `"theme"`}

func (f *tourFollower) cookiesBack([]string) {
	f.t.Helper()
	f.tab("Pretty", "2")
	f.s.waitText(loginCookies...)
}

func (f *tourFollower) cookieJar([]string) {
	f.t.Helper()
	f.s.send("\x0b") // ctrl+k
	f.s.waitFor("the jar to list the login's cookies", func(scr string) bool {
		return strings.Contains(scr, "3 cookies · ") && strings.Count(scr, "→ will be sent to ") == 3
	})
	f.s.send("\x1b")
	f.s.waitFor("the jar to close", func(scr string) bool { return strings.HasPrefix(scr, "┌ Collection") })
}

// bytesAfter shows the Raw tab, where the bytes after a message without content
// are shown apart, marked as not part of it.
func (f *tourFollower) bytesAfter([]string) {
	f.t.Helper()
	f.tab("Raw", "1")
	f.s.waitText("bytes followed the end of the message", "bytes after the end of the message, not part of it")
}
