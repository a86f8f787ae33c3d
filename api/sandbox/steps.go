package sandbox

import (
	"net/http"

	"lemstep/api"
)

// Texts of the step routes (REFERENCE §7.4, §8.3).
const (
	msgSequenceNotFound = "Sequence not found"
	msgStepNotFound     = "Step not found"
	msgDeleteRunning    = "You cannot delete this step because the campaign is running"
)

// stepSequence finds the campaign and sequences holding sequence seqID; on
// failure the campaign is nil and the reply says why.
func (s *Server) stepSequence(seqID string) (*api.Campaign, api.Sequences, reply) {
	campID, ok := s.idx.owners[seqID]
	camp := s.campaign(campID)
	switch {
	case !ok || camp == nil:
		return nil, nil, textReply(http.StatusNotFound, msgSequenceNotFound)
	case s.foreign(camp):
		return nil, nil, textReply(http.StatusBadRequest, msgBadTeam)
	}
	return camp, s.ws.Sequences[campID], reply{}
}

// locateStep finds step stepID in sequence seqID, in the order lemlist
// checks them: the sequence first, then the step inside it.
func (s *Server) locateStep(seqID, stepID string) (*api.Campaign, stepLocation, reply) {
	camp, seqs, rep := s.stepSequence(seqID)
	if camp == nil {
		return nil, stepLocation{}, rep
	}
	pos := stepPosition(seqs[seqID], stepID)
	if pos < 0 {
		return nil, stepLocation{}, textReply(http.StatusNotFound, msgStepNotFound)
	}
	return camp, stepLocation{seqs: seqs, seqID: seqID, pos: pos}, reply{}
}

// updateStep answers PATCH /sequences/{sequenceId}/steps/{stepId} in the
// order of REFERENCE §7.6: sequence, step, body, type, then each field's
// rules. Only the fields sent change; images and videos replace the current
// lists; a conditional step's conditionKey, delayType and delay land in its
// "yes" condition. A delay sent for a sendToAnotherCampaign step is refused
// (lemlist's behaviour is undocumented; api.StepUpdate.Validate refuses it
// too, so the client and the sandbox agree).
func (s *Server) updateStep(c call) reply {
	camp, loc, rep := s.locateStep(c.route.sequenceID, c.route.stepID)
	if camp == nil {
		return rep
	}
	u, vs := api.ParseStepUpdate(c.body)
	if len(vs) == 0 {
		t, stored := s.target(loc.step().Type), loc.step()
		t.Base = &stored // the media list an update leaves alone still counts
		vs = u.Validate(t)
	}
	if len(vs) > 0 {
		return textReply(http.StatusBadRequest, vs[0].Message)
	}
	updated := u.Apply(loc.step())
	loc.set(updated)
	return jsonReply(updated)
}

// deleteStep answers DELETE /sequences/{sequenceId}/steps/{stepId}. Deleting
// a conditional step deletes its branches with it.
func (s *Server) deleteStep(c call) reply {
	camp, loc, rep := s.locateStep(c.route.sequenceID, c.route.stepID)
	if camp == nil {
		return rep
	}
	if camp.Status == "running" {
		return textReply(http.StatusBadRequest, msgDeleteRunning)
	}
	step := loc.step()
	seq := loc.sequence()
	seq.Steps = append(seq.Steps[:loc.pos:loc.pos], seq.Steps[loc.pos+1:]...)
	loc.seqs[loc.seqID] = seq
	s.dropBranches(loc.seqs, step)
	renumber(loc.seqs)
	return jsonReply(map[string]bool{"ok": true})
}

// dropBranches removes the branch sequences of a deleted conditional step,
// and theirs in turn.
func (s *Server) dropBranches(seqs api.Sequences, step api.Step) {
	if step.Type != api.Conditional {
		return
	}
	for _, c := range step.Conditions {
		branch, ok := seqs[c.SequenceID]
		if !ok {
			continue
		}
		delete(seqs, c.SequenceID)
		delete(s.idx.owners, c.SequenceID)
		for _, st := range branch.Steps {
			s.dropBranches(seqs, st)
		}
	}
}
