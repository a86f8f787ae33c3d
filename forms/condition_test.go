package forms

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"lemstep/api"
)

func capturedStep(t *testing.T, file, id string) api.Step {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "sequences", file))
	if err != nil {
		t.Fatal(err)
	}
	var seqs api.Sequences
	if err := json.Unmarshal(data, &seqs); err != nil {
		t.Fatal(err)
	}
	st, ok := seqs.FindStep(id)
	if !ok {
		t.Fatalf("no step %s in %s", id, file)
	}
	return st
}

// A condition with several branches edits its first branch's window and
// says so; what it checks is shown read-only with the reason.
func TestMultiBranchConditionForm(t *testing.T) {
	f := New(capturedStep(t, "multi_branch.json", "stp_scoreCondAaaaaaaa"), Options{})
	if got := f.Fields(); !slices.Equal(got, []api.Field{api.FieldDelayType, api.FieldDelay}) {
		t.Errorf("fields = %v", got)
	}
	notices := strings.Join(f.Notices(), "\n")
	for _, want := range []string{
		"This condition has 3 branches and an else; lemlist's update changes only the first, Hot: If the lead's score is ≥ 80 within 2 days.",
		"the update endpoint changes only the first, so what it checks is read-only.",
	} {
		if !strings.Contains(notices, want) {
			t.Errorf("notices lack %q:\n%s", want, notices)
		}
	}
	f = New(capturedStep(t, "multi_branch.json", "stp_industryCondAaaaa"), Options{})
	notices = strings.Join(f.Notices(), "\n")
	for _, want := range []string{
		"What it checks: If the lead's custom field industry is one of SaaS, Fintech.",
		`The update endpoint cannot send the condition "customLeadInfo"`,
	} {
		if !strings.Contains(notices, want) {
			t.Errorf("notices lack %q:\n%s", want, notices)
		}
	}
	if strings.Contains(f.View(), "Condition: if the lead") {
		t.Error("the condition key is offered for editing")
	}
}

// A field that arrived in a shape lemstep cannot read is not in the form;
// the notice names it; a step with nothing left to edit is read-only.
func TestUnreadableFieldsAreReadOnly(t *testing.T) {
	f := New(capturedStep(t, "odd_shapes.json", "stp_mediaUnknownAaaaa"), Options{})
	if got := f.Fields(); !slices.Equal(got, []api.Field{api.FieldMessage, api.FieldAltMessage, api.FieldDelay}) {
		t.Errorf("fields = %v", got)
	}
	if n := strings.Join(f.Notices(), "\n"); !strings.Contains(n, "images arrived in a form lemstep does not know; this field is read-only.") {
		t.Errorf("notices = %s", n)
	}
	visit := api.Step{ID: "stp_v", Type: api.LinkedinVisit, Unreadable: map[string]json.RawMessage{"delay": json.RawMessage(`"soon"`)}}
	if f := New(visit, Options{}); !f.ReadOnly() {
		t.Error("a visit whose only field is unreadable is editable")
	}
}
