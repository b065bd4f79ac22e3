package runner

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Lines renders a step for a terminal or a log, one line per check and log line:
//
//	PASS  Read item (tour.http:12)  200 OK
//	  ok    token kept
//	  FAIL  @expect status 204: status 200, not 204 (RFC 9110 §15.3.5)
//	  log   token abc
//
// Text from the network or a script (messages, log lines) has its control characters
// and escape sequences made visible, so it never drives the terminal.
func Lines(s StepResult) []string {
	head := "PASS"
	if !s.Passed() {
		head = "FAIL"
	}
	summary := ""
	if x := s.Exchange; x != nil && x.Response != nil {
		summary = fmt.Sprintf("  %d %s", x.Response.Status, x.Response.Reason)
	}
	out := []string{visible(fmt.Sprintf("%s  %s%s", head, stepTitle(s), summary))}
	for _, c := range s.Checks {
		if c.Kind == KindRequest && c.Passed {
			continue // the head line already says what came back
		}
		mark := "ok  "
		if !c.Passed {
			mark = "FAIL"
		}
		line := "  " + mark + "  " + c.Name
		if !c.Passed && c.Message != "" {
			line += ": " + c.Message
		}
		if !c.Passed && len(c.Refs) > 0 {
			line += " (" + strings.Join(c.Refs, ", ") + ")"
		}
		out = append(out, visible(line))
	}
	for _, l := range s.Logs {
		out = append(out, visible("  log   "+l))
	}
	return out
}

// visible escapes control characters (ESC, C0, C1, DEL) and invalid UTF-8 as \xNN or
// \u{...}, keeping every other character.
func visible(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unicode.Is(unicode.Cc, r) || r == '\u2028' || r == '\u2029' || unicode.Is(unicode.Cf, r) && r != '\u200d':
			fmt.Fprintf(&b, `\u{%x}`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}
