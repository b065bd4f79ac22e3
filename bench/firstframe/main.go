// Command firstframe times how long terminal programs take to show their first
// frame: each is started under a pseudo-terminal of the given size, its output
// goes through a terminal emulator (which also answers its queries, such as the
// background colour), and the clock stops when the screen first shows the
// program's marker text. The programs are run in turn, RUNS times each, and the
// median of each is printed with its ratio to the first one's.
//
// Usage: firstframe [-w 160] [-h 45] [-runs 10] 'MARKER=CMD ARGS...' ...
package main

import (
	"bytes"
	"flag"
	"fmt"
	"image/color"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/x/vt"
	"github.com/creack/pty"
)

func main() {
	w := flag.Int("w", 160, "terminal width")
	h := flag.Int("h", 45, "terminal height")
	runs := flag.Int("runs", 10, "runs of each program")
	flag.BoolVar(&show, "show", false, "print each screen as it changes, with its time (to pick a marker)")
	flag.BoolVar(&light, "light", false, "the terminal's background is white (its answer to the background query)")
	flag.BoolVar(&all, "all", false, "read the screen after every output chunk (the harness's CPU then competes more with the program)")
	flag.Parse()
	type prog struct {
		marker string
		args   []string
		times  []time.Duration
		cpu    []time.Duration
		after  []time.Duration // from the first output to the frame
	}
	var progs []*prog
	for _, spec := range flag.Args() {
		marker, cmd, ok := strings.Cut(spec, "=")
		if !ok {
			log.Fatalf("%q: want MARKER=CMD ARGS", spec)
		}
		progs = append(progs, &prog{marker: marker, args: strings.Fields(cmd)})
	}
	for range *runs {
		for _, p := range progs {
			d, cpu, after, err := firstFrame(p.args, p.marker, *w, *h)
			if err != nil {
				log.Fatalf("%s: %v", p.args[0], err)
			}
			p.times = append(p.times, d)
			p.cpu = append(p.cpu, cpu)
			p.after = append(p.after, after)
		}
	}
	var base, baseCPU time.Duration
	for i, p := range progs {
		slices.Sort(p.times)
		slices.Sort(p.cpu)
		med, cpu := p.times[len(p.times)/2], p.cpu[len(p.cpu)/2]
		if i == 0 {
			base, baseCPU = med, cpu
		}
		n := len(p.times)
		slices.Sort(p.after)
		fmt.Printf("%-45s median %7.1f ms  (q1-q3 %5.1f-%5.1f, min %5.1f, max %6.1f)  %.2fx   cpu %6.1f ms  %.2fx   set-up to frame %5.1f ms (q1-q3 %4.1f-%4.1f)\n", filepath.Base(p.args[0])+" "+strings.Join(p.args[1:], " "),
			ms(med), ms(p.times[n/4]), ms(p.times[3*n/4]), ms(p.times[0]), ms(p.times[n-1]), float64(med)/float64(base), ms(cpu), float64(cpu)/float64(baseCPU),
			ms(p.after[n/2]), ms(p.after[n/4]), ms(p.after[3*n/4]))
	}
}

var show, all, light bool

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// firstFrame starts args under a pty and returns the time until marker shows,
// and the CPU time (user and system) the program had used by then: the process
// is killed at once, so work it started in the background counts only as far as
// it got. On a shared machine the CPU time varies less than the wall time.
// after is the time from the program's first output (bubbletea's set-up of the
// terminal, such as the alternate screen) to its frame: the program's start
// (exec, package initialisers) is not in it, so it varies less between runs.
func firstFrame(args []string, marker string, w, h int) (wall, cpu, after time.Duration, err error) {
	cmd := exec.Command(args[0], args[1:]...)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color")
	start := time.Now()
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: uint16(h), Cols: uint16(w)})
	if err != nil {
		return 0, 0, 0, err
	}
	defer f.Close()
	stop := func() time.Duration {
		cmd.Process.Kill()
		cmd.Wait()
		return cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	emu := vt.NewEmulator(w, h)
	if light {
		emu.SetDefaultBackgroundColor(color.White)
	}
	var mu sync.Mutex
	go func() { _, _ = io.Copy(f, emu) }() // replies to terminal queries
	buf := make([]byte, 64<<10)
	var first time.Time
	deadline := time.AfterFunc(30*time.Second, func() { f.Close() })
	defer deadline.Stop()
	for {
		n, err := f.Read(buf)
		if n > 0 && first.IsZero() {
			first = time.Now()
		}
		if n > 0 {
			mu.Lock()
			emu.Write(buf[:n])
			// The screen (String: ~0.25 ms of CPU for 160x45) is read only after
			// output that holds the marker's last byte, the one that completes it
			// (programs draw a line left to right). Read after every chunk, as
			// before, it cost the harness a few ms of CPU while the program
			// worked after its terminal set-up, on the same cores (-all: as before).
			var scr string
			shown := false
			if show || all || bytes.IndexByte(buf[:n], marker[len(marker)-1]) >= 0 {
				scr = emu.String()
				shown = strings.Contains(scr, marker)
			}
			mu.Unlock()
			if show {
				fmt.Printf("--- %.1f ms\n%s\n", ms(time.Since(start)), scr)
			}
			if shown {
				wall := time.Since(start)
				return wall, stop(), time.Since(first), nil
			}
		}
		if err != nil {
			stop()
			return 0, 0, 0, fmt.Errorf("no %q on the screen before the program ended or 30 s passed", marker)
		}
	}
}
