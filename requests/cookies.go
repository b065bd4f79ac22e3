package requests

import (
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"
)

// Cookie is one cookie as a Jar holds it, in a form that can be stored and shown:
// the domain and path it applies to are resolved (RFC 6265 §5.3), and a Max-Age
// has become an Expires.
type Cookie struct {
	Name  string
	Value string
	// Domain is the host for a host-only cookie, otherwise the Domain attribute
	// without its leading dot; the cookie then also goes to its subdomains.
	Domain   string
	HostOnly bool
	Path     string
	// Expires is zero for a session cookie, which a Jar keeps until deleted.
	Expires  time.Time
	Secure   bool
	HTTPOnly bool
	SameSite http.SameSite
	// Created is when the cookie was first set; a replacement keeps it. Cookies
	// with paths of equal length are sent oldest first (RFC 6265 §5.4).
	Created time.Time
}

// key identifies a cookie in a jar, as RFC 6265 §5.3 step 11 does.
func (c Cookie) key() string { return c.Domain + ";" + c.Path + ";" + c.Name }

// Jar is an http.CookieJar (RFC 6265 rules, through net/http/cookiejar) that can
// also list what it holds, so that the cookies can be shown, edited and kept
// between runs. cookiejar cannot list its cookies, so Jar keeps a record of
// every cookie cookiejar accepted. It is safe for concurrent use.
//
// Put it in Options.Jar; after the exchange, Cookies returns what to store.
// There is no public suffix list (none is in the standard library), so a
// server may set a cookie for a whole suffix such as Domain=co.uk.
type Jar struct {
	mu     sync.Mutex
	jar    *cookiejar.Jar
	record map[string]Cookie
}

// NewJar returns a jar holding saved (as Cookies returned them in an earlier run).
// Each saved cookie goes through the same rules as a Set-Cookie field, so an
// expired one is dropped.
func NewJar(saved []Cookie) *Jar {
	j := &Jar{}
	j.reset()
	// Replayed oldest first, so cookiejar orders them as it did when they were set.
	saved = slices.Clone(saved)
	slices.SortStableFunc(saved, func(a, b Cookie) int { return a.Created.Compare(b.Created) })
	for _, c := range saved {
		j.set(c)
	}
	return j
}

func (j *Jar) reset() {
	j.jar = nil // made by the first cookie (see cookies): most sends never set one
	j.record = map[string]Cookie{}
}

// cookies is the cookiejar, made at first use; the caller holds mu. Making it and
// asking an empty one for cookies cost a one-shot send more than its whole
// request line (the first touch of cookiejar's code and tables).
func (j *Jar) cookies() *cookiejar.Jar {
	if j.jar == nil {
		// cookiejar.New fails only on a bad option; nil options are always good.
		j.jar, _ = cookiejar.New(nil)
	}
	return j.jar
}

// SetCookies implements http.CookieJar: it stores the cookies of a response
// from u, under the rules of RFC 6265 §5.3, and records those accepted.
func (j *Jar) SetCookies(u *url.URL, cookies []*http.Cookie) {
	if len(cookies) == 0 {
		return // cookiejar does nothing with none either
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	j.cookies().SetCookies(u, cookies)
	now := time.Now()
	for _, hc := range cookies {
		j.note(resolve(u, hc, now))
	}
}

// Cookies implements http.CookieJar: the cookies to send to u.
func (j *Jar) Cookies(u *url.URL) []*http.Cookie {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.jar == nil {
		return nil // nothing was ever set
	}
	return j.jar.Cookies(u)
}

// All returns every cookie held and not expired, ordered by domain, path and
// name: what to store, or to show in a list.
func (j *Jar) All() []Cookie {
	j.mu.Lock()
	defer j.mu.Unlock()
	now := time.Now()
	out := make([]Cookie, 0, len(j.record))
	for _, c := range j.record {
		if c.Expires.IsZero() || c.Expires.After(now) {
			out = append(out, c)
		}
	}
	slices.SortFunc(out, func(a, b Cookie) int { return strings.Compare(a.key(), b.key()) })
	return out
}

// Set stores c as if its domain had sent it, replacing a cookie of the same
// domain, path and name. It reports whether the rules accepted it (a name,
// a domain and a path starting with "/" are needed).
func (j *Jar) Set(c Cookie) bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.set(c)
}

// Delete removes the cookie of that domain, path and name, if there is one.
func (j *Jar) Delete(domain, path, name string) {
	j.mu.Lock()
	defer j.mu.Unlock()
	c, ok := j.record[Cookie{Domain: domain, Path: path, Name: name}.key()]
	if !ok {
		return
	}
	hc := &http.Cookie{Name: c.Name, Path: c.Path, MaxAge: -1}
	if !c.HostOnly {
		hc.Domain = c.Domain
	}
	j.cookies().SetCookies(origin(c), []*http.Cookie{hc})
	delete(j.record, c.key())
}

// Clear removes every cookie.
func (j *Jar) Clear() {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.reset()
}

// set replays c into cookiejar from its own origin; the caller holds mu.
func (j *Jar) set(c Cookie) bool {
	if c.Name == "" || c.Domain == "" || !strings.HasPrefix(c.Path, "/") {
		return false
	}
	hc := &http.Cookie{Name: c.Name, Value: c.Value, Path: c.Path, Expires: c.Expires,
		Secure: c.Secure, HttpOnly: c.HTTPOnly, SameSite: c.SameSite}
	if !c.HostOnly {
		hc.Domain = c.Domain
	}
	u := origin(c)
	j.cookies().SetCookies(u, []*http.Cookie{hc})
	r, remove := resolve(u, hc, time.Now())
	r.Created = c.Created
	return j.note(r, remove)
}

// note updates the record after cookiejar saw c, and reports whether c is held.
// A deletion (expired) that cookiejar carried out drops the record; a cookie it
// kept is recorded; one it refused (a Domain that is not the host's) changes nothing.
func (j *Jar) note(c Cookie, remove bool) bool {
	if c.Domain == "" {
		return false
	}
	if remove {
		// A deletion from a host with no right to the domain is refused too.
		if old, ok := j.record[c.key()]; ok && !j.holds(old) {
			delete(j.record, c.key())
		}
		return false
	}
	if !j.holds(c) {
		return false
	}
	if old, ok := j.record[c.key()]; ok {
		c.Created = old.Created
	} else if c.Created.IsZero() {
		c.Created = time.Now()
	}
	j.record[c.key()] = c
	return true
}

// holds reports whether cookiejar sends c to its own domain and path: if not,
// cookiejar refused it.
func (j *Jar) holds(c Cookie) bool {
	for _, got := range j.cookies().Cookies(origin(c)) {
		if got.Name == c.Name && got.Value == c.Value {
			return true
		}
	}
	return false
}

// origin is an https URL at c's domain and path: cookiejar sends c there, Secure
// or not, and accepts c from there.
func origin(c Cookie) *url.URL {
	host := c.Domain
	if strings.Contains(host, ":") {
		host = "[" + host + "]" // an IPv6 address
	}
	return &url.URL{Scheme: "https", Host: host, Path: c.Path}
}

// resolve works out the domain, path and expiry cookiejar gives hc when u sets it
// (RFC 6265 §5.3), and whether hc deletes rather than sets. The domain is left
// empty when it cannot be the cookie's (a malformed Domain attribute).
func resolve(u *url.URL, hc *http.Cookie, now time.Time) (Cookie, bool) {
	host := strings.TrimSuffix(strings.ToLower(u.Hostname()), ".")
	c := Cookie{Name: hc.Name, Value: hc.Value, Path: hc.Path, Secure: hc.Secure,
		HTTPOnly: hc.HttpOnly, SameSite: hc.SameSite, Domain: host, HostOnly: true}
	if c.Path == "" || c.Path[0] != '/' {
		c.Path = defaultPath(u.Path)
	}
	if d := strings.ToLower(hc.Domain); d != "" && net.ParseIP(host) == nil {
		d = strings.TrimPrefix(d, ".")
		if d == "" || d[0] == '.' {
			return Cookie{}, false
		}
		c.Domain, c.HostOnly = d, false
	}
	switch {
	case hc.MaxAge < 0:
		return c, true
	case hc.MaxAge > 0:
		c.Expires = now.Add(time.Duration(hc.MaxAge) * time.Second)
	case !hc.Expires.IsZero():
		if !hc.Expires.After(now) {
			return c, true
		}
		c.Expires = hc.Expires
	}
	return c, false
}

// defaultPath is the default-path of RFC 6265 §5.1.4: the request path up to,
// not including, its last "/", or "/".
func defaultPath(p string) string {
	if p == "" || p[0] != '/' {
		return "/"
	}
	i := strings.LastIndex(p, "/")
	if i == 0 {
		return "/"
	}
	return p[:i]
}
