package explain

import "testing"

// cacheTableHook, when set, sees every case of the cache test tables as it runs.
var cacheTableHook func(name string, x Exchange)

// CacheTableCase is one exchange of the cache test tables, for tests outside the
// package (the cache lab's agreement test).
type CacheTableCase struct {
	Name     string
	Exchange Exchange
}

// CacheTableCases runs the cache test tables under t and returns every exchange
// they contain.
func CacheTableCases(t *testing.T) []CacheTableCase {
	var out []CacheTableCase
	cacheTableHook = func(name string, x Exchange) { out = append(out, CacheTableCase{name, x}) }
	defer func() { cacheTableHook = nil }()
	t.Run("tables", func(t *testing.T) {
		TestAnalyzeCacheFreshness(t)
		TestAnalyzeCacheDirectives(t)
		TestAnalyzeCacheControlSyntax(t)
		TestAnalyzeCacheStorability(t)
		TestAnalyzeCacheMethods(t)
	})
	return out
}
