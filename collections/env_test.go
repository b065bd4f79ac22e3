package collections

import (
	"reflect"
	"strings"
	"testing"
)

func TestLoadEnv(t *testing.T) {
	tests := []struct {
		env  string
		want map[string]string
	}{
		{"", map[string]string{"host": "http://127.0.0.1:8080", "version": "v2", "retries": "3"}},
		{"dev", map[string]string{"host": "http://127.0.0.1:9000", "version": "v2", "retries": "3",
			"user": "secret-user", "token": "s3cret", "debug": "true"}},
		{"prod", map[string]string{"host": "https://api.example.com", "version": "v2", "retries": "3",
			"limits": `{"rate":10}`, "limits.rate": "10"}},
		{"local", map[string]string{"host": "http://127.0.0.1:8080", "version": "v2", "retries": "3",
			"token": "only-private"}},
	}
	for _, tc := range tests {
		t.Run("env "+tc.env, func(t *testing.T) {
			got, err := LoadEnv("testdata/env", tc.env)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %v\nwant %v", got, tc.want)
			}
		})
	}
}

func TestLoadEnvErrors(t *testing.T) {
	tests := []struct {
		name, dir, env, want string
	}{
		{"an unknown environment", "testdata/env", "staging", `no environment "staging" in testdata/env; known: dev, local, prod`},
		{"invalid JSON", "testdata/badenv", "dev", "testdata/badenv/http-client.env.json:2:23: invalid environment file"},
		{"no files at all", "testdata/parse", "dev", "known: none"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := LoadEnv(tc.dir, tc.env)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want %q", err, tc.want)
			}
		})
	}
}

func TestEnvNames(t *testing.T) {
	tests := []struct {
		dir  string
		want []string
	}{
		{"testdata/env", []string{"dev", "local", "prod"}},
		{"testdata/parse", nil},
		{"", nil},
	}
	for _, tc := range tests {
		t.Run("dir "+tc.dir, func(t *testing.T) {
			got, err := EnvNames(tc.dir)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
	if vars, err := LoadEnv("", ""); err != nil || len(vars) != 0 {
		t.Errorf(`LoadEnv("", "") = %v, %v; want no variables`, vars, err)
	}
}
