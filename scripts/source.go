package scripts

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// maxHandlerFile bounds the size of a handler file read from disk.
const maxHandlerFile = 1 << 20

// LoadFile reads a handler file named in a .http file (`> ./check.js`): a relative
// path is resolved beside the .http file, in baseDir. The Program it returns is named
// by the path as written, so errors point at that file.
func LoadFile(baseDir, path string) (Program, error) {
	full := path
	if !filepath.IsAbs(full) {
		full = filepath.Join(baseDir, path)
	}
	f, err := os.Open(full)
	if err != nil {
		return Program{}, fmt.Errorf("script file %s: %w", path, err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxHandlerFile+1))
	if err != nil {
		return Program{}, fmt.Errorf("script file %s: %w", path, err)
	}
	if len(b) > maxHandlerFile {
		return Program{}, fmt.Errorf("script file %s: larger than %d KiB", path, maxHandlerFile>>10)
	}
	return Program{Name: path, Source: string(b), Line: 1}, nil
}
