package api_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"lemstep/api"
)

// decodingCalls are the client's methods that read data from an answer,
// each with arguments that pass its own checks.
var decodingCalls = map[string]func(context.Context, *api.Client) error{
	"Team": func(ctx context.Context, c *api.Client) error {
		_, err := c.Team(ctx)
		return err
	},
	"Campaigns": func(ctx context.Context, c *api.Client) error {
		_, err := c.Campaigns(ctx, api.CampaignQuery{})
		return err
	},
	"CampaignPages": func(ctx context.Context, c *api.Client) error {
		return c.CampaignPages(ctx, api.CampaignQuery{}, func([]api.Campaign, bool) error { return nil })
	},
	"Campaign": func(ctx context.Context, c *api.Client) error {
		_, err := c.Campaign(ctx, "cam_1")
		return err
	},
	"Sequences": func(ctx context.Context, c *api.Client) error {
		_, err := c.Sequences(ctx, "cam_1")
		return err
	},
	"Step": func(ctx context.Context, c *api.Client) error {
		_, err := c.Step(ctx, "cam_1", "seq_1", "stp_1")
		return err
	},
	"UpdateStep": func(ctx context.Context, c *api.Client) error {
		msg := "Hi"
		_, err := c.UpdateStep(ctx, "seq_1", "stp_1", api.StepUpdate{Type: api.LinkedinSend, Message: &msg})
		return err
	},
	"UpdateStepFrom": func(ctx context.Context, c *api.Client) error {
		msg := "Hi"
		loaded := api.Step{ID: "stp_1", SequenceID: "seq_1", Type: api.LinkedinSend}
		_, _, err := c.UpdateStepFrom(ctx, "cam_1", loaded, api.StepUpdate{Type: api.LinkedinSend, Message: &msg})
		return err
	},
	"AddStep": func(ctx context.Context, c *api.Client) error {
		_, err := c.AddStep(ctx, "seq_1", api.NewStep{StepUpdate: api.StepUpdate{Type: api.Phone}})
		return err
	},
}

// undecodable are 200 answers no method can take as its data.
var undecodable = []struct{ name, ctype, body string }{
	{"malformed JSON", "application/json", `{"_id": "x", "name": }`},
	{"truncated JSON", "application/json", `{"seq_1":{"_id":"seq_1","level":0,"steps":[{"_id":"stp_1","type":"linkedinSend","mess`},
	{"truncated array", "application/json", `[{"_id":"cam_1","name":"On`},
	{"empty body", "application/json", ""},
	{"HTML page", "text/html; charset=utf-8", "<!DOCTYPE html><html><body>lemlist</body></html>"},
	{"HTML sent as JSON", "application/json", "<html><body>Bad gateway</body></html>"},
	{"plain text", "text/plain", "OK"},
	{"binary", "application/octet-stream", "\x00\xff\xfe\x1b[2J\x9b"},
	{"a string", "application/json", `"hello"`},
	{"a number", "application/json", `42`},
	{"an array of numbers", "application/json", `[1, 2, 3]`},
	{"hostile text in broken JSON", "application/json", "{\"_id\": \"\x1b]52;c;ZXZpbA==\x07\x1b[2J\u009b6n"},
	{"deep nesting", "application/json", strings.Repeat("[", 20000) + strings.Repeat("]", 20000)},
}

func TestUndecodableAnswersAreErrors(t *testing.T) {
	for _, answer := range undecodable {
		f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", answer.ctype)
			w.WriteHeader(200)
			_, _ = w.Write([]byte(answer.body))
		})
		c := newTestClient(t, f)
		for name, call := range decodingCalls {
			t.Run(answer.name+"/"+name, func(t *testing.T) {
				err := call(context.Background(), c)
				if err == nil {
					t.Fatal("no error")
				}
				if api.StatusOf(err) != 200 {
					t.Errorf("error %q is not an *api.Error for a 200 answer", err)
				}
				msg := err.Error()
				if why := hostile(msg); why != "" {
					t.Errorf("error holds %s: %q", why, msg)
				}
				if !strings.HasPrefix(msg, "lemlist answered ") {
					t.Errorf("error %q does not say lemlist's answer was the problem", msg)
				}
				assertNoSecret(t, testKey, "error", msg)
			})
		}
	}
}
