package requestpane

import "testing"

func TestMethodProperties(t *testing.T) {
	cases := []struct{ method, want string }{
		{"GET", "safe · idempotent · cacheable §9.2"},
		{"HEAD", "safe · idempotent · cacheable §9.2"},
		{"OPTIONS", "safe · idempotent · not cacheable §9.2"},
		{"PUT", "unsafe · idempotent · not cacheable §9.2"},
		{"DELETE", "unsafe · idempotent · not cacheable §9.2"},
		{"POST", "unsafe · not idempotent · cacheable only if told §9.3.3"},
		{"PATCH", "unsafe · not idempotent · not cacheable §9.2"},
		{"BREW", "unknown method: unsafe · not idempotent · not cacheable §9.2"},
	}
	for _, c := range cases {
		t.Run(c.method, func(t *testing.T) {
			if got := PropsOf(c.method).String(); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}
