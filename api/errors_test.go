package api_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"lemstep/api"
)

func TestErrorCarriesTheServersWords(t *testing.T) {
	tests := []struct {
		name   string
		answer http.HandlerFunc
		status int
		want   string // the whole sentence
	}{
		{
			name: "plain text",
			answer: func(w http.ResponseWriter, r *http.Request) {
				writeText(w, 400, "Delay between the steps can't be greater than 1500 days\n")
			},
			status: 400,
			want:   "lemlist refused the update of step stp_y: Delay between the steps can't be greater than 1500 days.",
		},
		{
			name: "JSON message",
			answer: func(w http.ResponseWriter, r *http.Request) {
				writeJSON(w, 400, `{"success":false,"message":"  Bad team "}`)
			},
			status: 400,
			want:   "lemlist refused the update of step stp_y: Bad team.",
		},
		{
			name: "JSON error",
			answer: func(w http.ResponseWriter, r *http.Request) {
				writeJSON(w, 413, `{"error":"LINKEDIN_MEDIA_TOO_LARGE"}`)
			},
			status: 413,
			want:   "lemlist refused the update of step stp_y: LINKEDIN_MEDIA_TOO_LARGE.",
		},
		{
			name: "terminal controls stripped",
			answer: func(w http.ResponseWriter, r *http.Request) {
				writeText(w, 404, "Step \x1b[31mnot\x1b[0m found\x1b]0;pwned\x07")
			},
			status: 404,
			want:   "lemlist found no step stp_y in sequence seq_x in the workspace acme (lemlist says: Step not found).",
		},
		{
			name:   "empty body",
			answer: func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(405) },
			status: 405,
			want:   "lemlist refused the update of step stp_y: Method Not Allowed.",
		},
		{
			name: "HTML error page",
			answer: func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(500)
				w.Write([]byte("<html><body>oops</body></html>"))
			},
			status: 500,
			want:   "lemlist failed: Internal Server Error. Try again in a moment.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newTestClient(t, newFake(t, tt.answer), func(cfg *api.Config) { cfg.Workspace = "acme" })
			_, err := c.UpdateStep(context.Background(), "seq_x", "stp_y", api.StepUpdate{Type: api.LinkedinVisit})
			var apiErr *api.Error
			if !errors.As(err, &apiErr) {
				t.Fatalf("error %v (%T) is not an *api.Error", err, err)
			}
			if apiErr.Status != tt.status || api.StatusOf(err) != tt.status {
				t.Errorf("status = %d, want %d", apiErr.Status, tt.status)
			}
			if err.Error() != tt.want {
				t.Errorf("error =\n %q\nwant\n %q", err.Error(), tt.want)
			}
		})
	}
}

// With a debug log, an error also names the request and its status, for
// the person reading the log beside it; without one it speaks of the step.
func TestErrorNamesTheRequestOnlyWithADebugLog(t *testing.T) {
	answer := func(w http.ResponseWriter, r *http.Request) { writeText(w, 404, "Campaign not found") }
	plain := newTestClient(t, newFake(t, answer), func(cfg *api.Config) { cfg.Workspace = "acme" })
	_, err := plain.Sequences(context.Background(), "cam_nope")
	if want := "lemlist found no campaign cam_nope in the workspace acme (lemlist says: Campaign not found)."; err == nil || err.Error() != want {
		t.Errorf("without a debug log, error = %v, want %q", err, want)
	}
	if s, ok := api.Missing(err); !ok || s.Kind != "campaign" || s.ID != "cam_nope" {
		t.Errorf("Missing = %+v, %v; want campaign cam_nope", s, ok)
	}
	var log strings.Builder
	logged := newTestClient(t, newFake(t, answer), func(cfg *api.Config) { cfg.Workspace = "acme"; cfg.DebugLog = &log })
	_, err = logged.Sequences(context.Background(), "cam_nope")
	if err == nil || !strings.HasSuffix(err.Error(), " (GET /campaigns/cam_nope/sequences answered 404).") {
		t.Errorf("with a debug log, error = %v, want the request and status at the end", err)
	}
}

func TestLongServerMessagesAreCapped(t *testing.T) {
	long := strings.Repeat("word ", 400)
	c := newTestClient(t, newFake(t, func(w http.ResponseWriter, r *http.Request) { writeText(w, 400, long) }))
	_, err := c.Team(context.Background())
	var apiErr *api.Error
	if !errors.As(err, &apiErr) {
		t.Fatal(err)
	}
	if n := len([]rune(apiErr.Message)); n > 500 || !strings.HasSuffix(apiErr.Message, "…") {
		t.Errorf("message has %d characters and ends %q", n, apiErr.Message[len(apiErr.Message)-5:])
	}
}

func TestUnauthorizedSaysHowToFixTheKey(t *testing.T) {
	c := newTestClient(t, newFake(t, func(w http.ResponseWriter, r *http.Request) {
		writeText(w, 401, "The authentication you supplied is incorrect")
	}))
	_, err := c.Team(context.Background())
	if api.StatusOf(err) != 401 {
		t.Fatalf("error = %v, want a 401", err)
	}
	for _, phrase := range []string{
		"refused the API key",
		"The authentication you supplied is incorrect",
		"Settings → Integrations",
		"LEMLIST_API_KEY",
		"lemstep auth login",
	} {
		if !strings.Contains(err.Error(), phrase) {
			t.Errorf("error %q lacks %q", err, phrase)
		}
	}
}

func TestSuccessThatIsNotDataIsAnError(t *testing.T) {
	tests := []struct {
		name   string
		answer http.HandlerFunc
		want   string
	}{
		{"web app HTML", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte("<!DOCTYPE html><html><head><title>lemlist</title></head></html>"))
		}, "web page instead of data; check the base URL"},
		{"HTML without a content type", func(w http.ResponseWriter, r *http.Request) {
			w.Header()["Content-Type"] = nil
			w.Write([]byte("<html></html>"))
		}, "web page instead of data"},
		{"plain text", func(w http.ResponseWriter, r *http.Request) { writeText(w, 200, "OK") }, "instead of JSON data"},
		{"malformed JSON", func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, `{"_id":"tea_1","name":`) }, "could not read"},
		{"wrong JSON types", func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, `{"_id":7}`) }, "could not read"},
		{"JSON without an id", func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, `{}`) }, "not a team"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newTestClient(t, newFake(t, tt.answer))
			_, err := c.Team(context.Background())
			if api.StatusOf(err) != 200 || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want a 200 *api.Error saying %q", err, tt.want)
			}
		})
	}
}

func TestIsNotFound(t *testing.T) {
	c := newTestClient(t, newFake(t, func(w http.ResponseWriter, r *http.Request) {
		writeText(w, 404, "Campaign not found")
	}))
	_, err := c.Campaign(context.Background(), "cam_gone")
	if !api.IsNotFound(err) {
		t.Errorf("IsNotFound(%v) = false", err)
	}
	if api.IsNotFound(errors.New("other")) || api.StatusOf(nil) != 0 {
		t.Error("IsNotFound/StatusOf see a status in a plain error")
	}
}
