package history

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/httplens/httplens/requests"
)

func TestRedactHead(t *testing.T) {
	cases := []struct {
		name, in, want string
	}{
		{
			"bearer token keeps its scheme",
			"GET / HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer abc.def\r\n\r\n",
			"GET / HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer [redacted]\r\n\r\n",
		},
		{
			"names in any letter case, spacing kept",
			"GET / HTTP/1.1\r\nproxy-AUTHORIZATION:Basic dTpw\r\ncookie:   a=1; b=2\r\n\r\n",
			"GET / HTTP/1.1\r\nproxy-AUTHORIZATION:Basic [redacted]\r\ncookie:   a=[redacted]; b=[redacted]\r\n\r\n",
		},
		{
			"set-cookie keeps its attributes",
			"HTTP/1.1 200 OK\r\nSet-Cookie: sid=s3cr3t; Path=/; HttpOnly\r\nSet-Cookie: x=y\r\nETag: \"1\"\r\n\r\n",
			"HTTP/1.1 200 OK\r\nSet-Cookie: sid=[redacted]; Path=/; HttpOnly\r\nSet-Cookie: x=[redacted]\r\nETag: \"1\"\r\n\r\n",
		},
		{
			"a token without a scheme",
			"GET / HTTP/1.1\nAuthorization: s3cr3t\n\n",
			"GET / HTTP/1.1\nAuthorization: [redacted]\n\n",
		},
		{
			"folded continuation of a secret",
			"GET / HTTP/1.1\r\nAuthorization: Basic\r\n  dTpw\r\nX-Other: keep\r\n  folded too\r\n\r\n",
			"GET / HTTP/1.1\r\nAuthorization: [redacted]\r\n  [redacted]\r\nX-Other: keep\r\n  folded too\r\n\r\n",
		},
		{
			"interim head then final head",
			"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nSet-Cookie: a=b\r\n\r\n",
			"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nSet-Cookie: a=[redacted]\r\n\r\n",
		},
		{
			"nothing secret is returned unchanged",
			"GET http://h:80/ HTTP/1.1\r\nX-Authorization-Hint: keep\r\n\r\n",
			"GET http://h:80/ HTTP/1.1\r\nX-Authorization-Hint: keep\r\n\r\n",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, changed := redactHead([]byte(c.in))
			if string(got) != c.want {
				t.Fatalf("redactHead:\n got %q\nwant %q", got, c.want)
			}
			if changed != (c.in != c.want) {
				t.Fatalf("changed = %v", changed)
			}
		})
	}
}

// secretEntry carries a credential in every place the store keeps headers.
func secretEntry() Entry {
	e := sample("a.http", "login")
	e.Request.Headers = append(e.Request.Headers,
		requests.Header{Name: "Authorization", Value: "Bearer tok123"},
		requests.Header{Name: "Cookie", Value: "sid=abc; theme=dark"})
	e.Request.RawHead = []byte("GET /items/1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\naccept: application/json\r\n" +
		"Authorization: Bearer tok123\r\nCookie: sid=abc; theme=dark\r\n\r\n")
	e.Response.Headers = append(e.Response.Headers, requests.Header{Name: "Set-Cookie", Value: "sid=new; Path=/"})
	e.Response.RawHead = []byte("HTTP/1.1 200 OK\r\nEtag: \"3f2a\"\r\nContent-Length: 14\r\nSet-Cookie: sid=new; Path=/\r\n\r\n")
	return e
}

func TestSecretsRedactedByDefault(t *testing.T) {
	cases := []struct {
		name         string
		storeSecrets bool
		wantRequest  []requests.Header
		wantResponse []requests.Header
	}{
		{
			"default: redacted", false,
			[]requests.Header{{Name: "Host", Value: "127.0.0.1:8080"}, {Name: "accept", Value: "application/json"},
				{Name: "Authorization", Value: "Bearer [redacted]"}, {Name: "Cookie", Value: "sid=[redacted]; theme=[redacted]"}},
			[]requests.Header{{Name: "Etag", Value: `"3f2a"`}, {Name: "Content-Length", Value: "14"},
				{Name: "Set-Cookie", Value: "sid=[redacted]; Path=/"}},
		},
		{
			"StoreSecrets: kept in full", true,
			secretEntry().Request.Headers,
			secretEntry().Response.Headers,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := tempStore(t, Options{StoreSecrets: c.storeSecrets})
			in := secretEntry()
			id, err := s.Add(context.Background(), in)
			if err != nil {
				t.Fatal(err)
			}
			got, err := s.Get(context.Background(), id)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.Request.Headers, c.wantRequest) {
				t.Errorf("request headers = %v", got.Request.Headers)
			}
			if !reflect.DeepEqual(got.Response.Headers, c.wantResponse) {
				t.Errorf("response headers = %v", got.Response.Headers)
			}
			heads := string(got.Request.RawHead) + string(got.Response.RawHead)
			for _, secret := range []string{"tok123", "sid=abc", "dark", "sid=new"} {
				if strings.Contains(heads, secret) == !c.storeSecrets {
					t.Errorf("raw heads contain %q: %v, want %v:\n%s", secret, !c.storeSecrets, c.storeSecrets, heads)
				}
			}
			if got.Redacted == c.storeSecrets {
				t.Errorf("Redacted = %v", got.Redacted)
			}
			if in.Request.Headers[2].Value != "Bearer tok123" || !strings.Contains(string(in.Request.RawHead), "tok123") {
				t.Error("Add changed the caller's entry")
			}
		})
	}
}
