package api_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"lemstep/api"
)

// Keys as lemlist hands them out, in both shapes seen: 32 hex characters
// and a UUID.
var leakKeys = []string{testKey, "8c1f3a52-9e7d-4b60-a1c4-2f5d8e9b7a31"}

// jsonEscaped writes every character of s as a \u escape, as a JSON
// encoder may.
func jsonEscaped(s string) string {
	var b strings.Builder
	for _, r := range s {
		fmt.Fprintf(&b, `\u%04x`, r)
	}
	return b.String()
}

// An error is cut to a length; the key must be scrubbed first, or the cut
// leaves most of it behind. Any 8 characters of it count as a leak.
func TestKeyInALongErrorIsScrubbedBeforeTheCut(t *testing.T) {
	filler := strings.Repeat("x", 480)
	bodies := map[string]func(key string) (ctype, body string){
		"text, key at 480": func(key string) (string, string) { return "text/plain", filler + key },
		"text, key at 480 broken by escapes": func(key string) (string, string) {
			return "text/plain", filler + key[:5] + "\x1b[0m" + key[5:]
		},
		"text, key split by a newline": func(key string) (string, string) {
			return "text/plain", filler + key[:12] + "\n" + key[12:]
		},
		"JSON message, key at 480": func(key string) (string, string) {
			return "application/json", `{"message":"` + filler + key + `"}`
		},
		"JSON message, key escaped": func(key string) (string, string) {
			return "application/json", `{"message":"` + filler + jsonEscaped(key) + `"}`
		},
		"text, key escaped": func(key string) (string, string) { return "text/plain", filler + jsonEscaped(key) },
	}
	for _, key := range leakKeys {
		for name, body := range bodies {
			t.Run(name, func(t *testing.T) {
				ctype, text := body(key)
				var log syncBuffer
				f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
					w.Header().Set("Content-Type", ctype)
					w.WriteHeader(http.StatusUnauthorized)
					_, _ = w.Write([]byte(text))
				})
				c := newTestClient(t, f, func(cfg *api.Config) { cfg.APIKey, cfg.DebugLog = key, &log })
				_, err := c.Team(context.Background())
				if api.StatusOf(err) != http.StatusUnauthorized {
					t.Fatalf("error = %v, want the 401", err)
				}
				if !strings.Contains(err.Error(), "xxxxxxxxxx") {
					t.Errorf("error %q lost the server's words", err)
				}
				assertNoSecret(t, key, "error", err.Error())
				assertNoSecret(t, key, "debug log", log.String())
			})
		}
	}
}

// A key escaped in a successful answer reaches the debug log scrubbed too.
func TestEscapedKeyInAnAnswerIsScrubbedFromTheDebugLog(t *testing.T) {
	var log syncBuffer
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"_id":"tea_1","name":"Acme","note":"`+jsonEscaped(testKey)+`"}`)
	})
	c := newTestClient(t, f, func(cfg *api.Config) { cfg.DebugLog = &log })
	if _, err := c.Team(context.Background()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(log.String(), "tea_1") || !strings.Contains(log.String(), "REDACTED") {
		t.Errorf("debug log does not show the scrubbed answer:\n%s", log.String())
	}
	assertNoSecret(t, testKey, "debug log", log.String())
}
