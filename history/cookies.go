package history

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/httplens/httplens/requests"
)

// Cookies returns the cookies kept for the environment env ("" when no
// environment is chosen), ordered by domain, path and name. Expired cookies are
// left out. Pass them to requests.NewJar. Cookie values are kept in full:
// the jar has to send them, so StoreSecrets does not apply here.
func (s *Store) Cookies(ctx context.Context, env string) ([]requests.Cookie, error) {
	if err := s.wait(); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT name, value, domain, host_only, path, expires_ns,
		secure, http_only, same_site, created_ns FROM cookies
		WHERE env = ? AND (expires_ns = 0 OR expires_ns > ?) ORDER BY domain, path, name`,
		env, time.Now().UnixNano())
	if err != nil {
		return nil, fmt.Errorf("history: cookies of %q: %w", env, err)
	}
	defer rows.Close()
	var out []requests.Cookie
	for rows.Next() {
		var c requests.Cookie
		var expires, created int64
		var sameSite string
		if err := rows.Scan(&c.Name, &c.Value, &c.Domain, &c.HostOnly, &c.Path, &expires,
			&c.Secure, &c.HTTPOnly, &sameSite, &created); err != nil {
			return nil, fmt.Errorf("history: cookies of %q: %w", env, err)
		}
		if expires != 0 {
			c.Expires = time.Unix(0, expires)
		}
		if created != 0 {
			c.Created = time.Unix(0, created)
		}
		c.SameSite = sameSiteMode(sameSite)
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("history: cookies of %q: %w", env, err)
	}
	return out, nil
}

// SaveCookies replaces the cookies kept for env with cookies (as
// requests.Jar.All returns them), in one transaction. When two processes save
// the same environment, the last one wins.
func (s *Store) SaveCookies(ctx context.Context, env string, cookies []requests.Cookie) error {
	if err := s.wait(); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("history: saving cookies of %q: %w", env, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM cookies WHERE env = ?`, env); err != nil {
		return fmt.Errorf("history: saving cookies of %q: %w", env, err)
	}
	for _, c := range cookies {
		var expires, created int64
		if !c.Expires.IsZero() {
			expires = c.Expires.UnixNano()
		}
		if !c.Created.IsZero() {
			created = c.Created.UnixNano()
		}
		// INSERT OR REPLACE: a list with two cookies of one key keeps the later.
		_, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO cookies (env, domain, path, name, value,
			host_only, expires_ns, secure, http_only, same_site, created_ns) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
			env, c.Domain, c.Path, c.Name, c.Value, c.HostOnly, expires, c.Secure, c.HTTPOnly,
			sameSiteName(c.SameSite), created)
		if err != nil {
			return fmt.Errorf("history: saving cookie %s of %q: %w", c.Name, env, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("history: saving cookies of %q: %w", env, err)
	}
	return nil
}

// sameSiteName stores the SameSite attribute by name, so the column does not
// depend on the numbering of net/http's constants.
func sameSiteName(m http.SameSite) string {
	switch m {
	case http.SameSiteLaxMode:
		return "lax"
	case http.SameSiteStrictMode:
		return "strict"
	case http.SameSiteNoneMode:
		return "none"
	case http.SameSiteDefaultMode:
		return "default"
	}
	return ""
}

func sameSiteMode(name string) http.SameSite {
	switch name {
	case "lax":
		return http.SameSiteLaxMode
	case "strict":
		return http.SameSiteStrictMode
	case "none":
		return http.SameSiteNoneMode
	case "default":
		return http.SameSiteDefaultMode
	}
	return 0
}
