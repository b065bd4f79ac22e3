package cli

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/spf13/pflag"

	"github.com/httplens/httplens/cachelab"
	"github.com/httplens/httplens/requests"
)

// addCacheFlags adds --cache and --via to a command that sends.
func addCacheFlags(fl *pflag.FlagSet, cache, via *string) {
	fl.StringVar(cache, "cache", "", "send through the in-process cache lab: private or shared (its label goes to stderr)")
	fl.StringVar(via, "via", "", "send through this HTTP proxy, e.g. a caching proxy at http://127.0.0.1:3128")
}

// viaProxy checks --via and returns the proxy function it asks for; nil without it.
func viaProxy(via string) (func(*http.Request) (*url.URL, error), error) {
	if via == "" {
		return nil, nil
	}
	u, err := url.Parse(via)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, usageError("send: --via %q is not an http:// or https:// proxy URL", via)
	}
	// http.ProxyURL, unlike the environment's proxy, is used for loopback targets too.
	return http.ProxyURL(u), nil
}

// sendThrough sends req directly, or through a fresh cache lab of the kind --cache
// names, printing what the cache did to errOut.
func sendThrough(ctx context.Context, errOut io.Writer, req requests.Request, opts requests.Options, cache string) (requests.Exchange, error) {
	if cache == "" {
		if exitsAfterSend && !strings.HasPrefix(strings.ToLower(req.URL), "https:") {
			// The kernel closes a plain connection when the process ends, a
			// moment later; closing it first cost a one-shot send ~0.1 ms. A TLS
			// connection is still closed here, so the server gets its
			// close_notify, as from curl.
			return requests.NewClient(opts).Send(ctx, req), nil
		}
		return requests.Send(ctx, req, opts), nil
	}
	if cache != "private" && cache != "shared" {
		return requests.Exchange{}, usageError("send: --cache %q: want private or shared", cache)
	}
	client := requests.NewClient(opts) // its Send applies opts.Timeout
	defer client.CloseIdleConnections()
	lab := cachelab.New(cachelab.Config{Shared: cache == "shared", Send: client.Send})
	res := lab.Do(ctx, req)
	writeCacheLabel(errOut, cache, res)
	return res.Response, nil
}

// writeCacheLabel prints the lab's label, its reasons and its store decision.
func writeCacheLabel(w io.Writer, kind string, res cachelab.Result) {
	fmt.Fprintf(w, "cache (%s): %s\n", kind, res.Label)
	for _, why := range res.Why {
		fmt.Fprintf(w, "  %s\n", printableText(why))
	}
	if res.StoreWhy != "" {
		fmt.Fprintf(w, "  %s\n", printableText(res.StoreWhy))
	}
	if res.Upstream != nil {
		fmt.Fprintf(w, "  sent upstream: %s %s\n", res.Upstream.Request.Method, printableText(res.Upstream.Request.URL))
		for _, h := range res.Upstream.Request.Headers {
			if strings.HasPrefix(strings.ToLower(h.Name), "if-") {
				fmt.Fprintf(w, "    %s: %s\n", printableText(h.Name), printableText(h.Value))
			}
		}
	}
}
