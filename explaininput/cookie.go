package explaininput

import (
	"net/http"
	"time"

	"github.com/httplens/httplens/explain"
	"github.com/httplens/httplens/requests"
)

// Cookie converts a cookie as a jar holds it into explain's form, so that
// explain.Cookie.SentTo can say whether the jar's cookie goes with a request and
// why. now places the jar's Expires in time: a cookie past it is "delete".
func Cookie(c requests.Cookie, now time.Time) explain.Cookie {
	out := explain.Cookie{
		Name: c.Name, Domain: c.Domain, HostOnly: c.HostOnly, Path: c.Path,
		Lifetime: "session", MaxAgeS: -1, Secure: c.Secure, HTTPOnly: c.HTTPOnly,
	}
	if out.Path == "" {
		out.Path = "/"
	}
	if !c.Expires.IsZero() {
		out.Lifetime, out.MaxAgeS = "persistent", int64(c.Expires.Sub(now)/time.Second)
		if !c.Expires.After(now) {
			out.Lifetime, out.MaxAgeS = "delete", 0
		}
	}
	switch c.SameSite {
	case http.SameSiteLaxMode:
		out.SameSite = "Lax"
	case http.SameSiteStrictMode:
		out.SameSite = "Strict"
	case http.SameSiteNoneMode:
		out.SameSite = "None"
	}
	return out
}
