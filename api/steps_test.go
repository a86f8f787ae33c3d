package api_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"

	"lemstep/api"
)

const sequencesBody = `{
  "seq_main": {"_id":"seq_main","level":0,"steps":[
    {"_id":"stp_1","type":"email","delay":0,"subject":"Hello"},
    {"_id":"stp_2","type":"conditional","conditions":[{"sequenceId":"seq_yes","key":"emailsOpened","delay":3,"delayType":"within"},{"sequenceId":"seq_no","fallback":true}]}]},
  "seq_yes": {"_id":"seq_yes","level":1,"parentId":"seq_main","conditionalStepIndex":1,"steps":[
    {"_id":"stp_3","type":"linkedinSend","delay":1,"message":"Thanks"}]}
}`

func TestSequencesAndStep(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, sequencesBody) })
	c := newTestClient(t, f)
	ctx := context.Background()
	seqs, err := c.Sequences(ctx, "cam_1")
	if err != nil {
		t.Fatal(err)
	}
	if len(seqs) != 2 || len(seqs["seq_main"].Steps) != 2 || f.requests()[0].Path != "/api/campaigns/cam_1/sequences" {
		t.Fatalf("sequences = %+v (path %s)", seqs, f.requests()[0].Path)
	}
	st, err := c.Step(ctx, "cam_1", "seq_yes", "stp_3")
	if err != nil || st.Message != "Thanks" || st.SequenceID != "seq_yes" {
		t.Errorf("Step = %+v, %v", st, err)
	}
	if st, err := c.Step(ctx, "cam_1", "", "stp_1"); err != nil || st.SequenceID != "seq_main" {
		t.Errorf("Step without a sequence = %+v, %v", st, err)
	}
	for _, where := range [][2]string{{"seq_main", "stp_3"}, {"seq_gone", "stp_1"}, {"", "stp_gone"}} {
		_, err := c.Step(ctx, "cam_1", where[0], where[1])
		var apiErr *api.Error
		if !errors.As(err, &apiErr) || !api.IsNotFound(err) || apiErr.Message != "Step not found" {
			t.Errorf("Step(%v) error = %v, want a 404 Step not found", where, err)
		}
	}
}

func TestUpdateStep(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"_id":"stp_a/b","type":"linkedinSend","delay":2,"message":"New","images":[]}`)
	})
	msg, delay, none := "New", 2, []string{}
	u := api.StepUpdate{Type: api.LinkedinSend, Message: &msg, Delay: &delay, Images: &none}
	st, err := newTestClient(t, f).UpdateStep(context.Background(), "seq_1", "stp_a/b", u)
	if err != nil {
		t.Fatal(err)
	}
	if st.Message != "New" || st.DelayDays() != 2 {
		t.Errorf("step = %+v", st)
	}
	req := f.requests()[0]
	if req.Method != http.MethodPatch || req.Path != "/api/sequences/seq_1/steps/stp_a%2Fb" {
		t.Errorf("request = %s %s", req.Method, req.Path)
	}
	if req.Body != `{"type":"linkedinSend","message":"New","delay":2,"images":[]}` {
		t.Errorf("body = %s", req.Body)
	}
}

func TestInvalidUpdateSendsNothing(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, `{}`) })
	c := newTestClient(t, f)
	subject, delay := strings.Repeat("x", 401), 2000
	tests := []api.StepUpdate{
		{Type: api.Email, Subject: &subject},
		{Type: api.Email, Delay: &delay},
		{Type: api.Phone, Subject: &subject},
		{Subject: &subject},
	}
	for _, u := range tests {
		_, err := c.UpdateStep(context.Background(), "seq_1", "stp_1", u)
		var vs api.Violations
		if !errors.As(err, &vs) || len(vs) == 0 {
			t.Errorf("UpdateStep(%+v) error = %v, want Violations", u, err)
		}
		if _, err := c.AddStep(context.Background(), "seq_1", api.NewStep{StepUpdate: u}); !errors.As(err, &vs) {
			t.Errorf("AddStep(%+v) error = %v, want Violations", u, err)
		}
	}
	index := -2
	if _, err := c.AddStep(context.Background(), "seq_1", api.NewStep{StepUpdate: api.StepUpdate{Type: api.Phone}, Index: &index}); err == nil {
		t.Error("AddStep accepted index -2")
	}
	if n := len(f.requests()); n != 0 {
		t.Errorf("server saw %d requests, want none", n)
	}
}

func TestUpdateStepChecksTheTargetCampaign(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/api/campaigns/cam_live":
			writeJSON(w, 200, `{"_id":"cam_live","name":"Live","status":"running"}`)
		case "/api/campaigns/cam_old":
			writeJSON(w, 200, `{"_id":"cam_old","name":"Old","status":"ended","archived":true}`)
		case "/api/campaigns/cam_other":
			writeText(w, 400, "Bad team")
		case "/api/campaigns/cam_broken":
			writeText(w, 500, "boom")
		case "/api/campaigns/cam_gone":
			writeText(w, 404, "Campaign not found")
		default:
			writeJSON(w, 200, `{"_id":"stp_1","type":"sendToAnotherCampaign","campaignId":"cam_live"}`)
		}
	})
	c := newTestClient(t, f)
	tests := []struct {
		campaign string
		want     string // "" for success, else a phrase of the error
		requests int
	}{
		{"cam_live", "", 2},
		{"cam_old", "archived", 1},
		{"cam_gone", "no campaign", 1},
		{"cam_other", "no campaign", 1},
		{"cam_broken", "boom", 1},
	}
	for _, tt := range tests {
		before := len(f.requests())
		id := tt.campaign
		_, err := c.UpdateStep(context.Background(), "seq_1", "stp_1", api.StepUpdate{Type: api.SendToAnotherCampaign, CampaignID: &id})
		got := len(f.requests()) - before
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", id, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: error %v, want one saying %q", id, err, tt.want)
		}
		if got != tt.requests {
			t.Errorf("%s: %d requests, want %d (no PATCH after a refusal)", id, got, tt.requests)
		}
	}
}

func TestAddStep(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"_id":"stp_new","type":"manual","title":"Call"}`)
	})
	title, index := "Call", 0
	st, err := newTestClient(t, f).AddStep(context.Background(), "seq_1", api.NewStep{
		StepUpdate: api.StepUpdate{Type: api.Manual, Title: &title}, Index: &index,
	})
	if err != nil || st.ID != "stp_new" {
		t.Fatalf("AddStep = %+v, %v", st, err)
	}
	req := f.requests()[0]
	if req.Method != http.MethodPost || req.Path != "/api/sequences/seq_1/steps" || req.Body != `{"type":"manual","title":"Call","index":0}` {
		t.Errorf("request = %s %s %s", req.Method, req.Path, req.Body)
	}
}

func TestNewStepJSON(t *testing.T) {
	none, index := []string{}, 3
	tests := []struct {
		step api.NewStep
		want string
	}{
		{api.NewStep{StepUpdate: api.StepUpdate{Type: api.Phone}}, `{"type":"phone"}`},
		{api.NewStep{StepUpdate: api.StepUpdate{Type: api.LinkedinInvite, Images: &none}, Index: &index}, `{"type":"linkedinInvite","images":[],"index":3}`},
		{api.NewStep{Index: &index}, `{"type":"","index":3}`},
	}
	for _, tt := range tests {
		b, err := json.Marshal(tt.step)
		if err != nil || string(b) != tt.want {
			t.Errorf("Marshal = %s, %v; want %s", b, err, tt.want)
		}
		if !json.Valid(b) {
			t.Errorf("%s is not valid JSON", b)
		}
	}
}

func TestDeleteStep(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "stp_gone") {
			writeText(w, 404, "Step not found")
			return
		}
		writeJSON(w, 200, `{"ok":true}`)
	})
	c := newTestClient(t, f)
	if err := c.DeleteStep(context.Background(), "seq_1", "stp_1"); err != nil {
		t.Fatal(err)
	}
	if req := f.requests()[0]; req.Method != http.MethodDelete || req.Path != "/api/sequences/seq_1/steps/stp_1" {
		t.Errorf("request = %s %s", req.Method, req.Path)
	}
	if err := c.DeleteStep(context.Background(), "seq_1", "stp_gone"); !api.IsNotFound(err) {
		t.Errorf("deleting a missing step: %v", err)
	}
}

func TestTeam(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"_id":"tea_1","name":"Acme Growth","users":[{"userId":"usr_1","name":"Maya","email":"m@a.example"}]}`)
	})
	team, err := newTestClient(t, f).Team(context.Background())
	if err != nil || team.Name != "Acme Growth" || len(team.Users) != 1 {
		t.Fatalf("Team = %+v, %v", team, err)
	}
	if req := f.requests()[0]; req.Path != "/api/team" || req.RawQuery != "version=v2" {
		t.Errorf("request = %s?%s", req.Path, req.RawQuery)
	}
}
