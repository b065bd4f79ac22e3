package demo

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
)

// itemCache is the item's Cache-Control: any cache may store it, but must revalidate
// before each reuse, which is what makes the 304 workflow visible.
const itemCache = "no-cache"

// listCache lets the list be reused for a few seconds without asking.
const listCache = "max-age=10"

// itemRoutes serves one item under base ("/items/" or "/strict/items/"). With strict,
// writes must be conditional.
func (h *handler) itemRoutes(base string, strict bool) methodSet {
	put := func(w http.ResponseWriter, r *http.Request) { h.putItem(w, r, base) }
	del := h.deleteItem
	if strict {
		put = requireConditional(put)
		del = requireConditional(del)
	}
	return methodSet{
		{http.MethodGet, h.getItem},
		{http.MethodHead, h.getItem},
		{http.MethodPut, put},
		{http.MethodDelete, del},
	}
}

// requireConditional answers 428 (RFC 6585 §3) to a write without If-Match. A PUT with
// If-None-Match: * is conditional too: it is how a client creates without overwriting.
func requireConditional(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		createOnly := r.Method == http.MethodPut && parseETagList(r.Header.Values("If-None-Match")).star
		if len(r.Header.Values("If-Match")) > 0 || createOnly {
			next(w, r)
			return
		}
		writeProblem(w, r, &problem{status: http.StatusPreconditionRequired,
			detail: "this endpoint refuses unconditional writes, to prevent lost updates: GET the item, " +
				"then resend with If-Match set to its ETag (or PUT with If-None-Match: * to create)"})
	}
}

func (h *handler) getList(w http.ResponseWriter, r *http.Request) {
	l := h.store.list()
	serve(w, r, representation{body: l.body, contentType: jsonType, validators: l.validators,
		cache: [][2]string{{"Cache-Control", listCache}}})
}

func (h *handler) getItem(w http.ResponseWriter, r *http.Request) {
	id, ok := itemID(r)
	if !ok {
		writeProblem(w, r, badItemID(r))
		return
	}
	it, ok := h.store.get(id)
	if !ok {
		writeProblem(w, r, itemNotFound(id))
		return
	}
	serve(w, r, representation{body: it.body, contentType: jsonType, validators: it.validators,
		cache: [][2]string{{"Cache-Control", itemCache}}})
}

// putItem creates or replaces an item with the body as sent. Preconditions are tested
// before the content is judged (RFC 9110 §13.2.1), so a stale If-Match gets 412 even
// when the body would also be refused.
func (h *handler) putItem(w http.ResponseWriter, r *http.Request, base string) {
	id, ok := itemID(r)
	if !ok {
		writeProblem(w, r, badItemID(r))
		return
	}
	body, p := readBody(w, r)
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	contentErr := checkJSONObject(r.Header.Get("Content-Type"), body)
	stored, created, p := h.store.put(id, body, h.now(), func(cur *item) *problem {
		if p := preconditions(r, cur); p != nil {
			return p
		}
		return contentErr
	})
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	// The body was stored unchanged, so its validators may be returned (RFC 9110 §9.3.4).
	setValidators(w.Header(), stored.validators)
	if !created {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	w.Header().Set("Location", base+strconv.Itoa(id))
	w.Header().Set("Content-Length", "0")
	w.WriteHeader(http.StatusCreated)
}

func (h *handler) deleteItem(w http.ResponseWriter, r *http.Request) {
	id, ok := itemID(r)
	if !ok {
		writeProblem(w, r, badItemID(r))
		return
	}
	if p := h.store.remove(id, h.now(), func(cur *item) *problem { return preconditions(r, cur) }); p != nil {
		writeProblem(w, r, p)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// postItem creates an item under a new id.
func (h *handler) postItem(w http.ResponseWriter, r *http.Request) {
	body, p := readBody(w, r)
	if p == nil {
		p = checkJSONObject(r.Header.Get("Content-Type"), body)
	}
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	id, stored, p := h.store.add(body, h.now())
	if p != nil {
		writeProblem(w, r, p)
		return
	}
	setValidators(w.Header(), stored.validators)
	w.Header().Set("Location", "/items/"+strconv.Itoa(id))
	w.Header().Set("Content-Length", "0")
	w.WriteHeader(http.StatusCreated)
}

// preconditions turns a failed precondition on a write into a 412 that carries the
// current validators, so the client can see what it should have sent.
func preconditions(r *http.Request, cur *item) *problem {
	var v *validators
	if cur != nil {
		v = &cur.validators
	}
	status, why := evaluate(r, v)
	if status == 0 {
		return nil
	}
	p := &problem{status: status, detail: why}
	if v != nil {
		p.headers = validatorHeaders(*v)
	}
	return p
}

// itemID reads {id}: a positive decimal without leading zeros, so each item has one URL.
func itemID(r *http.Request) (int, bool) {
	s := r.PathValue("id")
	if s == "" || s[0] == '0' || strings.TrimLeft(s, "0123456789") != "" || len(s) > 7 {
		return 0, false
	}
	id, err := strconv.Atoi(s)
	return id, err == nil && id <= maxItemID
}

func badItemID(r *http.Request) *problem {
	return &problem{status: http.StatusNotFound,
		detail: "item ids are whole numbers from 1 to " + strconv.Itoa(maxItemID) + ", not " + strconv.Quote(r.PathValue("id"))}
}

// readBody reads at most maxBodySize bytes of content.
func readBody(w http.ResponseWriter, r *http.Request) ([]byte, *problem) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBodySize))
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return nil, &problem{status: http.StatusRequestEntityTooLarge,
			detail: "items are at most " + strconv.Itoa(maxBodySize) + " bytes"}
	case err != nil:
		return nil, &problem{status: http.StatusBadRequest, detail: "reading the content failed: " + err.Error()}
	}
	return body, nil
}

// checkJSONObject accepts application/json or any application/*+json whose content is
// one JSON object: 415 (with Accept, RFC 9110 §15.5.16) or 400 otherwise.
func checkJSONObject(contentType string, body []byte) *problem {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil || !(mt == jsonType || strings.HasPrefix(mt, "application/") && strings.HasSuffix(mt, "+json")) {
		return &problem{status: http.StatusUnsupportedMediaType,
			detail:  "items are JSON: send Content-Type: application/json, not " + strconv.Quote(contentType),
			headers: [][2]string{{"Accept", jsonType}}}
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(body, &obj); err != nil || obj == nil {
		detail := "the content must be one JSON object"
		if err != nil {
			detail += ": " + err.Error()
		}
		return &problem{status: http.StatusBadRequest, detail: detail}
	}
	return nil
}
