package sandbox

import (
	"net/http"

	"lemstep/api"
)

// Texts of the read routes (REFERENCE §4, §5).
const (
	msgBadTeam          = "Bad team"
	msgCampaignNotFound = "Campaign not found"
	msgNoSequence       = "Campaign has no sequence"
)

// getTeam answers GET /team; the member list comes only with version=v2.
func (s *Server) getTeam(c call) reply {
	t := api.CloneTeam(s.ws.Team)
	if c.query.Get("version") != "v2" {
		t.Users = nil
	}
	return jsonReply(t)
}

// getCampaign answers GET /campaigns/{id} with the full campaign object.
func (s *Server) getCampaign(c call) reply {
	camp, rep := s.readableCampaign(c.route.campaignID)
	if camp == nil {
		return rep
	}
	return jsonReply(camp)
}

// getSequences answers GET /campaigns/{id}/sequences: every sequence of the
// campaign keyed by id, branches included even when they have no steps.
func (s *Server) getSequences(c call) reply {
	camp, rep := s.readableCampaign(c.route.campaignID)
	if camp == nil {
		return rep
	}
	seqs := s.ws.Sequences[camp.ID]
	if len(seqs) == 0 {
		return textReply(http.StatusBadRequest, msgNoSequence)
	}
	return jsonReply(seqs)
}

// readableCampaign returns the campaign the key may read, or nil with the
// refusal.
func (s *Server) readableCampaign(id string) (*api.Campaign, reply) {
	camp := s.campaign(id)
	switch {
	case camp == nil:
		return nil, textReply(http.StatusNotFound, msgCampaignNotFound)
	case s.foreign(camp):
		return nil, textReply(http.StatusBadRequest, msgBadTeam)
	}
	return camp, reply{}
}
