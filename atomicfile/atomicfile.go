// Package atomicfile replaces files so that a reader, or a crash, sees either the
// old bytes or the new ones, never half a file: the data goes to a temporary file
// in the target's own folder, is synced, and is renamed over the target.
//
// It respects what the file system says about the target: a symlink is followed
// and its target replaced (in the target's folder, so the link stays a link), the
// mode and owner are kept, and a file without write permission is refused rather
// than replaced behind the owner's back. Temporary files left by a process that
// died mid-write are removed on the next write to the same folder.
package atomicfile

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// ErrReadOnly is wrapped by the error for a target without write permission.
var ErrReadOnly = errors.New("the file is read-only")

// ErrExist is wrapped by the error for an existing target with NoReplace. It
// also matches fs.ErrExist.
var ErrExist = fmt.Errorf("the file exists: %w", fs.ErrExist)

// Options say how to write.
type Options struct {
	// Perm is the mode of a new file; an existing file keeps its own.
	Perm os.FileMode
	// NoReplace refuses an existing target, even one that appears while writing.
	NoReplace bool
}

// WriteFile writes data to path atomically; perm is the mode of a new file.
func WriteFile(path string, data []byte, perm os.FileMode) error {
	return Write(path, Options{Perm: perm}, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// Write writes what write produces to path atomically. When write fails nothing
// changes on disk and its error is returned.
func Write(path string, opt Options, write func(io.Writer) error) (err error) {
	target, info, err := resolve(path)
	if err != nil {
		return err
	}
	perm := opt.Perm
	if info != nil {
		if opt.NoReplace {
			return fmt.Errorf("%s: %w", path, ErrExist)
		}
		if err := writable(target, info); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		perm = info.Mode().Perm()
	}
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	cleanStale(dir, base)
	tmp, err := os.CreateTemp(dir, tempPrefix(base)+"*.tmp")
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(tmp, 64<<10)
	if err = write(bw); err != nil {
		return err
	}
	if err = bw.Flush(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err = tmp.Chmod(perm); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if info != nil {
		keepOwner(tmp, info)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if opt.NoReplace {
		// A hard link fails if the target appeared meanwhile; rename would replace it.
		if err = os.Link(tmp.Name(), target); err != nil {
			if errors.Is(err, fs.ErrExist) {
				err = fmt.Errorf("%s: %w", path, ErrExist)
			}
			return err
		}
		os.Remove(tmp.Name())
	} else if err = os.Rename(tmp.Name(), target); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	// Make the rename durable; some systems cannot sync a folder, which is no
	// reason to report a write that happened as failed.
	if d, derr := os.Open(dir); derr == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// resolve follows symlinks to the file to replace. info is nil when it does not
// exist yet; a dangling link is resolved to the path it names.
func resolve(path string) (string, os.FileInfo, error) {
	target := path
	for range 40 {
		li, err := os.Lstat(target)
		if errors.Is(err, fs.ErrNotExist) {
			return target, nil, nil
		}
		if err != nil {
			return "", nil, err
		}
		if li.Mode()&os.ModeSymlink == 0 {
			if !li.Mode().IsRegular() {
				return "", nil, fmt.Errorf("%s: not a regular file", path)
			}
			return target, li, nil
		}
		link, err := os.Readlink(target)
		if err != nil {
			return "", nil, err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(target), link)
		}
		target = link
	}
	return "", nil, fmt.Errorf("%s: too many levels of symbolic links", path)
}

// writable refuses a file that its mode, or the access check, says we may not
// write. The mode check matters for root, whom access(2) always lets write.
func writable(path string, info os.FileInfo) error {
	if info.Mode().Perm()&0o222 == 0 || syscall.Access(path, 2 /* W_OK */) != nil {
		return fmt.Errorf("%w (mode %04o)", ErrReadOnly, info.Mode().Perm())
	}
	return nil
}

// keepOwner gives the temporary file the target's owner and group. Only root may
// give a file away, and a group change may be refused too; the file then belongs
// to whoever wrote it, as with any editor.
func keepOwner(f *os.File, info os.FileInfo) {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		if err := f.Chown(int(st.Uid), int(st.Gid)); err != nil {
			f.Chown(-1, int(st.Gid))
		}
	}
}

// tempPrefix names our temporary files for base, with our process id, so that a
// later write can tell a dead writer's leftovers from a live one's.
func tempPrefix(base string) string {
	return "." + base + ".httplens-" + strconv.Itoa(os.Getpid()) + "-"
}

// legacyAge is how old a temporary file from before process ids were in the name
// must be to count as abandoned.
const legacyAge = time.Hour

// cleanStale removes temporary files for base left by processes that are gone.
func cleanStale(dir, base string) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	prefix := "." + base + "."
	for _, e := range ents {
		name := e.Name()
		rest, ok := strings.CutPrefix(name, prefix)
		if !ok || !strings.HasSuffix(rest, ".tmp") || !e.Type().IsRegular() {
			continue
		}
		rest = strings.TrimSuffix(rest, ".tmp")
		if p, ok := strings.CutPrefix(rest, "httplens-"); ok {
			pid, _, _ := strings.Cut(p, "-")
			if n, err := strconv.Atoi(pid); err == nil && !Alive(n) {
				os.Remove(filepath.Join(dir, name))
			}
			continue
		}
		// Older versions named them .NAME.DIGITS.tmp, without a process id.
		if _, err := strconv.ParseUint(rest, 10, 64); err == nil {
			if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > legacyAge {
				os.Remove(filepath.Join(dir, name))
			}
		}
	}
}

// Alive reports whether process pid exists. EPERM means it exists but is not ours.
func Alive(pid int) bool {
	if pid <= 0 {
		return false
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
