package api_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"lemstep/api"
)

func step(id string, t api.StepType, delay int) api.Step {
	return api.Step{ID: id, Type: t, Delay: num(delay)}
}

func condition(id, yes, no string) api.Step {
	s := api.Step{ID: id, Type: api.Conditional}
	if yes != "" {
		s.Conditions = append(s.Conditions, api.Condition{SequenceID: yes, Key: "emailsOpened", Delay: num(3), DelayType: "within"})
	}
	if no != "" {
		s.Conditions = append(s.Conditions, api.Condition{SequenceID: no, Fallback: true})
	}
	return s
}

// twoLevels is main → condition → (yes: a step and a nested condition whose
// yes lane exists and whose no lane is missing; no: one step).
func twoLevels() api.Sequences {
	return api.Sequences{
		"seq_main": {ID: "seq_main", Steps: []api.Step{
			step("stp_a", api.Email, 0),
			step("stp_b", api.LinkedinInvite, 2),
			condition("stp_c", "seq_y", "seq_n"),
			step("stp_h", api.Email, 1),
		}},
		"seq_y": {ID: "seq_y", Level: 1, ParentID: "seq_main", Steps: []api.Step{
			step("stp_d", api.LinkedinSend, 1),
			condition("stp_e", "seq_yy", "seq_yn"),
		}},
		"seq_yy": {ID: "seq_yy", Level: 2, ParentID: "seq_y", Steps: []api.Step{step("stp_f", api.Email, 4)}},
		"seq_n":  {ID: "seq_n", Level: 1, ParentID: "seq_main", Steps: []api.Step{step("stp_g", api.Email, 3)}},
	}
}

// outline renders a tree as "depth:id@day" in walk order.
func outline(tr api.Tree) string {
	var parts []string
	tr.Walk(func(n api.Node, depth int) {
		parts = append(parts, fmt.Sprintf("%d:%s@%d", depth, n.Step.ID, n.Day))
	})
	return strings.Join(parts, " ")
}

func TestBuildTreeNestsTwoLevelsWithDayOffsets(t *testing.T) {
	tr, err := api.BuildTree(twoLevels())
	if err != nil {
		t.Fatal(err)
	}
	want := "0:stp_a@0 0:stp_b@2 0:stp_c@2 1:stp_d@3 1:stp_e@3 2:stp_f@7 1:stp_g@5 0:stp_h@3"
	if got := outline(tr); got != want {
		t.Errorf("tree = %s\nwant   %s", got, want)
	}
	c := tr.Main.Nodes[2]
	if c.Yes == nil || c.Yes.SequenceID != "seq_y" || c.Yes.Level != 1 || c.No.SequenceID != "seq_n" {
		t.Fatalf("condition lanes = %+v / %+v", c.Yes, c.No)
	}
	nested := c.Yes.Nodes[1]
	if nested.Yes.Level != 2 || len(nested.Yes.Nodes) != 1 {
		t.Errorf("nested yes lane = %+v", nested.Yes)
	}
	if !nested.No.Missing || nested.No.SequenceID != "seq_yn" || len(nested.No.Nodes) != 0 {
		t.Errorf("missing branch = %+v, want an empty lane marked Missing", nested.No)
	}
	if got := c.Yes.Nodes[0].Step.SequenceID; got != "seq_y" {
		t.Errorf("a step without sequenceId gets its lane's: %q", got)
	}
}

func TestBuildTreeConditionWithoutFallback(t *testing.T) {
	seqs := api.Sequences{"seq_main": {ID: "seq_main", Steps: []api.Step{condition("stp_c", "seq_y", "")}}}
	tr, err := api.BuildTree(seqs)
	if err != nil {
		t.Fatal(err)
	}
	n := tr.Main.Nodes[0]
	if !n.Yes.Missing || !n.No.Missing || n.No.SequenceID != "" || n.No.Level != 1 {
		t.Errorf("lanes = %+v / %+v, want both missing", n.Yes, n.No)
	}
}

func TestBuildTreeCutsCycles(t *testing.T) {
	seqs := api.Sequences{
		"seq_main": {ID: "seq_main", Steps: []api.Step{step("stp_a", api.Email, 1), condition("stp_c", "seq_y", "seq_main")}},
		"seq_y":    {ID: "seq_y", Level: 1, Steps: []api.Step{condition("stp_d", "seq_main", "seq_y")}},
	}
	tr, err := api.BuildTree(seqs)
	if err != nil {
		t.Fatal(err)
	}
	if got := outline(tr); got != "0:stp_a@1 0:stp_c@1 1:stp_d@1" {
		t.Errorf("tree = %s", got)
	}
	back := tr.Main.Nodes[1].No
	if back.SequenceID != "seq_main" || back.Missing || len(back.Nodes) != 0 {
		t.Errorf("lane looping back = %+v, want an empty lane that is not missing", back)
	}
}

func TestBuildTreeMainSequence(t *testing.T) {
	if _, err := api.BuildTree(api.Sequences{"seq_b": {Level: 1}}); !errors.Is(err, api.ErrNoMainSequence) {
		t.Errorf("no level 0: err = %v", err)
	}
	if _, err := api.BuildTree(nil); !errors.Is(err, api.ErrNoMainSequence) {
		t.Errorf("nil: err = %v", err)
	}
	tr, err := api.BuildTree(api.Sequences{"seq_b": {}, "seq_a": {}, "seq_c": {ParentID: "seq_a"}})
	if err != nil || tr.Main.SequenceID != "seq_a" {
		t.Errorf("two level-0 sequences: main = %q, %v; want the first id", tr.Main.SequenceID, err)
	}
}

func TestFindSteps(t *testing.T) {
	seqs := twoLevels()
	if s, ok := seqs.FindStep("stp_f"); !ok || s.SequenceID != "seq_yy" {
		t.Errorf("Sequences.FindStep = %+v, %v", s, ok)
	}
	if s, ok := seqs.FindStep("stp_g"); !ok || s.SequenceID != "seq_n" {
		t.Errorf("Sequences.FindStep = %+v, %v", s, ok)
	}
	if _, ok := seqs.FindStep("stp_zz"); ok {
		t.Error("found a step that does not exist")
	}
	if s, ok := seqs.StepIn("seq_n", "stp_g"); !ok || s.SequenceID != "seq_n" {
		t.Errorf("Sequences.StepIn = %+v, %v", s, ok)
	}
	if _, ok := seqs.StepIn("seq_yy", "stp_g"); ok {
		t.Error("StepIn found a step in a sequence that does not hold it")
	}
}

func TestConditionSentence(t *testing.T) {
	one := api.Step{Type: api.Conditional, Conditions: []api.Condition{{Key: "meetingBooked", Delay: num(1), DelayType: "waitUntil"}}}
	tests := map[string]api.Step{
		"If the lead opened an email within 3 days":          condition("c", "seq_y", "seq_n"),
		"If the lead booked a meeting (waiting up to 1 day)": one,
		"If the condition is met":                            {Type: api.Conditional},
		"If the lead meets somethingNew":                     {Type: api.Conditional, Conditions: []api.Condition{{Key: "somethingNew"}}},
	}
	for want, s := range tests {
		if got := api.ConditionSentence(s); got != want {
			t.Errorf("ConditionSentence = %q, want %q", got, want)
		}
	}
}
