package sandbox

import (
	"fmt"
	"math/rand/v2"
	"time"

	"lemstep/api"
)

// GenerateWorkspace builds a large workspace for benchmarks and paging tests:
// the given number of campaigns, each with a main sequence of
// stepsPerSequence steps (at least 1). Every fourth campaign ends its main
// sequence with a conditional step whose two lanes hold half as many steps
// again. The same arguments always give the same workspace.
func GenerateWorkspace(campaigns, stepsPerSequence int, seed int64) *Workspace {
	g := &generator{
		rng:   rand.New(rand.NewPCG(uint64(seed), 0x6c656d73746570)),
		ids:   newIDSource(uint64(seed)),
		words: newWordPools(),
	}
	ws := &Workspace{Team: g.team(), Sequences: make(map[string]api.Sequences, campaigns)}
	for i := range campaigns {
		c := g.campaign(i, ws.Team)
		ws.Campaigns = append(ws.Campaigns, c)
		ws.Sequences[c.ID] = g.sequences(c, i, max(1, stepsPerSequence), ws.Campaigns[0].ID)
	}
	return ws
}

type generator struct {
	rng   *rand.Rand
	ids   *idSource
	words wordPools
}

func (g *generator) pick(options []string) string { return options[g.rng.IntN(len(options))] }

func (g *generator) team() api.Team {
	t := api.Team{
		ID:        g.ids.next("tea_"),
		Name:      "Generated Growth Team",
		CreatedAt: "2023-01-09T08:00:00.000Z",
	}
	for _, name := range []string{"Avery Stone", "Jordan Okafor", "Sam Lindqvist"} {
		u := api.TeamUser{UserID: g.ids.next("usr_"), Name: name, Email: emailOf(name), Role: "user"}
		t.UserIDs = append(t.UserIDs, u.UserID)
		t.Users = append(t.Users, u)
	}
	t.CreatedBy = t.UserIDs[0]
	return t
}

func emailOf(name string) string {
	first := name
	for i, r := range name {
		if r == ' ' {
			first = name[:i]
			break
		}
	}
	return fmt.Sprintf("%s@generated.example", first)
}

// campaign makes campaign number i; the first is always running so every
// sendToAnotherCampaign step can target it.
func (g *generator) campaign(i int, team api.Team) api.Campaign {
	base := time.Date(2024, 1, 2, 9, 0, 0, 0, time.UTC)
	created := base.Add(time.Duration(i)*37*time.Minute + time.Duration(g.rng.IntN(60_000))*time.Millisecond)
	c := api.Campaign{
		ID:        g.ids.next("cam_"),
		Name:      fmt.Sprintf("%s — %s #%d", g.pick(g.words.segments), g.pick(g.words.purposes), i+1),
		CreatedAt: created.Format("2006-01-02T15:04:05.000Z"),
		CreatedBy: team.UserIDs[g.rng.IntN(len(team.UserIDs))],
		Status:    g.pick(g.words.statuses),
		TeamID:    team.ID,
		Labels:    []string{g.pick(g.words.labels)},
	}
	if i == 0 {
		c.Status = "running"
	}
	switch c.Status {
	case "archived":
		c.Archived = true
	case "errors":
		c.HasError = true
		c.Errors = []string{"Your campaign does not have sender."}
	}
	return c
}

// sequences builds campaign number i's sequences and numbers them.
func (g *generator) sequences(c api.Campaign, i, n int, target string) api.Sequences {
	mainID := g.ids.next("seq_")
	seqs := api.Sequences{}
	branched := i%4 == 0 && n >= 2
	regular := n
	if branched {
		regular = n - 1
	}
	main := api.Sequence{ID: mainID, Steps: g.steps(regular, i > 0, target)}
	if branched {
		yesID, noID := g.ids.next("seq_"), g.ids.next("seq_")
		main.Steps = append(main.Steps, g.conditional(yesID, noID))
		lane := max(1, n/2)
		seqs[yesID] = api.Sequence{ID: yesID, ParentID: mainID, Steps: g.steps(lane, false, target)}
		seqs[noID] = api.Sequence{ID: noID, ParentID: mainID, Steps: g.steps(lane, i > 0, target)}
	}
	seqs[mainID] = main
	renumber(seqs)
	return seqs
}

// steps makes n steps without conditions; allowMove lets one of them send
// the lead to the target campaign.
func (g *generator) steps(n int, allowMove bool, target string) []api.Step {
	out := make([]api.Step, 0, n)
	for k := range n {
		t := g.words.stepTypes[g.rng.IntN(len(g.words.stepTypes))]
		if t == api.SendToAnotherCampaign && !allowMove {
			t = api.Email
		}
		st := g.step(t, target)
		if t != api.SendToAnotherCampaign {
			d := 0
			if k > 0 {
				d = 1 + g.rng.IntN(7)
			}
			st.Delay = &d
		}
		out = append(out, st)
	}
	return out
}

func (g *generator) conditional(yesID, noID string) api.Step {
	key := api.ConditionKeys[g.rng.IntN(len(api.ConditionKeys))]
	d := 1 + g.rng.IntN(7)
	return api.Step{
		ID:              g.ids.next("stp_"),
		Type:            api.Conditional,
		EmailTemplateID: g.ids.next("etp_"),
		Conditions: []api.Condition{
			{SequenceID: yesID, Key: key.Value, Label: key.Label, Delay: &d, DelayType: g.pick([]string{"within", "waitUntil"})},
			{SequenceID: noID, Fallback: true},
		},
	}
}
