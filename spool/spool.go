// Package spool owns the temporary folder where the TUI keeps response bodies too
// large for memory (hundreds of MB): one folder per process, named with its id,
// removed when the process ends by any path it can see (return, SIGHUP, SIGTERM,
// SIGINT, a panic caught by the caller), and removed by the next start when the
// process could not (SIGKILL, a crash).
package spool

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// prefix names our folders in the temporary folder: prefix + pid + "-" + random.
const prefix = "httplens-bodies-"

// legacyAge is how old a folder from before the process id was in its name
// (httplens-bodies-DIGITS) must be to count as abandoned.
const legacyAge = 24 * time.Hour

// Dir is one process's spool folder.
type Dir struct {
	Path string
	once sync.Once
}

// New creates the folder (0700) in the temporary folder, first removing the
// folders of processes that are gone.
func New() (*Dir, error) {
	CleanStale(os.TempDir())
	return Make()
}

// Make creates the folder (0700) in the temporary folder, and leaves the folders
// of processes that are gone to CleanStale, for a caller with more urgent work
// (the TUI's first frame).
func Make() (*Dir, error) {
	p, err := os.MkdirTemp("", prefix+strconv.Itoa(os.Getpid())+"-")
	if err != nil {
		return nil, err
	}
	return &Dir{Path: p}, nil
}

// Remove deletes the folder and what it holds; it is safe to call more than
// once and from a signal handler's goroutine.
func (d *Dir) Remove() {
	d.once.Do(func() { os.RemoveAll(d.Path) })
}

// CleanStale removes the spool folders in dir whose process is gone.
func CleanStale(dir string) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range ents {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok || !e.IsDir() {
			continue
		}
		if pid, _, ok := strings.Cut(rest, "-"); ok {
			if n, err := strconv.Atoi(pid); err == nil && n > 0 && !alive(n) {
				os.RemoveAll(filepath.Join(dir, e.Name()))
			}
			continue
		}
		if _, err := strconv.ParseUint(rest, 10, 64); err == nil {
			if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > legacyAge {
				os.RemoveAll(filepath.Join(dir, e.Name()))
			}
		}
	}
}

// alive reports whether process pid exists; EPERM means it is somebody else's.
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
