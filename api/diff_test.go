package api_test

import (
	"encoding/json"
	"errors"
	"maps"
	"slices"
	"testing"

	"pgregory.net/rapid"

	"lemstep/api"
	"lemstep/internal/spectest"
)

func TestDiffClearsAMediaListWithAnEmptyList(t *testing.T) {
	orig := api.Step{ID: "stp_invite", Type: api.LinkedinInvite, SequenceID: "seq_main", Delay: intp(2),
		Message: "Hi {{firstName}}, let's connect.", Images: []string{"https://cdn.acme.example/a.png"}}
	edited := api.CloneStep(orig)
	edited.Images = nil
	u, err := api.Diff(orig, edited)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := json.Marshal(u)
	if want := `{"type":"linkedinInvite","images":[]}`; string(body) != want {
		t.Errorf("body %s, want %s", body, want)
	}
	spectest.CheckUpdateBody(t, orig.SequenceID, orig.ID, body)
	// No images before and none after is no change.
	orig.Images = nil
	edited.Images = []string{}
	if _, err := api.Diff(orig, edited); !errors.Is(err, api.ErrNoChange) {
		t.Errorf("nil -> [] gave %v, want ErrNoChange", err)
	}
}

func TestDiffRefusesWhatCannotBeSent(t *testing.T) {
	orig := api.Step{ID: "stp_email", Type: api.Email, SequenceID: "seq_main", Delay: intp(2),
		Subject: "Quick question about {{companyName}}", Message: "<p>Hi {{firstName}},</p>"}
	other := api.CloneStep(orig)
	other.Type = api.SMS
	if _, err := api.Diff(orig, other); err == nil {
		t.Error("a change of type must be refused")
	}
	noDelay := api.CloneStep(orig)
	noDelay.Delay = nil
	if _, err := api.Diff(orig, noDelay); err == nil {
		t.Error("removing a delay cannot be sent and must be refused")
	}
	// A field the type cannot edit is ignored: only editable fields count.
	extra := api.CloneStep(orig)
	extra.Title = "not an email field"
	if _, err := api.Diff(orig, extra); !errors.Is(err, api.ErrNoChange) {
		t.Errorf("a title on an email: %v, want ErrNoChange", err)
	}
}

// genValue draws a value of field f's body type.
func genValue(t *rapid.T, f api.Field, label string) any {
	switch f {
	case api.FieldDelay:
		return rapid.IntRange(0, api.MaxDelay).Draw(t, label)
	case api.FieldEndorseAnyFallback:
		return rapid.Bool().Draw(t, label)
	case api.FieldConditionKey:
		// A key the endpoint cannot send makes the field read-only (see
		// LockedFields), so the step starts from one it can.
		keys := make([]string, len(api.ConditionKeys))
		for i, c := range api.ConditionKeys {
			keys[i] = c.Value
		}
		return rapid.SampledFrom(keys).Draw(t, label)
	case api.FieldImages, api.FieldVideos:
		return rapid.SliceOfN(rapid.StringMatching(`https://[a-z]{1,8}\.example/[a-z]{1,8}\.(png|mp4)`), 0, 3).Draw(t, label)
	}
	return rapid.String().Draw(t, label)
}

// genStep draws a step of a random supported type whose editable fields are
// each either absent or set to a random value.
func genStep(t *rapid.T) api.Step {
	st := rapid.SampledFrom(api.StepTypes()).Draw(t, "type")
	u := api.StepUpdate{Type: st}
	for _, f := range api.EditableFields(st) {
		if rapid.Bool().Draw(t, string(f)+" set") {
			u.Set(f, genValue(t, f, string(f)))
		}
	}
	return u.Apply(api.Step{ID: "stp_1", Type: st})
}

// differentValue returns a value of f that differs from the step's.
func differentValue(t *rapid.T, s api.Step, f api.Field) any {
	old, ok := api.StepValue(s, f)
	v := genValue(t, f, "new "+string(f))
	set := api.StepUpdate{Type: s.Type}
	set.Set(f, v)
	now, nowOK := api.StepValue(set.Apply(s), f) // "" reads as absent
	if api.ValuesEqual(old, ok, now, nowOK) {
		switch x := v.(type) {
		case int:
			v = (x + 1) % (api.MaxDelay + 1)
		case bool:
			v = !x
		case string:
			v = x + "x"
		case []string:
			v = append(x, "https://new.example/n.png")
		}
	}
	return v
}

func TestDiffProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		orig := genStep(t)
		if _, err := api.Diff(orig, api.CloneStep(orig)); !errors.Is(err, api.ErrNoChange) {
			t.Fatalf("unchanged step: %v, want ErrNoChange", err)
		}
		f := rapid.SampledFrom(api.EditableFields(orig.Type)).Draw(t, "field")
		v := differentValue(t, orig, f)
		set := api.StepUpdate{Type: orig.Type}
		if !set.Set(f, v) {
			t.Fatalf("cannot set %s to %#v", f, v)
		}
		u, err := api.Diff(orig, set.Apply(orig))
		if err != nil {
			t.Fatalf("one changed field: %v", err)
		}
		body, _ := json.Marshal(u)
		var keys map[string]any
		if err := json.Unmarshal(body, &keys); err != nil {
			t.Fatal(err)
		}
		got := slices.Sorted(maps.Keys(keys))
		want := slices.Sorted(slices.Values([]string{"type", string(f)}))
		if !slices.Equal(got, want) {
			t.Fatalf("changing %s sent %s", f, body)
		}
		sent, _ := u.UpdateValue(f)
		if !api.ValuesEqual(sent, true, v, true) {
			t.Fatalf("%s sent as %#v, set to %#v", f, sent, v)
		}
	})
}

func intp(n int) *int { return &n }
