package curl

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestParseBrowserCommands(t *testing.T) {
	tests := []struct {
		file string
		want Request
	}{
		{"chrome-bash.txt", Request{
			Method: "POST",
			URL:    "https://api.example.com/v1/items?limit=20",
			Headers: []Header{
				{Name: "accept", Value: "application/json, text/plain, */*"},
				{Name: "accept-language", Value: "en-GB,en;q=0.9"},
				{Name: "authorization", Value: "Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig"},
				{Name: "content-type", Value: "application/json"},
				{Name: "origin", Value: "https://app.example.com"},
				{Name: "priority", Value: "u=1, i"},
				{Name: "referer", Value: "https://app.example.com/items"},
				{Name: "sec-ch-ua", Value: `"Chromium";v="124", "Google Chrome";v="124", "Not-A.Brand";v="99"`},
				{Name: "user-agent", Value: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36"},
				{Name: "Cookie", Value: "sid=abc123; _ga=GA1.2.3"},
			},
			Body: []byte(`{"name":"it's new","tags":["a","b"]}`),
		}},
		{"chrome-cmd.txt", Request{
			Method: "POST",
			URL:    "https://api.example.com/v1/items?limit=20&offset=0",
			Headers: []Header{
				{Name: "accept", Value: "application/json"},
				{Name: "content-type", Value: "application/json"},
				{Name: "user-agent", Value: "Mozilla/5.0 (Windows NT 10.0; Win64; x64)"},
				{Name: "Cookie", Value: "sid=abc123; theme=dark"},
			},
			Body:       []byte("{\"name\":\"50% off & more\",\"note\":\"first line\nsecond line\"}"),
			Compressed: true,
		}},
		{"firefox-bash.txt", Request{
			Method: "PUT",
			URL:    "https://api.example.com/v1/items/7",
			Headers: []Header{
				{Name: "User-Agent", Value: "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0"},
				{Name: "Accept", Value: "application/json"},
				{Name: "Accept-Language", Value: "en-US,en;q=0.5"},
				{Name: "Accept-Encoding", Value: "gzip, deflate, br"},
				{Name: "Content-Type", Value: "application/x-www-form-urlencoded; charset=UTF-8"},
				{Name: "If-Match", Value: `"v7"`},
				{Name: "Origin", Value: "https://app.example.com"},
				{Name: "Connection", Value: "keep-alive"},
				{Name: "Cookie", Value: "sid=abc123"},
				{Name: "Sec-Fetch-Mode", Value: "cors"},
			},
			Body: []byte("name=Widget+7&price=12.50"),
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			command, err := os.ReadFile("testdata/" + tt.file)
			if err != nil {
				t.Fatal(err)
			}
			got, notes, err := Parse(string(command))
			if err != nil {
				t.Fatal(err)
			}
			if len(notes) > 0 {
				t.Errorf("unexpected notes: %q", notes)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got\n%+v\nwant\n%+v\nbody %q", got, tt.want, got.Body)
			}
		})
	}
}

func TestParseOptions(t *testing.T) {
	tests := []struct {
		name, command string
		want          Request
	}{
		{"head wins over GET", `curl -I https://x.test/`, Request{Method: "HEAD", URL: "https://x.test/"}},
		{"-X keeps its case", `curl -X purge https://x.test/`, Request{Method: "purge", URL: "https://x.test/"}},
		{"-k -L --compressed", `curl -kL --compressed --url https://x.test/`, Request{Method: "GET", URL: "https://x.test/", Insecure: true, FollowRedirects: true, Compressed: true}},
		{"no- negates a flag", `curl -L --no-location https://x.test/`, Request{Method: "GET", URL: "https://x.test/"}},
		{"-H overrides -A; -H 'Name:' removes a derived header", `curl -A a -H 'User-Agent: b' -H 'Content-Type:' -d x https://x.test/`,
			Request{Method: "POST", URL: "https://x.test/", Headers: []Header{{Name: "User-Agent", Value: "b"}}, Body: []byte("x")}},
		{"-u without password", `curl -u bob https://x.test/`, Request{Method: "GET", URL: "https://x.test/", Headers: []Header{{Name: "Authorization", Value: "Basic Ym9iOg=="}}}},
		{"oauth2 bearer", `curl --oauth2-bearer tok https://x.test/`, Request{Method: "GET", URL: "https://x.test/", Headers: []Header{{Name: "Authorization", Value: "Bearer tok"}}}},
		{"one data file is the body file", `curl --data-binary @body.json https://x.test/`,
			Request{Method: "POST", URL: "https://x.test/", Headers: []Header{{Name: "Content-Type", Value: "application/x-www-form-urlencoded"}}, BodyFile: "body.json"}},
		{"-T names the body file and PUTs", `curl -T ./a.bin https://x.test/up/`, Request{Method: "PUT", URL: "https://x.test/up/a.bin", BodyFile: "./a.bin"}},
		{"ansi-c escapes", `curl $'https://x.test/\x41\101\u00e9?q=\'\\'`, Request{Method: "GET", URL: `https://x.test/AAé?q='\`}},
		{"double quotes keep other backslashes", `curl "https://x.test/a\b?\$x=\"1\""`, Request{Method: "GET", URL: `https://x.test/a\b?$x="1"`}},
		{"crlf continuations", "curl https://x.test/ \\\r\n  -H 'A: 1'\r\n", Request{Method: "GET", URL: "https://x.test/", Headers: []Header{{Name: "A", Value: "1"}}}},
		{"curl by path", `/usr/bin/curl https://x.test/`, Request{Method: "GET", URL: "https://x.test/"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := Parse(tt.command)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
}

func TestParseNotes(t *testing.T) {
	tests := []struct {
		name, command, note string
	}{
		{"unknown long option", `curl --frobnicate https://x.test/`, "unknown option --frobnicate"},
		{"unknown short option", `curl -Z https://x.test/`, "unknown option -Z"},
		{"option with no place in a request", `curl --proxy http://p:3128 https://x.test/`, "--proxy not carried over"},
		{"pipe", `curl https://x.test/ | jq .`, `"|" would run more than curl`},
		{"lost continuation", "curl https://x.test/\n  -H 'A: 1'", "a line break ends a shell command"},
		{"cmd lost continuation", "curl ^\"https://x.test/^\"\r\n  -H ^\"A: 1^\"", "a line break ends a cmd command"},
		{"expansion", `curl "https://x.test/$TOKEN"`, "shell expansion not performed"},
		{"Host removed", `curl -H 'Host:' https://x.test/`, "-H 'Host:' makes curl leave out its own Host header"},
		{"cookie file", `curl -b cookies.txt https://x.test/`, "cookies from a file are not read"},
		{"-d strips line breaks", `curl -d @body.txt https://x.test/`, "curl strips line breaks"},
		{"two URLs", `curl https://a.test/ https://b.test/`, "2 URLs given"},
		{"no scheme", `curl x.test/a`, "http:// assumed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, notes, err := Parse(tt.command)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(strings.Join(notes, "\n"), tt.note) {
				t.Errorf("notes %q do not mention %q", notes, tt.note)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, command, want string
	}{
		{"unterminated single quote", "curl 'https://x.test/", "line 1, column 6: unterminated single quote"},
		{"unterminated double quote on line 2", "curl \\\n -H \"A: 1", "line 2, column 5: unterminated double quote"},
		{"unterminated ansi-c quote", `curl $'abc`, "unterminated $' quote"},
		{"unterminated cmd quote", `curl ^"https://x.test/`, "unterminated double quote"},
		{"not curl", `wget https://x.test/`, "not a curl command"},
		{"empty", "   ", "not a curl command"},
		{"no URL", `curl -H 'A: 1'`, "no URL"},
		{"missing argument", `curl https://x.test/ -H`, "option -H needs an argument"},
		{"data and form", `curl -d a=1 -F b=2 https://x.test/`, "cannot be used together"},
		{"form without =", `curl -F oops https://x.test/`, `-F "oops" is not name=content`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Parse(tt.command)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
	var se *SyntaxError
	if _, _, err := Parse("curl 'x"); !errors.As(err, &se) {
		t.Errorf("an unterminated quote gives %T, want *SyntaxError", err)
	}
}

func TestSplitCRT(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{`a "b c" d`, []string{"a", "b c", "d"}},
		{`"a\"b"`, []string{`a"b`}},
		{`a\\b`, []string{`a\\b`}},
		{`"a\\"`, []string{`a\`}},
		{`a\\\"b`, []string{`a\"b`}},
		{`"" x`, []string{"", "x"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := splitCRT(tt.in, tt.in)
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("splitCRT(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

// TestFormFileParts: -F name=@file becomes a file part whose content is the
// "< file" line of a .http multipart body; name=<file a text part read from the file.
func TestFormFileParts(t *testing.T) {
	r, _, err := Parse(`curl -F 'f=@dir/photo.jpg;type=image/jpeg' -F 'note=<note.txt' -F a=1 https://x.test/`)
	if err != nil {
		t.Fatal(err)
	}
	b := "--" + Boundary
	want := b + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"photo.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n< dir/photo.jpg\r\n" +
		b + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n< note.txt\r\n" +
		b + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n" + b + "--\r\n"
	if string(r.Body) != want {
		t.Errorf("body\n%q\nwant\n%q", r.Body, want)
	}
	if strings.Join(r.PartFiles, ",") != "dir/photo.jpg,note.txt" {
		t.Errorf("part files %v", r.PartFiles)
	}
}
