package api_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"lemstep/api"
	"lemstep/api/sandbox"
)

func textPtr(s string) *string { return &s }

func TestConflictsOnlyForFieldsTheUpdateChanges(t *testing.T) {
	delay := 2
	loaded := api.Step{ID: "stp_1", Type: api.Email, Subject: "Hello", Message: "<p>Hi</p>", Delay: &delay}
	current := loaded
	current.Subject = "Theirs"
	later := 4
	current.Delay = &later // they changed the delay too, which the update leaves alone
	u := api.StepUpdate{Type: api.Email, Subject: textPtr("Mine"), Message: textPtr("<p>Hey</p>")}
	cs := api.Conflicts(loaded, current, u)
	if len(cs) != 1 {
		t.Fatalf("Conflicts = %+v; want only the subject", cs)
	}
	c := cs[0]
	if c.Field != api.FieldSubject || c.Loaded != "Hello" || c.Current != "Theirs" || c.Yours != "Mine" {
		t.Fatalf("conflict = %+v", c)
	}
}

// When lemlist already has the user's value (an earlier submit got through
// before the answer was lost), there is nothing to fight over.
func TestNoConflictWhenLemlistAlreadyHasYourValue(t *testing.T) {
	loaded := api.Step{ID: "stp_1", Type: api.Email, Subject: "Hello", Message: "<p>Hi</p>"}
	current := loaded
	current.Subject = "Mine"
	current.Message = ""
	u := api.StepUpdate{Type: api.Email, Subject: textPtr("Mine"), Message: textPtr("")}
	if cs := api.Conflicts(loaded, current, u); len(cs) != 0 {
		t.Fatalf("Conflicts = %+v; lemlist already has every value sent", cs)
	}
}

func TestFieldEqualTreatsAbsentAsEmpty(t *testing.T) {
	a := api.Step{Type: api.LinkedinSend}
	b := api.Step{Type: api.LinkedinSend, Images: []string{}, Message: ""}
	for _, f := range []api.Field{api.FieldImages, api.FieldMessage, api.FieldVideos} {
		if !api.FieldEqual(a, b, f) {
			t.Errorf("%s: absent and empty differ", f)
		}
	}
	zero := 0
	if !api.FieldEqual(a, api.Step{Type: api.LinkedinSend, Delay: &zero}, api.FieldDelay) {
		t.Error("no delay and a delay of 0 differ")
	}
	b.Images = []string{"https://x.example/a.png"}
	if api.FieldEqual(a, b, api.FieldImages) {
		t.Error("an image list and none compare equal")
	}
}

func TestPreviousUndoesTheUpdate(t *testing.T) {
	step := api.Step{Type: api.LinkedinSend, Message: "Hi", Images: []string{"https://x.example/a.png"}}
	u := api.StepUpdate{Type: api.LinkedinSend, Message: textPtr("Hello"), Images: &[]string{}, Videos: &[]string{"https://x.example/v.mp4"}}
	prev := api.Previous(step, u)
	if got := u.Apply(step); api.FieldEqual(got, step, api.FieldMessage) {
		t.Fatal("the update changes nothing; the test proves nothing")
	}
	back := prev.Apply(u.Apply(step))
	for _, f := range u.Fields() {
		if !api.FieldEqual(back, step, f) {
			t.Errorf("%s after update and undo differs from before", f)
		}
	}
}

// sandboxEmail serves the demo workspace and returns a client on it, with
// an email step as loaded and its campaign.
func sandboxEmail(t *testing.T) (*sandbox.Server, *api.Client, string, api.Step) {
	t.Helper()
	sb, base := startSandbox(t, sandbox.Options{})
	c := sandboxClient(t, base)
	campaigns, err := c.Campaigns(context.Background(), api.CampaignQuery{})
	if err != nil {
		t.Fatal(err)
	}
	campaign, loaded := firstEmailStep(t, c, campaigns)
	return sb, c, campaign, loaded
}

// A retry after a submit whose answer was lost: lemlist already has the
// subject, so there is no conflict, and undoing must give back the subject
// the edit began from, not the user's own.
func TestUpdateStepFromAfterALostAnswerKeepsTheOriginalForUndo(t *testing.T) {
	sb, c, campaign, loaded := sandboxEmail(t)
	ctx := context.Background()
	u := api.StepUpdate{Type: api.Email, Subject: textPtr("Mine")}
	if err := sb.EditStep(loaded.ID, u); err != nil { // the first submit, whose answer was lost
		t.Fatal(err)
	}
	_, before, err := c.UpdateStepFrom(ctx, campaign, loaded, u)
	if err != nil {
		t.Fatal(err)
	}
	if before.Subject != loaded.Subject {
		t.Fatalf("before.Subject = %q, want the original %q", before.Subject, loaded.Subject)
	}
}

// Undoing a change to a field that had no value leaves out what lemlist
// would refuse ("" is no delay type), so the rest of the undo goes through.
func TestPreviousLeavesOutAbsencesLemlistCannotTakeBack(t *testing.T) {
	cond := api.Step{Type: api.Conditional, Conditions: []api.Condition{{SequenceID: "seq_yes", Key: "emailsOpened"}, {SequenceID: "seq_no", Fallback: true}}}
	u := api.StepUpdate{Type: api.Conditional, ConditionKey: textPtr("emailsClicked"), DelayType: textPtr("within")}
	prev := api.Previous(cond, u)
	if prev.ConditionKey == nil || *prev.ConditionKey != "emailsOpened" || prev.DelayType != nil {
		t.Fatalf("Previous = %+v; want the old condition and no delay type", prev)
	}
	if vs := prev.Validate(api.Target{}); len(vs) > 0 {
		t.Fatalf("the undo would be refused: %v", vs)
	}
	email := api.Step{Type: api.Email, Subject: "Hi"}
	prev = api.Previous(email, api.StepUpdate{Type: api.Email, Message: textPtr("<p>New</p>")})
	if prev.Message == nil || *prev.Message != "" {
		t.Fatalf("an absent message comes back as %v, want \"\"", prev.Message)
	}
}

// UpdateStepFrom against the sandbox: a teammate's change to a field being
// sent stops the update, and nothing reaches the server.
func TestUpdateStepFromRefusesToOverwriteATeammate(t *testing.T) {
	sb, c, campaign, loaded := sandboxEmail(t)
	ctx := context.Background()
	if err := sb.EditStep(loaded.ID, api.StepUpdate{Type: api.Email, Subject: textPtr("Theirs")}); err != nil {
		t.Fatal(err)
	}
	_, current, err := c.UpdateStepFrom(ctx, campaign, loaded, api.StepUpdate{Type: api.Email, Subject: textPtr("Mine")})
	var ce *api.ConflictError
	if !errors.As(err, &ce) || len(ce.Conflicts) != 1 || ce.Current.Subject != "Theirs" || current.Subject != "Theirs" {
		t.Fatalf("err = %v, current = %q; want a conflict on the subject", err, current.Subject)
	}
	if !strings.Contains(err.Error(), "subject") || !strings.Contains(err.Error(), "nothing was sent") {
		t.Fatalf("the error does not say what moved: %v", err)
	}
	for _, r := range sb.Received() {
		if r.Method == "PATCH" {
			t.Fatal("a conflicting update was sent")
		}
	}
	// A field the teammate left alone goes through, and before is the step
	// as it was just before the update.
	updated, before, err := c.UpdateStepFrom(ctx, campaign, loaded, api.StepUpdate{Type: api.Email, Message: textPtr("<p>Mine</p>")})
	if err != nil || updated.Message != "<p>Mine</p>" || before.Subject != "Theirs" || before.Message != loaded.Message {
		t.Fatalf("UpdateStepFrom = %q, before %q/%q, %v", updated.Message, before.Subject, before.Message, err)
	}
}

// UpdateStepOver judges the conflict by the step the caller read and reads
// nothing itself: a batch of updates pays one read for all of them.
func TestUpdateStepOverUsesTheCallersRead(t *testing.T) {
	sb, c, campaign, loaded := sandboxEmail(t)
	ctx := context.Background()
	earlier := len(sb.Received())
	theirs := loaded
	theirs.Subject = "Theirs"
	_, _, err := c.UpdateStepOver(ctx, campaign, loaded, theirs, api.StepUpdate{Type: api.Email, Subject: textPtr("Mine")})
	var ce *api.ConflictError
	if !errors.As(err, &ce) || len(ce.Conflicts) != 1 || ce.Current.Subject != "Theirs" {
		t.Fatalf("err = %v; want a conflict on the subject as the caller read it", err)
	}
	updated, before, err := c.UpdateStepOver(ctx, campaign, loaded, loaded, api.StepUpdate{Type: api.Email, Subject: textPtr("Mine")})
	if err != nil || updated.ID != loaded.ID || before.Subject != loaded.Subject {
		t.Fatalf("UpdateStepOver = %+v, before %q, %v", updated, before.Subject, err)
	}
	var gets, patches int
	for _, r := range sb.Received()[earlier:] {
		switch {
		case r.Method == "PATCH":
			patches++
		case r.Method == "GET" && strings.HasSuffix(r.Path, "/sequences"):
			gets++
		}
	}
	if patches != 1 || gets != 0 {
		t.Fatalf("the sandbox received %d PATCH and %d sequence reads, want 1 and none", patches, gets)
	}
}
