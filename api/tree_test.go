package api_test

import (
	"errors"
	"fmt"
	"reflect"
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
	// The no lanes start once the condition's 3-day window is over.
	want := "0:stp_a@0 0:stp_b@2 0:stp_c@2 1:stp_d@3 1:stp_e@3 2:stp_f@7 1:stp_g@8 0:stp_h@3"
	if got := outline(tr); got != want {
		t.Errorf("tree = %s\nwant   %s", got, want)
	}
	c := tr.Main.Nodes[2]
	if len(c.Lanes) != 2 {
		t.Fatalf("condition lanes = %+v", c.Lanes)
	}
	yes, no := c.Lanes[0], c.Lanes[1]
	if yes.SequenceID != "seq_y" || yes.Level != 1 || yes.Name != "Yes" || yes.StartDay != 2 || no.SequenceID != "seq_n" || no.Name != "No" || !no.Else || no.StartDay != 5 {
		t.Fatalf("condition lanes = %+v / %+v", yes, no)
	}
	nested := yes.Nodes[1]
	if nested.Lanes[0].Level != 2 || len(nested.Lanes[0].Nodes) != 1 {
		t.Errorf("nested yes lane = %+v", nested.Lanes[0])
	}
	if missing := nested.Lanes[1]; !missing.Missing || missing.SequenceID != "seq_yn" || len(missing.Nodes) != 0 {
		t.Errorf("missing branch = %+v, want an empty lane marked Missing", missing)
	}
	if got := yes.Nodes[0].Step.SequenceID; got != "seq_y" {
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
	if len(n.Lanes) != 2 || !n.Lanes[0].Missing || !n.Lanes[1].Missing || !n.Lanes[1].Else || n.Lanes[1].SequenceID != "" || n.Lanes[1].Level != 1 {
		t.Errorf("lanes = %+v / %+v, want both missing", n.Lanes[0], n.Lanes[1])
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
	back := tr.Main.Nodes[1].Lanes[1]
	if back.SequenceID != "seq_main" || back.Missing || len(back.Nodes) != 0 {
		t.Errorf("lane looping back = %+v, want an empty lane that is not missing", back)
	}
}

// A condition with three branches and an else shows four lanes in order,
// each named after its branch, the else after the waiting window; a
// customLeadInfo condition keeps its branch too.
func TestBuildTreeMultiBranch(t *testing.T) {
	tr, err := api.BuildTree(loadSequences(t, "multi_branch.json"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	tr.Walk(func(n api.Node, depth int) {
		got = append(got, fmt.Sprintf("%d:%s@%d[%s]", depth, n.Step.ID[4:10], n.Day, n.Path))
	})
	want := "0:scoreI@0[1] 0:scoreC@0[2] 1:hotCal@0[Hot · 1] 1:hotMai@1[Hot · 2] 1:warmMa@3[Warm · 1] 1:elseMa@3[Else · 1] 0:indust@0[3] 1:saasMa@1[Yes · 1]"
	if s := strings.Join(got, " "); s != want {
		t.Errorf("tree = %s\nwant   %s", s, want)
	}
	lanes := tr.Main.Nodes[1].Lanes
	var names []string
	for _, l := range lanes {
		names = append(names, fmt.Sprintf("%s@%d", l.Name, l.StartDay))
	}
	if s := strings.Join(names, " "); s != "Hot@0 Warm@0 Cold@0 Else@2" {
		t.Errorf("lanes = %s", s)
	}
	sentences := []string{
		api.BranchSentence(*lanes[0].Branch, lanes[0].Name), api.BranchSentence(*lanes[1].Branch, lanes[1].Name),
		api.BranchSentence(*lanes[2].Branch, ""), api.BranchSentence(*tr.Main.Nodes[2].Lanes[0].Branch, "Software"),
		api.ConditionSentence(tr.Main.Nodes[1].Step),
	}
	wantSentences := []string{
		"If the lead's score is ≥ 80 (Hot) within 2 days",
		"If the lead's score is ≥ 40 (Warm) within 2 days",
		"If the lead's score is < 40 within 2 days",
		"If the lead's custom field industry is one of SaaS, Fintech (Software)",
		"Checks the lead's score: 3 branches and an else",
	}
	if !reflect.DeepEqual(sentences, wantSentences) {
		t.Errorf("sentences:\n%q\nwant\n%q", sentences, wantSentences)
	}
}

// Without `conditions` naming them, branch sequences are placed by parentId
// and conditionalStepIndex; a lone one becomes the else; one whose parent
// is not in the campaign is kept in an unplaced lane.
func TestBuildTreePlacesUnnamedBranches(t *testing.T) {
	tr, err := api.BuildTree(loadSequences(t, "unnamed_branches.json"))
	if err != nil {
		t.Fatal(err)
	}
	want := "0:stp_orphanInviteAaaaa@1 0:stp_orphanCondAaaaaaa@1 1:stp_orphanSendAaaaaaa@2 1:stp_orphanMailAaaaaaa@6 " +
		"0:stp_orphanCond2Aaaaaa@1 1:stp_orphanLateAaaaaaa@3 0:stp_orphanLostAaaaaaa@1"
	if got := outline(tr); got != want {
		t.Errorf("tree = %s\nwant   %s", got, want)
	}
	no := tr.Main.Nodes[1].Lanes[1]
	if no.SequenceID != "seq_orphanNoAaaaaaaaa" || !no.Else || !no.Unnamed || no.Name != "No" || no.StartDay != 6 {
		t.Errorf("else placed by parentId = %+v", no)
	}
	if len(tr.Unplaced) != 1 || tr.Unplaced[0].SequenceID != "seq_orphanLostAaaaaaa" || tr.Unplaced[0].Name != "Unplaced" {
		t.Fatalf("unplaced = %+v", tr.Unplaced)
	}
	if p := tr.Unplaced[0].Nodes[0].Path; p != "Unplaced · 1" {
		t.Errorf("unplaced path = %q", p)
	}
}

// No two steps share a path, however the conditions are laid out.
func TestPathsAreUnique(t *testing.T) {
	seqs := twoLevels()
	seqs["seq_main"] = api.Sequence{ID: "seq_main", Steps: append(seqs["seq_main"].Steps, condition("stp_z", "seq_zy", ""))}
	seqs["seq_zy"] = api.Sequence{ID: "seq_zy", Level: 1, ParentID: "seq_main", Steps: []api.Step{step("stp_zz", api.Email, 1)}}
	tr, err := api.BuildTree(seqs)
	if err != nil {
		t.Fatal(err)
	}
	paths := map[string]string{}
	tr.Walk(func(n api.Node, _ int) {
		if other, dup := paths[n.Path]; dup {
			t.Errorf("%s and %s are both %q", other, n.Step.ID, n.Path)
		}
		paths[n.Path] = n.Step.ID
	})
	for id, want := range map[string]string{"stp_h": "4", "stp_g": "No · 1", "stp_d": "3 / Yes · 1", "stp_f": "Yes · 2 / Yes · 1", "stp_zz": "5 / Yes · 1"} {
		if got := pathOf(tr, id); got != want {
			t.Errorf("%s: path %q, want %q", id, got, want)
		}
	}
}

func pathOf(tr api.Tree, id string) string {
	p := ""
	tr.Walk(func(n api.Node, _ int) {
		if n.Step.ID == id {
			p = n.Path
		}
	})
	return p
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
		"If the lead meets x\x1b[2J":                         {Type: api.Conditional, Conditions: []api.Condition{{Key: "x\x1b[2J"}}},
		"If the lead meets somethingNew":                     {Type: api.Conditional, Conditions: []api.Condition{{Key: "somethingNew"}}},
	}
	for want, s := range tests {
		if got := api.ConditionSentence(s); got != want {
			t.Errorf("ConditionSentence = %q, want %q", got, want)
		}
	}
}
