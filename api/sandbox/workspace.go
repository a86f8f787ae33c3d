package sandbox

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"

	"lemstep/api"
)

// Workspace is everything one lemlist team holds that the sandbox serves: the
// team, its campaigns in list order, and each campaign's sequences keyed by
// campaign id. It reads and writes as JSON, so fixtures can be files.
type Workspace struct {
	Team      api.Team                 `json:"team"`
	Campaigns []api.Campaign           `json:"campaigns"`
	Sequences map[string]api.Sequences `json:"sequences"`
	// ABVariants holds variant B of each A/B-tested step, keyed by step id.
	ABVariants map[string]api.ABVariant `json:"abVariants,omitempty"`
}

//go:embed demo.json
var demoJSON []byte

// DemoWorkspace returns the demo team "Northwind Growth": campaigns in every
// status, every step type, and nested conditions. Each call returns a fresh
// copy the caller may change.
func DemoWorkspace() *Workspace {
	var ws Workspace
	if err := json.Unmarshal(demoJSON, &ws); err != nil {
		// demo.json is compiled in and checked by the package's tests.
		panic(fmt.Sprintf("sandbox: embedded demo.json is invalid: %v", err))
	}
	return &ws
}

// Clone returns a deep copy of ws.
func (ws *Workspace) Clone() *Workspace {
	c := &Workspace{
		Team:      api.CloneTeam(ws.Team),
		Campaigns: make([]api.Campaign, len(ws.Campaigns)),
		Sequences: make(map[string]api.Sequences, len(ws.Sequences)),
	}
	for i, camp := range ws.Campaigns {
		c.Campaigns[i] = api.CloneCampaign(camp)
	}
	for id, seqs := range ws.Sequences {
		c.Sequences[id] = api.CloneSequences(seqs)
	}
	if ws.ABVariants != nil {
		c.ABVariants = make(map[string]api.ABVariant, len(ws.ABVariants))
		for id, b := range ws.ABVariants {
			c.ABVariants[id] = b.Clone()
		}
	}
	return c
}

// workspaceIndex finds campaigns and sequences without scanning the
// workspace, which matters for generated workspaces of thousands of
// campaigns.
type workspaceIndex struct {
	campaigns map[string]int    // campaign id -> position in Workspace.Campaigns
	owners    map[string]string // sequence id -> campaign id
}

func indexWorkspace(ws *Workspace) workspaceIndex {
	idx := workspaceIndex{
		campaigns: make(map[string]int, len(ws.Campaigns)),
		owners:    map[string]string{},
	}
	for i, c := range ws.Campaigns {
		idx.campaigns[c.ID] = i
	}
	for campID, seqs := range ws.Sequences {
		for seqID := range seqs {
			idx.owners[seqID] = campID
		}
	}
	return idx
}

// campaign returns the campaign with id, or nil.
func (s *Server) campaign(id string) *api.Campaign {
	i, ok := s.idx.campaigns[id]
	if !ok {
		return nil
	}
	return &s.ws.Campaigns[i]
}

// foreign reports whether a campaign belongs to another team than the
// workspace's, which lemlist answers with "Bad team".
func (s *Server) foreign(c *api.Campaign) bool {
	return c.TeamID != "" && c.TeamID != s.ws.Team.ID
}

// lookupCampaign is the api.CampaignLookup of the workspace: a campaign of
// another team does not count as existing.
func (s *Server) lookupCampaign(id string) (api.Campaign, bool) {
	c := s.campaign(id)
	if c == nil || s.foreign(c) {
		return api.Campaign{}, false
	}
	return *c, true
}

// target is what updates of a step of type t are validated against.
func (s *Server) target(t api.StepType) api.Target {
	return api.Target{Type: t, Campaigns: s.lookupCampaign}
}

// stepLocation points at a step inside the workspace.
type stepLocation struct {
	seqs  api.Sequences
	seqID string
	pos   int
}

func (l stepLocation) step() api.Step         { return l.seqs[l.seqID].Steps[l.pos] }
func (l stepLocation) set(st api.Step)        { l.seqs[l.seqID].Steps[l.pos] = st }
func (l stepLocation) sequence() api.Sequence { return l.seqs[l.seqID] }

// findStep looks for a step anywhere in the workspace.
func (s *Server) findStep(stepID string) (stepLocation, bool) {
	for _, seqs := range s.ws.Sequences {
		for seqID, seq := range seqs {
			if i := stepPosition(seq, stepID); i >= 0 {
				return stepLocation{seqs: seqs, seqID: seqID, pos: i}, true
			}
		}
	}
	return stepLocation{}, false
}

func stepPosition(seq api.Sequence, stepID string) int {
	return slices.IndexFunc(seq.Steps, func(st api.Step) bool { return st.ID == stepID })
}
