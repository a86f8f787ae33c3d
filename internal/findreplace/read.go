package findreplace

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sync"

	"lemstep/api"
)

// readers is how many campaigns are read at once. The client's rate limiter
// paces them; a few in flight hide each answer's latency, so the reading
// runs at the rate limit rather than at one answer's round trip.
const readers = 8

// CampaignSteps is one campaign as read for a search: one request for its
// sequences, and one more for variant B of each step with an A/B test.
type CampaignSteps struct {
	Campaign api.Campaign
	// Targets are its steps in the order of its tree, each followed by its
	// variant B when it has one.
	Targets []Target
	// Err is why the campaign could not be read; Targets is then empty.
	Err error
	// VariantErrs are the steps whose variant B lemlist would not give
	// (another plan, no variant): they are searched without it.
	VariantErrs []api.ABVariantResult
}

// Read reads the campaigns, a few at a time within the client's rate
// limit, and returns them in the order given. progress, when set, hears
// of each campaign read (done of total), one call at a time. A cancelled
// ctx stops the reading; the campaigns not read then carry its error.
func Read(ctx context.Context, c *api.Client, camps []api.Campaign, progress func(done, total int)) []CampaignSteps {
	out := make([]CampaignSteps, len(camps))
	jobs := make(chan int)
	var mu sync.Mutex
	done := 0
	var wg sync.WaitGroup
	for range min(readers, len(camps)) {
		wg.Go(func() {
			for i := range jobs {
				out[i] = readCampaign(ctx, c, camps[i])
				if progress != nil {
					mu.Lock()
					done++
					progress(done, len(camps))
					mu.Unlock()
				}
			}
		})
	}
	for i := range camps {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return out
}

// readCampaign reads one campaign's steps and the variant B of its A/B
// tests.
func readCampaign(ctx context.Context, c *api.Client, camp api.Campaign) CampaignSteps {
	cs := CampaignSteps{Campaign: camp}
	seqs, err := c.Sequences(ctx, camp.ID)
	if err != nil {
		cs.Err = err
		return cs
	}
	variants := map[string]api.ABVariant{}
	if tested := api.ABTestedSteps(seqs); len(tested) > 0 {
		for _, r := range c.ABVariantsOf(ctx, tested) {
			if r.Err != nil {
				cs.VariantErrs = append(cs.VariantErrs, r)
				continue
			}
			variants[r.StepID] = r.Variant
		}
	}
	for _, t := range Targets(camp, seqs) {
		cs.Targets = append(cs.Targets, t)
		if b, ok := variants[t.Step.ID]; ok {
			t.B = &b
			cs.Targets = append(cs.Targets, t)
		}
	}
	return cs
}

// Targets lists the steps of a campaign's sequences in the order of its
// tree, each with its path. When the sequences do not form a tree (no main
// sequence), each sequence's steps follow in id order, named by the
// sequence and their place in it.
func Targets(camp api.Campaign, seqs api.Sequences) []Target {
	var out []Target
	seen := map[string]bool{}
	add := func(st api.Step, path string) {
		if seen[st.ID] {
			return
		}
		seen[st.ID] = true
		out = append(out, Target{Campaign: camp, Path: path, Step: st})
	}
	if tree, err := api.BuildTree(seqs); err == nil {
		tree.Walk(func(n api.Node, _ int) { add(n.Step, n.Path) })
	}
	for _, id := range slices.Sorted(maps.Keys(seqs)) {
		for i, st := range seqs[id].Steps {
			if st.SequenceID == "" {
				st.SequenceID = id
			}
			add(st, fmt.Sprintf("%s · %d", id, i+1))
		}
	}
	return out
}
