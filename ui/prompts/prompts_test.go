package prompts

import (
	"testing"

	"github.com/httplens/httplens/collections"
)

// TestQuestionsInTurn: a request with two prompts asks both, in order, offering
// --var values first and the session's answers after; the send then goes on
// once, and the next send asks again with the last answers offered.
func TestQuestionsInTurn(t *testing.T) {
	var q Questions
	ps := []collections.Prompt{{Name: "user"}, {Name: "token", Description: "an API token"}}
	vars := map[string]string{"user": "from-var", "host": "h"}
	if !q.Begin("a", nil) {
		t.Fatal("a request without prompts waits")
	}
	if q.Begin("a", ps) {
		t.Fatal("the first send did not ask")
	}
	if p, v := q.Open(vars); p.Name != "user" || v != "from-var" {
		t.Errorf("first question %q offers %q, want user and the --var value", p.Name, v)
	}
	if !q.Answer("user", "ann") {
		t.Fatal("the second question is not open")
	}
	if p, v := q.Open(vars); p.Name != "token" || v != "" {
		t.Errorf("second question %q offers %q", p.Name, v)
	}
	if q.Answer("token", "t1") {
		t.Fatal("a third question is open")
	}
	q.Ready()
	if q.Key() != "a" || !q.Begin("a", ps) {
		t.Fatal("the answered send does not go on")
	}
	if q.Begin("a", ps) {
		t.Fatal("the next send did not ask again")
	}
	if _, v := q.Open(vars); v != "ann" {
		t.Errorf("the next send offers %q, want the last answer", v)
	}
	got := q.Vars(vars)
	if got["user"] != "ann" || got["token"] != "t1" || got["host"] != "h" || vars["user"] != "from-var" {
		t.Errorf("vars with answers: %v (vars %v)", got, vars)
	}
	var zero Questions
	if v := zero.Vars(nil); v == nil || len(v) != 0 {
		t.Errorf("zero Vars: %v", v)
	}
}

// TestReadyIsForItsRequestOnly: answers given for one request do not let another
// request's send skip its own questions.
func TestReadyIsForItsRequestOnly(t *testing.T) {
	var q Questions
	ps := []collections.Prompt{{Name: "x"}}
	q.Begin("a", ps)
	q.Answer("x", "1")
	q.Ready()
	if q.Begin("b", ps) {
		t.Error("b went on with a's answers")
	}
}
