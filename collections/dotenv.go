package collections

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
)

// projectDirs returns dir and its parents up to the project root: the first folder
// holding .git, .idea or .vscode, the home folder, or the file system's root.
func projectDirs(dir string) []string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return []string{dir}
	}
	home, _ := os.UserHomeDir()
	var dirs []string
	for d := abs; ; d = filepath.Dir(d) {
		dirs = append(dirs, d)
		if d == home || d == filepath.Dir(d) || isProjectRoot(d) {
			return dirs
		}
	}
}

func isProjectRoot(d string) bool {
	for _, marker := range []string{".git", ".idea", ".vscode"} {
		if _, err := os.Stat(filepath.Join(d, marker)); err == nil {
			return true
		}
	}
	return false
}

// LoadDotEnv returns the variables of the .env files in dir (and in its env/
// subfolder, as httpyac has it) and its parents up to the project root, the
// nearest winning. They answer {{$dotenv NAME}} and, last, plain names.
func LoadDotEnv(dir string) (map[string]string, error) {
	vars := map[string]string{}
	dirs := projectDirs(dir)
	for i := len(dirs) - 1; i >= 0; i-- {
		for _, p := range []string{filepath.Join(dirs[i], ".env"), filepath.Join(dirs[i], "env", ".env")} {
			m, err := readDotEnv(p)
			if err != nil {
				return nil, err
			}
			for k, v := range m {
				vars[k] = v
			}
		}
	}
	return vars, nil
}

// readDotEnv reads KEY=VALUE lines ("export " and quotes allowed, # comments); a
// missing file is empty.
func readDotEnv(path string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return map[string]string{}, nil
	}
	if err != nil {
		return nil, err
	}
	vars := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		k, v, ok := strings.Cut(strings.TrimPrefix(l, "export "), "=")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
			v = v[1 : len(v)-1]
		}
		vars[strings.TrimSpace(k)] = v
	}
	return vars, sc.Err()
}

// readNamedDotEnvs reads NAME.env files in dir and dir/env as environment NAME.
func readNamedDotEnvs(dir string) (envs, error) {
	out := envs{}
	for _, d := range []string{dir, filepath.Join(dir, "env")} {
		paths, _ := filepath.Glob(filepath.Join(d, "*.env"))
		for _, p := range paths {
			name := strings.TrimSuffix(filepath.Base(p), ".env")
			if name == "" {
				continue
			}
			m, err := readDotEnv(p)
			if err != nil {
				return nil, err
			}
			out.merge(envs{name: m})
		}
	}
	return out, nil
}

// readVSCodeEnvs reads the REST Client's environments from a VS Code settings
// file, which is JSON with comments and trailing commas.
func readVSCodeEnvs(path string) (envs, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return envs{}, nil
	}
	if err != nil {
		return nil, err
	}
	clean := stripJSONC(data)
	var settings struct {
		Envs map[string]map[string]json.RawMessage `json:"rest-client.environmentVariables"`
	}
	if err := json.Unmarshal(clean, &settings); err != nil {
		return nil, jsonError(path, clean, err)
	}
	return flattenEnvs(path, clean, settings.Envs)
}

// stripJSONC blanks out comments and drops trailing commas, keeping every other
// byte where it was (so error offsets still point into the file).
func stripJSONC(data []byte) []byte {
	out := append([]byte(nil), data...)
	inString := false
	for i := 0; i < len(out); i++ {
		c := out[i]
		switch {
		case inString && c == '\\':
			i++
		case c == '"':
			inString = !inString
		case inString:
		case c == '/' && i+1 < len(out) && out[i+1] == '/':
			for ; i < len(out) && out[i] != '\n'; i++ {
				out[i] = ' '
			}
		case c == '/' && i+1 < len(out) && out[i+1] == '*':
			for ; i < len(out) && !(out[i] == '*' && i+1 < len(out) && out[i+1] == '/'); i++ {
				if out[i] != '\n' {
					out[i] = ' '
				}
			}
			if i+1 < len(out) {
				out[i], out[i+1] = ' ', ' '
				i++
			}
		case c == ',':
			j := i + 1
			for j < len(out) && strings.ContainsRune(" \t\r\n", rune(out[j])) {
				j++
			}
			if j < len(out) && (out[j] == '}' || out[j] == ']') {
				out[i] = ' '
			}
		}
	}
	return out
}

// dotEnv returns the .env values for this request, read once when first needed.
func (x *expander) dotEnv() map[string]string {
	if x.rv.DotEnv != nil {
		return x.rv.DotEnv
	}
	if x.dotenv == nil {
		x.dotenv = map[string]string{}
		if x.r != nil && x.r.File != nil && x.r.File.Path != "" && !x.r.File.ReadOnly {
			if m, err := LoadDotEnv(filepath.Dir(x.r.File.Path)); err == nil {
				x.dotenv = m
			}
		}
	}
	return x.dotenv
}
