package cli

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"

	"github.com/httplens/httplens/runner"
)

// runPrinter writes a run's lines: one per request and per check, as runner.Lines
// renders them. On a terminal a progress line ("[3/12] name") stands below them and
// is redrawn after each request; elsewhere (CI logs, pipes) there are only the plain
// lines. Colour comes from lipgloss's profile for out, which is plain text off a
// terminal and with NO_COLOR set.
type runPrinter struct {
	out        io.Writer
	names      []string
	tty        bool
	pass, fail lipgloss.Style
	// cacheLabel is what the cache lab did for the step being run ("" without
	// --cache); the run's Send sets it and step prints it.
	cacheLabel string
}

func newRunPrinter(out io.Writer, plan []planned) *runPrinter {
	r := lipgloss.NewRenderer(out)
	p := &runPrinter{out: out, tty: isTerminal(out),
		pass: r.NewStyle().Foreground(lipgloss.Color("2")),
		fail: r.NewStyle().Foreground(lipgloss.Color("1")).Bold(true)}
	for _, pl := range plan {
		p.names = append(p.names, stepName(pl.req))
	}
	return p
}

// start shows the progress line for the first request.
func (p *runPrinter) start() { p.progress(0) }

// progress draws "[i+1/n] name" on the terminal's last line.
func (p *runPrinter) progress(i int) {
	if !p.tty || i >= len(p.names) {
		return
	}
	fmt.Fprintf(p.out, "\r\x1b[K[%d/%d] %s", i+1, len(p.names), printableText(p.names[i]))
}

// step prints the lines of step i and the progress line of the next.
func (p *runPrinter) step(i int, r runner.StepResult) {
	if p.tty {
		fmt.Fprint(p.out, "\r\x1b[K")
	}
	lines := runner.Lines(r)
	if p.cacheLabel != "" && len(lines) > 0 {
		lines = append(lines[:1], append([]string{"  cache " + printableText(p.cacheLabel)}, lines[1:]...)...)
		p.cacheLabel = ""
	}
	for _, l := range lines {
		fmt.Fprintln(p.out, p.colour(l))
	}
	p.progress(i + 1)
}

// colour paints the PASS, ok and FAIL marks of a line; the text after them is
// already made safe by runner.Lines.
func (p *runPrinter) colour(line string) string {
	for _, m := range []struct {
		mark  string
		style lipgloss.Style
	}{{"PASS", p.pass}, {"FAIL", p.fail}, {"  ok  ", p.pass}, {"  FAIL", p.fail}} {
		if rest, ok := strings.CutPrefix(line, m.mark); ok {
			lead := strings.TrimLeft(m.mark, " ")
			return m.mark[:len(m.mark)-len(lead)] + m.style.Render(lead) + rest
		}
	}
	return line
}

// summary ends the run with one line: requests, checks, failures and time.
func (p *runPrinter) summary(rep runner.Report) {
	if p.tty {
		fmt.Fprint(p.out, "\r\x1b[K")
	}
	checks, failed := rep.Counts()
	passed := 0
	for _, s := range rep.Steps {
		if s.Passed() {
			passed++
		}
	}
	verdict := p.pass.Render("passed")
	if failed > 0 {
		verdict = p.fail.Render("FAILED")
	}
	fmt.Fprintf(p.out, "\n%s: %d of %d requests passed, %d of %d checks failed (%v)\n",
		verdict, passed, len(rep.Steps), failed, checks, rep.Duration.Round(time.Millisecond))
}
