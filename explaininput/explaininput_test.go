package explaininput

import (
	"testing"
	"time"

	"github.com/httplens/httplens/requests"
)

func TestFromHandsBytesPastTheMessageToExplain(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	x := requests.Exchange{
		Request: requests.SentRequest{Method: "GET", URL: "http://127.0.0.1/x", Headers: []requests.Header{{Name: "Accept", Value: "*/*"}}},
		Response: &requests.Response{Proto: "HTTP/1.1", Status: 204, Reason: "No Content",
			Headers: []requests.Header{{Name: "ETag", Value: `"a"`}}, Extra: []byte("oops")},
	}
	e := From(x, now)
	if e.Request == nil || e.Request.Method != "GET" || len(e.Request.Fields) != 1 || e.Request.Fields[0].Name != "Accept" {
		t.Fatalf("request %+v", e.Request)
	}
	if string(e.Response.Body) != "oops" || e.Response.BodyBytes != 4 || e.Response.Fields[0].Value != `"a"` {
		t.Errorf("response %+v", e.Response)
	}
	if !e.Now.Equal(now) {
		t.Errorf("now %v", e.Now)
	}
}

func TestFromWithoutARequestLeavesItNil(t *testing.T) {
	if e := From(requests.Exchange{}, time.Time{}); e.Request != nil {
		t.Errorf("request %+v", e.Request)
	}
}
