package sandbox

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"lemstep/api"
	"lemstep/internal/safetext"
	"lemstep/internal/spectest"
)

func TestDemoCampaigns(t *testing.T) {
	ws := DemoWorkspace()
	if len(ws.Campaigns) < 8 {
		t.Fatalf("%d campaigns, want at least 8", len(ws.Campaigns))
	}
	if ws.Campaigns[0].Name != "Q4 SaaS founders — multichannel" || ws.Campaigns[0].Status != "running" {
		t.Fatalf("the rich running campaign comes first: %+v", ws.Campaigns[0])
	}
	statuses := map[string]bool{}
	archivedEnded := false
	for _, c := range ws.Campaigns {
		statuses[c.Status] = true
		archivedEnded = archivedEnded || (c.Archived && c.Status == "ended")
		if c.HasError != (len(c.Errors) > 0) {
			t.Errorf("%s: hasError %v with errors %q", c.Name, c.HasError, c.Errors)
		}
		if c.SequenceID != api.MainSequenceID(ws.Sequences[c.ID]) {
			t.Errorf("%s: sequenceId %s is not its main sequence", c.Name, c.SequenceID)
		}
		if c.TeamID != ws.Team.ID || !ValidID("cam_", c.ID) {
			t.Errorf("%s: team %s id %s", c.Name, c.TeamID, c.ID)
		}
	}
	for _, s := range api.CampaignStatuses {
		if !statuses[s.Value] {
			t.Errorf("no campaign with status %s", s.Value)
		}
	}
	if !archivedEnded {
		t.Error("no archived campaign that still says ended")
	}
}

// demoSteps walks every step of every campaign.
func demoSteps(ws *Workspace, fn func(c api.Campaign, st api.Step)) {
	for _, c := range ws.Campaigns {
		for _, seq := range ws.Sequences[c.ID] {
			for _, st := range seq.Steps {
				fn(c, st)
			}
		}
	}
}

func TestDemoCoversEveryStepType(t *testing.T) {
	ws := DemoWorkspace()
	seen := map[api.StepType]bool{}
	abTest := false
	demoSteps(ws, func(_ api.Campaign, st api.Step) {
		seen[st.Type] = true
		abTest = abTest || (st.ABTest.Running && ValidID("etp_", st.EmailTemplateBID))
	})
	for _, typ := range api.StepTypes() {
		if !seen[typ] {
			t.Errorf("no %s step", typ)
		}
	}
	if !abTest {
		t.Error("no email step with a running A/B test and a variant B template")
	}
}

func TestDemoNestedConditions(t *testing.T) {
	ws := DemoWorkspace()
	tree, err := api.BuildTree(ws.Sequences[foundersCampaign])
	if err != nil {
		t.Fatal(err)
	}
	var outer *api.Node
	for i := range tree.Main.Nodes {
		if tree.Main.Nodes[i].Step.Type == api.Conditional {
			outer = &tree.Main.Nodes[i]
		}
	}
	if outer == nil || len(outer.Lanes) != 2 || len(outer.Lanes[0].Nodes) == 0 || len(outer.Lanes[1].Nodes) == 0 {
		t.Fatal("the main sequence has a condition with both lanes populated")
	}
	yes := outer.Lanes[0]
	var inner *api.Node
	for i := range yes.Nodes {
		if yes.Nodes[i].Step.Type == api.Conditional {
			inner = &yes.Nodes[i]
		}
	}
	if inner == nil || len(inner.Lanes) != 2 || len(inner.Lanes[0].Nodes) == 0 || len(inner.Lanes[1].Nodes) == 0 || inner.Lanes[0].Level != 2 {
		t.Fatal("the yes lane holds a second condition with both lanes populated")
	}
}

// The scoring campaign holds a condition with three branches and an else,
// and a customLeadInfo condition inside one of them.
func TestDemoMultiBranchCondition(t *testing.T) {
	tree, err := api.BuildTree(DemoWorkspace().Sequences[scoringCampaign])
	if err != nil {
		t.Fatal(err)
	}
	cond := tree.Main.Nodes[2]
	var names []string
	for _, l := range cond.Lanes {
		names = append(names, l.Name)
		if !l.Else && l.Branch.Key != "hasScore" {
			t.Errorf("lane %s checks %q", l.Name, l.Branch.Key)
		}
	}
	if strings.Join(names, ",") != "Hot,Warm,Cold,Else" {
		t.Fatalf("lanes = %v", names)
	}
	inner := cond.Lanes[1].Nodes[0]
	if inner.Step.Type != api.Conditional || inner.Lanes[0].Branch.Key != "customLeadInfo" || len(inner.Lanes[0].Nodes) == 0 {
		t.Errorf("the Warm lane starts with a customLeadInfo condition: %+v", inner)
	}
}

func TestDemoIDsAndNumbering(t *testing.T) {
	ws := DemoWorkspace()
	seen := map[string]bool{}
	demoSteps(ws, func(c api.Campaign, st api.Step) {
		if !ValidID("stp_", st.ID) || !ValidID("etp_", st.EmailTemplateID) || seen[st.ID] {
			t.Errorf("%s: step id %q template %q (duplicate: %v)", c.Name, st.ID, st.EmailTemplateID, seen[st.ID])
		}
		seen[st.ID] = true
		for _, cond := range st.Conditions {
			if _, ok := ws.Sequences[c.ID][cond.SequenceID]; !ok {
				t.Errorf("%s: condition names missing sequence %s", c.Name, cond.SequenceID)
			}
		}
	})
	for campID, seqs := range ws.Sequences {
		for id := range seqs {
			if !ValidID("seq_", id) {
				t.Errorf("sequence id %q", id)
			}
		}
		renumbered := api.CloneSequences(seqs)
		renumber(renumbered)
		if !reflect.DeepEqual(renumbered, seqs) {
			t.Errorf("campaign %s: index, sequenceStep, level, parentId or conditionalStepIndex disagree with the shape", campID)
		}
	}
}

// TestDemoStepsObeyTheRules sends each step's current values back as an
// update: the demo holds only content lemlist would accept. A field lemstep
// keeps read-only (a customLeadInfo condition's key) is never sent.
func TestDemoStepsObeyTheRules(t *testing.T) {
	ws := DemoWorkspace()
	srv := New(Options{Workspace: ws})
	demoSteps(ws, func(c api.Campaign, st api.Step) {
		u := api.StepUpdate{Type: st.Type}
		for _, f := range api.EditableFieldsOf(st) {
			if v, ok := api.StepValue(st, f); ok {
				u.Set(f, v)
			}
		}
		if vs := u.Validate(srv.target(st.Type)); len(vs) > 0 {
			t.Errorf("%s / %s: %v", c.Name, st.ID, vs)
		}
		body, err := json.Marshal(u)
		if err != nil {
			t.Fatal(err)
		}
		if err := spectest.UpdateBodyError(st.SequenceID, st.ID, body); err != nil {
			t.Errorf("%s / %s: %v", c.Name, st.ID, err)
		}
		for _, text := range []string{st.Subject, st.Message, st.AltMessage, st.Title} {
			if safetext.Clean(text) != text {
				t.Errorf("%s / %s holds terminal control characters", c.Name, st.ID)
			}
		}
	})
}

func TestDemoEmailsLookLikeLemlists(t *testing.T) {
	ws := DemoWorkspace()
	var html strings.Builder
	demoSteps(ws, func(_ api.Campaign, st api.Step) {
		if st.Type == api.Email {
			html.WriteString(st.Message)
		}
	})
	for _, want := range []string{`<p style="`, "<br>", `<a href="https://`, "<b>", "<ul><li>",
		"{{firstName}}", "{{companyName}}", `{{firstName | default: "there"}}`, "{% if companyName %}", "{% else %}", "{% endif %}"} {
		if !strings.Contains(html.String(), want) {
			t.Errorf("no email contains %s", want)
		}
	}
}

func TestDemoWorkspaceIsFreshEachCall(t *testing.T) {
	a := DemoWorkspace()
	a.Campaigns[0].Name = "changed"
	a.Sequences[foundersCampaign][foundersMain].Steps[0].ID = "changed"
	b := DemoWorkspace()
	if b.Campaigns[0].Name == "changed" || b.Sequences[foundersCampaign][foundersMain].Steps[0].ID == "changed" {
		t.Fatal("DemoWorkspace shares state between calls")
	}
	if !reflect.DeepEqual(b.Clone(), b) {
		t.Fatal("Clone differs from its original")
	}
	data, err := json.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	var back Workspace
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	again, _ := json.Marshal(&back)
	if string(again) != string(data) {
		t.Fatal("the workspace does not survive a JSON round trip")
	}
}

func TestServerWorksOnACopy(t *testing.T) {
	ws := DemoWorkspace()
	h := newHarness(t, Options{Workspace: ws})
	step := ws.Sequences[partnersCampaign][partnersMain].Steps[0]
	expectStatus(t, h.patch(partnersMain, step.ID, `{"type":"linkedinVisit","delay":12}`), 200)
	if ws.Sequences[partnersCampaign][partnersMain].Steps[0].DelayDays() != 0 {
		t.Fatal("the server changed the caller's workspace")
	}
	snap := h.srv.Sequences(partnersCampaign)
	*snap[partnersMain].Steps[0].Delay = 99
	if h.srv.Sequences(partnersCampaign)[partnersMain].Steps[0].DelayDays() != 12 {
		t.Fatal("Sequences returns the server's own data")
	}
}
