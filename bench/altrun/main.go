// Command altrun times short commands side by side: each round runs every
// command once, in turn, so a machine whose load changes during the run
// slows all of them alike and their ratios hold. It prints, per command, the
// median wall time with its quartiles, the median CPU time (user+system), both
// as ratios to the first command's, and the median count of minor page faults
// (which the machine's load does not change: a steady measure of the work of
// starting a process). Standard output goes to /dev/null.
//
// Usage: altrun [-runs 30] [-warmup 3] 'NAME=CMD ARGS...' ...
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"slices"
	"strings"
	"syscall"
	"time"
)

func main() {
	runs := flag.Int("runs", 30, "rounds (each runs every command once)")
	warmup := flag.Int("warmup", 3, "rounds run first and not counted")
	flag.Parse()
	type prog struct {
		name      string
		args      []string
		wall, cpu []time.Duration
		faults    []int64
	}
	var progs []*prog
	for _, spec := range flag.Args() {
		name, cmd, ok := strings.Cut(spec, "=")
		if !ok {
			log.Fatalf("%q: want NAME=CMD ARGS", spec)
		}
		progs = append(progs, &prog{name: name, args: strings.Fields(cmd)})
	}
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		log.Fatal(err)
	}
	for i := range *warmup + *runs {
		for _, p := range progs {
			cmd := exec.Command(p.args[0], p.args[1:]...)
			cmd.Stdout, cmd.Stderr = null, os.Stderr
			start := time.Now()
			if err := cmd.Run(); err != nil {
				log.Fatalf("%s: %v", p.name, err)
			}
			wall := time.Since(start)
			if i >= *warmup {
				p.wall = append(p.wall, wall)
				p.cpu = append(p.cpu, cmd.ProcessState.UserTime()+cmd.ProcessState.SystemTime())
				if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
					p.faults = append(p.faults, ru.Minflt)
				}
			}
		}
	}
	var base, baseCPU time.Duration
	for i, p := range progs {
		slices.Sort(p.wall)
		slices.Sort(p.cpu)
		slices.Sort(p.faults)
		faults := int64(-1)
		if len(p.faults) > 0 {
			faults = p.faults[len(p.faults)/2]
		}
		n := len(p.wall)
		med, cpu := p.wall[n/2], p.cpu[n/2]
		if i == 0 {
			base, baseCPU = med, cpu
		}
		fmt.Printf("%-16s wall %7.2f ms (q1 %6.2f, q3 %6.2f) %5.2fx   cpu %6.2f ms %5.2fx   faults %5d\n", p.name,
			ms(med), ms(p.wall[n/4]), ms(p.wall[3*n/4]), float64(med)/float64(base), ms(cpu), float64(cpu)/float64(baseCPU), faults)
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
