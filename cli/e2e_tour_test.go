package cli

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/httplens/httplens/collections"
)

// TestTUIFollowsTheTour follows every lesson of the built-in tour in the real
// binary under a pty, from a fresh start (its own history, default settings, the
// in-process demo), as a learner would: each request is selected in turn (down),
// its lesson is read off the screen, what the lesson tells you to press is found
// in its text (tourSteps) and pressed, and what it says you will see (the
// answer's status, a banner, a tab's contents, a header's note, a diff, the cache
// lab's label, its `# @expect` lines passing) is waited for on screen. An
// instruction no rule can follow fails the test, so the lessons and the program
// cannot part without it noticing. At the end ctrl+t starts the tour over.
func TestTUIFollowsTheTour(t *testing.T) {
	bin := testBinary(t)
	tour, err := collections.Tour()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	// A fresh start: no exchange stored by earlier tests.
	t.Setenv("HTTPLENS_HISTORY", filepath.Join(dir, "history.db"))
	f := &tourFollower{t: t, s: startTUI(t, bin, dir, 140, 44), all: tour.Requests(), sends: map[*collections.Request]int{}}
	f.s.waitText("Opened the built-in tour", "Reset the demo")
	followed := 0
	for _, file := range tour.Files {
		f.fileLesson(file)
		for i := range file.Requests {
			r := &file.Requests[i]
			f.moveTo(r)
			f.follow(r)
			followed++
		}
	}
	if followed != len(f.all) || followed < 60 {
		t.Errorf("followed %d lessons of %d", followed, len(f.all))
	}
	f.startOver(tour.Files[0].Lesson)
	// R and the URL edit left unsaved edits on tour requests (the tour is read-only): q asks.
	f.s.send("q")
	f.s.waitText("quit without saving")
	f.s.send("y")
	f.s.waitExit()
}

// startOver does what the tour's first lines say of ctrl+t: the demo is reset
// and the tour's history forgotten (the History tab is empty again), and the
// first lesson gives its answer again.
func (f *tourFollower) startOver(lesson string) {
	f.t.Helper()
	if !startsOver.MatchString(oneLine(lesson)) {
		f.t.Fatalf("the tour no longer says how to start over:\n%s", lesson)
	}
	f.focusTree()
	f.s.send("\x14") // ctrl+t
	f.s.waitFor("the start-over to forget the tour's exchanges", func(scr string) bool {
		m := startedOver.FindStringSubmatch(scr)
		return m != nil && m[1] != "0"
	})
	f.tab("History", "5")
	f.s.waitText("No stored exchanges of this request yet")
	clear(f.sends)
	f.moveTo(f.all[0])
	f.follow(f.all[0])
}

var (
	startsOver  = regexp.MustCompile(`(?i)ctrl\+t starts over \(it resets the demo and forgets the tour's history\)`)
	startedOver = regexp.MustCompile(`Started over: the demo answered 204 to its reset and (\d+) tour exchanges left the history`)
)

// TestTourRulesFollowTheLessons: every way of reading a lesson that the pty test
// knows is used by some lesson, and no lesson asks for something it cannot
// follow; a rule no lesson matches any more means a lesson was reworded and its
// promise is no longer checked. Fast: no binary.
func TestTourRulesFollowTheLessons(t *testing.T) {
	tour, err := collections.Tour()
	if err != nil {
		t.Fatal(err)
	}
	fired := make([]int, len(lessonRules))
	steps := 0
	for _, r := range tour.Requests() {
		st, unknown := tourSteps(r.Lesson)
		for _, u := range unknown {
			t.Errorf("%s: the lesson says %q and no rule follows it", r.Title, u)
		}
		for _, s := range st {
			fired[s.rule]++
		}
		steps += len(st)
	}
	for i, n := range fired {
		if n == 0 {
			t.Errorf("no lesson matches the rule %s", lessonRules[i].re)
		}
	}
	t.Logf("%d lessons, %d steps read from their text", len(tour.Requests()), steps)
}

// The panes in the order tab visits them.
const (
	focusTree = iota
	focusRequest
	focusResponse
	focusExplain
	paneCount
)

// tourFollower is the learner: where the focus is, which request is selected,
// and how far the lesson being followed has got.
type tourFollower struct {
	t     *testing.T
	s     *tuiSession
	all   []*collections.Request
	at    int // index in all of the selected request
	focus int
	labOn bool
	r     *collections.Request
	sent  int    // sends of r in this lesson
	etag  string // the ETag last read off the Headers tab
	// sends counts the answers of each request so far, as its History tab should.
	sends map[*collections.Request]int
}

// fileLesson does what a file's leading lesson asks before its requests.
func (f *tourFollower) fileLesson(file *collections.File) {
	f.t.Helper()
	text := oneLine(file.Lesson)
	if m := labTurnOn.FindStringSubmatch(text); m != nil {
		f.focusTree()
		f.s.send(m[1])
		f.s.waitText("Cache lab on: private cache")
		f.labOn = true
	}
	if strings.Contains(text, "cache lab") && !f.labOn {
		f.t.Errorf("%s: the lesson speaks of the cache lab without saying how to turn it on", file.Path)
	}
}

var labTurnOn = regexp.MustCompile(`(?i)\bturn it on with (\S+)`)

// follow does what r's lesson says, in the order it says it.
func (f *tourFollower) follow(r *collections.Request) {
	f.t.Helper()
	f.r, f.sent = r, 0
	if r.Lesson == "" {
		f.t.Errorf("%s: no lesson", r.Title)
	}
	steps, unknown := tourSteps(r.Lesson)
	for _, u := range unknown {
		f.t.Errorf("%s: the lesson says %q and the test does not know how to follow it", r.Title, u)
	}
	// The tour's first lines say it once for all: select a request, press ctrl+r.
	if !slices.ContainsFunc(steps, func(s step) bool { return s.sends }) {
		f.send()
	}
	for _, st := range steps {
		st.do(f, st.m)
	}
	f.focusTree()
}

// moveTo selects r by pressing down (or up), as the tour says, past the rows of
// the files, and waits for its lesson on screen.
func (f *tourFollower) moveTo(r *collections.Request) {
	f.t.Helper()
	f.focusTree()
	target := slicesIndex(f.all, r)
	for f.at < target {
		if f.all[f.at+1].File != f.all[f.at].File {
			f.s.send("j") // the next file's own row
		}
		f.s.send("j")
		f.at++
	}
	for f.at > target {
		if f.all[f.at-1].File != f.all[f.at].File {
			f.s.send("k")
		}
		f.s.send("k")
		f.at--
	}
	lesson := strings.Join(strings.Fields(r.Lesson)[:4], " ")
	f.s.waitFor("request "+r.Title+" selected with its lesson", func(scr string) bool {
		return strings.Contains(scr, "Request · "+r.Title+" ─") && strings.Contains(oneLine(scr), lesson)
	})
}

func slicesIndex(all []*collections.Request, r *collections.Request) int {
	for i, x := range all {
		if x == r {
			return i
		}
	}
	return -1
}

// focusTree gives the collection pane the focus again, with tab.
func (f *tourFollower) focusTree() {
	for f.focus != focusTree {
		f.s.send(keyTab)
		f.focus = (f.focus + 1) % paneCount
	}
}

// send presses ctrl+r and waits for the answer. The first send of a lesson must
// give what its @expect lines promise: the status on screen, every check passed,
// and the Explain pane naming the request; a later one is waited for by the
// History tab's count of stored exchanges.
func (f *tourFollower) send() string {
	f.t.Helper()
	f.sent++
	if f.sent > 1 {
		return f.resend()
	}
	r := f.r
	f.press(keyCtrlR)
	status, n := expectations(r)
	want := []string{explainTitle(r)}
	if status != "" {
		want = append(want, "Response "+status+" ")
	} else {
		want = append(want, r.Method+" "+r.Title+" → ")
	}
	if f.labOn {
		want = append(want, " · cache lab: ")
	}
	scr := f.s.waitText(want...)
	if strings.Contains(scr, "Request failed") {
		f.t.Fatalf("%s: %s", r.Title, scr)
	}
	if n > 0 {
		f.expectsPassed(scr, n)
	}
	return scr
}

// expectsPassed waits for the n checks of the answer shown to pass: the status
// line counts them, unless the conditional workflow's banner took its place;
// then the Tests tab (7) lists them.
func (f *tourFollower) expectsPassed(scr string, n int) {
	f.t.Helper()
	lines := strings.Split(scr, "\n")
	if st := lines[len(lines)-2]; strings.Contains(st, f.r.Method+" "+f.r.Title+" → ") {
		f.s.waitText(fmt.Sprintf("tests: %d passed", n))
		return
	}
	f.tab("Tests", "7")
	ok := regexp.MustCompile(`(?m)^│\s+ok\s`)
	f.s.waitFor(fmt.Sprintf("%d checks passed on the Tests tab", n), func(scr string) bool {
		p := responsePane(scr)
		return len(ok.FindAllString(p, -1)) == n && !strings.Contains(p, "FAIL")
	})
}

var storedCount = regexp.MustCompile(`(\d+) stored · `)

// resend sends the request again and waits for the History tab (5) to hold one
// more exchange of it: the answer that came back.
func (f *tourFollower) resend() string {
	f.t.Helper()
	f.tab("History", "5")
	n := f.stored()
	f.press(keyCtrlR)
	return f.waitStored(n + 1)
}

// press presses a key that sends the request selected (or answers yes to
// sending it), counting the answer to come.
func (f *tourFollower) press(key string) {
	f.t.Helper()
	f.sends[f.r]++
	f.s.send(key)
}

// stored is how many exchanges of the selected request the History tab lists,
// once it lists every answer sent so far.
func (f *tourFollower) stored() int {
	f.t.Helper()
	return storedOn(f.waitStored(f.sends[f.r]))
}

// waitStored waits for the History tab to list at least n exchanges.
func (f *tourFollower) waitStored(n int) string {
	f.t.Helper()
	return f.s.waitFor(fmt.Sprintf("the History tab to list %d exchanges", n), func(scr string) bool {
		return storedOn(scr) >= n && (n > 0 || strings.Contains(scr, "No stored exchanges"))
	})
}

func storedOn(scr string) int {
	n := 0
	if m := storedCount.FindStringSubmatch(scr); m != nil {
		n, _ = strconv.Atoi(m[1])
	}
	return n
}

// tab shows response tab name with its digit, which focuses the response pane.
func (f *tourFollower) tab(name, digit string) string {
	f.t.Helper()
	f.s.send(digit)
	f.focus = focusResponse
	return f.s.waitFor("the response pane's "+name+" tab", func(scr string) bool {
		return strings.Contains(responsePane(scr), "["+name+"]")
	})
}

// explainTitle is the start of the Explain pane's title once r's answer is shown:
// it names the request (cut to fit the pane).
func explainTitle(r *collections.Request) string {
	s := []rune("Explain · " + r.Method + " " + r.Title)
	return string(s[:min(len(s), 40)])
}

// expectations are r's promised status (from `@expect status`) and how many
// `@expect` lines it has.
func expectations(r *collections.Request) (status string, n int) {
	for _, d := range r.Directives {
		if d.Name != "expect" {
			continue
		}
		n++
		if code, ok := strings.CutPrefix(d.Value, "status "); ok {
			status = code
		}
	}
	return status, n
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
