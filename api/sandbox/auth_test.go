package sandbox

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestAuthErrors(t *testing.T) {
	h := newHarness(t, Options{
		BlockedKeys: []string{"blocked-key"},
		UnknownKeys: []string{"orphan-key"},
	})
	cases := []struct {
		name   string
		header func(r *http.Request)
		status int
		text   string
	}{
		{"no header", func(*http.Request) {}, 400, "No API key provided"},
		{"empty password", func(r *http.Request) { r.SetBasicAuth("", "") }, 400, "No API key provided"},
		{"key sent as user name", func(r *http.Request) { r.SetBasicAuth(testKey, "") }, 400, "No API key provided"},
		{"bearer token", func(r *http.Request) { r.Header.Set("Authorization", "Bearer "+testKey) }, 401, "The authentication you supplied is incorrect"},
		{"wrong key", func(r *http.Request) { r.SetBasicAuth("", "not-the-key") }, 401, "The authentication you supplied is incorrect"},
		{"blocked user", func(r *http.Request) { r.SetBasicAuth("", "blocked-key") }, 403, "User linked to this API key is blocked"},
		{"no user", func(r *http.Request) { r.SetBasicAuth("", "orphan-key") }, 404, "No user found for this API key"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			req := httptest.NewRequest("GET", "/api/team", nil)
			c.header(req)
			rec := h.send(req)
			expectText(t, rec, c.status, c.text)
			if rec.Header().Get("X-RateLimit-Limit") == "" {
				t.Fatal("an auth error still carries the rate-limit headers")
			}
		})
	}
}

func TestAuthAccepts(t *testing.T) {
	t.Run("key as password", func(t *testing.T) {
		h := newHarness(t, Options{})
		expectStatus(t, h.call("GET", "/api/team", nil), 200)
	})
	t.Run("user name is ignored", func(t *testing.T) {
		h := newHarness(t, Options{})
		req := httptest.NewRequest("GET", "/team", nil)
		req.SetBasicAuth("maya@northwind.example", testKey)
		expectStatus(t, h.send(req), 200)
	})
	t.Run("no keys configured accepts any key", func(t *testing.T) {
		srv := New(Options{UnknownKeys: []string{"orphan-key"}})
		for key, want := range map[string]int{"anything": 200, "orphan-key": 404} {
			req := httptest.NewRequest("GET", "/team", nil)
			req.SetBasicAuth("", key)
			rec := httptest.NewRecorder()
			srv.ServeHTTP(rec, req)
			if rec.Code != want {
				t.Fatalf("key %q: status %d, want %d", key, rec.Code, want)
			}
		}
	})
}

func TestRoutesAnswerWithAndWithoutAPIPrefix(t *testing.T) {
	h := newHarness(t, Options{})
	for _, p := range []string{"/team", "/api/team", "/api/team/", "/campaigns", "/api/campaigns",
		"/api/campaigns/" + foundersCampaign, "/campaigns/" + foundersCampaign + "/sequences"} {
		if rec := h.call("GET", p, nil); rec.Code != 200 {
			t.Errorf("GET %s: %d %s", p, rec.Code, rec.Body.String())
		}
	}
}

func TestUnknownRoutesAndMethods(t *testing.T) {
	h := newHarness(t, Options{})
	cases := []struct {
		method, path string
		status       int
		text         string
	}{
		{"GET", "/api/sequences/" + foundersMain, 404, "Not found"},
		{"GET", "/api/leads", 404, "Not found"},
		{"GET", "/api//team", 404, "Not found"},
		{"GET", "/", 404, "Not found"},
		{"POST", "/api/team", 405, "Method Not Allowed"},
		{"DELETE", "/api/campaigns", 405, "Method Not Allowed"},
		{"PUT", "/api/sequences/" + foundersMain + "/steps/stp_x", 405, "Method Not Allowed"},
		{"GET", "/api/sequences/" + foundersMain + "/steps/stp_x", 405, "Method Not Allowed"},
		{"PATCH", "/api/campaigns/" + foundersCampaign + "/sequences", 405, "Method Not Allowed"},
	}
	for _, c := range cases {
		t.Run(c.method+" "+c.path, func(t *testing.T) {
			expectText(t, h.call(c.method, c.path, nil), c.status, c.text)
		})
	}
}

func TestUnknownRouteNeedsNoKey(t *testing.T) {
	h := newHarness(t, Options{})
	rec := h.send(httptest.NewRequest("GET", "/api/leads", nil))
	expectText(t, rec, 404, "Not found")
}

func TestHTMLCatchAll(t *testing.T) {
	h := newHarness(t, Options{HTMLCatchAll: true})
	rec := h.call("GET", "/api/sequences/"+foundersMain, nil)
	expectStatus(t, rec, 200)
	if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Fatalf("Content-Type %q, want text/html like lemlist's web app", ct)
	}
	if !strings.Contains(rec.Body.String(), "<html") {
		t.Fatalf("body is not an HTML page: %s", rec.Body.String())
	}
	// Known routes are unaffected.
	expectStatus(t, h.call("GET", "/api/team", nil), 200)
}

func TestBodyTooLarge(t *testing.T) {
	h := newHarness(t, Options{})
	body := `{"type":"email","message":"` + strings.Repeat("a", maxBody) + `"}`
	rec := h.call("PATCH", "/api/sequences/"+foundersMain+"/steps/stp_x", []byte(body))
	expectText(t, rec, 413, "request entity too large")
}
