package sandbox

import (
	"fmt"
	"net/http"

	"lemstep/api"
)

// createStep answers POST /sequences/{sequenceId}/steps. The body is an
// update body plus an optional `index`: the 0-based position in the sequence
// to insert at; -1, absent or past the end appends. A new conditional step
// gets two empty branch sequences, its "yes" and its fallback.
func (s *Server) createStep(c call) reply {
	camp, seqs, rep := s.stepSequence(c.route.sequenceID)
	if camp == nil {
		return rep
	}
	ns, vs := api.ParseNewStep(c.body)
	u := ns.StepUpdate
	if len(vs) == 0 {
		vs = u.Validate(s.target(u.Type))
	}
	if len(vs) == 0 {
		vs = requiredOnCreate(u)
	}
	if len(vs) > 0 {
		return textReply(http.StatusBadRequest, vs[0].Message)
	}
	seq := seqs[c.route.sequenceID]
	pos := len(seq.Steps)
	if ns.Index != nil && *ns.Index >= 0 && *ns.Index < pos {
		pos = *ns.Index
	}
	step := s.newStep(u, pos, c.route.sequenceID, seqs)
	seq.Steps = append(seq.Steps[:pos:pos], append([]api.Step{step}, seq.Steps[pos:]...)...)
	seqs[c.route.sequenceID] = seq
	renumber(seqs)
	return jsonReply(seqs[c.route.sequenceID].Steps[pos])
}

// createNeeds are the fields a new step of each type must have
// (REFERENCE §8.1); PATCH does not require them.
var createNeeds = map[api.StepType][]api.Field{
	api.Email:                 {api.FieldSubject, api.FieldMessage},
	api.Manual:                {api.FieldTitle},
	api.APICall:               {api.FieldMethod, api.FieldURL},
	api.LinkedinSend:          {api.FieldMessage},
	api.SendToAnotherCampaign: {api.FieldCampaignID},
	api.Conditional:           {api.FieldConditionKey, api.FieldDelayType},
	api.WhatsappMessage:       {api.FieldMessage},
	api.SMS:                   {api.FieldMessage},
}

// requiredOnCreate checks that u has the fields of createNeeds, and a delay
// when it is a conditional step checked within one.
func requiredOnCreate(u api.StepUpdate) api.Violations {
	var vs api.Violations
	need := func(f api.Field) {
		if !u.Has(f) {
			vs = append(vs, api.Violation{Field: f, Message: fmt.Sprintf("A new %s step needs %s.", u.Type, f)})
		}
	}
	for _, f := range createNeeds[u.Type] {
		need(f)
	}
	if u.Type == api.Conditional && u.DelayType != nil && *u.DelayType == "within" {
		need(api.FieldDelay)
	}
	return vs
}

// newStep builds the step a create body describes, at position pos. Its
// delay defaults to 0 for a sequence's first step and 1 for the others.
func (s *Server) newStep(u api.StepUpdate, pos int, seqID string, seqs api.Sequences) api.Step {
	step := u.Apply(api.Step{Type: u.Type})
	step.ID = s.ids.next("stp_")
	step.EmailTemplateID = s.ids.next("etp_")
	switch u.Type {
	case api.SendToAnotherCampaign:
	case api.Conditional:
		s.addBranches(&step, seqID, seqs)
	default:
		if step.Delay == nil {
			d := min(pos, 1)
			step.Delay = &d
		}
	}
	return step
}

// addBranches creates the two empty lanes of a new conditional step;
// renumber sets their level, parent and position.
func (s *Server) addBranches(step *api.Step, parentID string, seqs api.Sequences) {
	yesID, noID := s.ids.next("seq_"), s.ids.next("seq_")
	for i := range step.Conditions {
		if !step.Conditions[i].Fallback {
			step.Conditions[i].SequenceID = yesID
		}
	}
	step.Conditions = append(step.Conditions, api.Condition{SequenceID: noID, Fallback: true})
	for _, id := range []string{yesID, noID} {
		seqs[id] = api.Sequence{ID: id, ParentID: parentID, Steps: []api.Step{}}
		s.idx.owners[id] = s.idx.owners[parentID]
	}
}
