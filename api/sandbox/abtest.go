package sandbox

import (
	"encoding/json"
	"net/http"

	"lemstep/api"
)

// Plan is a lemlist plan, as far as the sandbox tells them apart: A/B tests
// need Email Pro.
type Plan string

// The plans the sandbox knows; the zero value is Email Pro.
const (
	PlanEmailPro Plan = ""
	PlanBasic    Plan = "basic"
)

// msgNotEmail refuses an A/B test on a step that is not an email; lemlist
// documents A/B tests for email steps only but not its words, so these are
// ours.
const msgNotEmail = "A/B tests are only available on email steps"

// matchABRoute matches …/steps/{stepId}/ab-test and …/ab-test/winner.
func matchABRoute(segs []string) (route, bool) {
	r := route{sequenceID: segs[1], stepID: segs[3]}
	switch {
	case len(segs) == 5 && segs[4] == "ab-test":
		r.ep = epABTest
	case len(segs) == 6 && segs[4] == "ab-test" && segs[5] == "winner":
		r.ep = epABWinner
	default:
		return route{}, false
	}
	return r, true
}

func abHandlerFor(ep endpoint, method string) handler {
	switch {
	case ep == epABTest && method == "GET":
		return (*Server).getABTest
	case ep == epABTest && method == "POST":
		return (*Server).startABTest
	case ep == epABTest && method == "PATCH":
		return (*Server).updateABTest
	case ep == epABTest && method == "DELETE":
		return (*Server).deleteABTest
	case ep == epABWinner && method == "POST":
		return (*Server).pickABWinner
	}
	return nil
}

// abStep checks what every A/B route checks first, in lemlist's order: the
// plan, the sequence, the step.
func (s *Server) abStep(c call) (*api.Campaign, stepLocation, reply) {
	if s.opts.Plan == PlanBasic {
		return nil, stepLocation{}, textReply(http.StatusPaymentRequired, api.MsgPlanRequired)
	}
	return s.locateStep(c.route.sequenceID, c.route.stepID)
}

// abVariant returns the step's variant B; the reply is the 404 when there is
// none.
func (s *Server) abVariant(loc stepLocation) (api.ABVariant, reply, bool) {
	step := loc.step()
	b, ok := s.ws.ABVariants[step.ID]
	if !ok || !step.ABTest.Active() {
		return api.ABVariant{}, textReply(http.StatusNotFound, api.MsgNoVariant), false
	}
	b.StepID = step.ID
	b.ABTest = step.ABTest
	b.EmailTemplateBID = step.EmailTemplateBID
	return b, reply{}, true
}

// getABTest answers GET …/ab-test with variant B.
func (s *Server) getABTest(c call) reply {
	camp, loc, rep := s.abStep(c)
	if camp == nil {
		return rep
	}
	b, rep, ok := s.abVariant(loc)
	if !ok {
		return rep
	}
	return jsonReply(b)
}

// startABTest answers POST …/ab-test: variant B starts as a copy of A. A
// running campaign refuses it, as it refuses deleting a variant: both change
// what leads are sent while the campaign sends.
func (s *Server) startABTest(c call) reply {
	camp, loc, rep := s.abStep(c)
	if camp == nil {
		return rep
	}
	step := loc.step()
	switch {
	case step.Type != api.Email:
		return textReply(http.StatusBadRequest, msgNotEmail)
	case step.ABTest.Active():
		return textReply(http.StatusBadRequest, api.MsgABTestExists)
	case camp.Status == "running":
		return textReply(http.StatusBadRequest, api.MsgCampaignRunning)
	}
	step.ABTest = api.ABTest{Running: true}
	step.EmailTemplateBID = s.ids.next("etp_")
	loc.set(step)
	if s.ws.ABVariants == nil {
		s.ws.ABVariants = map[string]api.ABVariant{}
	}
	s.ws.ABVariants[step.ID] = api.ABVariant{Subject: step.Subject, Message: step.Message}
	b, _, _ := s.abVariant(loc)
	return jsonReply(b)
}

// updateABTest answers PATCH …/ab-test, which changes variant B only. A
// decided test is final.
func (s *Server) updateABTest(c call) reply {
	camp, loc, rep := s.abStep(c)
	if camp == nil {
		return rep
	}
	b, rep, ok := s.abVariant(loc)
	if !ok {
		return rep
	}
	if b.ABTest.Winner != "" {
		return textReply(http.StatusBadRequest, api.MsgWinnerChosen)
	}
	u, vs := api.ParseVariantUpdate(c.body)
	if len(vs) == 0 {
		vs = u.Validate()
	}
	if len(vs) > 0 {
		return textReply(http.StatusBadRequest, vs[0].Message)
	}
	b = u.Apply(b)
	s.ws.ABVariants[b.StepID] = b
	return jsonReply(b)
}

// deleteABTest answers DELETE …/ab-test?variant=A|B (B when absent): the test
// ends; deleting A makes B the step's content.
func (s *Server) deleteABTest(c call) reply {
	camp, loc, rep := s.abStep(c)
	if camp == nil {
		return rep
	}
	v := api.VariantB
	if q := c.query.Get("variant"); q != "" {
		var ok bool
		if v, ok = api.ParseVariant(q); !ok {
			return textReply(http.StatusBadRequest, "Bad params")
		}
	}
	b, rep, ok := s.abVariant(loc)
	if !ok {
		return rep
	}
	if camp.Status == "running" {
		return textReply(http.StatusBadRequest, api.MsgCampaignRunning)
	}
	step := loc.step()
	if v == api.VariantA {
		step.Subject, step.Message = b.Subject, b.Message
		step.EmailTemplateID = step.EmailTemplateBID
	}
	step.ABTest = api.ABTest{}
	step.EmailTemplateBID = ""
	loc.set(step)
	delete(s.ws.ABVariants, step.ID)
	return jsonReply(map[string]bool{"ok": true})
}

// pickABWinner answers POST …/ab-test/winner {"variant":"A"|"B"}.
func (s *Server) pickABWinner(c call) reply {
	camp, loc, rep := s.abStep(c)
	if camp == nil {
		return rep
	}
	var body struct {
		Variant json.RawMessage `json:"variant"`
	}
	if err := json.Unmarshal(c.body, &body); err != nil {
		return textReply(http.StatusBadRequest, "Bad params")
	}
	var letter string
	if err := json.Unmarshal(body.Variant, &letter); err != nil || (letter != "A" && letter != "B") {
		return textReply(http.StatusBadRequest, "Match error: Expected one of \"A\", \"B\" in field variant")
	}
	b, rep, ok := s.abVariant(loc)
	if !ok {
		return rep
	}
	if b.ABTest.Winner != "" {
		return textReply(http.StatusBadRequest, api.MsgWinnerChosen)
	}
	step := loc.step()
	step.ABTest = api.ABTest{Winner: letter}
	loc.set(step)
	return jsonReply(step)
}

// ABVariant returns a copy of variant B of a step, as GET …/ab-test would
// answer it; ok is false when the step has no A/B test.
func (s *Server) ABVariant(stepID string) (b api.ABVariant, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	loc, found := s.findStep(stepID)
	if !found {
		return api.ABVariant{}, false
	}
	b, _, ok = s.abVariant(loc)
	return b.Clone(), ok
}

// EditABVariant changes variant B directly, as a teammate would in lemlist's
// app, so tests can make the server's copy differ from the client's.
func (s *Server) EditABVariant(stepID string, u api.VariantUpdate) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	loc, found := s.findStep(stepID)
	if !found {
		return ErrStepNotFound
	}
	b, _, ok := s.abVariant(loc)
	if !ok {
		return ErrStepNotFound
	}
	if vs := u.Validate(); len(vs) > 0 {
		return vs
	}
	s.ws.ABVariants[stepID] = u.Apply(b)
	return nil
}

// SetPlan switches the team's plan, as an upgrade or a downgrade would.
func (s *Server) SetPlan(p Plan) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.opts.Plan = p
}
