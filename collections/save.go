package collections

import (
	"bytes"
	"errors"
	"fmt"
	"os"

	"github.com/httplens/httplens/atomicfile"
)

// ErrConflict is wrapped by Save's error when the file on disk is no longer the one
// that was read: somebody else changed it, and saving would lose their change.
var ErrConflict = errors.New("the file changed on disk since it was read; reload it before saving")

// Save writes content (usually from f.Replace) to f.Path and returns the file parsed
// from it, which the caller must use from now on in place of f (a second Save with
// the old f would report a conflict).
//
// Save refuses content that does not parse, and a file whose bytes on disk differ
// from f.Content (the error wraps ErrConflict). The write is atomic (package
// atomicfile): a symlink's target is replaced, mode and owner are kept, and a
// read-only file is refused (the error wraps atomicfile.ErrReadOnly).
func Save(f *File, content []byte) (*File, error) {
	if f.ReadOnly {
		return nil, fmt.Errorf("%s: the built-in collection is read-only; save a copy instead", f.Path)
	}
	nf, err := Parse(f.Path, content)
	if err != nil {
		return nil, fmt.Errorf("refusing to save content that does not parse: %w", err)
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
	if err := atomicfile.WriteFile(f.Path, content, 0o644); err != nil {
		return nil, err // it names the file
	}
	return nf, nil
}
