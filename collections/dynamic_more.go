package collections

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// dynamicMore answers the dynamic variables of the JetBrains client ($random.*)
// and of the REST Client ($guid, $datetime, $localDatetime, $timestamp with an
// offset, $dotenv). ok is false for a name neither knows.
func (x *expander) dynamicMore(expr string) (v string, ok bool, err error) {
	name, args := splitCall(expr)
	switch name {
	case "$guid", "$random.uuid":
		return x.uuid(), true, nil
	case "$random.integer":
		lo, hi, err := intArgs(expr, args, 0, 1000)
		if err != nil {
			return "", true, err
		}
		return strconv.FormatInt(lo+int64(x.uint64()%uint64(hi-lo)), 10), true, nil
	case "$random.float":
		lo, hi, err := intArgs(expr, args, 0, 1000)
		if err != nil {
			return "", true, err
		}
		f := float64(lo) + float64(x.uint64()>>11)/(1<<53)*float64(hi-lo)
		return strconv.FormatFloat(f, 'f', -1, 64), true, nil
	case "$random.alphabetic", "$random.alphanumeric", "$random.hexadecimal", "$random.numeric":
		n, err := countArg(expr, args)
		if err != nil {
			return "", true, err
		}
		return x.randomString(n, map[string]string{
			"$random.alphabetic":   "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
			"$random.alphanumeric": "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_",
			"$random.hexadecimal":  "0123456789abcdef",
			"$random.numeric":      "0123456789",
		}[name]), true, nil
	case "$random.email":
		return x.randomString(10, "abcdefghijklmnopqrstuvwxyz") + "@example.com", true, nil
	case "$dotenv":
		if len(args) != 1 {
			return "", true, fmt.Errorf("{{%s}}: expected {{$dotenv NAME}}", expr)
		}
		if v, ok := x.dotEnv()[strings.TrimPrefix(args[0], "%")]; ok {
			return v, true, nil
		}
		return "", true, fmt.Errorf("{{%s}}: %s is not in a .env file", expr, args[0])
	case "$timestamp":
		t, err := offset(x.now(), expr, args)
		return strconv.FormatInt(t.Unix(), 10), true, err
	case "$datetime", "$localDatetime":
		if len(args) == 0 {
			return "", true, fmt.Errorf("{{%s}}: expected a format: rfc1123, iso8601 or \"format\"", expr)
		}
		t, err := offset(x.now(), expr, args[1:])
		if name == "$datetime" {
			t = t.UTC()
		} else {
			t = t.Local()
		}
		return formatTime(t, args[0]), true, err
	}
	return "", false, nil
}

// splitCall splits "$random.integer(2, 8)" and "$datetime iso8601 1 d" into the
// name and its arguments.
func splitCall(expr string) (string, []string) {
	if i := strings.IndexByte(expr, '('); i > 0 && strings.HasSuffix(expr, ")") {
		var args []string
		for _, a := range strings.Split(expr[i+1:len(expr)-1], ",") {
			if a = strings.TrimSpace(a); a != "" {
				args = append(args, a)
			}
		}
		return expr[:i], args
	}
	f := fieldsQuoted(expr)
	return f[0], f[1:]
}

// fieldsQuoted splits on blanks, keeping a "quoted format" (or 'quoted') as one
// field without its quotes.
func fieldsQuoted(s string) []string {
	var out []string
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		if q := s[0]; q == '"' || q == '\'' {
			if j := strings.IndexByte(s[1:], q); j >= 0 {
				out = append(out, s[1:j+1])
				s = s[j+2:]
				continue
			}
		}
		i := strings.IndexAny(s, " \t")
		if i < 0 {
			i = len(s)
		}
		out = append(out, s[:i])
		s = s[i:]
	}
	return out
}

func intArgs(expr string, args []string, lo, hi int64) (int64, int64, error) {
	if len(args) == 2 {
		var err1, err2 error
		lo, err1 = strconv.ParseInt(args[0], 10, 64)
		hi, err2 = strconv.ParseInt(args[1], 10, 64)
		if err1 != nil || err2 != nil {
			return 0, 0, fmt.Errorf("{{%s}}: min and max must be integers", expr)
		}
	} else if len(args) != 0 {
		return 0, 0, fmt.Errorf("{{%s}}: expected two integers, min and max", expr)
	}
	if hi <= lo {
		return 0, 0, fmt.Errorf("{{%s}}: max must be greater than min", expr)
	}
	return lo, hi, nil
}

func countArg(expr string, args []string) (int, error) {
	if len(args) != 1 {
		return 0, fmt.Errorf("{{%s}}: expected a length, as in (10)", expr)
	}
	n, err := strconv.Atoi(args[0])
	if err != nil || n < 0 || n > 10000 {
		return 0, fmt.Errorf("{{%s}}: the length must be an integer from 0 to 10000", expr)
	}
	return n, nil
}

func (x *expander) randomString(n int, alphabet string) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[x.uint64()%uint64(len(alphabet))]
	}
	return string(b)
}

// offset applies a REST Client offset "N unit" (y, M, w, d, h, m, s, ms).
func offset(t time.Time, expr string, args []string) (time.Time, error) {
	switch len(args) {
	case 0:
		return t, nil
	case 2:
	default:
		return t, fmt.Errorf("{{%s}}: an offset is a number and a unit, as in -1 d", expr)
	}
	n, err := strconv.Atoi(args[0])
	if err != nil {
		return t, fmt.Errorf("{{%s}}: offset %q is not an integer", expr, args[0])
	}
	switch args[1] {
	case "y":
		return t.AddDate(n, 0, 0), nil
	case "M":
		return t.AddDate(0, n, 0), nil
	case "w":
		return t.AddDate(0, 0, 7*n), nil
	case "d":
		return t.AddDate(0, 0, n), nil
	}
	unit := map[string]time.Duration{"h": time.Hour, "m": time.Minute, "s": time.Second, "ms": time.Millisecond}[args[1]]
	if unit == 0 {
		return t, fmt.Errorf("{{%s}}: unknown offset unit %q: use y, M, w, d, h, m, s or ms", expr, args[1])
	}
	return t.Add(time.Duration(n) * unit), nil
}

// dayjsTokens maps the format tokens the REST Client takes (day.js) to Go's.
var dayjsTokens = strings.NewReplacer(
	"YYYY", "2006", "YY", "06", "MMMM", "January", "MMM", "Jan", "MM", "01", "M", "1",
	"DD", "02", "D", "2", "dddd", "Monday", "ddd", "Mon", "HH", "15", "hh", "03", "h", "3",
	"mm", "04", "m", "4", "ss", "05", "s", "5", "SSS", "000", "A", "PM", "a", "pm", "ZZ", "-0700", "Z", "-07:00",
)

func formatTime(t time.Time, format string) string {
	switch format {
	case "rfc1123":
		if t.Location() == time.UTC {
			return t.Format("Mon, 02 Jan 2006 15:04:05 GMT") // as in HTTP dates
		}
		return t.Format(time.RFC1123Z)
	case "iso8601":
		return t.Format("2006-01-02T15:04:05.000Z07:00")
	}
	return t.Format(dayjsTokens.Replace(format))
}
