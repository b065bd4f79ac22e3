package postman

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"github.com/httplens/httplens/atomicfile"
	"github.com/httplens/httplens/collections"
)

// Env is a Postman environment: its name and its enabled values, the ones of type
// "secret" apart (they belong in the git-ignored private environment file).
type Env struct {
	Name    string
	Vars    map[string]string
	Secrets map[string]string
	Notes   []string
}

// ConvertEnv reads a Postman environment file (or a globals file).
func ConvertEnv(data []byte) (Env, error) {
	var raw struct {
		Name   string `json:"name"`
		Values []struct {
			keyValue
			Enabled *bool `json:"enabled"`
		} `json:"values"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return Env{}, fmt.Errorf("not a Postman environment: %w", err)
	}
	if raw.Values == nil {
		return Env{}, errors.New("not a Postman environment: it has no \"values\"")
	}
	e := Env{Name: raw.Name, Vars: map[string]string{}, Secrets: map[string]string{}}
	for _, v := range raw.Values {
		switch {
		case v.Key == "":
		case v.Enabled != nil && !*v.Enabled:
			e.Notes = append(e.Notes, fmt.Sprintf("variable %s is disabled: left out", v.Key))
		case v.Type == "secret":
			e.Secrets[v.Key] = v.value()
		default:
			e.Vars[v.Key] = v.value()
		}
	}
	return e, nil
}

// MergeEnv adds the variables of environment name to the environment file at
// path (creating it), keeping its other environments and variables; a variable
// already there takes the new value. The write replaces the file atomically.
func MergeEnv(path, name string, vars map[string]string) error {
	if len(vars) == 0 {
		return nil
	}
	all := map[string]map[string]json.RawMessage{}
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return err
	default:
		if err := json.Unmarshal(data, &all); err != nil {
			return fmt.Errorf("%s: not an environment file, not changed: %w", path, err)
		}
	}
	if all[name] == nil {
		all[name] = map[string]json.RawMessage{}
	}
	keys := make([]string, 0, len(vars))
	for k := range vars {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		all[name][k], _ = json.Marshal(vars[k])
	}
	out, err := json.MarshalIndent(all, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	// A new file is its owner's only: it may hold secrets (the private file does).
	return atomicfile.WriteFile(path, append(out, '\n'), 0o600)
}

// WriteEnv merges e into the environment files of dir under envName (e.Name
// when ""): its values into http-client.env.json, its secrets into
// http-client.private.env.json.
func WriteEnv(dir, envName string, e Env) (string, error) {
	if envName == "" {
		envName = e.Name
	}
	if envName == "" {
		return "", errors.New("the environment has no name: give one with --env-name")
	}
	if err := MergeEnv(filepath.Join(dir, collections.EnvFile), envName, e.Vars); err != nil {
		return "", err
	}
	return envName, MergeEnv(filepath.Join(dir, collections.PrivateEnvFile), envName, e.Secrets)
}
