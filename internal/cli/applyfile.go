package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"

	"lemstep/api"
	"lemstep/internal/safetext"
)

// applyEntry is one update of an apply file: where it goes and its body.
type applyEntry struct {
	n          int // position in the file, from 1
	sequenceID string
	stepID     string
	update     api.StepUpdate
	variant    variantEntry // set for an entry about variant B (`variant: b`)
	problems   []string     // what is wrong with the entry as written
	// campaign and loaded are where the step was found when the file was
	// checked, and the step as it was then: what the update starts from.
	campaign api.Campaign
	loaded   api.Step
}

// label names the entry in messages: "entry 2 (step stp_…)".
func (e applyEntry) label() string {
	if e.stepID == "" {
		return fmt.Sprintf("entry %d", e.n)
	}
	return fmt.Sprintf("entry %d (step %s)", e.n, safetext.Line(e.stepID))
}

// parseApplyFile reads a JSON or YAML list of updates. A file whose first
// character is [ or { is read as JSON, anything else as YAML; both give
// each entry as a JSON object, read with the endpoint's own parser so a
// field has the same rules in a file as in a request. The error is about
// the file as a whole; problems with single entries are kept on them.
func parseApplyFile(data []byte) ([]applyEntry, error) {
	raws, err := decodeList(data)
	if err != nil {
		return nil, err
	}
	if len(raws) == 0 {
		return nil, usageError("the file lists no updates")
	}
	entries := make([]applyEntry, len(raws))
	for i, raw := range raws {
		entries[i] = parseEntry(i+1, raw)
	}
	return entries, nil
}

// parseEntry splits an entry into its address (sequenceId, stepId) and the
// body, which must pass api.ParseStepUpdate.
func parseEntry(n int, raw json.RawMessage) applyEntry {
	e := applyEntry{n: n}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil || fields == nil {
		e.problems = append(e.problems, e.label()+": must be an object with sequenceId, stepId, type and the fields to change")
		return e
	}
	e.sequenceID = e.address(fields, "sequenceId")
	e.stepID = e.address(fields, "stepId")
	delete(fields, "sequenceId")
	delete(fields, "stepId")
	isB := e.parseVariantField(fields)
	body, err := json.Marshal(fields)
	if err != nil {
		e.problems = append(e.problems, e.label()+": "+safetext.Clean(err.Error()))
		return e
	}
	if isB {
		e.parseVariantBody(body)
		return e
	}
	u, vs := api.ParseStepUpdate(body)
	e.update = u
	e.problems = append(e.problems, violationLines(e.label(), vs)...)
	return e
}

// address reads sequenceId or stepId, noting a problem when it is missing.
func (e *applyEntry) address(fields map[string]json.RawMessage, name string) string {
	var s string
	if err := json.Unmarshal(fields[name], &s); err != nil || s == "" {
		e.problems = append(e.problems, fmt.Sprintf("entry %d: %s is missing; it must be the id as text", e.n, name))
		return ""
	}
	return s
}

// checkEntries checks every well-formed entry with the editor's rules and,
// when locate is not nil, finds its step on lemlist; it returns every
// problem of every entry, in file order.
func checkEntries(entries []applyEntry, t api.Target, locate func(*applyEntry) []string) []string {
	var problems []string
	for i := range entries {
		e := &entries[i]
		if len(e.problems) > 0 {
			problems = append(problems, e.problems...)
			continue
		}
		if e.variant.on {
			problems = append(problems, violationLines(e.label(), checkVariantUpdate(e.variant.update))...)
		} else {
			problems = append(problems, violationLines(e.label(), checkUpdate(e.update, t))...)
		}
		if locate != nil {
			problems = append(problems, locate(e)...)
		}
	}
	return problems
}

// sequenceFinder finds the campaign a sequence belongs to. lemlist has no
// route from a sequence or a step to its campaign, so the campaigns are
// listed once and their sequences read one campaign at a time until the
// sequence shows up; every read is kept, so a file naming many steps of
// one campaign reads it once.
type sequenceFinder struct {
	client    *api.Client
	campaigns []api.Campaign
	listed    bool
	sequences map[string]api.Sequences // by campaign id, for every campaign read
	owner     map[string]api.Campaign  // by sequence id, for every sequence seen
}

func newSequenceFinder(c *api.Client) *sequenceFinder {
	return &sequenceFinder{client: c, sequences: map[string]api.Sequences{}, owner: map[string]api.Campaign{}}
}

// notFoundError says that a sequence or a step is not where it was looked
// for. It is a problem with what the user asked, not with lemlist.
type notFoundError struct{ msg string }

func (e *notFoundError) Error() string { return e.msg }

// find returns the campaign holding sequenceID and that campaign's
// sequences. Campaigns whose main sequence it is come first, then those
// not archived, so the usual case reads one campaign.
func (f *sequenceFinder) find(ctx context.Context, sequenceID string) (api.Campaign, api.Sequences, error) {
	if camp, ok := f.owner[sequenceID]; ok {
		return camp, f.sequences[camp.ID], nil
	}
	if !f.listed {
		camps, err := f.client.Campaigns(ctx, api.CampaignQuery{})
		if err != nil {
			return api.Campaign{}, nil, err
		}
		f.campaigns, f.listed = searchOrder(camps, sequenceID), true
	}
	for _, camp := range f.campaigns {
		if _, done := f.sequences[camp.ID]; done {
			continue
		}
		if _, err := f.read(ctx, camp); err != nil {
			return api.Campaign{}, nil, err
		}
		if owner, ok := f.owner[sequenceID]; ok {
			return owner, f.sequences[owner.ID], nil
		}
	}
	return api.Campaign{}, nil, &notFoundError{fmt.Sprintf("no campaign in the workspace %s has a sequence %s; "+
		"`lemstep steps CAMPAIGN_ID` lists a campaign's sequences", safetext.Line(f.client.Workspace()), safetext.Line(sequenceID))}
}

// in returns the sequences of the campaign given with --in-campaign, which
// must hold sequenceID. The campaign is read too, for its name.
func (f *sequenceFinder) in(ctx context.Context, campaignID, sequenceID string) (api.Campaign, api.Sequences, error) {
	camp, err := f.client.Campaign(ctx, campaignID)
	if err != nil {
		return api.Campaign{}, nil, err
	}
	seqs, err := f.read(ctx, camp)
	if err != nil {
		return api.Campaign{}, nil, err
	}
	if _, ok := seqs[sequenceID]; !ok {
		return api.Campaign{}, nil, &notFoundError{fmt.Sprintf("campaign %s has no sequence %s; `lemstep steps %s` lists its sequences",
			safetext.Line(campaignID), safetext.Line(sequenceID), safetext.Line(campaignID))}
	}
	return camp, seqs, nil
}

// read reads a campaign's sequences once. A campaign without any (lemlist
// answers 400 "Campaign has no sequence") holds none of them.
func (f *sequenceFinder) read(ctx context.Context, camp api.Campaign) (api.Sequences, error) {
	if seqs, ok := f.sequences[camp.ID]; ok {
		return seqs, nil
	}
	seqs, err := f.client.Sequences(ctx, camp.ID)
	if err != nil && api.StatusOf(err) != http.StatusBadRequest {
		return nil, err
	}
	f.sequences[camp.ID] = seqs
	for id := range seqs {
		f.owner[id] = camp
	}
	return seqs, nil
}

// searchOrder puts the campaigns whose main sequence is sequenceID first
// (when the list says so), then the campaigns not archived.
func searchOrder(camps []api.Campaign, sequenceID string) []api.Campaign {
	rank := func(c api.Campaign) int {
		switch {
		case c.SequenceID == sequenceID:
			return 0
		case !c.IsArchived():
			return 1
		}
		return 2
	}
	out := slices.Clone(camps)
	slices.SortStableFunc(out, func(a, b api.Campaign) int { return rank(a) - rank(b) })
	return out
}

// stepIn picks a step out of a campaign's sequences.
func stepIn(seqs api.Sequences, camp api.Campaign, sequenceID, stepID string) (api.Step, error) {
	if st, ok := seqs.StepIn(sequenceID, stepID); ok {
		return st, nil
	}
	return api.Step{}, &notFoundError{fmt.Sprintf("sequence %s of campaign %s has no step %s",
		safetext.Line(sequenceID), campaignLabel(camp), safetext.Line(stepID))}
}

// campaignLabel names a campaign in messages: "Spring outreach (cam_…)".
func campaignLabel(c api.Campaign) string {
	name := safetext.Line(c.Name)
	if name == "" {
		return safetext.Line(c.ID)
	}
	return fmt.Sprintf("\"%s\" (%s)", name, safetext.Line(c.ID))
}
