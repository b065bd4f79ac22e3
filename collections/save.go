package collections

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// ErrConflict is wrapped by Save's error when the file on disk is no longer the one
// that was read: somebody else changed it, and saving would lose their change.
var ErrConflict = errors.New("the file changed on disk since it was read; reload it before saving")

// Save writes content (usually from f.Replace) to f.Path and returns the file parsed
// from it, which the caller must use from now on in place of f (a second Save with
// the old f would report a conflict).
//
// Save refuses content that does not parse, and a file whose bytes on disk differ
// from f.Content (the error wraps ErrConflict). The write is atomic: a temporary
// file in the same folder, fsync, then rename over the original, keeping its mode.
func Save(f *File, content []byte) (*File, error) {
	if f.ReadOnly {
		return nil, fmt.Errorf("%s: the built-in collection is read-only; save a copy instead", f.Path)
	}
	nf, err := Parse(f.Path, content)
	if err != nil {
		return nil, fmt.Errorf("refusing to save content that does not parse: %w", err)
	}
	// A file may already hold problems (it loads anyway); an edit must not add one.
	if before, after := f.Problems(), nf.Problems(); len(after) > len(before) {
		return nil, fmt.Errorf("refusing to save content with a new problem: %w", after[len(after)-1])
	}
	nf.Group, nf.ReadOnly = f.Group, f.ReadOnly
	disk, err := os.ReadFile(f.Path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, fmt.Errorf("%s: it was removed: %w", f.Path, ErrConflict)
	case err != nil:
		return nil, err
	case !bytes.Equal(disk, f.Content):
		return nil, fmt.Errorf("%s: %w", f.Path, ErrConflict)
	}
	info, err := os.Stat(f.Path)
	if err != nil {
		return nil, err
	}
	if err := writeAtomic(f.Path, content, info.Mode().Perm()); err != nil {
		return nil, fmt.Errorf("%s: save: %w", f.Path, err)
	}
	return nf, nil
}

// writeAtomic replaces the file at path with content so that a reader sees either
// the old bytes or the new ones, never a half-written file.
func writeAtomic(path string, content []byte, mode os.FileMode) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(content); err != nil {
		return err
	}
	if err = tmp.Chmod(mode); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	// Make the rename itself durable; some systems cannot sync a folder, which is
	// no reason to report a save that happened as failed.
	if d, derr := os.Open(dir); derr == nil {
		d.Sync()
		d.Close()
	}
	return nil
}
