package postman

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/httplens/httplens/atomicfile"
)

// Write writes files under dir, creating folders as needed. It never overwrites:
// when any of the files exists already, it writes nothing and the error names
// that file. dir itself may exist.
func Write(dir string, files []File) error {
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if _, err := os.Lstat(p); err == nil {
			return fmt.Errorf("%s already exists: not overwritten (choose an empty folder)", p)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		// NoReplace, so that a file created since the check above is not
		// overwritten either; atomic, so a crash leaves no half file.
		err := atomicfile.Write(p, atomicfile.Options{Perm: 0o644, NoReplace: true}, func(w io.Writer) error {
			_, err := w.Write(f.Content)
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}
