package cli

import (
	"strings"
	"testing"
)

const keyCtrlL = "\x0c"

// The TUI parts of scripts (issue 20), the cache lab (22) and the explain
// additions (21), each on the real binary under a pty against the demo API.
func TestTUIScriptsLabCORS(t *testing.T) {
	bin := testBinary(t)
	t.Run("handlers run on send: Tests tab, globals, a throwing script", func(t *testing.T) {
		testScriptsOnSend(t, bin)
	})
	t.Run("cache lab: miss, fresh hit, +1 h, revalidated; contents view", func(t *testing.T) {
		testCacheLab(t, bin)
	})
	t.Run("preflight action explains the OPTIONS and the request", func(t *testing.T) {
		testPreflight(t, bin)
	})
	t.Run("cookies view says whether each cookie goes with the request", func(t *testing.T) {
		testCookieSentTo(t, bin)
	})
}

const scriptsFile = `### Log in
# @name login
POST {{demo}}/login

> {%
  client.global.set("token", response.body.token);
  client.test("logged in", () => client.assert(response.status === 200, "status " + response.status));
  client.test("is admin", () => client.assert(response.body.admin === true, "not an admin"));
  client.log("token kept");
%}

### Me
# @expect status 200
GET {{demo}}/me
Authorization: Bearer {{token}}

### Throws
GET {{demo}}/items/1

> {% throw new Error("boom from the handler"); %}

### Pre fails
< {% undefinedFunction(); %}
GET {{demo}}/items/2
`

func testScriptsOnSend(t *testing.T, bin string) {
	dir := t.TempDir()
	writeE2EFile(t, dir, "scripts.http", scriptsFile)
	s := startTUI(t, bin, dir, 160, 44)
	s.waitText("Log in")
	s.send(keyCtrlR)
	s.waitText("Response 200 OK", "tests: 1 passed, 1 failed")
	s.send(keyTab + keyTab + "7") // the Tests tab
	s.waitText("[Tests]", "ok    logged in", "FAIL  is admin: not an admin", "log   token kept")
	s.send("V")
	s.waitText("Script globals", "token = ")
	s.send(keyEsc)
	s.waitFor("the variables to close", func(scr string) bool { return !strings.Contains(scr, "Script globals") })
	// The global feeds {{token}}: /me answers 200 and its @expect passes.
	s.send(keyTab + keyTab + "j" + keyCtrlR)
	s.waitText("Response 200 OK", "tests: 1 passed", "ok    @expect status 200")
	s.send("j" + keyCtrlR)
	s.waitText("script: ", "boom from the handler", "FAIL  script error", "Script failed — Throws:")
	// A failing pre-request script: nothing is sent, the note says why.
	s.send("j" + keyCtrlR)
	s.waitText("not sent: its pre-request script failed", "Script failed — Pre fails:", "undefinedFunction")
	s.send("k")
	// The app still works after a failing script.
	s.send("k" + keyCtrlR)
	s.waitText("ok    @expect status 200")
	s.quit()
}

func testCacheLab(t *testing.T, bin string) {
	dir := t.TempDir()
	writeE2EFile(t, dir, "lab.http", "### Stale then revalidate\nGET {{demo}}/cache/must-revalidate\n")
	s := startTUI(t, bin, dir, 160, 44)
	s.waitText("Stale then revalidate")
	s.send("L")
	s.waitText("Cache lab on: private cache")
	s.send(keyCtrlR)
	s.waitText("cache lab: miss")
	s.send(keyCtrlR)
	s.waitText("cache lab: fresh hit")
	s.send(keyTab + keyTab + "8") // the Cache lab tab
	s.waitText("[Cache lab]", "Cache lab (private cache): fresh hit", "Upstream: nothing sent")
	s.send(keyCtrlP)
	s.waitText("Command palette")
	s.send("clock +1 h")
	s.waitText("› cache lab clock +1 h")
	s.send(keyEnter)
	s.waitText("Cache lab clock +1 h 0 min 0 s")
	s.send(keyCtrlR)
	s.waitText("cache lab: revalidated", "Upstream request:", "If-None-Match:", "→ 304 Not Modified")
	s.send(keyCtrlL)
	s.waitText("Cache lab · private cache", "History of GET", "/cache/must-revalidate", "Explain at the lab clock")
	s.send("D")
	s.waitText("The store is empty")
	s.send(keyEsc)
	s.waitFor("the contents view to close", func(scr string) bool { return !strings.Contains(scr, "The store is empty") })
	s.quit()
}

func testPreflight(t *testing.T, bin string) {
	dir := t.TempDir()
	writeE2EFile(t, dir, "cors.http", "### CORS delete\nDELETE {{demo}}/cors/items/1\nOrigin: https://app.example\nIf-Match: \"x\"\n\n"+
		"### CORS ask\nOPTIONS {{demo}}/cors/items/1\nOrigin: https://app.example\nAccess-Control-Request-Method: PATCH\n")
	s := startTUI(t, bin, dir, 160, 44)
	// The tree keeps a gap after a 7-letter method.
	s.waitText("CORS delete", "OPTIONS CORS ask")
	s.send("P")
	s.waitText("Preflight: OPTIONS", "Access-Control-Request-Method: DELETE", "Access-Control-Request-Headers: if-match",
		"CORS: allowed for https://app.example", "Request: DELETE")
	s.send(keyEsc)
	s.waitFor("the preflight to close", func(scr string) bool { return !strings.Contains(scr, "Preflight: OPTIONS") })
	s.quit()
}

func testCookieSentTo(t *testing.T, bin string) {
	dir := t.TempDir()
	writeE2EFile(t, dir, "cookies.http", "### Login\nPOST {{demo}}/cookies/login\n\n### Item\nGET {{demo}}/items/1\n")
	s := startTUI(t, bin, dir, 180, 44)
	s.waitText("Login")
	s.send(keyCtrlR)
	s.waitText("Response 204 No Content")
	s.send("j")
	s.waitText("Request · Item")
	s.send("\x0b") // ctrl+k
	s.waitText("Cookies", "session", "will be sent to", "/items/1", "not sent: path /items/1 is outside Path=/cookies")
	s.send(keyEsc)
	s.waitFor("the cookies to close", func(scr string) bool { return !strings.Contains(scr, "will be sent to") })
	s.quit()
}
