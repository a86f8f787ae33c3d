package sandbox

import "lemstep/api"

// renumber recomputes what lemlist derives from a campaign's shape after a
// step is added or removed: each step's sequenceId, its 0-based sequenceStep
// within its sequence and its 1-based index along the lead's path (a branch
// goes on counting from its conditional step, so both lanes start at the
// same index), and each branch's level, parentId and conditionalStepIndex.
func renumber(seqs api.Sequences) {
	mainID := api.MainSequenceID(seqs)
	if mainID == "" {
		return
	}
	n := numberer{seqs: seqs, seen: map[string]bool{}}
	n.lane(mainID, 0, "", nil, 0)
}

type numberer struct {
	seqs api.Sequences
	seen map[string]bool // guards against branches that loop back
}

func (n *numberer) lane(id string, level int, parent string, condIdx *int, start int) {
	seq, ok := n.seqs[id]
	if !ok || n.seen[id] {
		return
	}
	n.seen[id] = true
	seq.ID, seq.Level, seq.ParentID, seq.ConditionalStepIndex = id, level, parent, condIdx
	for i := range seq.Steps {
		st := &seq.Steps[i]
		st.SequenceID, st.SequenceStep, st.Index = id, i, start+i+1
	}
	n.seqs[id] = seq
	for i, st := range seq.Steps {
		if st.Type != api.Conditional {
			continue
		}
		for _, c := range st.Conditions {
			pos := i
			n.lane(c.SequenceID, level+1, id, &pos, st.Index)
		}
	}
}
