package api_test

import (
	"context"
	"encoding/base64"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"lemstep/api"
	"lemstep/internal/keyscan"
)

// assertNoSecret fails when text holds key in any form it could leak in
// (keyscan.Forms), naming the form, never the key.
func assertNoSecret(t *testing.T, key, what, text string) {
	t.Helper()
	if form, found := keyscan.Find([]byte(text), key); found {
		t.Errorf("%s holds %s", what, form)
	} else if form, at, found := keyscan.FindRun([]byte(text), key, keyscan.LeakRun); found {
		t.Errorf("%s holds %d characters of %s at byte %d", what, keyscan.LeakRun, form, at)
	}
}

// logLines splits a debug log into its lines, checking none holds a control
// character: the log is read on terminals.
func logLines(t *testing.T, log string) []string {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(log, "\n"), "\n")
	for _, l := range lines {
		if why := hostile(l); why != "" {
			t.Errorf("debug line holds %s: %q", why, l)
		}
	}
	return lines
}

// hostile reports what in s a terminal would act on, or "".
func hostile(s string) string {
	for _, r := range s {
		switch {
		case r == 0x1b:
			return "ESC"
		case r < 0x20 && r != '\t' && r != '\n', r == 0x7f:
			return "a C0 control"
		case r >= 0x80 && r <= 0x9f:
			return "a C1 control"
		}
	}
	return ""
}

func TestDebugLogRecordsRequestAndAnswer(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-RateLimit-Remaining", "19")
		writeJSON(w, 200, `{"_id":"stp_1","type":"linkedinSend","delay":2,"message":"New"}`)
	})
	var log syncBuffer
	c := newTestClient(t, f, func(cfg *api.Config) { cfg.DebugLog = &log })
	msg := "New"
	if _, err := c.UpdateStep(context.Background(), "seq_1", "stp_1", api.StepUpdate{Type: api.LinkedinSend, Message: &msg}); err != nil {
		t.Fatal(err)
	}
	lines := logLines(t, log.String())
	if len(lines) != 1 {
		t.Fatalf("debug log has %d lines, want 1:\n%s", len(lines), log.String())
	}
	for _, want := range []string{
		"lemlist PATCH /sequences/seq_1/steps/stp_1 authorization=REDACTED → 200 in ",
		`request headers: "Accept": "application/json", "Authorization": "REDACTED", "Content-Type": "application/json", "User-Agent": "lemstep"`,
		`request body: "{\"type\":\"linkedinSend\",\"message\":\"New\"}"`,
		`"X-Ratelimit-Remaining": "19"`,
		`response body: "{\"_id\":\"stp_1\",\"type\":\"linkedinSend\",\"delay\":2,\"message\":\"New\"}"`,
	} {
		if !strings.Contains(lines[0], want) {
			t.Errorf("debug line lacks %s:\n%s", want, lines[0])
		}
	}
	if got := f.requests()[0].Header.Get("Authorization"); !strings.HasPrefix(got, "Basic ") {
		t.Fatalf("the request carried Authorization %q; the log redacted nothing", got)
	}
	assertNoSecret(t, testKey, "debug log", log.String())
}

func TestDebugLogQuotesHostileAnswers(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		// Go's client refuses C0 controls in headers; C1 ones pass.
		w.Header().Set("X-Note", "a\u009b2Jb")
		writeJSON(w, 200, "{\"_id\":\"tea_1\",\"name\":\"x\x1b[2J\u009b2J\u009d52;c;ZXZpbA==\u009c\ny\"}")
	})
	var log syncBuffer
	c := newTestClient(t, f, func(cfg *api.Config) { cfg.DebugLog = &log })
	_, _ = c.Team(context.Background())
	lines := logLines(t, log.String())
	if len(lines) != 1 {
		t.Fatalf("a body with line breaks took %d lines:\n%s", len(lines), log.String())
	}
	if !strings.Contains(lines[0], `\x1b[2J\u009b2J\u009d52;c;ZXZpbA==\u009c\ny`) || !strings.Contains(lines[0], `"X-Note": "a\u009b2Jb"`) {
		t.Errorf("the body is not shown escaped:\n%s", lines[0])
	}
}

func TestDebugLogCutsLongBodies(t *testing.T) {
	long := `{"_id":"tea_1","name":"` + strings.Repeat("a", 200<<10) + `"}`
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, long) })
	var log syncBuffer
	c := newTestClient(t, f, func(cfg *api.Config) { cfg.DebugLog = &log })
	if _, err := c.Team(context.Background()); err != nil {
		t.Fatal(err)
	}
	line := logLines(t, log.String())[0]
	if len(line) > 70<<10 || !strings.Contains(line, "more bytes)") {
		t.Errorf("a %d-byte body took %d bytes of log; want it cut with a note", len(long), len(line))
	}
}

// echoKey answers with status and a body of the given kind ("text", "json",
// "truncated json" or "html") that repeats the credentials it received in
// every form a server might use, also in a header.
func echoKey(status int, kind string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		auth := r.Header.Get("Authorization")
		basic := strings.TrimPrefix(auth, "Basic ")
		_, pass, _ := r.BasicAuth()
		words := strings.Join([]string{auth, strings.ReplaceAll(basic, "/", `\/`), url.QueryEscape(basic),
			pass, base64.StdEncoding.EncodeToString([]byte(pass)), base64.RawURLEncoding.EncodeToString([]byte(pass))}, " | ")
		w.Header().Set("X-Echo", auth)
		body := "you sent " + words
		switch kind {
		case "json":
			body = `{"message":"you sent ` + words + `"}`
		case "truncated json":
			body = `{"_id":"tea_1","name":"you sent ` + words
		case "html":
			body = "<html><body>you sent " + words + "</body></html>"
		}
		ctype := map[string]string{"text": "text/plain", "html": "text/html"}[kind]
		if ctype == "" {
			ctype = "application/json"
		}
		w.Header().Set("Content-Type", ctype)
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	}
}

func TestKeyNeverInErrorsOrTheDebugLog(t *testing.T) {
	// A key whose Basic form holds "/" and "+", so that every escaping of
	// base64 is tried.
	const key = "lemstep~key?~?~>>>9f3a"
	basic := base64.StdEncoding.EncodeToString([]byte(":" + key))
	if !strings.ContainsAny(basic, "/") || !strings.ContainsAny(basic, "+") {
		t.Fatalf("the key's Basic form %s lacks / or +", basic)
	}
	tests := []struct {
		name     string
		answer   http.HandlerFunc
		requests int
	}{
		{"401 echoing the header", echoKey(401, "text"), 1},
		{"400 JSON echoing the header", echoKey(400, "json"), 1},
		{"503 every time, retried", echoKey(503, "text"), 4},
		{"502 JSON, retried", echoKey(502, "json"), 4},
		{"200 web page", echoKey(200, "html"), 1},
		{"200 truncated JSON", echoKey(200, "truncated json"), 1},
		{"200 text", echoKey(200, "text"), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t, tt.answer)
			var log syncBuffer
			c := newTestClient(t, f, func(cfg *api.Config) { cfg.APIKey, cfg.DebugLog = key, &log })
			_, err := c.Team(context.Background())
			if err == nil {
				t.Fatal("no error")
			}
			if n := len(f.requests()); n != tt.requests {
				t.Errorf("server saw %d requests, want %d", n, tt.requests)
			}
			lines := logLines(t, log.String())
			if exchanges := strings.Count(log.String(), `"Authorization": "REDACTED"`); exchanges != tt.requests {
				t.Errorf("debug log shows %d redacted requests, want %d:\n%s", exchanges, tt.requests, log.String())
			}
			if tt.requests > 1 && !strings.Contains(log.String(), "retrying in") {
				t.Errorf("debug log does not show the retries:\n%s", log.String())
			}
			if !strings.Contains(lines[0], `"X-Echo": "Basic REDACTED`) {
				t.Errorf("the echoed header is not scrubbed to REDACTED:\n%s", lines[0])
			}
			assertNoSecret(t, key, "error", err.Error())
			assertNoSecret(t, key, "debug log", log.String())
		})
	}
}

func TestKeyNeverInNetworkErrors(t *testing.T) {
	dead := httptest.NewServer(http.NotFoundHandler())
	host := strings.TrimPrefix(dead.URL, "http://")
	dead.Close()
	var log syncBuffer
	c, err := api.NewClient(api.Config{BaseURL: dead.URL + "/api", APIKey: testKey, MaxRetries: -1, DebugLog: &log})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Sequences(context.Background(), "cam_1")
	if err == nil {
		t.Fatal("no error from a server that is gone")
	}
	msg := err.Error()
	if !strings.Contains(msg, "could not reach lemlist at "+host) || !strings.Contains(msg, "GET /campaigns/cam_1/sequences") ||
		!strings.Contains(msg, "connection refused") {
		t.Errorf("error %q does not say which host could not be reached and why", msg)
	}
	if !strings.Contains(log.String(), "failed: ") || !strings.Contains(log.String(), `"Authorization": "REDACTED"`) {
		t.Errorf("debug log does not record the failure:\n%s", log.String())
	}
	assertNoSecret(t, testKey, "error", msg)
	assertNoSecret(t, testKey, "debug log", log.String())
}

func TestRedirectToPlainHTTPIsRefused(t *testing.T) {
	var seen []string
	ts := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen = append(seen, r.URL.Path)
		http.Redirect(w, r, "http://api.lemlist.invalid/api/team", http.StatusTemporaryRedirect)
	}))
	t.Cleanup(ts.Close)
	c, err := api.NewClient(api.Config{BaseURL: ts.URL + "/api", APIKey: testKey, HTTPClient: ts.Client(), MaxRetries: -1})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Team(context.Background())
	if err == nil || !strings.Contains(err.Error(), "with a redirect (307, to http://api.lemlist.invalid/api/team), which lemstep refused: it would send the API key unencrypted") {
		t.Fatalf("error = %v, want the redirect refused", err)
	}
	if len(seen) != 1 {
		t.Errorf("server saw %v", seen)
	}
	assertNoSecret(t, testKey, "error", err.Error())
}
