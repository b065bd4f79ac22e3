package collections

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// The environment files looked up in a collection's folder (Collection.Dir). The
// private one holds secrets, is meant to be git-ignored, and wins over the public one.
const (
	EnvFile        = "http-client.env.json"
	PrivateEnvFile = "http-client.private.env.json"
	sharedEnv      = "$shared"
)

// envs is the content of one environment file: environment -> variable -> value.
type envs map[string]map[string]string

// LoadEnv returns the variables of environment envName from the environment files
// in dir. The "$shared" environment applies to every environment; an environment's
// own values win over it, and the private file wins over the public one. envName ""
// gives the shared variables only. Missing files are fine; an unknown envName is an
// error listing the known ones. dir "" (the built-in tour) has no environments.
func LoadEnv(dir, envName string) (map[string]string, error) {
	public, private, err := readEnvFiles(dir)
	if err != nil {
		return nil, err
	}
	if envName != "" && envName != sharedEnv {
		if _, ok := public[envName]; !ok {
			if _, ok := private[envName]; !ok {
				return nil, fmt.Errorf("no environment %q in %s; known: %s", envName, dir, knownEnvs(public, private))
			}
		}
	}
	vars := map[string]string{}
	for _, layer := range []map[string]string{public[sharedEnv], private[sharedEnv], public[envName], private[envName]} {
		for k, v := range layer {
			vars[k] = v
		}
	}
	return vars, nil
}

// EnvNames returns the environments defined in dir's environment files, sorted,
// without "$shared".
func EnvNames(dir string) ([]string, error) {
	public, private, err := readEnvFiles(dir)
	if err != nil {
		return nil, err
	}
	return envNames(public, private), nil
}

func envNames(files ...envs) []string {
	seen := map[string]bool{}
	var names []string
	for _, f := range files {
		for name := range f {
			if name != sharedEnv && !seen[name] {
				seen[name] = true
				names = append(names, name)
			}
		}
	}
	sort.Strings(names)
	return names
}

func knownEnvs(files ...envs) string {
	names := envNames(files...)
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}

// readEnvFiles reads the environment files of dir and of its parents up to the
// project root (see projectDirs), as the JetBrains client and the REST Client look
// them up: a nearer folder's values win. Besides http-client(.private).env.json,
// a folder may give environments in .vscode/settings.json
// ("rest-client.environmentVariables"), resterm.env.json and NAME.env files
// (httpyac, also in an env/ subfolder).
func readEnvFiles(dir string) (public, private envs, err error) {
	public, private = envs{}, envs{}
	if dir == "" {
		return public, private, nil
	}
	dirs := projectDirs(dir)
	for i := len(dirs) - 1; i >= 0; i-- {
		d := dirs[i]
		for _, read := range []func() (envs, error){
			func() (envs, error) { return readEnvFile(filepath.Join(d, "resterm.env.json")) },
			func() (envs, error) { return readVSCodeEnvs(filepath.Join(d, ".vscode", "settings.json")) },
			func() (envs, error) { return readNamedDotEnvs(d) },
			func() (envs, error) { return readEnvFile(filepath.Join(d, EnvFile)) },
		} {
			layer, err := read()
			if err != nil {
				return nil, nil, err
			}
			public.merge(layer)
		}
		layer, err := readEnvFile(filepath.Join(d, PrivateEnvFile))
		if err != nil {
			return nil, nil, err
		}
		private.merge(layer)
	}
	return public, private, nil
}

// merge adds the environments of o, its values winning.
func (e envs) merge(o envs) {
	for name, vars := range o {
		if e[name] == nil {
			e[name] = map[string]string{}
		}
		for k, v := range vars {
			e[name][k] = v
		}
	}
}

// readEnvFile reads one environment file; a missing file is empty. Values that are
// not strings are kept as their JSON text (numbers, true, false; objects compact);
// nested objects also give dotted names ({"base": {"url": ...}} has base.url).
func readEnvFile(path string) (envs, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return envs{}, nil
	}
	if err != nil {
		return nil, err
	}
	var raw map[string]map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, jsonError(path, data, err)
	}
	return flattenEnvs(path, data, raw)
}

func flattenEnvs(path string, data []byte, raw map[string]map[string]json.RawMessage) (envs, error) {
	out := envs{}
	for env, vars := range raw {
		out[env] = map[string]string{}
		if err := flatten(out[env], "", vars); err != nil {
			return nil, jsonError(path, data, err)
		}
	}
	return out, nil
}

func flatten(into map[string]string, prefix string, vars map[string]json.RawMessage) error {
	for k, v := range vars {
		var s string
		var obj map[string]json.RawMessage
		switch {
		case json.Unmarshal(v, &s) == nil:
		case json.Unmarshal(v, &obj) == nil && obj != nil:
			if err := flatten(into, prefix+k+".", obj); err != nil {
				return err
			}
			fallthrough // the object itself stays available as JSON
		default:
			var b bytes.Buffer
			if err := json.Compact(&b, v); err != nil {
				return err
			}
			s = b.String()
		}
		into[prefix+k] = s
	}
	return nil
}

// jsonError turns a JSON error into "path:line:col: message" where the decoder
// says where it stopped.
func jsonError(path string, data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	offset := -1
	switch {
	case errors.As(err, &syn):
		offset = max(int(syn.Offset)-1, 0) // Offset is just past the bad byte
	case errors.As(err, &typ):
		offset = int(typ.Offset)
	}
	if offset < 0 {
		return &Error{Path: path, Msg: err.Error()}
	}
	f := &File{Path: path, Content: data}
	p := &parser{f: f, data: data}
	p.split()
	return &Error{Path: path, Pos: f.Pos(offset), Msg: "invalid environment file: " + err.Error()}
}
