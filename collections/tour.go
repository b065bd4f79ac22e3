package collections

import (
	"embed"
	"fmt"
)

//go:embed tour/*.http
var tourFiles embed.FS

// Tour returns the built-in tour: requests against the demo API ({{demo}}) that
// teach ETags and conditional requests, 204, caching, and broken responses. Its
// files are read-only, their paths start with "tour/", and it has no environment
// files (Dir is "").
func Tour() (*Collection, error) {
	c := &Collection{Root: "tour"}
	err := c.loadFS(tourFiles, "tour", func(rel string) string { return "tour/" + rel })
	if err == nil && len(c.Errors) > 0 {
		err = fmt.Errorf("built-in tour: %w", c.Errors[0])
	}
	if err != nil {
		return nil, err
	}
	for _, f := range c.Files {
		f.ReadOnly = true
	}
	return c, nil
}
