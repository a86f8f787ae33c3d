package sandbox

import (
	"encoding/json"
	"reflect"
	"testing"

	"lemstep/api"
)

func TestGenerateWorkspaceIsDeterministic(t *testing.T) {
	a, _ := json.Marshal(GenerateWorkspace(30, 9, 11))
	b, _ := json.Marshal(GenerateWorkspace(30, 9, 11))
	c, _ := json.Marshal(GenerateWorkspace(30, 9, 12))
	if string(a) != string(b) {
		t.Fatal("the same seed gave two workspaces")
	}
	if string(a) == string(c) {
		t.Fatal("different seeds gave the same workspace")
	}
}

func TestGenerateWorkspaceShape(t *testing.T) {
	const campaigns, steps = 120, 10
	ws := GenerateWorkspace(campaigns, steps, 5)
	if len(ws.Campaigns) != campaigns || len(ws.Sequences) != campaigns {
		t.Fatalf("%d campaigns, %d sequence sets", len(ws.Campaigns), len(ws.Sequences))
	}
	srv := New(Options{Workspace: ws})
	ids := map[string]bool{}
	for i, c := range ws.Campaigns {
		seqs := ws.Sequences[c.ID]
		tree, err := api.BuildTree(seqs)
		if err != nil {
			t.Fatal(err)
		}
		if n := len(tree.Main.Nodes); n != steps {
			t.Fatalf("campaign %d: main sequence has %d steps, want %d", i, n, steps)
		}
		if branched := len(seqs) == 3; branched != (i%4 == 0) {
			t.Fatalf("campaign %d: %d sequences", i, len(seqs))
		}
		renumbered := api.CloneSequences(seqs)
		renumber(renumbered)
		if !reflect.DeepEqual(renumbered, seqs) {
			t.Fatalf("campaign %d is not numbered", i)
		}
		for _, seq := range seqs {
			for _, st := range seq.Steps {
				if !ValidID("stp_", st.ID) || ids[st.ID] {
					t.Fatalf("step id %q", st.ID)
				}
				ids[st.ID] = true
				checkGeneratedStep(t, srv, st)
			}
		}
	}
}

// checkGeneratedStep sends the step's values back as an update: generated
// content obeys the same rules as hand-written content.
func checkGeneratedStep(t *testing.T, srv *Server, st api.Step) {
	t.Helper()
	u := api.StepUpdate{Type: st.Type}
	for _, f := range api.EditableFields(st.Type) {
		if v, ok := api.StepValue(st, f); ok {
			u.Set(f, v)
		}
	}
	if vs := u.Validate(srv.target(st.Type)); len(vs) > 0 {
		t.Fatalf("generated %s step %s: %v", st.Type, st.ID, vs)
	}
}

func BenchmarkGenerateWorkspace(b *testing.B) {
	for b.Loop() {
		GenerateWorkspace(2000, 100, 1)
	}
}
