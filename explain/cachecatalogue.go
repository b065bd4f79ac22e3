package explain

// cacheChecks is the catalogue of the caching checks: every id analyzeCache can emit,
// each with the most serious severity it can take.
func cacheChecks() []Check {
	return []Check{
		// Cache-Control as written.
		{"cc-syntax", Warning, "Invalid Cache-Control directives", []string{"RFC 9111 §5.2", "RFC 9111 §1.2.2", "RFC 9111 §4.2.1", "RFC 9110 §5.6.2"}},
		{"cc-duplicate", Warning, "Caching directive given more than once", []string{"RFC 9111 §4.2.1"}},
		{"cc-conflict", Warning, "Contradictory Cache-Control directives", []string{"RFC 9111 §4.2.1"}},
		{"cc-unknown", Info, "Unknown Cache-Control directives", []string{"RFC 9111 §5.2.3"}},

		// Storability.
		{"cache-method", Info, "Whether responses to the method are stored", []string{"RFC 9110 §9.3.3", "RFC 9110 §9.3.4", "RFC 9110 §9.3.5", "RFC 5789 §2", "RFC 9110 §9.1", "RFC 9111 §3", "RFC 9110 §9.3.6", "RFC 9110 §9.3.7", "RFC 9110 §9.3.8"}},
		{"cache-never-stored", Info, "Status that caches must never store", []string{"RFC 6585 §3", "RFC 6585 §4", "RFC 6585 §5", "RFC 6585 §6"}},
		{"cache-not-storable", Info, "No cache may store this response", []string{"RFC 9111 §3", "RFC 9110 §15.1"}},
		{"cache-no-store", Info, "no-store: no cache may keep it", []string{"RFC 9111 §5.2.2.5", "RFC 9111 §5.2.1.5"}},
		{"cache-private", Info, "private: kept out of shared caches", []string{"RFC 9111 §5.2.2.7", "RFC 9111 §3"}},
		{"cache-authorization", Info, "Authorization in the request and shared caches", []string{"RFC 9111 §3.5", "RFC 9110 §11.6.2"}},
		{"cache-public-unnecessary", Info, "public adds nothing here", []string{"RFC 9111 §5.2.2.9"}},
		{"cache-must-understand", Info, "must-understand", []string{"RFC 9111 §5.2.2.3"}},
		{"set-cookie-shared", Warning, "Set-Cookie on a response shared caches may store", []string{"RFC 9111 §3.1", "RFC 9111 §7.3"}},

		// Freshness and age.
		{"age-field", Warning, "Invalid Age field", []string{"RFC 9111 §5.1"}},
		{"expires-ignored", Info, "Expires is ignored", []string{"RFC 9111 §5.3", "RFC 9111 §4.2.1", "RFC 9111 §5.2.2.10"}},
		{"expires-invalid", Warning, "Invalid Expires: already expired", []string{"RFC 9111 §5.3", "RFC 9110 §5.6.7"}},
		{"cache-heuristic", Warning, "Heuristic freshness", []string{"RFC 9111 §4.2.2", "RFC 9110 §15.1"}},
		{"cache-fresh", Info, "Fresh: reusable without the origin", []string{"RFC 9111 §4.2", "RFC 9111 §4.2.1", "RFC 9111 §4.2.3"}},
		{"cache-stale", Info, "Stale: revalidate before reuse", []string{"RFC 9111 §4.2", "RFC 9111 §4.2.1", "RFC 9111 §4.2.3"}},

		// Reuse directives and obsolete fields.
		{"cache-no-cache", Warning, "no-cache: revalidate before every reuse", []string{"RFC 9111 §5.2.2.4", "RFC 9111 §4.3"}},
		{"must-revalidate", Info, "must-revalidate: never served stale", []string{"RFC 9111 §5.2.2.2"}},
		{"proxy-revalidate", Info, "proxy-revalidate: shared caches never serve it stale", []string{"RFC 9111 §5.2.2.8"}},
		{"immutable", Info, "immutable: no revalidation while fresh", []string{"RFC 8246 §2"}},
		{"stale-while-revalidate", Info, "stale-while-revalidate", []string{"RFC 5861 §3", "RFC 9111 §4.2.4"}},
		{"stale-if-error", Info, "stale-if-error", []string{"RFC 5861 §4", "RFC 9111 §4.2.4"}},
		{"pragma", Warning, "Pragma is deprecated", []string{"RFC 9111 §5.4"}},
		{"warning-obsolete", Info, "The Warning field is obsolete", []string{"RFC 9111 §5.5"}},

		// Vary and invalidation.
		{"vary", Info, "Vary: which request fields select the response", []string{"RFC 9110 §12.5.5", "RFC 9111 §4.1"}},
		{"cache-vary-star", Warning, "Vary: * never matches", []string{"RFC 9110 §12.5.5", "RFC 9111 §4.1"}},
		{"vary-quality", Warning, "Questionable Vary", []string{"RFC 9110 §12.5.5", "RFC 9111 §4.1"}},
		{"cache-invalidation", Info, "Stored copies invalidated", []string{"RFC 9111 §4.4"}},

		// What caches on the path said (explain/intermediary.go).
		{"cache-status", Info, "Cache-Status: what each cache did", []string{"RFC 9211 §2"}},
		{"cache-status-invalid", Warning, "Questionable Cache-Status", []string{"RFC 9211 §2"}},
		{"cache-age-intermediary", Info, "Served by a cache (Age)", []string{"RFC 9111 §5.1", "RFC 9111 §4.2.3"}},
		{"via", Info, "Via: the intermediaries on the path", []string{"RFC 9110 §7.6.3"}},
		{"targeted-cache-control", Info, "Targeted cache-control field (CDN-Cache-Control)", []string{"RFC 9213 §2", "RFC 9213 §3.1"}},
		{"x-cache", Info, "X-Cache: a cache's own report", []string{"RFC 9211 §1"}},
	}
}
